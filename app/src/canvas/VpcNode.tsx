import { memo, useMemo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useApp, useAppStore } from '../store/context.tsx';
import { vpcIndex } from '../store/selectors.ts';
import { useBadge } from './checkedDesign.tsx';
import { VPC_ICON_URL } from '../icons/index.ts';
import { VPC_PAD_X, zoneNames, zonesCaption } from '@archgen/layout';
import { setAzCount, requestRemoveVpc } from '../commands/designCommands.ts';
import { MAX_AZS, MIN_AZS } from '../store/designOps.ts';
import type { VpcFlowNode } from './flowTypes.ts';

/** The VPC container: a draggable header (name, CIDR, AZ buttons) and the AZs it spans. */
export const VpcNode = memo(function VpcNode({ id, data, selected }: NodeProps<VpcFlowNode>) {
  const store = useAppStore();
  const vpc = useApp((s) => vpcIndex(s.design).get(data.vpcId));
  const region = useApp((s) => s.design.region);
  const badge = useBadge(data.vpcId);
  // A shared design opened read-only shows the VPC without the buttons that would edit it.
  const readOnly = useApp((s) => s.readOnly);
  const zones = useMemo(() => (vpc ? zoneNames(region, vpc.azCount) : []), [region, vpc]);
  if (!vpc) return null;
  const [worst, count] = badge ? badge.split(':') : [];
  return (
    <div className={`vpc-node${selected ? ' is-selected' : ''}`} data-flow-id={id}>
      <div className="vpc-node__header vpc-drag-handle">
        <img src={VPC_ICON_URL} alt="" width={22} height={22} draggable={false} />
        <span className="vpc-node__name">{vpc.name}</span>
        <span className="vpc-node__cidr">{vpc.cidr}</span>
        {!vpc.flowLogs && <span className="chip chip--muted">no flow logs</span>}
        {worst && (
          <span
            className={`badge badge--${worst} badge--inline`}
            role="status"
            aria-label={`${count} VPC problems, worst ${worst}`}
          >
            {count}
          </span>
        )}
        <span className="vpc-node__spacer" />
        {!readOnly && (
          <div className="vpc-node__actions nodrag">
            <button
              type="button"
              className="btn btn--tiny"
              aria-label="− AZ: remove availability zone"
              title="Remove an availability zone (minimum 2)"
              disabled={vpc.azCount <= MIN_AZS}
              onClick={() => setAzCount(store, vpc.id, vpc.azCount - 1)}
            >
              − AZ
            </button>
            <button
              type="button"
              className="btn btn--tiny"
              aria-label="+ AZ: add availability zone"
              title="Add an availability zone (maximum 3)"
              disabled={vpc.azCount >= MAX_AZS}
              onClick={() => setAzCount(store, vpc.id, vpc.azCount + 1)}
            >
              + AZ
            </button>
            <button
              type="button"
              className="btn btn--tiny btn--danger-ghost"
              aria-label={`Remove VPC ${vpc.name}`}
              title="Remove this VPC (its services stay, unplaced)"
              onClick={() => requestRemoveVpc(store, vpc.id)}
            >
              Remove VPC
            </button>
          </div>
        )}
      </div>
      {/* AZs as a caption, not columns: nothing is placed per AZ, every tier spans them all. */}
      <div className="vpc-node__azs" style={{ paddingLeft: VPC_PAD_X, paddingRight: VPC_PAD_X }}>
        {zonesCaption(zones)}
      </div>
    </div>
  );
});

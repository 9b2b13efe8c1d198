import { memo, useMemo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useApp, useAppStore } from '../store/context.tsx';
import { vpcIndex } from '../store/selectors.ts';
import { useBadge } from './checkedDesign.tsx';
import { VPC_ICON_URL } from '../icons/index.ts';
import { VPC_PAD_X, zoneNames } from './geometry.ts';
import { setAzCount, removeVpc } from '../commands/designCommands.ts';
import { MAX_AZS, MIN_AZS } from '../store/designOps.ts';
import type { VpcFlowNode } from './flowTypes.ts';

/** The VPC container: a draggable header (name, CIDR, AZ buttons) and the AZ column titles. */
export const VpcNode = memo(function VpcNode({ id, data, selected }: NodeProps<VpcFlowNode>) {
  const store = useAppStore();
  const vpc = useApp((s) => vpcIndex(s.design).get(data.vpcId));
  const region = useApp((s) => s.design.region);
  const badge = useBadge(data.vpcId);
  // A shared design opened read-only shows the VPC without the buttons that would edit it.
  const readOnly = useApp((s) => s.readOnly);
  const zones = useMemo(() => (vpc ? zoneNames(region, vpc.azCount) : []), [region, vpc]);
  if (!vpc) return null;
  const columnWidth = (data.width - 2 * VPC_PAD_X) / vpc.azCount;
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
              aria-label="Remove availability zone"
              title="Remove an availability zone (minimum 2)"
              disabled={vpc.azCount <= MIN_AZS}
              onClick={() => setAzCount(store, vpc.id, vpc.azCount - 1)}
            >
              − AZ
            </button>
            <button
              type="button"
              className="btn btn--tiny"
              aria-label="Add availability zone"
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
              onClick={() => removeVpc(store, vpc.id)}
            >
              Remove VPC
            </button>
          </div>
        )}
      </div>
      <div className="vpc-node__azs" style={{ paddingLeft: VPC_PAD_X, paddingRight: VPC_PAD_X }}>
        {zones.map((zone) => (
          <div key={zone} className="vpc-node__az" style={{ width: columnWidth }}>
            {zone}
          </div>
        ))}
      </div>
    </div>
  );
});

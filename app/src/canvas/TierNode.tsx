import { memo, useMemo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useApp } from '../store/context.tsx';
import { vpcIndex } from '../store/selectors.ts';
import { subnetCidrs, tierLabel, zoneNames } from '@archgen/layout';
import type { TierFlowNode } from './flowTypes.ts';

/** What usually goes in each tier, as a hint in an empty band. */
const TIER_HINTS: Readonly<Record<TierFlowNode['data']['tier'], string>> = {
  public: 'load balancers and NAT gateways',
  private: 'services and functions',
  isolated: 'databases and caches',
};

/**
 * One subnet tier band: its name and, in the same row, each AZ's subnet ("us-east-1a
 * 10.0.0.0/24"). No AZ columns: a service is placed in a tier and spans its subnets in every AZ.
 */
export const TierNode = memo(function TierNode({ data }: NodeProps<TierFlowNode>) {
  const vpc = useApp((s) => vpcIndex(s.design).get(data.vpcId));
  const region = useApp((s) => s.design.region);
  const cidrs = useMemo(() => subnetCidrs(vpc), [vpc]);
  const zones = useMemo(() => zoneNames(region, data.azCount), [region, data.azCount]);
  return (
    <div className={`tier-node tier-node--${data.tier}`}>
      <div className="tier-node__label">{tierLabel(data.tier)}</div>
      <ul className="tier-node__subnets" aria-label={`${tierLabel(data.tier)}s by availability zone`}>
        {zones.map((zone, i) => (
          <li key={zone} className="tier-node__subnet">
            <span className="tier-node__az">{zone}</span>{' '}
            <span className="tier-node__cidr">{cidrs.get(`${data.tier}/${i}`) ?? ''}</span>
          </li>
        ))}
      </ul>
      {data.empty && (
        <div className="tier-node__hint" aria-hidden="true">
          Drop {TIER_HINTS[data.tier]} here
        </div>
      )}
    </div>
  );
});

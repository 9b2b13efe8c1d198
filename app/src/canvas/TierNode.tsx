import { memo, useMemo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { planSubnets, type Vpc } from '@archgen/model';
import { useApp } from '../store/context.tsx';
import { vpcIndex } from '../store/selectors.ts';
import { tierLabel } from './geometry.ts';
import type { TierFlowNode } from './flowTypes.ts';

/** What usually goes in each tier, as a hint in an empty band. */
const TIER_HINTS: Readonly<Record<TierFlowNode['data']['tier'], string>> = {
  public: 'load balancers and NAT gateways',
  private: 'services and functions',
  isolated: 'databases and caches',
};

function subnetCidrs(vpc: Vpc | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!vpc) return out;
  try {
    for (const s of planSubnets(vpc)) out.set(`${s.tier}/${s.azIndex}`, s.cidr);
  } catch {
    // An unplannable CIDR is reported by rule NET-07; the band just shows no CIDRs.
  }
  return out;
}

/** One subnet tier band spanning the AZ columns, drawn as dashed lanes with each subnet's CIDR. */
export const TierNode = memo(function TierNode({ data }: NodeProps<TierFlowNode>) {
  const vpc = useApp((s) => vpcIndex(s.design).get(data.vpcId));
  const cidrs = useMemo(() => subnetCidrs(vpc), [vpc]);
  const columns = Array.from({ length: data.azCount }, (_, i) => i);
  return (
    <div className={`tier-node tier-node--${data.tier}`}>
      <div className="tier-node__lanes" aria-hidden="true">
        {columns.map((i) => (
          <div key={i} className="tier-node__lane">
            <span className="tier-node__cidr">{cidrs.get(`${data.tier}/${i}`) ?? ''}</span>
          </div>
        ))}
      </div>
      <div className="tier-node__label">{tierLabel(data.tier)}</div>
      {data.empty && (
        <div className="tier-node__hint" aria-hidden="true">
          Drop {TIER_HINTS[data.tier]} here
        </div>
      )}
    </div>
  );
});

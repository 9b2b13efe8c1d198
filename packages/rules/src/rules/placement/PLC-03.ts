import { getService } from '@archgen/model';
import type { SubnetTier } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { makeFinding, moveToTier, nodeTarget, tierLabel } from '../../rule-kit.ts';

export const PLC_03: Rule = {
  id: 'PLC-03',
  title: 'Placements name an existing VPC and one of its tiers',
  pillar: 'reliability',
  severity: 'critical',
  equivalents: [],
  breaksGeneratedCode: { reason: 'a node placed in a tier its VPC lacks has no subnet to be deployed in' },
  check(ctx) {
    const findings: Finding[] = [];
    for (const node of ctx.design.nodes) {
      if (!node.placement) continue;
      const { vpcId, tier } = node.placement;
      const vpc = ctx.vpcsById.get(vpcId);
      if (vpc && vpc.tiers.includes(tier)) continue;
      const allowed = (getService(node.type)?.placements ?? []).filter(
        (p): p is SubnetTier => p !== 'regional',
      );
      const move = allowed.map((t) => moveToTier(ctx, node, t)).find((m) => m !== undefined);
      const message = vpc
        ? `${node.name} is placed in the ${tierLabel(tier)} of ${vpc.name}, which has no ${tier} tier`
        : `${node.name} is placed in VPC "${vpcId}", which is not in the design`;
      findings.push(
        makeFinding(
          PLC_03,
          nodeTarget(node),
          message,
          'Subnets exist only for the tiers a VPC declares; a node placed elsewhere has no subnet to be deployed in.',
          move
            ? { title: `Move to ${tierLabel(move.tier)}`, actions: [move] }
            : { title: `Add the ${tier} tier to the VPC`, actions: [] },
        ),
      );
    }
    return findings;
  },
};

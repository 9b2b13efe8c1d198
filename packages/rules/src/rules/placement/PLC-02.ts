import { getService, serviceNoun } from '@archgen/model';
import type { SubnetTier } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { makeFinding, moveToTier, nodeTarget, tierLabel } from '../../rule-kit.ts';

/** Ends the why of the finding that blocks generation (a VPC service outside any VPC). */
const NO_VPC = 'without a VPC placement it cannot be deployed.';

export const PLC_02: Rule = {
  id: 'PLC-02',
  title: 'Regional services stay out of VPCs; VPC services are placed in one',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  // Only the VPC service outside a VPC: the lowering has no subnets for it and throws. A regional
  // service drawn in a VPC is generated without the placement.
  breaksGeneratedCode: {
    reason: 'the generators cannot build a VPC service that has no VPC placement',
    applies: (finding) => finding.why.endsWith(NO_VPC),
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const node of ctx.design.nodes) {
      const service = getService(node.type);
      if (!service) continue;
      const noun = serviceNoun(service);
      const vpcTiers = service.placements.filter((p): p is SubnetTier => p !== 'regional');
      if (node.placement && vpcTiers.length === 0) {
        findings.push(
          makeFinding(
            PLC_02,
            nodeTarget(node),
            `${node.name} is drawn inside a VPC, but ${noun.a} ${noun.is} regional, outside any VPC`,
            `${noun.A} ${noun.does} not live in a subnet; the placement would be ignored and misleads readers of the diagram.`,
            { title: 'Move out of the VPC', actions: [{ kind: 'clear-placement', nodeId: node.id }] },
          ),
        );
      } else if (!node.placement && !service.placements.includes('regional')) {
        const tier = vpcTiers[0]!;
        const move = moveToTier(ctx, node, tier);
        findings.push(
          makeFinding(
            PLC_02,
            nodeTarget(node),
            `${node.name} is not in a VPC; ${noun.a} ${noun.is === 'is' ? 'runs' : 'run'} in the ${tierLabel(tier)} of a VPC`,
            `${noun.A} ${noun.is === 'is' ? 'needs' : 'need'} subnets and a security group; ${NO_VPC}`,
            move
              ? { title: `Move to ${tierLabel(tier)}`, actions: [move] }
              : { title: `Add a VPC with ${tier} subnets`, actions: [] },
          ),
        );
      }
    }
    return findings;
  },
};

import type { Rule } from '../../types.ts';
import {
  COMPUTE_TYPES,
  makeFinding,
  moveToTier,
  nodesOfTypes,
  nodeTarget,
  tierLabel,
} from '../../rule-kit.ts';

export const NET_02: Rule = {
  id: 'NET-02',
  title: 'Application compute runs in private subnets with egress',
  pillar: 'security',
  severity: 'high',
  equivalents: ['CKV_AWS_333'],
  check: (ctx) =>
    nodesOfTypes(ctx, COMPUTE_TYPES)
      .filter((node) => node.placement && node.placement.tier !== 'private')
      .map((node) => {
        const move = moveToTier(ctx, node, 'private');
        const tier = node.placement!.tier;
        return makeFinding(
          NET_02,
          nodeTarget(node),
          `${node.name} runs in the ${tierLabel(tier)}; application compute belongs in the private subnet`,
          tier === 'public'
            ? 'Compute in a public subnet is one security group mistake away from the internet; put a load balancer in front instead.'
            : 'An isolated subnet has no route out, so the service cannot pull images, call AWS APIs or reach the internet.',
          { title: 'Move to private subnet', actions: move ? [move] : [] },
        );
      }),
};

import type { Rule } from '../../types.ts';
import { makeFinding, moveToTier, nodesOfTypes, nodeTarget } from '../../rule-kit.ts';

export const BAS_01: Rule = {
  id: 'BAS-01',
  title: 'Bastion hosts sit in private subnets, reached through Session Manager',
  pillar: 'security',
  severity: 'high',
  equivalents: ['CKV_AWS_88'],
  check: (ctx) =>
    nodesOfTypes(ctx, ['bastion'])
      .filter((node) => node.placement?.tier === 'public')
      .map((node) => {
        const move = moveToTier(ctx, node, 'private');
        return makeFinding(
          BAS_01,
          nodeTarget(node),
          `${node.name} sits in the public subnet`,
          'Session Manager reaches the instance from inside the VPC through its agent; a public subnet only gives it a path from the internet that nothing here needs.',
          { title: 'Move to private subnet', actions: move ? [move] : [] },
        );
      }),
};

import type { Rule } from '../../types.ts';
import { VPC_DATABASE_TYPES, checkNodes, flag, moveToTier, tierLabel } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const NET_04: Rule = {
  id: 'NET-04',
  title: 'Databases, caches and search domains sit in isolated subnets, not publicly accessible',
  pillar: 'security',
  severity: 'critical',
  equivalents: ['CKV_AWS_17', 'F22', 'AVD-AWS-0180', 'AwsSolutions-AEC1', 'AwsSolutions-OS1'],
  check: (ctx) =>
    checkNodes(ctx, NET_04, VPC_DATABASE_TYPES, 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (node.placement && node.placement.tier !== 'isolated') {
        const move = moveToTier(ctx, node, 'isolated');
        problems.push({
          code: 'tier',
          message: `${node.name} is in the ${tierLabel(node.placement.tier)}`,
          why: 'Data stores belong in isolated subnets with no route to or from the internet; only the application tier should reach them.',
          fixTitle: 'Move to isolated subnet',
          actions: move ? [move] : [],
        });
      }
      if (flag(props, 'publiclyAccessible') === true)
        problems.push({
          code: 'public',
          message: `${node.name} is publicly accessible`,
          why: 'A publicly accessible database gets a public DNS address; one security group mistake exposes it to the internet.',
          fixTitle: 'Turn off public accessibility',
          set: { publiclyAccessible: false },
        });
      return problems;
    }),
};

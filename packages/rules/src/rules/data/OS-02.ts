import type { Rule } from '../../types.ts';
import { checkNodes, flag, num } from '../../rule-kit.ts';

export const OS_02: Rule = {
  id: 'OS-02',
  title: 'Search domains are zone-aware, with dedicated masters in production',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: ['AwsSolutions-OS7', 'AwsSolutions-OS4'],
  check: (ctx) => [
    ...checkNodes(ctx, OS_02, ['opensearch'], 'all', (node, props) => {
      if (flag(props, 'zoneAwareness') !== false) return undefined;
      const count = num(props, 'instanceCount') ?? 1;
      return {
        code: 'zones',
        message: `${node.name} keeps all its shards in one AZ`,
        why: 'Zone awareness places replica shards in another AZ, so an AZ outage does not take the domain down.',
        fixTitle: 'Turn on zone awareness',
        set: { zoneAwareness: true, instanceCount: Math.max(2, count + (count % 2)) },
      };
    }),
    ...checkNodes(ctx, OS_02, ['opensearch'], 'production', (node, props) =>
      flag(props, 'dedicatedMasters') === true
        ? undefined
        : {
            code: 'masters',
            message: `${node.name} has no dedicated master nodes`,
            why: 'Data nodes that also manage the cluster can stall it under heavy load; dedicated masters keep the cluster state stable.',
            fixTitle: 'Add dedicated master nodes',
            set: { dedicatedMasters: true },
          },
    ),
  ],
};

import type { Rule } from '../../types.ts';
import { checkNodes, flag, text } from '../../rule-kit.ts';

export const DDB_02: Rule = {
  id: 'DDB-02',
  title: 'Provisioned tables auto scale',
  pillar: 'cost',
  severity: 'low',
  equivalents: ['CKV2_AWS_16'],
  check: (ctx) =>
    checkNodes(ctx, DDB_02, ['dynamodb'], 'all', (node, props) =>
      text(props, 'billingMode') === 'provisioned' && flag(props, 'autoScaling') === false
        ? {
            message: `${node.name} has fixed provisioned capacity`,
            why: 'Fixed capacity is paid for around the clock and throttles at peaks; auto scaling follows the load (or use on-demand).',
            fixTitle: 'Turn on auto scaling',
            set: { autoScaling: true },
          }
        : undefined,
    ),
};

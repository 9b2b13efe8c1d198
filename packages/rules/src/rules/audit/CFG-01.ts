import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const CFG_01: Rule = {
  id: 'CFG-01',
  title: 'AWS Config records every supported resource, global ones included',
  pillar: 'security',
  severity: 'low',
  equivalents: ['AWS-0019'],
  check: (ctx) =>
    checkNodes(ctx, CFG_01, ['config-recorder'], 'all', (node, props) =>
      flag(props, 'allSupported') === false || flag(props, 'includeGlobalResources') === false
        ? {
            message:
              flag(props, 'allSupported') === false
                ? `${node.name} does not record every supported resource type`
                : `${node.name} does not record global resources (IAM)`,
            why: 'Config rules and the configuration history see only what the recorder records: a resource type left out (or IAM users, roles and policies) is never checked. Record global resources in one region of the account.',
            fixTitle: 'Record every supported resource',
            set: { allSupported: true, includeGlobalResources: true },
          }
        : undefined,
    ),
};

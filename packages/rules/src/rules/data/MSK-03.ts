import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const MSK_03: Rule = {
  id: 'MSK-03',
  title: 'MSK brokers log to CloudWatch',
  pillar: 'operational-excellence',
  severity: 'low',
  equivalents: ['AwsSolutions-MSK6', 'CKV_AWS_80'],
  check: (ctx) =>
    checkNodes(ctx, MSK_03, ['msk-cluster'], 'all', (node, props) =>
      flag(props, 'brokerLogs') === false
        ? {
            message: `${node.name} keeps no broker logs`,
            why: 'Broker logs are where partition leadership changes, authentication failures and disk pressure show up first.',
            fixTitle: 'Turn on broker logs',
            set: { brokerLogs: true },
          }
        : undefined,
    ),
};

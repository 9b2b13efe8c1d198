import type { Rule } from '../../types.ts';
import { checkNodes, flag, outgoingOf } from '../../rule-kit.ts';

export const MSG_01: Rule = {
  id: 'MSG-01',
  title: 'EventBridge rule targets have a dead-letter queue',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: ['Serverless-EventBusDLQ', 'Serverless-SNSRedrivePolicy'],
  check: (ctx) =>
    checkNodes(ctx, MSG_01, ['eventbridge-rule'], 'all', (node, props) =>
      flag(props, 'targetDlq') === false && outgoingOf(ctx, node.id, ['route']).length > 0
        ? {
            message: `${node.name} delivers to its targets without a dead-letter queue`,
            why: 'When a target is throttled or gone, EventBridge retries for a day and then drops the event; a DLQ keeps it.',
            fixTitle: 'Add a dead-letter queue to each target',
            set: { targetDlq: true },
          }
        : undefined,
    ),
};

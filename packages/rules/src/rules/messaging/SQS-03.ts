import type { Rule } from '../../types.ts';
import { checkNodes, derivedId, flag, incomingOf, newNode } from '../../rule-kit.ts';

export const SQS_03: Rule = {
  id: 'SQS-03',
  title: 'Dead-letter queues are watched by an alarm',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, SQS_03, ['sqs'], 'all', (node, props) => {
      if (flag(props, 'isDeadLetterQueue') !== true) return undefined;
      // The lowering alarms on a queue drawn as a dead-letter queue itself.
      if (incomingOf(ctx, node.id, ['dead-letter']).length > 0) return undefined;
      const watched = incomingOf(ctx, node.id, ['read']).some(
        (c) => ctx.nodesById.get(c.from)?.type === 'cloudwatch-alarm',
      );
      if (watched) return undefined;
      const alarm = newNode(
        'cloudwatch-alarm',
        derivedId('alarm', node.id),
        `${node.name} has messages`,
        null,
        {
          metricName: 'ApproximateNumberOfMessagesVisible',
          statistic: 'Maximum',
          threshold: 1,
          comparison: 'GreaterThanOrEqualToThreshold',
        },
      );
      return {
        message: `Nothing alarms when messages land in ${node.name}`,
        why: 'Messages in a dead-letter queue are failures nobody has handled; without an alarm they sit unnoticed until they expire.',
        fixTitle: 'Add an alarm on visible messages',
        actions: [{ kind: 'add-node', node: alarm, connectTo: node.id, connectionKind: 'read' }],
      };
    }),
};

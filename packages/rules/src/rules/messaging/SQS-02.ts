import type { Rule } from '../../types.ts';
import { checkNodes, flag, incomingOf, outgoingOf } from '../../rule-kit.ts';

export const SQS_02: Rule = {
  id: 'SQS-02',
  title: 'Queues have a redrive dead-letter queue',
  pillar: 'reliability',
  severity: 'high',
  equivalents: ['AwsSolutions-SQS3', 'E3502'],
  check: (ctx) =>
    checkNodes(ctx, SQS_02, ['sqs'], 'all', (node, props) =>
      flag(props, 'isDeadLetterQueue') !== true &&
      flag(props, 'deadLetterQueue') === false &&
      // A drawn dead-letter connection, either way, settles it (SQS-06 checks those).
      outgoingOf(ctx, node.id, ['dead-letter']).length === 0 &&
      incomingOf(ctx, node.id, ['dead-letter']).length === 0
        ? {
            message: `${node.name} has no dead-letter queue`,
            why: 'A message that keeps failing is retried until it expires and is lost; a dead-letter queue keeps it after a few tries.',
            fixTitle: 'Add a dead-letter queue',
            set: { deadLetterQueue: true },
          }
        : undefined,
    ),
};

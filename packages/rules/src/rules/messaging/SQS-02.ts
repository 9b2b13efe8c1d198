import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const SQS_02: Rule = {
  id: 'SQS-02',
  title: 'Queues have a redrive dead-letter queue',
  pillar: 'reliability',
  severity: 'high',
  equivalents: ['AwsSolutions-SQS3', 'E3502'],
  check: (ctx) =>
    checkNodes(ctx, SQS_02, ['sqs'], 'all', (node, props) =>
      flag(props, 'isDeadLetterQueue') !== true && flag(props, 'deadLetterQueue') === false
        ? {
            message: `${node.name} has no dead-letter queue`,
            why: 'A message that keeps failing is retried until it expires and is lost; a dead-letter queue keeps it after a few tries.',
            fixTitle: 'Add a dead-letter queue',
            set: { deadLetterQueue: true },
          }
        : undefined,
    ),
};

import type { ServiceDefinition } from '../types.ts';
import { PUBLISHERS, WATCHED_BY_ALARM, bool, derivedDlq, ownKeyCount, stackResources } from '../define.ts';

export const sns: ServiceDefinition = {
  type: 'sns',
  displayName: 'SNS topic',
  keywords: ['topic', 'pub sub', 'pubsub', 'notification', 'notifications', 'fan out', 'fanout', 'push'],
  category: 'Integration',
  icon: 'sns',
  description:
    'Publish/subscribe topic that fans one message out to queues, functions and people (alarm notifications). Subscribers get their own dead-letter queue.',
  placements: ['regional'],
  properties: [
    bool('fifo', 'FIFO topic', false, {
      sameInEveryEnvironment: true,
      help: 'Ordered, deduplicated delivery; a FIFO topic can only deliver to FIFO queues.',
    }),
    bool('kmsEncryption', 'KMS encryption', true, {
      help: 'Encrypts messages at rest with KMS. Alarms and S3 notifications publishing here need a customer managed key that allows their service to use it.',
    }),
  ],
  accepts: [
    { kind: 'publish', from: PUBLISHERS, meaning: 'publishes to' },
    { kind: 'publish', from: ['cloudwatch-alarm'], meaning: 'notifies' },
    {
      kind: 'notify',
      from: ['sqs', 'sns', 'eventbridge-rule'],
      meaning: 'sends its dead-letter queue alarms to',
    },
    {
      kind: 'publish',
      from: ['s3'],
      meaning: 'sends object notifications to',
      // An EventBridge rule on the bucket's events.
      stackResources: { count: 1 },
    },
    { kind: 'route', from: ['eventbridge-rule'], meaning: 'sends matching events to' },
    WATCHED_BY_ALARM,
  ],
  // The topic, its policy and KMS key, and one dead-letter queue (with its alarm) for its
  // subscriptions.
  stackResources: ({ props, outgoing }) =>
    stackResources(
      2 + ownKeyCount(props.kmsEncryption === true, { outgoing }),
      outgoing.some((c) => c.kind === 'subscribe') && derivedDlq({ outgoing }),
    ),
};

import type { ServiceDefinition } from '../types.ts';
import {
  PUBLISHERS,
  WATCHED_BY_ALARM,
  bool,
  choice,
  notifiesTopic,
  num,
  reader,
  stackResources,
  ownKeyCount,
} from '../define.ts';

const properties = [
  bool('fifo', 'FIFO queue', false, {
    sameInEveryEnvironment: true,
    help: 'Exactly-once processing in order per message group, at up to 300 messages/s per API action (more with batching or high throughput mode). Standard queues are near-unlimited but may deliver twice or out of order.',
  }),
  num('visibilityTimeoutSeconds', 'Visibility timeout', 30, {
    unit: 'seconds',
    integer: true,
    min: 0,
    max: 43200,
    help: 'How long a received message stays hidden while a consumer works on it. For a Lambda consumer, at least 6x the function timeout.',
  }),
  num('retentionSeconds', 'Message retention', 345600, {
    unit: 'seconds',
    integer: true,
    min: 60,
    max: 1209600,
    help: 'Unprocessed messages are deleted after this (default 4 days, maximum 14). Give a dead-letter queue the maximum.',
  }),
  choice(
    'encryption',
    'Encryption',
    'sqs-managed',
    [
      ['sqs-managed', 'SQS managed (SSE-SQS)'],
      ['kms', 'Customer managed KMS key'],
    ],
    {
      help: 'Messages are always encrypted at rest. A KMS key gives key policies and audit, and publishers then need kms:GenerateDataKey.',
    },
  ),
  bool('deadLetterQueue', 'Dead-letter queue', true, {
    help: 'Derives a dead-letter queue of the same kind (FIFO or standard) plus an alarm on it, so poison messages are kept and noticed instead of retried forever. Draw a dead-letter connection to a queue of your own to use that one instead.',
  }),
  num('maxReceiveCount', 'Receives before dead-lettering', 5, {
    integer: true,
    min: 1,
    max: 1000,
    help: 'A message received this many times without being deleted moves to the dead-letter queue (derived or drawn).',
  }),
  bool('isDeadLetterQueue', 'Is a dead-letter queue', false, {
    sameInEveryEnvironment: true,
    help: 'Marks this queue as the dead-letter queue of other queues, so it gets no dead-letter queue of its own. A queue other queues draw a dead-letter connection to is one already.',
  }),
];

export const sqs: ServiceDefinition = {
  type: 'sqs',
  displayName: 'SQS queue',
  keywords: ['queue', 'message queue', 'mq', 'messaging', 'buffer'],
  category: 'Integration',
  icon: 'sqs',
  description:
    'Durable message queue that decouples producers from consumers and absorbs load spikes; consumers (often a Lambda event source) process messages at their own pace.',
  placements: ['regional'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    if (p.bool('isDeadLetterQueue') && p.bool('deadLetterQueue'))
      return [
        {
          path: 'deadLetterQueue',
          message: 'A dead-letter queue gets no dead-letter queue of its own; switch "Dead-letter queue" off',
        },
      ];
    return [];
  },
  accepts: [
    { kind: 'publish', from: PUBLISHERS, meaning: 'sends messages to' },
    {
      kind: 'publish',
      from: ['s3'],
      meaning: 'sends object notifications to',
      // An EventBridge rule on the bucket's events.
      stackResources: { count: 1 },
    },
    {
      kind: 'subscribe',
      from: ['sns'],
      meaning: 'fans out messages to',
      // The subscription (the topic counts the subscriptions' DLQ).
      stackResources: { count: 1 },
    },
    { kind: 'route', from: ['eventbridge-rule'], meaning: 'sends matching events to' },
    {
      kind: 'dead-letter',
      from: ['sqs'],
      meaning: 'moves messages that keep failing to',
      // The redrive is a property of the source queue; the dead-letter queue counts its alarm.
    },
    WATCHED_BY_ALARM,
  ],
  // The queue and its policy (and KMS key); the derived dead-letter queue likewise, with its
  // alarm. A queue others dead-letter to gets the alarm unless an alarm node already watches it.
  stackResources: ({ props, outgoing, incoming }) => {
    const key = props.encryption === 'kms' ? 1 : 0;
    const ownKey = ownKeyCount(key === 1, { outgoing });
    const isDlq = props.isDeadLetterQueue === true || incoming.some((c) => c.kind === 'dead-letter');
    const drawn = outgoing.some((c) => c.kind === 'dead-letter' && c.toType === 'sqs');
    const dlq = props.deadLetterQueue === true && !isDlq && !drawn;
    const alarmed =
      incoming.some((c) => c.kind === 'dead-letter') &&
      !incoming.some((c) => c.kind === 'read' && c.fromType === 'cloudwatch-alarm');
    // The alarm notifies the topic the queue notifies, else the shared alarm topic.
    const shared = notifiesTopic({ outgoing }) ? {} : { shared: ['alarm-topic' as const] };
    return stackResources(
      2 + ownKey,
      dlq && { count: 3 + key, ...shared },
      alarmed && { count: 1, ...shared },
    );
  },
};

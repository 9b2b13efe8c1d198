import type { Properties } from '../../design/schema.ts';
import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  bool,
  checkLogRetention,
  choice,
  logRetentionDaysProperty,
  num,
  text,
  securityGroup,
} from '../define.ts';

/** An event source mapping. */
const MAPPING = { count: 1 };

/** How an event source mapping batches records: set on each event-source connection. */
const BATCHING = [
  num('batchSize', 'Batch size', 10, {
    integer: true,
    min: 1,
    max: 10000,
    help: 'Records per invocation. SQS allows up to 10 without a batching window, 10,000 with one (a FIFO queue: 10).',
  }),
  num('maxBatchingWindowSeconds', 'Max batching window', 0, {
    unit: 'seconds',
    integer: true,
    min: 0,
    max: 300,
    help: 'How long the event source mapping waits to fill a batch: fewer, fuller invocations at the cost of latency.',
  }),
];

function checkSqsBatching(props: Properties): PropertyIssue[] {
  // AWS rejects an SQS event source with more than 10 records a batch unless it may wait to fill it.
  if (Number(props.batchSize) > 10 && Number(props.maxBatchingWindowSeconds) === 0)
    return [
      { path: 'batchSize', message: 'A batch size above 10 needs a batching window of at least 1 second' },
    ];
  return [];
}

export const lambda: ServiceDefinition = {
  type: 'lambda',
  displayName: 'Lambda function',
  abbreviations: ['faas'],
  keywords: ['function', 'functions', 'serverless', 'handler'],
  category: 'Compute',
  icon: 'lambda',
  description:
    'Runs code on demand, scaled per request and billed per millisecond. Regional by default; place it in a private subnet to reach databases inside the VPC (outbound internet then goes through the NAT gateway). Connect it to an ECR repository ("runs its image from") to run a container image instead of a code package: the image then brings the runtime and handler.',
  placements: ['regional', 'private'],
  properties: [
    choice(
      'runtime',
      'Runtime',
      'nodejs22.x',
      [
        ['nodejs22.x', 'Node.js 22'],
        ['nodejs20.x', 'Node.js 20'],
        ['python3.13', 'Python 3.13'],
        ['python3.12', 'Python 3.12'],
        ['java21', 'Java 21'],
        ['nodejs16.x', 'Node.js 16 (deprecated)'],
        ['python3.8', 'Python 3.8 (deprecated)'],
      ],
      {
        sameInEveryEnvironment: true,
        help: 'Deprecated runtimes get no security patches and, after the block date, cannot be updated. Does not apply to an image function (connected to an ECR repository): its image brings the runtime.',
      },
    ),
    choice(
      'architecture',
      'Architecture',
      'arm64',
      [
        ['arm64', 'arm64 (Graviton)'],
        ['x86_64', 'x86_64'],
      ],
      {
        help: 'Graviton costs about 20% less per GB-second and uses less energy; pick x86_64 only for native dependencies built for it. An image function’s image must be built for this architecture.',
      },
    ),
    num('memorySize', 'Memory', 512, {
      unit: 'MB',
      integer: true,
      min: 128,
      max: 10240,
      help: 'CPU is allocated in proportion to memory (a full vCPU at 1769 MB), so more memory can make a function faster and cheaper.',
    }),
    num('timeoutSeconds', 'Timeout', 30, {
      unit: 'seconds',
      integer: true,
      min: 1,
      max: 900,
      help: 'Hard limit per invocation. A queue feeding this function needs a visibility timeout of at least 6x this.',
    }),
    num('reservedConcurrency', 'Reserved concurrency', -1, {
      integer: true,
      min: -1,
      max: 1000,
      help: '-1 leaves the function on the shared account pool. A limit protects databases and downstream APIs from a flood of parallel invocations; 0 stops the function.',
    }),
    bool('tracing', 'X-Ray tracing', true, {
      help: 'Active tracing: each invocation shows up in the X-Ray service map.',
    }),
    text('handler', 'Handler', 'index.handler', {
      sameInEveryEnvironment: true,
      maxLength: 128,
      pattern: '^[A-Za-z0-9_.$:/-]+$',
      patternHint:
        'must be a handler like index.handler (Node/Python) or com.example.Handler::handleRequest (Java)',
      help: 'The function the runtime calls: file.export for Node.js and Python, Class::method for Java. Does not apply to an image function: its image’s CMD names the handler.',
    }),
    logRetentionDaysProperty(),
    bool('structuredLogging', 'Structured JSON logs', true, {
      help: 'Lambda writes JSON log lines (level, request id, message), so logs can be queried by field in Logs Insights.',
    }),
  ],
  validate: checkLogRetention,
  accepts: [
    {
      kind: 'invoke',
      from: ['api-gateway'],
      meaning: 'invokes (API integration)',
      // Integration and route (REST: resource and method), and the invoke permission.
      stackResources: { count: 3 },
    },
    {
      kind: 'invoke',
      from: ['alb'],
      meaning: 'forwards requests to',
      // A target group and the invoke permission.
      stackResources: { count: 2 },
    },
    { kind: 'invoke', from: ['lambda', 'ecs-fargate', 'step-functions'], meaning: 'invokes' },
    {
      kind: 'event-source',
      from: ['sqs'],
      meaning: 'delivers message batches to',
      properties: BATCHING,
      validate: checkSqsBatching,
      stackResources: MAPPING,
    },
    {
      kind: 'event-source',
      from: ['kinesis-stream'],
      meaning: 'delivers record batches to',
      properties: BATCHING,
      stackResources: MAPPING,
    },
    {
      kind: 'event-source',
      from: ['msk-cluster'],
      meaning: 'delivers topic records to',
      properties: [
        text('topic', 'Topic', 'events', {
          pattern: '^[a-zA-Z0-9._-]{1,249}$',
          patternHint: 'a Kafka topic name: letters, digits, ".", "_" and "-"',
          help: 'The topic the function consumes.',
        }),
        ...BATCHING,
        choice(
          'startingPosition',
          'Starting position',
          'LATEST',
          [
            ['LATEST', 'New records only'],
            ['TRIM_HORIZON', 'Oldest retained record'],
          ],
          { help: 'Where the function starts reading the topic when the mapping is created.' },
        ),
      ],
      stackResources: MAPPING,
    },
    {
      kind: 'event-source',
      from: ['dynamodb'],
      meaning: 'streams item changes to',
      properties: BATCHING,
      stackResources: MAPPING,
    },
    {
      kind: 'event-source',
      from: ['s3'],
      meaning: 'notifies of new objects',
      // An EventBridge rule on the bucket's events and the invoke permission.
      stackResources: { count: 2 },
    },
    {
      kind: 'route',
      from: ['eventbridge-rule'],
      meaning: 'sends matching events to',
      // The invoke permission (the rule counts its target's DLQ).
      stackResources: { count: 1 },
    },
    {
      kind: 'subscribe',
      from: ['sns'],
      meaning: 'delivers messages to',
      // The subscription and the invoke permission (the topic counts the subscriptions' DLQ).
      stackResources: { count: 2 },
    },
    WATCHED_BY_ALARM,
  ],
  // Security group in a VPC, role, function, log group; the same for an image function (its
  // repository policy is a property of the repository).
  stackResources: (input) => ({ count: securityGroup(input) + 3 }),
};

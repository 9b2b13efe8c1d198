/**
 * Usage assumptions behind the cost estimate: what a design cannot say about itself (requests a
 * month, GB stored, hours running). Each service lists its assumptions with a documented default;
 * `design.usage[nodeId][key]` overrides one. A `null` default means "taken from the node's
 * properties" (e.g. Fargate tasks default to desiredCount) unless the design overrides it.
 */
import type { Design, DesignNode } from '@archgen/model';
import { HOURS_PER_MONTH } from './prices/us-east-1.ts';

export interface UsageAssumption {
  key: string;
  label: string;
  unit: string;
  /** null: derived from the node's properties (see `help`). */
  default: number | null;
  help: string;
}

/** Weekdays 07:00-20:00 UTC, what the generators' scheduled scaling keeps at full capacity. */
export const SCHEDULED_BUSY_HOURS_PER_MONTH = 283;

const a = (
  key: string,
  label: string,
  unit: string,
  value: number | null,
  help: string,
): UsageAssumption => ({
  key,
  label,
  unit,
  default: value,
  help,
});

const hoursRunning = a(
  'hoursPerMonth',
  'Hours running',
  'hours/month',
  HOURS_PER_MONTH,
  'Always on is 730 hours a month.',
);
const logsIngested = (gb: number) =>
  a('logsIngestedGb', 'Logs written', 'GB/month', gb, 'Application logs sent to CloudWatch Logs.');
const wafRequests = a(
  'requests',
  'Requests',
  'requests/month',
  10_000_000,
  'Requests inspected by WAF, when WAF is on.',
);

export const USAGE_ASSUMPTIONS: Readonly<Record<string, readonly UsageAssumption[]>> = {
  users: [],
  'nat-gateway': [
    hoursRunning,
    a(
      'gbProcessed',
      'Data through NAT',
      'GB/month',
      100,
      'Outbound traffic from private subnets (image pulls, AWS APIs without endpoints, third parties).',
    ),
  ],
  alb: [
    hoursRunning,
    a(
      'averageLcu',
      'Average LCUs',
      'LCU',
      1,
      'One LCU is 25 new connections/s, 3,000 active connections, 1 GB/hour or 1,000 rule evaluations/s, whichever is highest.',
    ),
    wafRequests,
  ],
  cloudfront: [
    a('gbTransferred', 'Data to viewers', 'GB/month', 100, 'Bytes served to the internet.'),
    a(
      'requests',
      'Requests',
      'requests/month',
      10_000_000,
      'HTTPS requests from viewers (also what WAF inspects).',
    ),
  ],
  'api-gateway': [a('requests', 'API calls', 'requests/month', 5_000_000, 'Requests to the API.')],
  lambda: [
    a('invocations', 'Invocations', 'requests/month', 5_000_000, 'Function invocations.'),
    a('averageDurationMs', 'Average duration', 'ms', 200, 'Billed duration per invocation.'),
    logsIngested(1),
  ],
  'ec2-asg': [
    hoursRunning,
    a('instanceCount', 'Average instances', 'instances', null, 'Defaults to the desired capacity.'),
    a('ebsGbPerInstance', 'Root volume', 'GB/instance', 8, 'gp3 root volume of each instance.'),
  ],
  bastion: [hoursRunning],
  'ecs-fargate': [
    hoursRunning,
    a('averageTasks', 'Average tasks', 'tasks', null, 'Defaults to the desired count.'),
    a(
      'scheduledHoursPerMonth',
      'Busy hours with scheduled scaling',
      'hours/month',
      SCHEDULED_BUSY_HOURS_PER_MONTH,
      'With scheduled scaling, hours at full capacity (weekdays 07:00-20:00 UTC); the rest run the minimum count.',
    ),
    logsIngested(5),
  ],
  eks: [
    hoursRunning,
    a('nodeCount', 'Average worker nodes', 'nodes', null, 'Defaults to the desired node count.'),
    a('ebsGbPerNode', 'Node volume', 'GB/node', 20, 'gp3 volume of each worker node.'),
  ],
  s3: [
    a('storedGb', 'Data stored', 'GB', 100, 'Average bytes in the bucket.'),
    a(
      'objectLifetimeDays',
      'Object lifetime',
      'days',
      365,
      'How long objects are kept when no expiration is set; with steady writes, the share of data older than N days is (lifetime - N) / lifetime. Objects are assumed to be read mostly while young.',
    ),
    a(
      'objectCount',
      'Objects',
      'objects',
      100_000,
      'Objects larger than 128 KB (Intelligent-Tiering charges monitoring per object).',
    ),
    a('putRequests', 'Writes', 'requests/month', 1_000_000, 'PUT, COPY, POST and LIST requests.'),
    a('getRequests', 'Reads', 'requests/month', 10_000_000, 'GET and SELECT requests.'),
  ],
  rds: [hoursRunning],
  aurora: [
    hoursRunning,
    a(
      'activeHoursPerMonth',
      'Hours with load',
      'hours/month',
      HOURS_PER_MONTH,
      'Serverless v2: hours the cluster serves queries; the rest it idles at the minimum (or pauses at 0 ACU).',
    ),
    a(
      'averageAcu',
      'ACUs under load',
      'ACU',
      1,
      'Serverless v2: average capacity each instance needs while busy (1 ACU is about 2 GiB of memory).',
    ),
    a('storedGb', 'Data stored', 'GB', 20, 'Cluster volume size.'),
    a('ioRequests', 'I/O requests', 'requests/month', 20_000_000, 'Aurora Standard bills storage I/O.'),
  ],
  dynamodb: [
    a(
      'readRequestUnits',
      'Reads',
      'read request units/month',
      10_000_000,
      'On demand: one unit per 4 KB strongly consistent read (half for eventually consistent).',
    ),
    a(
      'writeRequestUnits',
      'Writes',
      'write request units/month',
      2_000_000,
      'On demand: one unit per 1 KB written; each GSI writes again.',
    ),
    a('storedGb', 'Data stored', 'GB', 10, 'Table size, including item overhead.'),
  ],
  opensearch: [hoursRunning],
  neptune: [
    hoursRunning,
    a('storedGb', 'Data stored', 'GB', 10, 'Cluster volume size.'),
    a('ioRequests', 'I/O requests', 'requests/month', 10_000_000, 'Storage I/O.'),
  ],
  timestream: [
    a('writes', 'Writes', '1 KB writes/month', 10_000_000, 'Records written (each up to 1 KB).'),
    a(
      'ingestedGb',
      'Data ingested',
      'GB/month',
      1,
      'Kept in the memory store for its retention, then in the magnetic store for its retention.',
    ),
    a('queryTcuHours', 'Query compute', 'TCU-hours/month', 10, 'Timestream compute units used by queries.'),
  ],
  elasticache: [hoursRunning],
  sqs: [
    a(
      'requests',
      'API requests',
      'requests/month',
      10_000_000,
      'Send, receive and delete calls, each per 64 KB chunk.',
    ),
  ],
  sns: [a('publishes', 'Publishes', 'messages/month', 1_000_000, 'Deliveries to SQS and Lambda are free.')],
  'eventbridge-bus': [
    a('events', 'Events', 'events/month', 1_000_000, 'Custom events put on the bus (each per 64 KB chunk).'),
    a('averageEventKb', 'Event size', 'KB', 1, 'Average event size, for the archive.'),
  ],
  'eventbridge-rule': [],
  'step-functions': [
    a('executions', 'Executions', 'executions/month', 100_000, 'Workflow runs.'),
    a(
      'transitionsPerExecution',
      'Transitions per run',
      'transitions',
      10,
      'Standard workflows bill state transitions.',
    ),
    a('averageDurationMs', 'Duration per run', 'ms', 1_000, 'Express workflows bill duration at 64 MB.'),
  ],
  'kinesis-stream': [
    a('ingestedGb', 'Data ingested', 'GB/month', 100, 'Bytes put on the stream.'),
    a(
      'records',
      'Records',
      'records/month',
      10_000_000,
      'Provisioned: one PUT payload unit per record up to 25 KB.',
    ),
    a('consumers', 'Consumers', 'consumers', 1, 'On demand: each consumer retrieves the data once.'),
  ],
  'msk-cluster': [a('logsIngestedGb', 'Broker logs', 'GB/month', 1, 'Broker logs sent to CloudWatch Logs.')],
  firehose: [
    a(
      'ingestedGb',
      'Data ingested',
      'GB/month',
      100,
      'Each record is billed rounded up to the next 5 KB: batch small records.',
    ),
  ],
  cloudtrail: [
    a(
      'dataEventsMillions',
      'Data events',
      'million/month',
      1,
      'Only with S3 or Lambda data events on: every object call or invocation of the account counts.',
    ),
    a(
      'logStorageGb',
      'Log files stored',
      'GB',
      5,
      'Gzipped JSON in S3; old files move to Glacier after 90 days.',
    ),
  ],
  'config-recorder': [
    a(
      'configurationItems',
      'Configuration items',
      'items/month',
      1000,
      'One per change to a recorded resource: busy autoscaled fleets record many.',
    ),
    a(
      'ruleEvaluations',
      'Rule evaluations',
      'evaluations/month',
      5000,
      'Each rule evaluates each resource it covers on every change.',
    ),
  ],
  'athena-workgroup': [
    a('tbScanned', 'Data scanned', 'TB/month', 1, 'Compressed, partitioned, columnar data scans less.'),
  ],
  secret: [
    a(
      'apiCalls',
      'API calls',
      'calls/month',
      100_000,
      'GetSecretValue calls; cache secrets in the client to keep this low.',
    ),
  ],
  'backup-plan': [
    a(
      'gbPerResource',
      'Backup storage per resource',
      'GB',
      20,
      'Each backed-up database, table or bucket: its first full copy plus the changes kept for the retention (AWS Backup copies incrementally). Resources selected only by tag are not priced.',
    ),
  ],
  'ecr-repository': [
    a(
      'storedGb',
      'Images stored',
      'GB',
      5,
      'Compressed layers, shared between images; the lifecycle policy bounds it.',
    ),
  ],
  efs: [
    a('storedGb', 'Files stored', 'GB', 100, 'What the file system holds on average over the month.'),
    a(
      'iaPercent',
      'Share in Infrequent Access',
      '%',
      50,
      'Files not read for the transition period; none while the lifecycle keeps everything in Standard.',
    ),
    a('iaReadGb', 'Reads from Infrequent Access', 'GB/month', 5, 'Each first read of a cold file.'),
    a('readGb', 'Data read', 'GB/month', 100, 'Elastic throughput bills every GB read.'),
    a('writeGb', 'Data written', 'GB/month', 20, 'Elastic throughput bills every GB written.'),
  ],
  'vpc-endpoint': [
    a(
      'gbProcessed',
      'Data through the endpoint',
      'GB/month',
      10,
      'Interface endpoints only; gateway endpoints are free.',
    ),
  ],
  'route53-zone': [
    a(
      'queries',
      'Other queries',
      'queries/month',
      1_000_000,
      'Queries to records that are not aliases to AWS resources (NS, SOA, records added outside the design); alias queries are free.',
    ),
  ],
  'waf-web-acl': [
    a(
      'requests',
      'Requests',
      'requests/month',
      10_000_000,
      'Requests to the distributions, load balancers and APIs it protects: WAF inspects each.',
    ),
  ],
  'kms-key': [
    a(
      'requests',
      'Requests',
      'requests/month',
      100_000,
      'Encrypt, Decrypt and GenerateDataKey calls made for the resources it encrypts; S3 Bucket Keys and SQS data key reuse keep this low.',
    ),
  ],
  'cognito-user-pool': [
    a(
      'monthlyActiveUsers',
      'Monthly active users',
      'users',
      1_000,
      'Users who sign in or refresh a token in the month.',
    ),
  ],
  'cloudwatch-alarm': [],
  // A public certificate costs nothing however much it serves.
  'acm-certificate': [],
  'other-resource': [],
  'log-group': [
    a('ingestedGb', 'Logs written', 'GB/month', 5, 'Stored for the retention period (steady state).'),
  ],
};

export function usageAssumptions(nodeType: string): readonly UsageAssumption[] {
  return USAGE_ASSUMPTIONS[nodeType] ?? [];
}

/** The documented defaults of a service's assumptions (those not derived from properties). */
export function defaultUsage(nodeType: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const assumption of usageAssumptions(nodeType))
    if (assumption.default !== null) out[assumption.key] = assumption.default;
  return out;
}

/** Defaults overlaid with the design's own assumptions for the node. */
export function nodeUsage(design: Design, node: DesignNode): Record<string, number> {
  return { ...defaultUsage(node.type), ...design.usage[node.id] };
}

import type { ServiceDefinition } from '../types.ts';
import { bool, checkLogRetention, choice, logRetentionDaysProperty } from '../define.ts';

const properties = [
  bool('multiRegion', 'Multi-region trail', true, {
    help: 'Records API calls in every region of the account, not only this one (CT-02): activity in a region nobody watches is where trouble hides.',
  }),
  bool('includeGlobalServiceEvents', 'Global service events', true, {
    help: 'Records IAM, STS and CloudFront calls, which AWS logs in us-east-1.',
  }),
  bool('logFileValidation', 'Log file validation', true, {
    help: 'CloudTrail signs a digest of every log file every hour, so tampering with the logs shows (CT-01).',
  }),
  choice(
    'managementEvents',
    'Management events',
    'All',
    [
      ['All', 'Read and write'],
      ['WriteOnly', 'Write only'],
      ['ReadOnly', 'Read only'],
    ],
    {
      help: 'Control-plane calls (CreateBucket, RunInstances, ...). The first copy of management events is free.',
    },
  ),
  bool('s3DataEvents', 'S3 data events', false, {
    sameInEveryEnvironment: true,
    help: 'Object-level calls (GetObject, PutObject) on every bucket of the account: $0.10 per 100,000 events.',
  }),
  bool('lambdaDataEvents', 'Lambda data events', false, {
    sameInEveryEnvironment: true,
    help: 'Every function invocation of the account: $0.10 per 100,000 events.',
  }),
  bool('cloudWatchLogs', 'Deliver to CloudWatch Logs', true, {
    sameInEveryEnvironment: true,
    help: 'Events also go to a log group (a connected one, or one the generators create) where metric filters and alarms can watch them (CT-04).',
  }),
  logRetentionDaysProperty('logRetentionDays', 365),
];

export const cloudtrail: ServiceDefinition = {
  type: 'cloudtrail',
  displayName: 'CloudTrail trail',
  abbreviations: ['cloudtrail'],
  keywords: ['cloud trail', 'trail', 'audit', 'audit trail', 'audit log', 'audit logs', 'api activity'],
  category: 'Management',
  icon: 'cloudtrail',
  description:
    'Records the API calls made in the account to S3: a connected bucket (its policy admits CloudTrail) or a private, versioned log bucket the lowering creates, and optionally to a CloudWatch log group.',
  placements: ['regional'],
  properties,
  validate: (props) => checkLogRetention(props),
  accepts: [],
  refusalHint:
    'the trail is the source: connect it to the bucket it writes log files to ("writes logs to") or to a log group.',
  // The trail; with CloudWatch Logs its role and policy (and a log group unless one is drawn);
  // without a drawn bucket, a log bucket with its policy and access-log bucket and its policy.
  stackResources: ({ props, outgoing }) => ({
    count:
      1 +
      (props.cloudWatchLogs === false
        ? 0
        : 2 + (outgoing.some((c) => c.kind === 'write' && c.toType === 'log-group') ? 0 : 1)) +
      (outgoing.some((c) => c.kind === 'write' && c.toType === 's3') ? 0 : 4),
  }),
};

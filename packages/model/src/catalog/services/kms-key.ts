import type { ServiceDefinition } from '../types.ts';
import { bool, num, text } from '../define.ts';

/** Services whose data at rest the lowering encrypts with a drawn key they connect to. */
export const KEY_USERS = [
  's3',
  'sqs',
  'sns',
  'log-group',
  'backup-plan',
  'efs',
  'aurora',
  'rds',
  'cloudtrail',
] as const;

export const kmsKey: ServiceDefinition = {
  type: 'kms-key',
  displayName: 'KMS key',
  abbreviations: ['kms', 'cmk'],
  keywords: [
    'key management',
    'kms key',
    'encryption key',
    'customer managed key',
    'encryption',
    'key management service',
  ],
  category: 'Security',
  icon: 'kms-key',
  description:
    'A customer managed KMS key with yearly rotation and an alias. Buckets, queues, topics, log groups and EFS file systems connected to it encrypt their data with it; functions and tasks that read or write them get exactly the kms:Decrypt / GenerateDataKey permissions they need.',
  placements: ['regional'],
  properties: [
    text('alias', 'Alias', '', {
      maxLength: 200,
      pattern: '^[A-Za-z0-9/_-]*$',
      patternHint: 'letters, digits, "/", "_" and "-"',
      sameInEveryEnvironment: true,
      help: 'Empty = the node name. Prefixed with the stack name, so each environment gets its own alias/<stack>-<alias>.',
    }),
    bool('enableKeyRotation', 'Automatic rotation', true, {
      help: 'KMS makes new key material every year and keeps the old to decrypt old data (KMS-01).',
    }),
    num('pendingWindowDays', 'Deletion waiting period', 30, {
      unit: 'days',
      integer: true,
      min: 7,
      max: 30,
      help: 'How long a scheduled deletion can still be cancelled. Data encrypted with a deleted key is lost, so keep the longest window.',
    }),
  ],
  accepts: [
    {
      kind: 'encrypt-with',
      from: KEY_USERS,
      meaning: 'encrypts with',
      // Nothing of its own: the source's key reference and the grants land on existing resources.
      stackResources: { count: 0 },
    },
  ],
  refusalHint:
    'Connect the bucket, queue, topic, log group, file system, database, backup vault or trail to the key ("encrypts with"); functions get the key permissions from their connections to those.',
  // The key and its alias.
  stackResources: () => ({ count: 2 }),
};

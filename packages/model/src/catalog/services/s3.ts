import type { PropertyValue } from '../../design/schema.ts';
import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  DATA_CLIENTS,
  WATCHED_BY_ALARM,
  bool,
  choice,
  dataAccess,
  num,
  onDeleteProperty,
  reader,
  text,
  ownKeyCount,
  BACKED_UP_BY_PLAN,
} from '../define.ts';

const lifecycleDays = (key: string, label: string, help: string) =>
  num(key, label, 0, { unit: 'days', integer: true, min: 0, max: 36500, help });

interface PrefixRule {
  prefix: string;
  ia: number;
  glacier: number;
  tiering: boolean;
  expiration: number;
}

function prefixRules(value: PropertyValue | undefined): PrefixRule[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const row = item !== null && typeof item === 'object' && !Array.isArray(item) ? item : {};
    const days = (key: string) => (typeof row[key] === 'number' ? row[key] : 0);
    return {
      prefix: typeof row.prefix === 'string' ? row.prefix : '',
      ia: days('transitionToIaDays'),
      glacier: days('transitionToGlacierDays'),
      tiering: row.intelligentTiering === true,
      expiration: days('expirationDays'),
    };
  });
}

/**
 * Each prefixed rule follows S3's transition rules, has an action and a prefix of its own; its
 * transitions may not overlap the bucket-wide ones or another rule's (S3 would pick one).
 */
function checkPrefixRules(value: PropertyValue | undefined, bucketWideTransitions: boolean): PropertyIssue[] {
  const issues: PropertyIssue[] = [];
  const rules = prefixRules(value);
  rules.forEach((r, i) => {
    const at = (key: string) => `lifecycleRules[${i}].${key}`;
    const transitions = r.ia > 0 || r.glacier > 0 || r.tiering;
    if (!transitions && r.expiration === 0)
      issues.push({ path: at('prefix'), message: `The rule for ${r.prefix} moves and deletes nothing` });
    if (r.ia > 0 && r.ia < 30)
      issues.push({
        path: at('transitionToIaDays'),
        message: 'S3 moves objects to Standard-IA only after at least 30 days',
      });
    if (r.ia > 0 && r.glacier > 0 && r.glacier < r.ia + 30)
      issues.push({
        path: at('transitionToGlacierDays'),
        message: `Objects must stay 30 days in Standard-IA: move to Glacier on day ${r.ia + 30} or later`,
      });
    if (r.tiering && r.ia > 0)
      issues.push({
        path: at('transitionToIaDays'),
        message: 'Objects in Intelligent-Tiering cannot transition to Standard-IA; turn off one of the two',
      });
    const last = Math.max(r.ia, r.glacier);
    if (r.expiration > 0 && r.expiration <= last)
      issues.push({
        path: at('expirationDays'),
        message: `Expiration must come after the last transition (day ${last})`,
      });
    const earlier = rules.slice(0, i);
    if (earlier.some((e) => e.prefix === r.prefix))
      issues.push({ path: at('prefix'), message: `${r.prefix} already has a rule` });
    else if (transitions && bucketWideTransitions)
      issues.push({
        path: at('prefix'),
        message: `Objects under ${r.prefix} already move to cheaper storage bucket-wide: set transitions in one place`,
      });
    else if (
      transitions &&
      earlier.some(
        (e) =>
          (e.ia > 0 || e.glacier > 0 || e.tiering) &&
          (e.prefix.startsWith(r.prefix) || r.prefix.startsWith(e.prefix)),
      )
    )
      issues.push({
        path: at('prefix'),
        message: `${r.prefix} overlaps the prefix of an earlier rule with transitions: S3 would apply only one`,
      });
  });
  return issues;
}

const properties = [
  bool('versioned', 'Versioning', true, {
    help: 'Keeps every version of every object, so an overwrite or delete can be undone. Pair with a lifecycle rule if old versions pile up.',
  }),
  choice(
    'encryption',
    'Encryption',
    's3-managed',
    [
      ['s3-managed', 'S3 managed keys (SSE-S3)'],
      ['kms', 'Customer managed KMS key (SSE-KMS)'],
    ],
    {
      help: 'Objects are always encrypted at rest. A KMS key adds key policies and CloudTrail records of every decrypt, at a per-request cost.',
    },
  ),
  bool('blockPublicAccess', 'Block all public access', true, {
    help: 'All four Block Public Access settings. Serve public content through CloudFront with Origin Access Control instead of opening the bucket.',
  }),
  bool('enforceTls', 'Require TLS', true, { help: 'Bucket policy denying any request not made over HTTPS.' }),
  bool('accessLogs', 'Server access logs', false, {
    help: 'Logs every request to a separate logging bucket, for audits and incident response.',
  }),
  lifecycleDays(
    'transitionToIaDays',
    'Move to Standard-IA after',
    '0 = off. Standard-IA costs about 45% less to store but charges per GB retrieved; S3 requires at least 30 days.',
  ),
  lifecycleDays(
    'transitionToGlacierDays',
    'Move to Glacier after',
    '0 = off. Glacier Flexible Retrieval for data read rarely; retrieval takes minutes to hours. At least 30 days after the Standard-IA transition.',
  ),
  lifecycleDays(
    'expirationDays',
    'Delete objects after',
    '0 = off. Deletes current objects this many days after creation.',
  ),
  bool('intelligentTiering', 'Intelligent-Tiering', false, {
    help: 'Stores new objects in S3 Intelligent-Tiering, which moves each object between access tiers by its own access pattern. Use it instead of a Standard-IA transition when access is unpredictable.',
  }),
  {
    kind: 'list' as const,
    key: 'lifecycleRules',
    label: 'Lifecycle rules by prefix',
    default: [] as PropertyValue[],
    maxItems: 20,
    sameInEveryEnvironment: true as const,
    help: 'Further rules for the objects under a key prefix, each with its own transitions (Standard -> Standard-IA -> Glacier, or Intelligent-Tiering) and expiration. Transitions are set either here or bucket-wide above, not both, and not for prefixes inside one another.',
    item: [
      text('prefix', 'Key prefix', 'archive/', {
        maxLength: 1024,
        pattern: '^\\S.*$',
        patternHint:
          'must be a key prefix like logs/ or archive/2024/ (the settings above cover every object)',
      }),
      lifecycleDays('transitionToIaDays', 'Move to Standard-IA after', '0 = off; at least 30.'),
      lifecycleDays(
        'transitionToGlacierDays',
        'Move to Glacier after',
        '0 = off; at least 30 days after Standard-IA.',
      ),
      bool('intelligentTiering', 'Intelligent-Tiering', false, {
        help: 'Moves these objects to Intelligent-Tiering at once (instead of a Standard-IA transition).',
      }),
      lifecycleDays('expirationDays', 'Delete objects after', '0 = off.'),
    ],
  },
  num('abortIncompleteUploadDays', 'Abort incomplete uploads after', 7, {
    unit: 'days',
    integer: true,
    min: 0,
    max: 365,
    help: '0 = off. Failed multipart uploads otherwise keep their parts, billed but invisible in the console.',
  }),
  bool('eventNotifications', 'Event notifications', false, {
    help: 'Sends object-created events to connected Lambda functions, queues or topics.',
  }),
  onDeleteProperty(false),
];

export const s3: ServiceDefinition = {
  type: 's3',
  displayName: 'S3 bucket',
  keywords: ['bucket', 'object storage', 'storage', 'blob', 'files', 'static site', 'data lake'],
  category: 'Storage',
  icon: 's3',
  description:
    'Object storage for static sites, uploads, data lakes and backups: private, encrypted, versioned, with lifecycle rules that move cold data to cheaper storage classes.',
  placements: ['regional'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const ia = p.num('transitionToIaDays');
    const glacier = p.num('transitionToGlacierDays');
    const expiration = p.num('expirationDays');
    const issues: PropertyIssue[] = [];
    issues.push(
      ...checkPrefixRules(props.lifecycleRules, ia > 0 || glacier > 0 || p.bool('intelligentTiering')),
    );
    if (ia > 0 && ia < 30)
      issues.push({
        path: 'transitionToIaDays',
        message: 'S3 moves objects to Standard-IA only after at least 30 days',
      });
    if (ia > 0 && glacier > 0 && glacier < ia + 30)
      issues.push({
        path: 'transitionToGlacierDays',
        message: `Objects must stay 30 days in Standard-IA: move to Glacier on day ${ia + 30} or later`,
      });
    if (p.bool('intelligentTiering') && ia > 0)
      issues.push({
        path: 'transitionToIaDays',
        message: 'Objects in Intelligent-Tiering cannot transition to Standard-IA; turn off one of the two',
      });
    const lastTransition = Math.max(ia, glacier);
    if (expiration > 0 && expiration <= lastTransition)
      issues.push({
        path: 'expirationDays',
        message: `Expiration must come after the last transition (day ${lastTransition})`,
      });
    return issues;
  },
  accepts: [
    ...dataAccess(DATA_CLIENTS, {
      read: 'reads objects from',
      write: 'writes objects to',
      readWrite: 'reads and writes objects in',
    }),
    { kind: 'read', from: ['athena-workgroup'], meaning: 'queries data in' },
    { kind: 'read-write', from: ['athena-workgroup'], meaning: 'queries data and writes results to' },
    { kind: 'write', from: ['athena-workgroup'], meaning: 'writes query results to' },
    { kind: 'route', from: ['cloudfront'], meaning: 'serves content from' },
    { kind: 'write', from: ['firehose'], meaning: 'delivers records to' },
    // The bucket's policy admits the service: nothing of its own.
    { kind: 'write', from: ['cloudtrail'], meaning: 'writes log files to', stackResources: { count: 0 } },
    {
      kind: 'write',
      from: ['config-recorder'],
      meaning: 'delivers snapshots to',
      stackResources: { count: 0 },
    },
    WATCHED_BY_ALARM,
    BACKED_UP_BY_PLAN,
  ],
  // The bucket; its TLS-only policy; a KMS key; an access-log bucket and its policy.
  stackResources: ({ props, outgoing }) => ({
    count:
      1 +
      (props.enforceTls === true ? 1 : 0) +
      ownKeyCount(props.encryption === 'kms', { outgoing }) +
      (props.accessLogs === true ? 2 : 0),
  }),
};

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
} from '../define.ts';

const lifecycleDays = (key: string, label: string, help: string) =>
  num(key, label, 0, { unit: 'days', integer: true, min: 0, max: 36500, help });

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
    WATCHED_BY_ALARM,
  ],
  // The bucket; its TLS-only policy; a KMS key; an access-log bucket and its policy.
  stackResources: ({ props }) => ({
    count:
      1 +
      (props.enforceTls === true ? 1 : 0) +
      (props.encryption === 'kms' ? 1 : 0) +
      (props.accessLogs === true ? 2 : 0),
  }),
};

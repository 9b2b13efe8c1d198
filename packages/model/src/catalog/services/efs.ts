import type { PropertyValue } from '../../design/schema.ts';
import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  BACKED_UP_BY_PLAN,
  WATCHED_BY_ALARM,
  bool,
  choice,
  num,
  onDeleteProperty,
  reader,
  text,
} from '../define.ts';

/** Compute that mounts the file system: Fargate tasks and VPC Lambda functions. */
export const EFS_MOUNTERS = ['ecs-fargate', 'lambda'] as const;

/** The ages after which EFS moves a file not read to Infrequent Access (its TransitionToIA values). */
export const EFS_IA_TRANSITIONS = [
  'AFTER_1_DAY',
  'AFTER_7_DAYS',
  'AFTER_14_DAYS',
  'AFTER_30_DAYS',
  'AFTER_60_DAYS',
  'AFTER_90_DAYS',
  'AFTER_180_DAYS',
  'AFTER_270_DAYS',
  'AFTER_365_DAYS',
] as const;

const properties = [
  choice(
    'performanceMode',
    'Performance mode',
    'generalPurpose',
    [
      ['generalPurpose', 'General purpose (lowest latency)'],
      ['maxIO', 'Max I/O (many clients, higher latency)'],
    ],
    {
      sameInEveryEnvironment: true,
      help: 'Set when the file system is created. Max I/O does not work with elastic throughput.',
    },
  ),
  choice(
    'throughputMode',
    'Throughput mode',
    'elastic',
    [
      ['elastic', 'Elastic (pay per read and write)'],
      ['bursting', 'Bursting (grows with storage)'],
      ['provisioned', 'Provisioned'],
    ],
    { help: 'Elastic suits spiky or unknown loads; provisioned a steady load above what bursting gives.' },
  ),
  num('provisionedThroughputMibps', 'Provisioned throughput', 64, {
    unit: 'MiB/s',
    integer: true,
    min: 1,
    max: 3414,
    visibleWhen: { key: 'throughputMode', equals: 'provisioned' },
    help: 'Throughput paid for every hour, whatever the file system stores.',
  }),
  bool('encrypted', 'Encrypted at rest', true, {
    sameInEveryEnvironment: true,
    help: 'Encrypts files with the AWS managed aws/elasticfilesystem key, or the KMS key it is connected to. It can only be set when the file system is created (EFS-01).',
  }),
  choice(
    'transitionToIa',
    'Move to Infrequent Access',
    'AFTER_30_DAYS',
    [
      ['NONE', 'Never'],
      ...EFS_IA_TRANSITIONS.map((v) => [v, v.slice(6).replace('_', ' ').toLowerCase()] as const),
    ],
    {
      help: 'Files not read for this long move to the cheaper Infrequent Access class; the first read moves them back.',
    },
  ),
  choice(
    'automaticBackups',
    'Automatic backups',
    'default',
    [
      ['default', 'Default (on in production)'],
      ['on', 'On'],
      ['off', 'Off'],
    ],
    { help: 'Daily AWS Backup of the whole file system, kept 35 days (EFS-02 in production).' },
  ),
  {
    kind: 'list' as const,
    key: 'accessPoints',
    label: 'Access points',
    default: [{ path: '/data', uid: 1000, gid: 1000, permissions: '750' }] as PropertyValue[],
    maxItems: 20,
    sameInEveryEnvironment: true as const,
    help: 'Each access point is a directory clients mount as their root, with the POSIX user they act as. Lambda mounts through one; a connection names it by path (the first when empty).',
    item: [
      text('path', 'Path', '/data', {
        maxLength: 100,
        pattern: '^/[A-Za-z0-9._/-]*$',
        patternHint: 'an absolute path such as /data or /shared/uploads',
      }),
      num('uid', 'POSIX user id', 1000, { integer: true, min: 0, max: 4294967295 }),
      num('gid', 'POSIX group id', 1000, { integer: true, min: 0, max: 4294967295 }),
      text('permissions', 'Permissions of a new directory', '750', {
        pattern: '^[0-7]{3,4}$',
        patternHint: 'octal permissions such as 750 or 0755',
      }),
    ],
  },
  onDeleteProperty(false),
];

/** A mount's settings: where it appears, through which access point, and root access. */
const MOUNT_PROPERTIES = [
  text('mountPath', 'Mount path', '/mnt/data', {
    pattern: '^/mnt/[A-Za-z0-9._-]+$',
    patternHint: 'a directory under /mnt, such as /mnt/data (Lambda requires /mnt/...)',
    help: 'Where the file system appears in the container or function.',
  }),
  text('accessPoint', 'Access point', '', {
    maxLength: 100,
    pattern: '^(/[A-Za-z0-9._/-]*)?$',
    patternHint: 'the path of one of the file system’s access points, or empty for the first',
    help: 'The access point the client mounts through (its path); empty = the first.',
  }),
  bool('rootAccess', 'Root access', false, {
    help: 'Lets the client act as root on the file system (elasticfilesystem:ClientRootAccess). Rarely needed with access points.',
  }),
];

export const efs: ServiceDefinition = {
  type: 'efs',
  displayName: 'EFS file system',
  abbreviations: ['efs'],
  keywords: ['nfs', 'file system', 'filesystem', 'shared storage', 'elastic file system', 'file share'],
  category: 'Storage',
  icon: 'efs',
  description:
    'An elastic NFS file system with a mount target in each AZ of the VPC, encrypted at rest, with access points for the POSIX users clients act as. Fargate services and VPC Lambda functions mount it (read only, or read and write) over TLS with IAM authorization.',
  placements: ['private', 'isolated'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const issues: PropertyIssue[] = [];
    if (p.str('performanceMode') === 'maxIO' && p.str('throughputMode') === 'elastic')
      issues.push({
        path: 'throughputMode',
        message: 'Elastic throughput needs the general purpose performance mode',
      });
    const points = Array.isArray(props.accessPoints) ? props.accessPoints : [];
    const paths = points.map((ap) =>
      ap && typeof ap === 'object' && !Array.isArray(ap) ? String(ap.path ?? '') : '',
    );
    paths.forEach((path, i) => {
      if (paths.indexOf(path) !== i)
        issues.push({ path: `accessPoints.${i}.path`, message: `Two access points for ${path}` });
    });
    return issues;
  },
  accepts: [
    {
      kind: 'read',
      from: EFS_MOUNTERS,
      meaning: 'mounts read-only',
      properties: MOUNT_PROPERTIES,
      // NFS rules at both ends.
      stackResources: { count: 2 },
    },
    {
      kind: 'read-write',
      from: EFS_MOUNTERS,
      meaning: 'mounts',
      properties: MOUNT_PROPERTIES,
      stackResources: { count: 2 },
    },
    WATCHED_BY_ALARM,
    BACKED_UP_BY_PLAN,
  ],
  refusalHint: 'connect a Fargate service or a VPC Lambda function to it ("mounts").',
  // The file system (its backup policy is a property), its security group, a mount target per AZ
  // (two assumed) and its access points.
  stackResources: ({ props }) => ({
    count: 4 + (Array.isArray(props.accessPoints) ? props.accessPoints.length : 1),
  }),
};

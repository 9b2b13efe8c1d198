import type { Properties } from '../../design/schema.ts';
import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import { bool, num, onDeleteProperty, reader, text } from '../define.ts';

/** What a plan can back up ("back-up" connections); ElastiCache is no AWS Backup resource type. */
export const BACKUP_TARGETS = ['rds', 'aurora', 'neptune', 'dynamodb', 's3', 'efs'] as const;

/** Continuous backups (point-in-time restore) exist for these; others get snapshots only. */
export const CONTINUOUS_BACKUP_TYPES: readonly string[] = ['rds', 'aurora', 's3'];

/** AWS Backup keeps a recovery point in cold storage at least 90 days before it may be deleted. */
export const COLD_STORAGE_MIN_DAYS = 90;

/** Continuous backups are kept at most 35 days. */
export const CONTINUOUS_BACKUP_MAX_DAYS = 35;

/** Named schedules and the cron expression (UTC) each stands for. */
export const BACKUP_SCHEDULES: Readonly<Record<string, string>> = {
  daily: 'cron(0 5 * * ? *)',
  weekly: 'cron(0 5 ? * SUN *)',
  monthly: 'cron(0 5 1 * ? *)',
};

/** An AWS cron expression: six fields (minutes hours day-of-month month day-of-week year). */
const CRON = /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*\)$/;

/** Why a schedule is not one AWS Backup takes, or undefined when it is. */
export function backupScheduleProblem(schedule: string): string | undefined {
  if (schedule in BACKUP_SCHEDULES) return undefined;
  const match = CRON.exec(schedule);
  if (!match) return 'Use daily, weekly, monthly or a cron expression such as cron(0 5 * * ? *)';
  const [, minutes, hours, dayOfMonth, , dayOfWeek] = match;
  // AWS cron needs "?" in one of the two day fields.
  if ((dayOfMonth === '?') === (dayOfWeek === '?'))
    return 'A cron expression needs "?" in exactly one of day-of-month and day-of-week';
  // AWS Backup runs a rule at most once an hour: no minute lists or ranges.
  if (!/^\d{1,2}$/.test(minutes!) || Number(minutes) > 59)
    return 'AWS Backup starts a rule at most once an hour: give one minute (0-59)';
  if (!/^[\d*,/-]+$/.test(hours!)) return 'The hours field takes digits, "*", ",", "-" and "/"';
  return undefined;
}

/** The tag key and value of a "key=value" selection tag, or undefined when it is empty or not one. */
export function backupSelectionTag(value: string): { key: string; value: string } | undefined {
  const at = value.indexOf('=');
  if (at <= 0) return undefined;
  return { key: value.slice(0, at).trim(), value: value.slice(at + 1).trim() };
}

function checkBackupPlan(props: Properties): PropertyIssue[] {
  const get = reader(backupPlan.properties, props);
  const issues: PropertyIssue[] = [];
  const schedule = get.str('schedule');
  const problem = backupScheduleProblem(schedule);
  if (problem) issues.push({ path: 'schedule', message: problem });
  const retention = get.num('retentionDays');
  const cold = get.num('coldStorageAfterDays');
  const continuous = get.bool('continuousBackup');
  if (cold > 0 && retention === 0)
    issues.push({
      path: 'retentionDays',
      message: `Set the retention when recovery points move to cold storage: at least ${COLD_STORAGE_MIN_DAYS} days after the move`,
    });
  else if (cold > 0 && retention < cold + COLD_STORAGE_MIN_DAYS)
    issues.push({
      path: 'retentionDays',
      message: `Recovery points stay in cold storage at least ${COLD_STORAGE_MIN_DAYS} days: keep them ${cold + COLD_STORAGE_MIN_DAYS} days or more, or move them later`,
    });
  if (continuous && retention > CONTINUOUS_BACKUP_MAX_DAYS)
    issues.push({
      path: 'retentionDays',
      message: `Continuous backups are kept at most ${CONTINUOUS_BACKUP_MAX_DAYS} days`,
    });
  if (continuous && cold > 0)
    issues.push({ path: 'coldStorageAfterDays', message: 'Continuous backups cannot move to cold storage' });
  const tag = get.str('selectionTag');
  if (tag !== '' && !backupSelectionTag(tag)?.key)
    issues.push({ path: 'selectionTag', message: 'Write the tag as key=value, e.g. backup=daily' });
  if (get.bool('vaultLock')) {
    const min = get.num('vaultLockMinDays');
    const max = get.num('vaultLockMaxDays');
    if (max > 0 && max < min)
      issues.push({
        path: 'vaultLockMaxDays',
        message: `The longest retention (${max}) is under the shortest (${min})`,
      });
    // The default retention (7 days, 35 in production) must fit the lock too.
    if (retention === 0 && (min > 7 || (max > 0 && max < 35)))
      issues.push({
        path: 'retentionDays',
        message: `The default retention (7 days, 35 in production) does not fit the vault lock (${min} to ${max > 0 ? max : 'any'} days): set the retention`,
      });
    if (retention > 0 && retention < min)
      issues.push({
        path: 'retentionDays',
        message: `The vault lock refuses recovery points kept under ${min} days`,
      });
    if (retention > 0 && max > 0 && retention > max)
      issues.push({
        path: 'retentionDays',
        message: `The vault lock refuses recovery points kept over ${max} days`,
      });
  }
  return issues;
}

export const backupPlan: ServiceDefinition = {
  type: 'backup-plan',
  displayName: 'Backup plan',
  abbreviations: ['aws backup'],
  keywords: ['backup', 'backups', 'backup plan', 'backup vault', 'snapshot', 'snapshots', 'restore'],
  category: 'Storage',
  icon: 'backup-plan',
  description:
    'An AWS Backup plan with its own vault: it backs up the databases, tables and buckets it is connected to (and, optionally, every resource with a tag) on a schedule, keeps the recovery points for a retention that defaults to 35 days in production and 7 elsewhere, and can move them to cold storage, lock the vault and keep continuous backups for point-in-time restore.',
  placements: ['regional'],
  properties: [
    text('schedule', 'Schedule', 'daily', {
      help: 'daily, weekly, monthly (at 05:00 UTC) or an AWS cron expression such as cron(0 3 ? * MON-FRI *).',
    }),
    num('retentionDays', 'Retention', 0, {
      unit: 'days',
      integer: true,
      min: 0,
      max: 36500,
      help: '0 = default: 35 days in production environments, 7 elsewhere. How long each recovery point is kept.',
    }),
    num('coldStorageAfterDays', 'Move to cold storage after', 0, {
      unit: 'days',
      integer: true,
      min: 0,
      max: 36500,
      help: '0 = never. Cold storage is cheaper but keeps a point at least 90 days (DynamoDB and S3 snapshots do not move).',
    }),
    bool('continuousBackup', 'Continuous backup', false, {
      help: 'Point-in-time restore for RDS, Aurora and S3 (kept at most 35 days); others get snapshots.',
    }),
    text('selectionTag', 'Also back up resources tagged', '', {
      sameInEveryEnvironment: true,
      help: 'key=value, e.g. backup=daily: every resource of the account with this tag is backed up too. Empty = only the connected ones.',
    }),
    bool('vaultLock', 'Vault lock', false, {
      sameInEveryEnvironment: true,
      help: 'Governance-mode lock: recovery points cannot be deleted or kept outside the limits below, except by users allowed to bypass it (BAK-03).',
    }),
    num('vaultLockMinDays', 'Locked minimum retention', 7, {
      sameInEveryEnvironment: true,
      unit: 'days',
      integer: true,
      min: 1,
      max: 36500,
      visibleWhen: { key: 'vaultLock', equals: true },
    }),
    num('vaultLockMaxDays', 'Locked maximum retention', 0, {
      sameInEveryEnvironment: true,
      unit: 'days',
      integer: true,
      min: 0,
      max: 36500,
      visibleWhen: { key: 'vaultLock', equals: true },
      help: '0 = no maximum.',
    }),
    onDeleteProperty(false),
  ],
  validate: checkBackupPlan,
  accepts: [],
  refusalHint:
    'the backup plan is the source: connect it to the databases, tables and buckets it backs up ("backs up"), or to a KMS key for its vault.',
  // The vault, the plan, its role and (when it selects anything) its selection.
  stackResources: ({ props, outgoing }) => ({
    count:
      3 +
      (outgoing.some((c) => c.kind === 'back-up') ||
      (typeof props.selectionTag === 'string' && props.selectionTag !== '')
        ? 1
        : 0),
  }),
};

/**
 * AWS::Backup::BackupPlan -> backup-plan: its rule's schedule (a named one when it is archgen's
 * cron), retention, cold storage and continuous backup; its vault's lock; its selection's tag.
 * What it backs up (the selection's resources) and the vault's key are connections (import.ts).
 */
import { BACKUP_SCHEDULES } from '@archgen/model';
import { DEFAULT_BACKUP_RETENTION_DAYS } from '@archgen/infra';
import { bool, deep, list, num, obj, props, str, type ReadContext, type Reader } from './values.ts';

const NAMED = new Map(Object.entries(BACKUP_SCHEDULES).map(([name, cron]) => [cron, name]));

/** 0 is the design's default; a template archgen wrote holds it as that environment's default days. */
function retentionDays(ctx: ReadContext, days: number | undefined): number {
  if (days === undefined) return 0;
  const byDefault = ctx.archgen?.production
    ? DEFAULT_BACKUP_RETENTION_DAYS.production
    : DEFAULT_BACKUP_RETENTION_DAYS.other;
  return ctx.archgen && days === byDefault ? 0 : days;
}

export const backupPlan: Reader = (p, ctx) => {
  const plan = obj(deep(ctx, p.BackupPlan));
  const rule = obj(list(plan.BackupPlanRule)[0]);
  const lifecycle = obj(rule.Lifecycle);
  const schedule = str(ctx, rule.ScheduleExpression);
  const vault = ctx.resource(rule.TargetBackupVault);
  const lock = vault ? obj(deep(ctx, vault.props.LockConfiguration)) : {};
  const locked = vault !== undefined && vault.props.LockConfiguration !== undefined;
  const selection = ctx.referrers(ctx.id, 'AWS::Backup::BackupSelection')[0];
  const tag = obj(list(obj(deep(ctx, selection?.props.BackupSelection)).ListOfTags)[0]);
  const tagKey = str(ctx, tag.ConditionKey);
  return props({
    schedule: schedule === undefined ? undefined : (NAMED.get(schedule) ?? schedule),
    retentionDays: retentionDays(ctx, num(ctx, lifecycle.DeleteAfterDays)),
    coldStorageAfterDays: num(ctx, lifecycle.MoveToColdStorageAfterDays) ?? 0,
    continuousBackup: bool(ctx, rule.EnableContinuousBackup) ?? false,
    selectionTag: tagKey ? `${tagKey}=${str(ctx, tag.ConditionValue) ?? ''}` : '',
    vaultLock: locked,
    vaultLockMinDays: locked ? num(ctx, lock.MinRetentionDays) : undefined,
    vaultLockMaxDays: locked ? (num(ctx, lock.MaxRetentionDays) ?? 0) : undefined,
  });
};

/**
 * Drawn AWS Backup plans (backup-plan nodes), decided once for every target: the plan's rule
 * (schedule, retention per environment, cold storage, continuous backup), its vault (the AWS
 * managed key or a drawn key, an optional governance-mode lock) and its one selection (the ARNs
 * of what its back-up connections point at, and the resources with its tag) under the role
 * iam.ts made, with AWS Backup's S3 policies added when it selects a bucket.
 *
 * Retention left at 0 in the design is the default: 35 days in production environments (AWS
 * Config's backup-plan-min-frequency-and-min-retention-check asks for 35), 7 elsewhere.
 */
import {
  BACKUP_SCHEDULES,
  backupSelectionTag,
  isProductionEnvironment,
  type PropertyValue,
} from '@archgen/model';
import type { LowerContext } from './context.ts';
import { MANAGED_POLICIES } from './iam-actions.ts';
import { drawnKeyOf } from './keys.ts';
import type { ResolvedBackupPlan } from './types.ts';

/** Days a recovery point is kept when the design says 0 (default), by environment kind. */
export const DEFAULT_BACKUP_RETENTION_DAYS = { production: 35, other: 7 } as const;

/** The components a plan's selection may list, as the catalog accepts back-up connections. */
const SELECTABLE = new Set(['rds', 'aurora', 'neptune', 'dynamodb', 's3', 'efs']);

function wholeNumber(value: PropertyValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/** A named schedule's cron expression, or the expression the design gives. */
export function backupScheduleExpression(schedule: string): string {
  return BACKUP_SCHEDULES[schedule] ?? schedule;
}

export function lowerBackupPlans(ctx: LowerContext): void {
  const production = new Map(ctx.design.environments.map((e) => [e.name, isProductionEnvironment(e)]));
  const first = ctx.envs[0]!;
  for (const node of ctx.nodes) {
    if (node.type !== 'backup-plan') continue;
    const component = ctx.component(node.id);
    const roleId = `${node.id}.role`;
    const role = ctx.role(roleId);
    if (!component || !role) continue;
    const resourceIds: string[] = [];
    for (const connection of ctx.outgoing.get(node.id) ?? []) {
      const target = ctx.component(connection.to);
      if (connection.kind !== 'back-up' || !target || !SELECTABLE.has(target.type)) continue;
      if (!resourceIds.includes(target.id)) resourceIds.push(target.id);
    }
    const selectsBucket = resourceIds.some((id) => ctx.component(id)?.type === 's3');
    if (selectsBucket)
      for (const policy of [MANAGED_POLICIES.backupS3, MANAGED_POLICIES.backupS3Restores])
        if (!role.managedPolicies.includes(policy)) role.managedPolicies.push(policy);
    const tagText = component.props.selectionTag?.byEnv[first];
    const selectionTag = typeof tagText === 'string' ? backupSelectionTag(tagText) : undefined;
    const lockOn = component.props.vaultLock?.byEnv[first] === true;
    const lockMax = wholeNumber(component.props.vaultLockMaxDays?.byEnv[first]);
    const keyId = drawnKeyOf(ctx, node.id);
    const schedule = component.props.schedule?.byEnv[first];
    const plan: ResolvedBackupPlan = {
      schedule: backupScheduleExpression(typeof schedule === 'string' ? schedule : 'daily'),
      ruleName: `${component.names.logicalId}Rule`,
      deleteAfterDays: ctx.envValue(
        ctx.envs.map((env) => {
          const days = wholeNumber(component.props.retentionDays?.byEnv[env]);
          if (days > 0) return days;
          return production.get(env) === true
            ? DEFAULT_BACKUP_RETENTION_DAYS.production
            : DEFAULT_BACKUP_RETENTION_DAYS.other;
        }),
      ),
      coldStorageAfterDays: ctx.envValue(
        ctx.envs.map((env) => wholeNumber(component.props.coldStorageAfterDays?.byEnv[env])),
      ),
      continuousBackup: ctx.envValue(
        ctx.envs.map((env) => component.props.continuousBackup?.byEnv[env] === true),
      ),
      resourceIds,
      ...(selectionTag ? { selectionTag } : {}),
      hasSelection: resourceIds.length > 0 || selectionTag !== undefined,
      roleId,
      ...(keyId ? { vaultKeyId: keyId } : {}),
      ...(lockOn
        ? {
            vaultLock: {
              minRetentionDays: Math.max(1, wholeNumber(component.props.vaultLockMinDays?.byEnv[first])),
              ...(lockMax > 0 ? { maxRetentionDays: lockMax } : {}),
            },
          }
        : {}),
    };
    component.backupPlan = plan;
  }
}

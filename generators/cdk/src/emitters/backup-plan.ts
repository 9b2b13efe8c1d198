/**
 * AWS Backup plan: backup.BackupVault (the AWS managed key or the drawn key, the lowering's
 * governance-mode lock, protection.ts's removal policy), backup.BackupPlan with one
 * BackupPlanRule (retention and cold storage per environment through lib/config.ts) and, when
 * the plan selects anything, addSelection with BackupResource.fromArn for each selected resource
 * and fromTag for its tag, under the role the lowering made (its AWS Backup managed policies
 * are already attached: CDK's default policy is turned off so it is not added twice).
 */
import type { ComponentEmitter } from './types.ts';
import { onlyWhere } from '../context.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, protectionPolicy, resolvedScalar } from './common.ts';

export const backupPlanEmitter: ComponentEmitter = {
  dependencies: (component) => [
    ...(component.backupPlan?.resourceIds ?? []),
    ...(component.backupPlan?.vaultKeyId ? [component.backupPlan.vaultKeyId] : []),
  ],
  emit(component, ctx) {
    const plan = component.backupPlan;
    if (!plan) throw new Error(`backup-plan "${component.id}" has no resolved plan`);
    const role = ctx.roles.get(plan.roleId);
    if (!role) throw new Error(`backup-plan "${component.id}" has no role`);
    ctx.section(`${component.names.logicalId}: AWS Backup plan, its vault and what it backs up.`);
    const vault = ctx.declare(
      `${ctx.variableName(component)}Vault`,
      newExpr(
        ctx.api('backup', 'BackupVault'),
        ctx.scope,
        lit(`${component.names.logicalId}Vault`),
        obj({
          encryptionKey: plan.vaultKeyId ? ctx.handle(plan.vaultKeyId).construct : undefined,
          lockConfiguration: plan.vaultLock
            ? obj({
                minRetention: ctx.duration('days', lit(plan.vaultLock.minRetentionDays)),
                maxRetention:
                  plan.vaultLock.maxRetentionDays !== undefined
                    ? ctx.duration('days', lit(plan.vaultLock.maxRetentionDays))
                    : undefined,
              })
            : undefined,
          removalPolicy: protectionPolicy(ctx, component),
        }),
      ),
    );
    const coldStorage = ctx.optional(
      component,
      'coldStorageAfterDays',
      (days) => typeof days === 'number' && days > 0,
    );
    const rule = newExpr(
      ctx.api('backup', 'BackupPlanRule'),
      obj({
        ruleName: lit(plan.ruleName),
        scheduleExpression: call(ctx.api('events', 'Schedule.expression'), lit(plan.schedule)),
        deleteAfter: ctx.duration(
          'days',
          resolvedScalar(
            ctx,
            component,
            'RetentionDays',
            plan.deleteAfterDays,
            'days recovery points are kept',
          ),
        ),
        moveToColdStorageAfter: coldStorage
          ? onlyWhere(coldStorage.test, ctx.duration('days', coldStorage.value))
          : undefined,
        enableContinuousBackup: resolvedScalar(
          ctx,
          component,
          'ContinuousBackup',
          plan.continuousBackup,
          'continuous backup (point-in-time restore)',
        ),
      }),
    );
    const backupPlan = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('backup', 'BackupPlan'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({ backupVault: vault, backupPlanRules: arr([rule]) }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, backupPlan);
    if (plan.hasSelection) {
      const resources = plan.resourceIds.map((resourceId) =>
        call(
          ctx.api('backup', 'BackupResource.fromArn'),
          ctx.resolveRef({ componentId: resourceId, attribute: 'arn' }),
        ),
      );
      if (plan.selectionTag)
        resources.push(
          call(
            ctx.api('backup', 'BackupResource.fromTag'),
            lit(plan.selectionTag.key),
            lit(plan.selectionTag.value),
          ),
        );
      ctx.expr(
        call(
          member(backupPlan, 'addSelection'),
          lit(`${component.names.logicalId}Selection`),
          obj({ resources: arr(resources), role, disableDefaultBackupPolicy: lit(true) }),
        ),
      );
    }
    ctx.register(component.id, {
      construct: backupPlan,
      attributes: {
        arn: member(backupPlan, 'backupPlanArn'),
        id: member(backupPlan, 'backupPlanId'),
      },
    });
  },
};

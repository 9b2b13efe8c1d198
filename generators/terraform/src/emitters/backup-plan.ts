/**
 * AWS Backup plan: aws_backup_vault (the AWS managed key or the drawn key; destroying a vault
 * that holds recovery points fails, as in the other targets), aws_backup_vault_lock_configuration
 * in governance mode when the design locks it, aws_backup_plan with its one rule (retention and
 * cold storage per environment) and aws_backup_selection listing the selected resources' ARNs and
 * its tag under the role the lowering made (iam.ts prints it with its managed policies).
 */
import { attr, block, list, num, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { protectionLifecycle, resolvedValue, tags } from './common.ts';

export const backupPlanEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_backup_plan.${name}.arn`),
    id: (name) => ref(`aws_backup_plan.${name}.id`),
  },
  emit(c, ctx) {
    const plan = c.backupPlan;
    if (!plan) throw new Error(`backup-plan "${c.id}" has no resolved plan`);
    const t = c.names.tfName;
    const role = ctx.graph.roles.find((r) => r.id === plan.roleId);
    if (!role) throw new Error(`backup-plan "${c.id}" has no role`);
    ctx.add(
      'data.tf',
      ctx.resource('aws_backup_vault', t, c, [
        // 2-50 letters, digits, "-" and "_".
        attr('name', ctx.physicalName(c.names.slug, 50)),
        plan.vaultKeyId && attr('kms_key_arn', ctx.attribute(plan.vaultKeyId, 'arn')),
        tags(c.names.display),
        protectionLifecycle(c),
      ]),
    );
    if (plan.vaultLock)
      ctx.add(
        'data.tf',
        block(
          'resource',
          ['aws_backup_vault_lock_configuration', t],
          [
            attr('backup_vault_name', ref(`aws_backup_vault.${t}.name`)),
            attr('min_retention_days', num(plan.vaultLock.minRetentionDays)),
            plan.vaultLock.maxRetentionDays !== undefined &&
              attr('max_retention_days', num(plan.vaultLock.maxRetentionDays)),
          ],
        ),
      );
    const coldStorage = Object.values(plan.coldStorageAfterDays.byEnv).some((days) => days > 0)
      ? ctx.derived(c, 'cold_storage_after', 'Days before cold storage', (env) => {
          const days = plan.coldStorageAfterDays.byEnv[env] ?? 0;
          return days > 0 ? days : null;
        })
      : undefined;
    ctx.add(
      'data.tf',
      ctx.resource('aws_backup_plan', t, c, [
        attr('name', ctx.physicalName(c.names.slug, 50)),
        block(
          'rule',
          [],
          [
            attr('rule_name', str(plan.ruleName)),
            attr('target_vault_name', ref(`aws_backup_vault.${t}.name`)),
            attr('schedule', str(plan.schedule)),
            attr(
              'enable_continuous_backup',
              resolvedValue(ctx, c, 'continuous_backup', 'Continuous backup', plan.continuousBackup),
            ),
            block(
              'lifecycle',
              [],
              [
                attr(
                  'delete_after',
                  resolvedValue(
                    ctx,
                    c,
                    'retention_days',
                    'Days recovery points are kept',
                    plan.deleteAfterDays,
                  ),
                ),
                coldStorage && attr('cold_storage_after', coldStorage),
              ],
            ),
          ],
        ),
        tags(c.names.display),
      ]),
    );
    if (!plan.hasSelection) return;
    ctx.add(
      'data.tf',
      block(
        'resource',
        ['aws_backup_selection', t],
        [
          attr('name', ctx.physicalName(c.names.slug, 50)),
          attr('plan_id', ref(`aws_backup_plan.${t}.id`)),
          attr('iam_role_arn', ctx.roleArn(role)),
          plan.resourceIds.length > 0 &&
            attr('resources', list(plan.resourceIds.map((id) => ctx.attribute(id, 'arn')))),
          plan.selectionTag &&
            block(
              'selection_tag',
              [],
              [
                attr('type', str('STRINGEQUALS')),
                attr('key', str(plan.selectionTag.key)),
                attr('value', str(plan.selectionTag.value)),
              ],
            ),
        ],
      ),
    );
  },
};

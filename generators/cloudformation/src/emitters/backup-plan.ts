/**
 * AWS Backup plan: AWS::Backup::BackupVault (the AWS managed key or the drawn key, the lowering's
 * governance-mode lock, protection.ts's deletion policy), AWS::Backup::BackupPlan with its one
 * rule (retention and cold storage per environment) and, when the plan selects anything,
 * AWS::Backup::BackupSelection listing the selected resources' ARNs and its tag under the role
 * the lowering made (iam.ts prints it with its AWS Backup managed policies).
 */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, join, ref, type TemplateValue } from '../template/intrinsics.ts';
import { deletionPolicies, resolvedValue, stackUniqueName } from './common.ts';

export const backupPlanEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'BackupPlanArn'),
    id: (id) => ref(id),
  },
  emit(component, ctx) {
    const plan = component.backupPlan;
    if (!plan) throw new Error(`backup-plan "${component.id}" has no resolved plan`);
    const id = component.names.logicalId;
    const vaultId = `${id}Vault`;
    ctx.template.addResource(
      vaultId,
      {
        Type: 'AWS::Backup::BackupVault',
        ...deletionPolicies(component),
        Metadata: ctx.metadata(component.acknowledgements),
        Properties: {
          // 2-50 letters, digits, "-" and "_": a stem and the stack's id.
          BackupVaultName: stackUniqueName(component.names.slug, 50),
          EncryptionKeyArn: plan.vaultKeyId ? ctx.attribute(plan.vaultKeyId, 'arn') : undefined,
          LockConfiguration: plan.vaultLock
            ? {
                MinRetentionDays: plan.vaultLock.minRetentionDays,
                MaxRetentionDays: plan.vaultLock.maxRetentionDays,
              }
            : undefined,
          BackupVaultTags: ctx.tagMap(component.names.display),
        },
      },
      `the vault of ${component.names.display}`,
    );
    const coldStorage = ctx.byEnvironment(
      Object.fromEntries(
        ctx.environments.map((env) => {
          const days = plan.coldStorageAfterDays.byEnv[env] ?? 0;
          return [env, days > 0 ? days : undefined];
        }),
      ),
      {
        parameter: `${id}ColdStorageAfterDays`,
        description: `Days before cold storage of ${component.names.display}`,
        group: component.names.display,
      },
    );
    ctx.template.addResource(id, {
      Type: 'AWS::Backup::BackupPlan',
      Metadata: ctx.metadata(component.acknowledgements),
      Properties: {
        BackupPlan: {
          BackupPlanName: stackUniqueName(component.names.slug, 50),
          BackupPlanRule: [
            {
              RuleName: plan.ruleName,
              TargetBackupVault: ref(vaultId),
              ScheduleExpression: plan.schedule,
              EnableContinuousBackup: resolvedValue(
                ctx,
                component,
                'ContinuousBackup',
                'Continuous backup',
                plan.continuousBackup,
              ),
              Lifecycle: {
                DeleteAfterDays: resolvedValue(
                  ctx,
                  component,
                  'RetentionDays',
                  'Days recovery points are kept',
                  plan.deleteAfterDays,
                ),
                MoveToColdStorageAfterDays: coldStorage,
              },
            },
          ],
        },
        BackupPlanTags: ctx.tagMap(component.names.display),
      },
    });
    if (!plan.hasSelection) return;
    const resources: TemplateValue[] = plan.resourceIds.map((resourceId) => {
      // A Neptune cluster's "arn" reference is its neptune-db ARN (IAM auth); AWS Backup takes
      // the rds cluster ARN, built from the cluster identifier.
      if (ctx.component(resourceId).type !== 'neptune')
        return ctx.ref({ componentId: resourceId, attribute: 'arn' });
      return join('', [
        'arn:',
        ref('AWS::Partition'),
        ':rds:',
        ref('AWS::Region'),
        ':',
        ref('AWS::AccountId'),
        ':cluster:',
        ctx.ref({ componentId: resourceId, attribute: 'id' }),
      ]);
    });
    ctx.template.addResource(
      `${id}Selection`,
      {
        Type: 'AWS::Backup::BackupSelection',
        Properties: {
          BackupPlanId: ref(id),
          BackupSelection: {
            SelectionName: `${id}Selection`,
            IamRoleArn: ctx.roleArn(plan.roleId),
            Resources: resources.length > 0 ? resources : undefined,
            ListOfTags: plan.selectionTag
              ? [
                  {
                    ConditionType: 'STRINGEQUALS',
                    ConditionKey: plan.selectionTag.key,
                    ConditionValue: plan.selectionTag.value,
                  },
                ]
              : undefined,
          },
        },
      },
      `what ${component.names.display} backs up`,
    );
  },
};

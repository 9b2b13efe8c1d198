/** Neptune cluster with IAM authentication, encryption, backups and deletion protection; instances per environment. */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref, sub } from '../template/intrinsics.ts';
import { dbSubnetGroup } from './databases.ts';
import { deletionPolicies, deletionProtectionValue, engineVersion } from './common.ts';

export const neptuneEmitter: ComponentEmitter = {
  references: {
    endpoint: (id) => getAtt(id, 'Endpoint'),
    port: (id) => getAtt(id, 'Port'),
    id: (id) => ref(id),
    name: (id) => ref(id),
    // IAM data-plane actions (neptune-db:*) are scoped by the cluster resource id.
    arn: (id) =>
      sub(`arn:\${AWS::Partition}:neptune-db:\${AWS::Region}:\${AWS::AccountId}:\${${id}.ClusterResourceId}`),
  },
  emit(db, ctx) {
    const id = db.names.logicalId;
    const subnetGroup = dbSubnetGroup(db, ctx, 'AWS::Neptune::DBSubnetGroup');
    ctx.template.addResource(id, {
      Type: 'AWS::Neptune::DBCluster',
      ...deletionPolicies(db),
      Metadata: ctx.metadata(db.acknowledgements),
      Properties: {
        EngineVersion: engineVersion(ctx, db),
        StorageEncrypted: ctx.value(db, 'storageEncrypted'),
        IamAuthEnabled: ctx.value(db, 'iamAuth'),
        BackupRetentionPeriod: ctx.value(db, 'backupRetentionDays'),
        DeletionProtection: deletionProtectionValue(ctx, db),
        DBSubnetGroupName: ref(subnetGroup),
        VpcSecurityGroupIds: ctx.securityGroupIds(db),
        EnableCloudwatchLogsExports: ['audit'],
        Tags: ctx.tags(db.names.display),
      },
    });
    const instances = ctx.perEnvironment(db, 'instances');
    const most = Math.max(1, ...Object.values(instances).map(Number));
    for (let i = 1; i <= most; i++) {
      const exists = ctx.when(
        Object.fromEntries(ctx.environments.map((env) => [env, i === 1 || Number(instances[env]) >= i])),
      );
      ctx.template.addResource(`${id}Instance${i}`, {
        Type: 'AWS::Neptune::DBInstance',
        Condition: typeof exists === 'string' ? exists : undefined,
        Properties: {
          DBClusterIdentifier: ref(id),
          DBInstanceClass: ctx.value(db, 'instanceClass'),
          AutoMinorVersionUpgrade: true,
          Tags: ctx.tags(`${db.names.display} instance ${i}`),
        },
      });
    }
  },
};

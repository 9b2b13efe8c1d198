/**
 * Aurora cluster (PostgreSQL or MySQL compatible), provisioned or Serverless v2 per environment,
 * a writer plus the design's readers in other AZs (RDS-02), managed master secret (RDS-04), IAM
 * authentication, encrypted storage, backups, deletion protection and a final snapshot (RDS-03).
 */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';
import { dbSubnetGroup } from './databases.ts';
import { deletionPolicies, deletionProtectionValue, engineVersion, resolvedValue } from './common.ts';

const LOG_EXPORTS: Record<string, string[]> = {
  'aurora-postgresql': ['postgresql'],
  'aurora-mysql': ['error', 'slowquery'],
};

export const auroraEmitter: ComponentEmitter = {
  references: {
    endpoint: (id) => getAtt(id, 'Endpoint.Address'),
    port: (id) => getAtt(id, 'Endpoint.Port'),
    id: (id) => ref(id),
    name: (id) => ref(id),
    arn: (id) => getAtt(id, 'DBClusterArn'),
  },
  emit(db, ctx) {
    const id = db.names.logicalId;
    const publiclyAccessible = resolvedValue(
      ctx,
      db,
      'PubliclyAccessible',
      'Publicly accessible',
      db.publiclyAccessible,
    );
    const subnetGroup = dbSubnetGroup(db, ctx, 'AWS::RDS::DBSubnetGroup');
    const engine = String(ctx.constant(db, 'engine'));
    const secret = db.secretId ? ctx.component(db.secretId) : undefined;
    const capacity = ctx.perEnvironment(db, 'capacity');
    const serverless = ctx.when(
      Object.fromEntries(ctx.environments.map((env) => [env, capacity[env] === 'serverless-v2'])),
    );
    ctx.template.addResource(id, {
      Type: 'AWS::RDS::DBCluster',
      ...deletionPolicies(db),
      Metadata: ctx.metadata(db.acknowledgements),
      Properties: {
        Engine: engine,
        EngineVersion: engineVersion(ctx, db),
        // A drawn key (encrypt-with) encrypts the storage in every environment.
        StorageEncrypted: db.encryption?.keyId ? true : ctx.value(db, 'storageEncrypted'),
        KmsKeyId: db.encryption?.keyId ? ctx.attribute(db.encryption.keyId, 'arn') : undefined,
        BackupRetentionPeriod: ctx.value(db, 'backupRetentionDays'),
        DeletionProtection: deletionProtectionValue(ctx, db),
        EnableIAMDatabaseAuthentication: ctx.value(db, 'iamAuth'),
        DBSubnetGroupName: ref(subnetGroup),
        VpcSecurityGroupIds: ctx.securityGroupIds(db),
        MasterUsername: secret?.generatedSecret?.username ?? 'dbadmin',
        ManageMasterUserPassword: true,
        CopyTagsToSnapshot: true,
        EnableCloudwatchLogsExports: LOG_EXPORTS[engine],
        ServerlessV2ScalingConfiguration: ctx.choose(
          serverless,
          { MinCapacity: ctx.value(db, 'minAcu')!, MaxCapacity: ctx.value(db, 'maxAcu')! },
          undefined,
        ),
        Tags: ctx.tags(db.names.display),
      },
    });
    const instanceClass = ctx.byEnvironment(
      Object.fromEntries(
        ctx.environments.map((env) => [
          env,
          capacity[env] === 'serverless-v2' ? 'db.serverless' : String(db.props.instanceClass?.byEnv[env]),
        ]),
      ),
      {
        parameter: `${id}InstanceClass`,
        description: `instance class of ${db.names.display}`,
        group: db.names.display,
      },
    );
    const readers = ctx.perEnvironment(db, 'readers');
    const maxReaders = Math.max(0, ...Object.values(readers).map(Number));
    for (let i = 0; i <= maxReaders; i++) {
      const exists = ctx.when(
        Object.fromEntries(ctx.environments.map((env) => [env, i === 0 || Number(readers[env]) >= i])),
      );
      ctx.template.addResource(i === 0 ? `${id}Writer` : `${id}Reader${i}`, {
        Type: 'AWS::RDS::DBInstance',
        Condition: typeof exists === 'string' ? exists : undefined,
        Properties: {
          Engine: engine,
          DBClusterIdentifier: ref(id),
          DBInstanceClass: instanceClass,
          PubliclyAccessible: publiclyAccessible,
          // Readers fail over in creation order; tier 1 for the first reader.
          PromotionTier: i === 0 ? 0 : Math.min(15, i),
          AutoMinorVersionUpgrade: true,
          Tags: ctx.tags(i === 0 ? `${db.names.display} writer` : `${db.names.display} reader ${i}`),
        },
      });
    }
    ctx.template.addOutput(`${id}Endpoint`, {
      Description: `Writer endpoint of ${db.names.display}`,
      Value: getAtt(id, 'Endpoint.Address'),
      exportName: `${id}Endpoint`,
    });
    ctx.template.addOutput(`${id}SecretArn`, {
      Description: `Secret with the master credentials of ${db.names.display}`,
      Value: getAtt(id, 'MasterUserSecret.SecretArn'),
    });
  },
};

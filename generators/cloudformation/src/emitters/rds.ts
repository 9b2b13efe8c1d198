/**
 * RDS instance (PostgreSQL or MySQL): encrypted gp3 storage, master password managed and rotated
 * by RDS in Secrets Manager (RDS-04), IAM authentication, backups, deletion protection and a final
 * snapshot (RDS-03), Multi-AZ per environment (RDS-02), public only as the lowering decides (NET-04).
 */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';
import { dbSubnetGroup } from './databases.ts';
import { deletionPolicies, deletionProtectionValue, engineVersion, resolvedValue } from './common.ts';

const LOG_EXPORTS: Record<string, string[]> = {
  postgres: ['postgresql', 'upgrade'],
  mysql: ['error', 'general', 'slowquery'],
};

export const rdsEmitter: ComponentEmitter = {
  references: {
    endpoint: (id) => getAtt(id, 'Endpoint.Address'),
    port: (id) => getAtt(id, 'Endpoint.Port'),
    id: (id) => ref(id),
    name: (id) => ref(id),
    arn: (id) => getAtt(id, 'DBInstanceArn'),
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
    ctx.template.addResource(id, {
      Type: 'AWS::RDS::DBInstance',
      ...deletionPolicies(db),
      Metadata: ctx.metadata(db.acknowledgements),
      Properties: {
        Engine: engine,
        EngineVersion: engineVersion(ctx, db),
        DBInstanceClass: ctx.value(db, 'instanceClass'),
        AllocatedStorage: ctx.value(db, 'allocatedStorageGb', (gb) => String(gb)),
        StorageType: 'gp3',
        // A drawn key (encrypt-with) encrypts the storage in every environment.
        StorageEncrypted: db.encryption?.keyId ? true : ctx.value(db, 'storageEncrypted'),
        KmsKeyId: db.encryption?.keyId ? ctx.attribute(db.encryption.keyId, 'arn') : undefined,
        MultiAZ: ctx.value(db, 'multiAz'),
        BackupRetentionPeriod: ctx.value(db, 'backupRetentionDays'),
        DeletionProtection: deletionProtectionValue(ctx, db),
        EnableIAMDatabaseAuthentication: ctx.value(db, 'iamAuth'),
        PubliclyAccessible: publiclyAccessible,
        Port: ctx.value(db, 'port', (port) => String(port)),
        DBSubnetGroupName: ref(subnetGroup),
        VPCSecurityGroups: ctx.securityGroupIds(db),
        MasterUsername: secret?.generatedSecret?.username ?? 'dbadmin',
        ManageMasterUserPassword: true,
        CopyTagsToSnapshot: true,
        AutoMinorVersionUpgrade: true,
        EnableCloudwatchLogsExports: LOG_EXPORTS[engine],
        Tags: ctx.tags(db.names.display),
      },
    });
    ctx.template.addOutput(`${id}Endpoint`, {
      Description: `Endpoint of ${db.names.display}`,
      Value: getAtt(id, 'Endpoint.Address'),
      exportName: `${id}Endpoint`,
    });
    ctx.template.addOutput(`${id}SecretArn`, {
      Description: `Secret with the master credentials of ${db.names.display}`,
      Value: getAtt(id, 'MasterUserSecret.SecretArn'),
    });
  },
};

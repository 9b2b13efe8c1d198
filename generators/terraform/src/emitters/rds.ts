/**
 * RDS instance in isolated subnets: encrypted, backed up, deletion-protected, snapshot on delete,
 * IAM auth, master password managed by Secrets Manager (RDS-01..05).
 */
import { attr, list, literal, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import {
  deletionProtectionValue,
  engineVersion,
  protectionLifecycle,
  resolvedValue,
  skipFinalSnapshot,
  tags,
} from './common.ts';
import { MYSQL_LOGS, subnetGroup } from './databases.ts';

export const rdsEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_db_instance.${name}.arn`),
    id: (name) => ref(`aws_db_instance.${name}.identifier`),
    name: (name) => ref(`aws_db_instance.${name}.identifier`),
    endpoint: (name) => ref(`aws_db_instance.${name}.address`),
    port: (name) => ref(`aws_db_instance.${name}.port`),
  },
  emit(c, ctx) {
    const engine = ctx.text(c, 'engine');
    const group = subnetGroup(ctx, 'aws_db_subnet_group', c);
    const name = ctx.physicalName(c.names.slug, 63);
    ctx.add(
      'data.tf',
      ctx.resource('aws_db_instance', c.names.tfName, c, [
        attr('identifier', name),
        attr('engine', str(engine)),
        attr('engine_version', engineVersion(ctx, c)),
        attr('instance_class', ctx.prop(c, 'instanceClass')),
        attr('allocated_storage', ctx.prop(c, 'allocatedStorageGb')),
        attr('storage_type', str('gp3')),
        // A drawn key (encrypt-with) encrypts the storage in every environment.
        attr('storage_encrypted', c.encryption?.keyId ? literal(true) : ctx.prop(c, 'storageEncrypted')),
        c.encryption?.keyId && attr('kms_key_id', ctx.attribute(c.encryption.keyId, 'arn')),
        attr('port', ctx.prop(c, 'port')),
        attr('username', str('dbadmin')),
        attr('manage_master_user_password', literal(true)),
        attr('iam_database_authentication_enabled', ctx.prop(c, 'iamAuth')),
        attr('multi_az', ctx.prop(c, 'multiAz')),
        attr('db_subnet_group_name', group),
        attr('vpc_security_group_ids', list([ctx.securityGroupOf(c)])),
        attr(
          'publicly_accessible',
          resolvedValue(ctx, c, 'publicly_accessible', 'Publicly accessible', c.publiclyAccessible),
        ),
        attr('backup_retention_period', ctx.prop(c, 'backupRetentionDays')),
        attr('deletion_protection', deletionProtectionValue(ctx, c)),
        attr('skip_final_snapshot', skipFinalSnapshot(ctx, c)),
        attr('final_snapshot_identifier', tpl(name, '-final')),
        attr('copy_tags_to_snapshot', literal(true)),
        attr('auto_minor_version_upgrade', literal(true)),
        attr(
          'enabled_cloudwatch_logs_exports',
          literal(engine === 'mysql' ? MYSQL_LOGS : ['postgresql', 'upgrade']),
        ),
        tags(c.names.display),
        protectionLifecycle(c),
      ]),
    );
    ctx.output(
      `${c.names.tfName}_endpoint`,
      ref(`aws_db_instance.${c.names.tfName}.address`),
      `Endpoint of the database "${c.names.display}"`,
    );
  },
};

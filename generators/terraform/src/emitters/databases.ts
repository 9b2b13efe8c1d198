/**
 * Relational and graph databases in isolated subnets: RDS, Aurora, Neptune. Encrypted, backed
 * up, deletion-protected, snapshot on delete, IAM auth, master password managed by Secrets
 * Manager (RDS-01..05).
 */
import type { ResolvedComponent } from '@archgen/infra';
import { type Expr, attr, binary, block, list, literal, num, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { placementSubnets, resolvedValue, tags } from './common.ts';

function subnetGroup(ctx: TfContext, type: string, c: ResolvedComponent): Expr {
  ctx.add(
    'data.tf',
    block(
      'resource',
      [type, c.names.tfName],
      [
        attr('name', ctx.physicalName(c.names.slug, 255)),
        attr('description', str(`Subnets of ${c.names.display}`.slice(0, 255))),
        attr('subnet_ids', placementSubnets(ctx, c)),
        tags(c.names.display),
      ],
    ),
  );
  return ref(`${type}.${c.names.tfName}.name`);
}

const MYSQL_LOGS = ['error', 'general', 'slowquery'];

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
        attr('engine_version', ctx.prop(c, 'engineVersion')),
        attr('instance_class', ctx.prop(c, 'instanceClass')),
        attr('allocated_storage', ctx.prop(c, 'allocatedStorageGb')),
        attr('storage_type', str('gp3')),
        attr('storage_encrypted', ctx.prop(c, 'storageEncrypted')),
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
        attr('deletion_protection', ctx.prop(c, 'deletionProtection')),
        attr('skip_final_snapshot', literal(false)),
        attr('final_snapshot_identifier', tpl(name, '-final')),
        attr('copy_tags_to_snapshot', literal(true)),
        attr('auto_minor_version_upgrade', literal(true)),
        attr(
          'enabled_cloudwatch_logs_exports',
          literal(engine === 'mysql' ? MYSQL_LOGS : ['postgresql', 'upgrade']),
        ),
        tags(c.names.display),
      ]),
    );
    ctx.output(
      `${c.names.tfName}_endpoint`,
      ref(`aws_db_instance.${c.names.tfName}.address`),
      `Endpoint of the database "${c.names.display}"`,
    );
  },
};

export const auroraEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_rds_cluster.${name}.arn`),
    id: (name) => ref(`aws_rds_cluster.${name}.cluster_identifier`),
    name: (name) => ref(`aws_rds_cluster.${name}.cluster_identifier`),
    endpoint: (name) => ref(`aws_rds_cluster.${name}.endpoint`),
    port: (name) => ref(`aws_rds_cluster.${name}.port`),
  },
  emit(c, ctx) {
    const engine = ctx.text(c, 'engine');
    const serverlessIn = (env: string) => ctx.textIn(c, 'capacity', env) === 'serverless-v2';
    // The scaling range is a cluster setting; it only applies to db.serverless instances.
    const serverless = ctx.environments.some(serverlessIn);
    const group = subnetGroup(ctx, 'aws_db_subnet_group', c);
    const name = ctx.physicalName(c.names.slug, 63);
    const cluster = `aws_rds_cluster.${c.names.tfName}`;
    ctx.add(
      'data.tf',
      ctx.resource('aws_rds_cluster', c.names.tfName, c, [
        attr('cluster_identifier', name),
        attr('engine', str(engine)),
        attr('engine_mode', str('provisioned')),
        attr('master_username', str('dbadmin')),
        attr('manage_master_user_password', literal(true)),
        attr('iam_database_authentication_enabled', ctx.prop(c, 'iamAuth')),
        attr('db_subnet_group_name', group),
        attr('vpc_security_group_ids', list([ctx.securityGroupOf(c)])),
        attr('storage_encrypted', ctx.prop(c, 'storageEncrypted')),
        attr('backup_retention_period', ctx.prop(c, 'backupRetentionDays')),
        attr('deletion_protection', ctx.prop(c, 'deletionProtection')),
        attr('skip_final_snapshot', literal(false)),
        attr('final_snapshot_identifier', tpl(name, '-final')),
        attr('copy_tags_to_snapshot', literal(true)),
        attr(
          'enabled_cloudwatch_logs_exports',
          literal(engine === 'aurora-mysql' ? MYSQL_LOGS : ['postgresql']),
        ),
        serverless &&
          block(
            'serverlessv2_scaling_configuration',
            [],
            [attr('min_capacity', ctx.prop(c, 'minAcu')), attr('max_capacity', ctx.prop(c, 'maxAcu'))],
          ),
        tags(c.names.display),
      ]),
      block(
        'resource',
        ['aws_rds_cluster_instance', c.names.tfName],
        [
          attr('count', binary(num(1), '+', ctx.prop(c, 'readers'))),
          attr('identifier', tpl(ctx.physicalName(c.names.slug, 60), '-', ref('count.index'))),
          attr('cluster_identifier', ref(`${cluster}.id`)),
          attr('engine', ref(`${cluster}.engine`)),
          attr(
            'instance_class',
            ctx.derived(c, 'instance_class', 'Instance class', (env) =>
              serverlessIn(env) ? 'db.serverless' : ctx.textIn(c, 'instanceClass', env),
            ),
          ),
          attr('db_subnet_group_name', group),
          attr(
            'publicly_accessible',
            resolvedValue(ctx, c, 'publicly_accessible', 'Publicly accessible', c.publiclyAccessible),
          ),
          attr('auto_minor_version_upgrade', literal(true)),
          tags(c.names.display),
        ],
        ['The writer plus the readers; Aurora spreads them across the subnet group AZs (RDS-02).'],
      ),
    );
    ctx.output(
      `${c.names.tfName}_endpoint`,
      ref(`${cluster}.endpoint`),
      `Writer endpoint of "${c.names.display}"`,
    );
  },
};

export const neptuneEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_neptune_cluster.${name}.arn`),
    id: (name) => ref(`aws_neptune_cluster.${name}.cluster_resource_id`),
    name: (name) => ref(`aws_neptune_cluster.${name}.cluster_identifier`),
    endpoint: (name) => ref(`aws_neptune_cluster.${name}.endpoint`),
    port: (name) => ref(`aws_neptune_cluster.${name}.port`),
  },
  emit(c, ctx) {
    const group = subnetGroup(ctx, 'aws_neptune_subnet_group', c);
    const name = ctx.physicalName(c.names.slug, 63);
    const cluster = `aws_neptune_cluster.${c.names.tfName}`;
    ctx.add(
      'data.tf',
      ctx.resource('aws_neptune_cluster', c.names.tfName, c, [
        attr('cluster_identifier', name),
        attr('engine', str('neptune')),
        attr('neptune_subnet_group_name', group),
        attr('vpc_security_group_ids', list([ctx.securityGroupOf(c)])),
        attr('storage_encrypted', ctx.prop(c, 'storageEncrypted')),
        attr('iam_database_authentication_enabled', ctx.prop(c, 'iamAuth')),
        attr('backup_retention_period', ctx.prop(c, 'backupRetentionDays')),
        attr('deletion_protection', ctx.prop(c, 'deletionProtection')),
        attr('skip_final_snapshot', literal(false)),
        attr('final_snapshot_identifier', tpl(name, '-final')),
        attr('copy_tags_to_snapshot', literal(true)),
        attr('enable_cloudwatch_logs_exports', literal(['audit'])),
        tags(c.names.display),
      ]),
      block(
        'resource',
        ['aws_neptune_cluster_instance', c.names.tfName],
        [
          attr('count', ctx.prop(c, 'instances')),
          attr('identifier', tpl(ctx.physicalName(c.names.slug, 60), '-', ref('count.index'))),
          attr('cluster_identifier', ref(`${cluster}.id`)),
          attr('engine', str('neptune')),
          attr('instance_class', ctx.prop(c, 'instanceClass')),
          attr('neptune_subnet_group_name', group),
          attr('auto_minor_version_upgrade', literal(true)),
          tags(c.names.display),
        ],
      ),
    );
    ctx.output(`${c.names.tfName}_endpoint`, ref(`${cluster}.endpoint`), `Endpoint of "${c.names.display}"`);
  },
};

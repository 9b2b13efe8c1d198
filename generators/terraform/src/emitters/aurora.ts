/**
 * Aurora cluster and its writer plus readers in isolated subnets: encrypted, backed up,
 * deletion-protected, snapshot on delete, IAM auth, master password managed by Secrets Manager,
 * serverless v2 scaling where the design asks for it (RDS-01..05).
 */
import type { ResolvedComponent } from '@archgen/infra';
import {
  type BodyInput,
  type Expr,
  attr,
  binary,
  block,
  index,
  list,
  literal,
  num,
  ref,
  str,
  tpl,
} from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import {
  deletionProtectionValue,
  engineVersion,
  protectionLifecycle,
  resolvedValue,
  skipFinalSnapshot,
  tags,
} from './common.ts';
import { MYSQL_LOGS, subnetGroup } from './databases.ts';

/**
 * The Serverless v2 range, only in the environments that run db.serverless instances (a
 * provisioned cluster has none, as in CDK and CloudFormation).
 */
function scalingConfiguration(
  ctx: TfContext,
  c: ResolvedComponent,
  serverlessIn: (env: string) => boolean,
): BodyInput {
  const body = (min: Expr, max: Expr) => [attr('min_capacity', min), attr('max_capacity', max)];
  if (ctx.environments.every(serverlessIn))
    return block(
      'serverlessv2_scaling_configuration',
      [],
      body(ctx.prop(c, 'minAcu'), ctx.prop(c, 'maxAcu')),
    );
  const ranges = ctx.derived(
    c,
    'serverless_range',
    'Serverless v2 ACU range [min, max] (none: provisioned)',
    (env) => (serverlessIn(env) ? [[ctx.numIn(c, 'minAcu', env), ctx.numIn(c, 'maxAcu', env)]] : []),
  );
  return block(
    'dynamic',
    ['serverlessv2_scaling_configuration'],
    [
      attr('for_each', ranges),
      block(
        'content',
        [],
        body(
          index(ref('serverlessv2_scaling_configuration.value'), num(0)),
          index(ref('serverlessv2_scaling_configuration.value'), num(1)),
        ),
      ),
    ],
  );
}

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
        attr('engine_version', engineVersion(ctx, c)),
        attr('engine_mode', str('provisioned')),
        attr('master_username', str('dbadmin')),
        attr('manage_master_user_password', literal(true)),
        attr('iam_database_authentication_enabled', ctx.prop(c, 'iamAuth')),
        attr('db_subnet_group_name', group),
        attr('vpc_security_group_ids', list([ctx.securityGroupOf(c)])),
        // A drawn key (encrypt-with) encrypts the storage in every environment.
        attr('storage_encrypted', c.encryption?.keyId ? literal(true) : ctx.prop(c, 'storageEncrypted')),
        c.encryption?.keyId && attr('kms_key_id', ctx.attribute(c.encryption.keyId, 'arn')),
        attr('backup_retention_period', ctx.prop(c, 'backupRetentionDays')),
        attr('deletion_protection', deletionProtectionValue(ctx, c)),
        attr('skip_final_snapshot', skipFinalSnapshot(ctx, c)),
        attr('final_snapshot_identifier', tpl(name, '-final')),
        attr('copy_tags_to_snapshot', literal(true)),
        attr(
          'enabled_cloudwatch_logs_exports',
          literal(engine === 'aurora-mysql' ? MYSQL_LOGS : ['postgresql']),
        ),
        serverless && scalingConfiguration(ctx, c, serverlessIn),
        tags(c.names.display),
        protectionLifecycle(c),
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

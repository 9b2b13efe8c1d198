/** Neptune cluster and instances in isolated subnets: encrypted, backed up, IAM auth (RDS-01..05). */
import { attr, block, list, literal, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import {
  deletionProtectionValue,
  engineVersion,
  protectionLifecycle,
  skipFinalSnapshot,
  tags,
} from './common.ts';
import { subnetGroup } from './databases.ts';

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
        attr('engine_version', engineVersion(ctx, c)),
        attr('neptune_subnet_group_name', group),
        attr('vpc_security_group_ids', list([ctx.securityGroupOf(c)])),
        attr('storage_encrypted', ctx.prop(c, 'storageEncrypted')),
        attr('iam_database_authentication_enabled', ctx.prop(c, 'iamAuth')),
        attr('backup_retention_period', ctx.prop(c, 'backupRetentionDays')),
        attr('deletion_protection', deletionProtectionValue(ctx, c)),
        attr('skip_final_snapshot', skipFinalSnapshot(ctx, c)),
        attr('final_snapshot_identifier', tpl(name, '-final')),
        attr('copy_tags_to_snapshot', literal(true)),
        attr('enable_cloudwatch_logs_exports', literal(['audit'])),
        tags(c.names.display),
        protectionLifecycle(c),
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

/**
 * ElastiCache in isolated subnets. Redis: replication group, encrypted at rest and in transit,
 * Multi-AZ failover, snapshots, IAM-authenticated users instead of a shared AUTH token (EC-01/02).
 * Memcached: a cluster with in-transit encryption (it has no at-rest encryption).
 */
import type { ResolvedComponent } from '@archgen/infra';
import { type Expr, attr, binary, block, cond, list, literal, num, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { engineVersion, placementSubnets, skip, tags } from './common.ts';

/** A replication group (Redis) or a cache cluster (Memcached), as the lowering decided. */
function isRedis(_ctx: TfContext, c: ResolvedComponent): boolean {
  if (!c.cacheResource) throw new Error(`ElastiCache "${c.id}" has no resource kind in the resolved graph`);
  return c.cacheResource === 'replication-group';
}

/** An attribute of the replication group (Redis) or of the cluster (Memcached). */
function attribute(
  ctx: TfContext,
  c: ResolvedComponent,
  name: string,
  redis: string,
  memcached: string,
): Expr {
  return isRedis(ctx, c)
    ? ref(`aws_elasticache_replication_group.${name}.${redis}`)
    : ref(`aws_elasticache_cluster.${name}.${memcached}`);
}

function emitIamUsers(ctx: TfContext, c: ResolvedComponent): void {
  const t = c.names.tfName;
  ctx.add(
    'data.tf',
    block(
      'resource',
      ['aws_elasticache_user', `${t}_default`],
      [
        attr('user_id', ctx.physicalName(`${c.names.slug}-default`, 40)),
        attr('user_name', str('default')),
        attr('engine', str('redis')),
        attr('access_string', str('off -@all')),
        block('authentication_mode', [], [attr('type', str('no-password-required'))]),
      ],
      ['Every user group needs a "default" user; this one is switched off.'],
    ),
    block(
      'resource',
      ['aws_elasticache_user', `${t}_app`],
      [
        attr('user_id', ctx.physicalName(`${c.names.slug}-app`, 40)),
        attr('user_name', ctx.physicalName(`${c.names.slug}-app`, 40)),
        attr('engine', str('redis')),
        attr('access_string', str('on ~* +@all -@dangerous')),
        block('authentication_mode', [], [attr('type', str('iam'))]),
      ],
      ['Applications authenticate with IAM (elasticache:Connect), so no AUTH token is stored anywhere.'],
    ),
    block(
      'resource',
      ['aws_elasticache_user_group', t],
      [
        attr('user_group_id', ctx.physicalName(c.names.slug, 40)),
        attr('engine', str('redis')),
        attr(
          'user_ids',
          list([
            ref(`aws_elasticache_user.${t}_default.user_id`),
            ref(`aws_elasticache_user.${t}_app.user_id`),
          ]),
        ),
      ],
    ),
  );
}

export const elasticacheEmitter: ComponentEmitter = {
  references: {
    arn: (name, c, ctx) => attribute(ctx, c, name, 'arn', 'arn'),
    id: (name, c, ctx) => attribute(ctx, c, name, 'id', 'id'),
    name: (name, c, ctx) => attribute(ctx, c, name, 'id', 'cluster_id'),
    endpoint: (name, c, ctx) => attribute(ctx, c, name, 'primary_endpoint_address', 'configuration_endpoint'),
    port: (name, c, ctx) => attribute(ctx, c, name, 'port', 'port'),
  },
  emit(c, ctx) {
    const t = c.names.tfName;
    ctx.add(
      'data.tf',
      block(
        'resource',
        ['aws_elasticache_subnet_group', t],
        [
          attr('name', ctx.physicalName(c.names.slug, 255)),
          attr('description', literal(`Subnets of ${c.names.display}`.slice(0, 255))),
          attr('subnet_ids', placementSubnets(ctx, c)),
          tags(c.names.display),
        ],
      ),
    );
    const sg = list([ctx.securityGroupOf(c)]);
    if (!isRedis(ctx, c)) {
      const nodes = ctx.prop(c, 'nodes');
      ctx.add(
        'data.tf',
        ctx.resource('aws_elasticache_cluster', t, c, [
          skip('CKV_AWS_29', 'Memcached has no at-rest encryption; choose Redis for data that needs it'),
          attr('cluster_id', ctx.physicalName(c.names.slug, 50)),
          attr('engine', str('memcached')),
          attr('node_type', ctx.prop(c, 'nodeType')),
          attr('num_cache_nodes', nodes),
          attr('az_mode', cond(binary(nodes, '>', num(1)), str('cross-az'), str('single-az'))),
          attr('port', num(11211)),
          attr('subnet_group_name', ref(`aws_elasticache_subnet_group.${t}.name`)),
          attr('security_group_ids', sg),
          attr('transit_encryption_enabled', ctx.prop(c, 'transitEncryption')),
          tags(c.names.display),
        ]),
      );
      return;
    }
    // The lowering derives a credentials secret when any environment wants AUTH: the users exist
    // in every environment, the replication group uses them where that environment wants AUTH
    // (which needs TLS there, as the design check requires).
    const auth = c.secretId !== undefined;
    if (auth) emitIamUsers(ctx, c);
    const userGroups = list([ref(`aws_elasticache_user_group.${t}.user_group_id`)]);
    const iamAuth = ctx.derived(
      c,
      'iam_auth',
      'Whether clients authenticate with IAM',
      (env) => ctx.flagIn(c, 'authToken', env) && ctx.flagIn(c, 'transitEncryption', env),
    );
    const nodes = ctx.prop(c, 'nodes');
    // Failover needs a replica: on where the environment has more than one node and wants it.
    const failover = ctx.derived(
      c,
      'automatic_failover',
      'Automatic failover',
      (env) => ctx.numIn(c, 'nodes', env) > 1 && ctx.flagIn(c, 'automaticFailover', env),
    );
    ctx.add(
      'data.tf',
      ctx.resource('aws_elasticache_replication_group', t, c, [
        attr('replication_group_id', ctx.physicalName(c.names.slug, 40)),
        attr('description', literal(c.names.display.slice(0, 255) || c.names.slug)),
        attr('engine', str('redis')),
        attr('engine_version', engineVersion(ctx, c)),
        attr('node_type', ctx.prop(c, 'nodeType')),
        attr('num_cache_clusters', nodes),
        attr('port', num(6379)),
        attr('automatic_failover_enabled', failover),
        attr('multi_az_enabled', failover),
        attr('subnet_group_name', ref(`aws_elasticache_subnet_group.${t}.name`)),
        attr('security_group_ids', sg),
        attr('at_rest_encryption_enabled', ctx.prop(c, 'atRestEncryption')),
        attr('transit_encryption_enabled', ctx.prop(c, 'transitEncryption')),
        auth &&
          attr(
            'user_group_ids',
            iamAuth.kind === 'bool'
              ? iamAuth.value
                ? userGroups
                : undefined
              : cond(iamAuth, userGroups, list([])),
          ),
        attr('snapshot_retention_limit', ctx.prop(c, 'snapshotRetentionDays')),
        attr('auto_minor_version_upgrade', literal(true)),
        tags(c.names.display),
      ]),
    );
  },
};

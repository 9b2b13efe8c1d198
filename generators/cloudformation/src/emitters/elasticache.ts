/**
 * ElastiCache: a Redis replication group (encrypted at rest and in transit, AUTH token from the
 * lowering's secret, Multi-AZ automatic failover, snapshots; EC-01/02) or a Memcached cluster
 * spread across AZs with encryption in transit.
 */
import type { ResolvedComponent } from '@archgen/infra';
import type { ComponentEmitter, EmitContext } from '../context.ts';
import { getAtt, ref, sub } from '../template/intrinsics.ts';
import { engineVersion } from './common.ts';

/** A cache cluster (Memcached) rather than a replication group (Redis), as the lowering decided. */
function isMemcached(cache: ResolvedComponent, _ctx: EmitContext): boolean {
  if (!cache.cacheResource)
    throw new Error(`ElastiCache "${cache.id}" has no resource kind in the resolved graph`);
  return cache.cacheResource === 'cache-cluster';
}

function subnetGroup(cache: ResolvedComponent, ctx: EmitContext): string {
  if (!cache.placement) throw new Error(`ElastiCache ${cache.id} has no subnet placement`);
  return ctx.template.addResource(`${cache.names.logicalId}SubnetGroup`, {
    Type: 'AWS::ElastiCache::SubnetGroup',
    Properties: {
      Description: `Subnets of ${cache.names.display}`.slice(0, 255),
      SubnetIds: ctx.subnetIds(cache.placement.vpcId, cache.placement.tier),
      Tags: ctx.tags(),
    },
  });
}

export const elasticacheEmitter: ComponentEmitter = {
  references: {
    endpoint: (id, cache, ctx) =>
      getAtt(id, isMemcached(cache, ctx) ? 'ConfigurationEndpoint.Address' : 'PrimaryEndPoint.Address'),
    port: (id, cache, ctx) =>
      getAtt(id, isMemcached(cache, ctx) ? 'ConfigurationEndpoint.Port' : 'PrimaryEndPoint.Port'),
    id: (id) => ref(id),
    name: (id) => ref(id),
    arn: (id, cache, ctx) =>
      sub(
        `arn:\${AWS::Partition}:elasticache:\${AWS::Region}:\${AWS::AccountId}:${isMemcached(cache, ctx) ? 'cluster' : 'replicationgroup'}:\${${id}}`,
      ),
  },
  emit(cache, ctx) {
    const id = cache.names.logicalId;
    const group = subnetGroup(cache, ctx);
    if (isMemcached(cache, ctx)) {
      ctx.template.addResource(id, {
        Type: 'AWS::ElastiCache::CacheCluster',
        Metadata: ctx.metadata(cache.acknowledgements),
        Properties: {
          Engine: 'memcached',
          CacheNodeType: ctx.value(cache, 'nodeType'),
          NumCacheNodes: ctx.value(cache, 'nodes'),
          AZMode: ctx.choose(
            ctx.when(
              Object.fromEntries(
                Object.entries(ctx.perEnvironment(cache, 'nodes')).map(([env, n]) => [env, Number(n) > 1]),
              ),
            ),
            'cross-az',
            'single-az',
          ),
          TransitEncryptionEnabled: ctx.value(cache, 'transitEncryption'),
          CacheSubnetGroupName: ref(group),
          VpcSecurityGroupIds: ctx.securityGroupIds(cache),
          Tags: ctx.tags(cache.names.display),
        },
      });
      return;
    }
    const authSecret = ctx.graph.components.find((c) => c.id === `${cache.id}.auth-token`) ?? undefined;
    const failover = (env: string) =>
      cache.props.automaticFailover?.byEnv[env] === true && Number(cache.props.nodes?.byEnv[env]) > 1;
    const failoverValue = ctx.byEnvironment(
      Object.fromEntries(ctx.environments.map((env) => [env, failover(env)])),
      {
        parameter: `${id}AutomaticFailover`,
        description: `automatic failover of ${cache.names.display}`,
        group: cache.names.display,
      },
    );
    ctx.template.addResource(id, {
      Type: 'AWS::ElastiCache::ReplicationGroup',
      Metadata: ctx.metadata(cache.acknowledgements),
      Properties: {
        ReplicationGroupDescription: cache.names.display.slice(0, 255) || id,
        Engine: 'redis',
        EngineVersion: engineVersion(ctx, cache),
        CacheNodeType: ctx.value(cache, 'nodeType'),
        NumCacheClusters: ctx.value(cache, 'nodes'),
        // Failover needs a replica: single-node environments run without it.
        AutomaticFailoverEnabled: failoverValue,
        MultiAZEnabled: failoverValue,
        AtRestEncryptionEnabled: ctx.value(cache, 'atRestEncryption'),
        TransitEncryptionEnabled: ctx.value(cache, 'transitEncryption'),
        // AUTH where the environment asks for it; it requires encryption in transit there too.
        AuthToken: authSecret
          ? ctx.choose(
              ctx.when(
                Object.fromEntries(
                  ctx.environments.map((env) => [
                    env,
                    cache.props.authToken?.byEnv[env] === true &&
                      cache.props.transitEncryption?.byEnv[env] === true,
                  ]),
                ),
              ),
              sub(`{{resolve:secretsmanager:\${${authSecret.names.logicalId}}}}`),
              undefined,
            )
          : undefined,
        SnapshotRetentionLimit: ctx.value(cache, 'snapshotRetentionDays'),
        CacheSubnetGroupName: ref(group),
        SecurityGroupIds: ctx.securityGroupIds(cache),
        Tags: ctx.tags(cache.names.display),
      },
    });
  },
};

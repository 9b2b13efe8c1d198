/** ElastiCache replication groups (Redis) and clusters (Memcached), in isolated subnets. */
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { call, lit, member, newExpr, obj } from '../ts/ast.ts';
import {
  PER_ENVIRONMENT,
  acknowledgeDesignRisks,
  acknowledgeWhere,
  engineVersion,
  flagWhere,
  securityGroupIds,
  selectSubnetIds,
} from './common.ts';
import { plainText } from '../naming.ts';
import { onlyWhere } from '../context.ts';

export const elasticacheEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    if (!component.cacheResource)
      throw new Error(`ElastiCache "${component.id}" has no resource kind in the resolved graph`);
    const redis = component.cacheResource === 'replication-group';
    ctx.section(
      `${component.names.logicalId}: ElastiCache ${redis ? 'Redis' : 'Memcached'} — no L2 construct exists, so L1 (Cfn*) resources.`,
    );
    const subnetGroup = ctx.declare(
      `${name}SubnetGroup`,
      newExpr(
        ctx.api('elasticache', 'CfnSubnetGroup'),
        ctx.scope,
        lit(`${component.names.logicalId}SubnetGroup`),
        obj({
          description: lit(`Subnets of ${component.names.logicalId}`),
          subnetIds: selectSubnetIds(ctx, component),
        }),
      ),
    );
    let construct: Expr;
    let attributes: Record<string, Expr>;
    if (redis) {
      // AUTH where the environment asks for it (it needs encryption in transit there too); the
      // secret exists in every environment, the token is set only where auth is on.
      const auth = flagWhere(
        ctx,
        component,
        'AuthToken',
        'AUTH token (needs encryption in transit)',
        (env) =>
          ctx.valueIn(component, 'authToken', env) === true &&
          ctx.valueIn(component, 'transitEncryption', env) === true,
      );
      let authSecret: Expr | undefined;
      if (auth) {
        authSecret = component.secretId
          ? ctx.handle(component.secretId).construct
          : ctx.declare(
              `${name}AuthToken`,
              newExpr(
                ctx.api('secretsmanager', 'Secret'),
                ctx.scope,
                lit(`${component.names.logicalId}AuthToken`),
                obj({
                  description: lit(`AUTH token of ${component.names.logicalId}`),
                  generateSecretString: obj({ excludePunctuation: lit(true), passwordLength: lit(64) }),
                }),
              ),
            );
        if (!component.secretId)
          ctx.acknowledge(
            authSecret,
            'AwsSolutions-SMG4',
            'ElastiCache AUTH tokens rotate through modify-replication-group, which has no hosted rotation.',
          );
      }
      // Failover and Multi-AZ need a replica: off where an environment runs a single node.
      const whenReplicated = () =>
        ctx.derive(
          component,
          'automaticFailover',
          'automatic failover and Multi-AZ (needs 2+ nodes)',
          (env) => {
            const nodes = ctx.valueIn(component, 'nodes', env);
            return (
              typeof nodes === 'number' &&
              nodes > 1 &&
              ctx.valueIn(component, 'automaticFailover', env) === true
            );
          },
        );
      construct = ctx.declare(
        name,
        newExpr(
          ctx.api('elasticache', 'CfnReplicationGroup'),
          ctx.scope,
          lit(component.names.logicalId),
          obj({
            replicationGroupDescription: lit(
              plainText(component.names.display, 255) || component.names.logicalId,
            ),
            engine: lit('redis'),
            engineVersion: engineVersion(ctx, component, (version) => lit(version)),
            cacheNodeType: ctx.value(component, 'nodeType'),
            numCacheClusters: ctx.value(component, 'nodes'),
            automaticFailoverEnabled: whenReplicated(),
            multiAzEnabled: whenReplicated(),
            atRestEncryptionEnabled: ctx.value(component, 'atRestEncryption'),
            transitEncryptionEnabled: ctx.value(component, 'transitEncryption'),
            authToken: authSecret
              ? onlyWhere(auth?.test, call(member(member(authSecret, 'secretValue'), 'unsafeUnwrap')))
              : undefined,
            cacheSubnetGroupName: member(subnetGroup, 'ref'),
            securityGroupIds: securityGroupIds(ctx, component),
            snapshotRetentionLimit: ctx.value(component, 'snapshotRetentionDays'),
            port: lit(6379),
          }),
        ),
      );
      attributes = {
        id: member(construct, 'ref'),
        endpoint: member(construct, 'attrPrimaryEndPointAddress'),
        port: member(construct, 'attrPrimaryEndPointPort'),
      };
    } else {
      construct = ctx.declare(
        name,
        newExpr(
          ctx.api('elasticache', 'CfnCacheCluster'),
          ctx.scope,
          lit(component.names.logicalId),
          obj({
            engine: lit('memcached'),
            cacheNodeType: ctx.value(component, 'nodeType'),
            numCacheNodes: ctx.value(component, 'nodes'),
            azMode: ctx.derive(component, 'azMode', 'AZ mode (cross-az needs 2+ nodes)', (env) => {
              const nodes = ctx.valueIn(component, 'nodes', env);
              return typeof nodes === 'number' && nodes > 1 ? 'cross-az' : 'single-az';
            }),
            transitEncryptionEnabled: ctx.value(component, 'transitEncryption'),
            cacheSubnetGroupName: member(subnetGroup, 'ref'),
            vpcSecurityGroupIds: securityGroupIds(ctx, component),
            port: lit(11211),
          }),
        ),
      );
      attributes = {
        id: member(construct, 'ref'),
        endpoint: member(construct, 'attrConfigurationEndpointAddress'),
        port: member(construct, 'attrConfigurationEndpointPort'),
      };
    }
    if (redis)
      acknowledgeWhere(
        ctx,
        component,
        'nodes',
        (n) => typeof n === 'number' && n < 2,
        construct,
        'AwsSolutions-AEC4',
        PER_ENVIRONMENT,
      );
    ctx.acknowledge(
      construct,
      'AwsSolutions-AEC5',
      "The engine's default port is kept: security groups, not port obscurity, restrict access.",
    );
    acknowledgeDesignRisks(ctx, component, construct);
    ctx.register(component.id, { construct, attributes });
  },
};

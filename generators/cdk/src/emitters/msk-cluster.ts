/**
 * MSK clusters: aws-cdk-lib has only the L1 CfnCluster (the L2 is still experimental). Brokers,
 * ports, authentication and encryption come from the lowering; the name is the slug plus the
 * stack's UUID, as in the CloudFormation template (MSK names are at most 64 characters). With
 * SASL/SCRAM, the L1 association of its credentials secret (the secret and key are their own).
 */
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, requireResolved, securityGroupIds, selectSubnetIds } from './common.ts';

export const mskClusterEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const decided = requireResolved(component.mskCluster, component, 'MSK cluster');
    ctx.section(
      `${component.names.logicalId}: MSK has no stable L2 construct in aws-cdk-lib, so an L1 cluster.`,
    );
    const fn = (name: string, ...args: Expr[]) => call(member(ctx.core('Fn'), name), ...args);
    const stem = component.names.slug.slice(0, 27).replace(/-+$/, '');
    const clusterName = ctx.declare(
      `${ctx.variableName(component)}Name`,
      fn(
        'join',
        lit('-'),
        arr([lit(stem), fn('select', lit(2), fn('split', lit('/'), member(ctx.scope, 'stackId')))]),
      ),
    );
    const logGroup = component.logGroupId ? ctx.handle(component.logGroupId) : undefined;
    const cluster = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('msk', 'CfnCluster'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          clusterName,
          kafkaVersion: ctx.value(component, 'kafkaVersion'),
          numberOfBrokerNodes: lit(decided.brokerNodes),
          brokerNodeGroupInfo: obj({
            instanceType: ctx.value(component, 'instanceType'),
            clientSubnets: selectSubnetIds(ctx, component),
            securityGroups: securityGroupIds(ctx, component),
            storageInfo: obj({ ebsStorageInfo: obj({ volumeSize: ctx.value(component, 'storageGb') }) }),
          }),
          encryptionInfo: obj({
            encryptionInTransit: obj({
              clientBroker: lit(decided.encryptionInTransit),
              inCluster: lit(true),
            }),
          }),
          clientAuthentication:
            decided.clientAuth === 'unauthenticated'
              ? obj({ unauthenticated: obj({ enabled: lit(true) }) })
              : obj({ sasl: obj({ [decided.clientAuth]: obj({ enabled: lit(true) }) }) }),
          loggingInfo: obj({
            brokerLogs: obj({
              cloudWatchLogs: logGroup
                ? obj({ enabled: lit(true), logGroup: logGroup.attributes.name })
                : obj({ enabled: lit(false) }),
            }),
          }),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, cluster);
    const arn = member(cluster, 'attrArn');
    // The L1 association: the alpha L2 cluster would do it with a custom resource.
    if (decided.scram)
      ctx.declare(
        `${ctx.variableName(component)}ScramSecrets`,
        newExpr(
          ctx.api('msk', 'CfnBatchScramSecret'),
          ctx.scope,
          lit(decided.scram.association.logicalId),
          obj({
            clusterArn: arn,
            secretArnList: arr([ctx.handle(decided.scram.secretId).attributes.arn!]),
          }),
        ),
      );
    // arn:...:cluster/<name>/<uuid> -> arn:...:topic/<name>/<uuid> (and group/).
    const parts = fn('split', lit(':cluster/'), arn);
    const sibling = (kind: string) =>
      fn('join', lit(''), arr([fn('select', lit(0), parts), lit(`:${kind}/`), fn('select', lit(1), parts)]));
    ctx.register(component.id, {
      construct: cluster,
      attributes: { arn, name: clusterName, topicArn: sibling('topic'), groupArn: sibling('group') },
    });
  },
};

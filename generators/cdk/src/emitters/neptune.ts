/** Neptune clusters, in isolated subnets. */
import type { ComponentEmitter } from './types.ts';
import { arr, call, lit, member, newExpr, obj, thisExpr } from '../ts/ast.ts';
import { acknowledgeDesignRisks, removalPolicy, securityGroupIds, selectSubnetIds } from './common.ts';

export const neptuneEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(
      `${component.names.logicalId}: Neptune — only an alpha L2 exists, so L1 (Cfn*) resources keep synth stable.`,
    );
    const subnetGroup = ctx.declare(
      `${name}SubnetGroup`,
      newExpr(
        ctx.api('neptune', 'CfnDBSubnetGroup'),
        thisExpr,
        lit(`${component.names.logicalId}SubnetGroup`),
        obj({
          dbSubnetGroupDescription: lit(`Subnets of ${component.names.logicalId}`),
          subnetIds: selectSubnetIds(ctx, component),
        }),
      ),
    );
    const cluster = ctx.declare(
      name,
      newExpr(
        ctx.api('neptune', 'CfnDBCluster'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          dbSubnetGroupName: member(subnetGroup, 'ref'),
          vpcSecurityGroupIds: securityGroupIds(ctx, component),
          storageEncrypted: ctx.value(component, 'storageEncrypted'),
          iamAuthEnabled: ctx.value(component, 'iamAuth'),
          backupRetentionPeriod: ctx.value(component, 'backupRetentionDays'),
          deletionProtection: ctx.value(component, 'deletionProtection'),
          enableCloudwatchLogsExports: arr([lit('audit')]),
        }),
      ),
    );
    ctx.expr(call(member(cluster, 'applyRemovalPolicy'), removalPolicy(ctx, 'SNAPSHOT')));
    const instances = Math.max(1, ctx.num(component, 'instances'));
    for (let i = 1; i <= instances; i++) {
      const instance = newExpr(
        ctx.api('neptune', 'CfnDBInstance'),
        thisExpr,
        lit(`${component.names.logicalId}Instance${i}`),
        obj({
          dbClusterIdentifier: member(cluster, 'ref'),
          dbInstanceClass: ctx.value(component, 'instanceClass'),
          autoMinorVersionUpgrade: lit(true),
        }),
      );
      ctx.expr(instance);
    }
    acknowledgeDesignRisks(ctx, component, cluster);
    ctx.register(component.id, {
      construct: cluster,
      attributes: {
        id: member(cluster, 'ref'),
        endpoint: member(cluster, 'attrEndpoint'),
        port: member(cluster, 'attrPort'),
        arn: call(
          member(thisExpr, 'formatArn'),
          obj({
            service: lit('rds'),
            resource: lit('cluster'),
            resourceName: member(cluster, 'ref'),
            arnFormat: member(ctx.core('ArnFormat'), 'COLON_RESOURCE_NAME'),
          }),
        ),
      },
    });
  },
};

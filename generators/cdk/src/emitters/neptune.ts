/** Neptune clusters, in isolated subnets. */
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, arrow, binary, call, id, lit, member, newExpr, obj, ref, template } from '../ts/ast.ts';
import {
  acknowledgeDesignRisks,
  deletionProtectionOf,
  engineVersion,
  protectionPolicy,
  securityGroupIds,
  selectSubnetIds,
} from './common.ts';

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
        ctx.scope,
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
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          engineVersion: engineVersion(ctx, component, (version) => lit(version)),
          dbSubnetGroupName: member(subnetGroup, 'ref'),
          vpcSecurityGroupIds: securityGroupIds(ctx, component),
          storageEncrypted: ctx.value(component, 'storageEncrypted'),
          iamAuthEnabled: ctx.value(component, 'iamAuth'),
          backupRetentionPeriod: ctx.value(component, 'backupRetentionDays'),
          deletionProtection: deletionProtectionOf(ctx, component),
          enableCloudwatchLogsExports: arr([lit('audit')]),
        }),
      ),
    );
    ctx.expr(call(member(cluster, 'applyRemovalPolicy'), protectionPolicy(ctx, component)));
    const instance = (instanceId: Expr) =>
      newExpr(
        ctx.api('neptune', 'CfnDBInstance'),
        ctx.scope,
        instanceId,
        obj({
          dbClusterIdentifier: member(cluster, 'ref'),
          dbInstanceClass: ctx.value(component, 'instanceClass'),
          autoMinorVersionUpgrade: lit(true),
        }),
      );
    const count = ctx.value(component, 'instances');
    if (count.kind === 'literal') {
      const instances = Math.max(1, Number(count.value));
      for (let i = 1; i <= instances; i++)
        ctx.expr(instance(lit(`${component.names.logicalId}Instance${i}`)));
    } else {
      // As many instances as the environment's config says.
      ctx.expr(
        call(
          ref('Array.from'),
          obj({ length: count }),
          arrow(
            ['_', 'i'],
            instance(template(`${component.names.logicalId}Instance`, binary('+', id('i'), lit(1)))),
          ),
        ),
      );
    }
    acknowledgeDesignRisks(ctx, component, cluster);
    ctx.register(component.id, {
      construct: cluster,
      attributes: {
        id: member(cluster, 'ref'),
        endpoint: member(cluster, 'attrEndpoint'),
        port: member(cluster, 'attrPort'),
        arn: call(
          member(ctx.scope, 'formatArn'),
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

/**
 * EKS: the L2 eks.Cluster needs a kubectl layer package and custom resources; the L1 cluster and
 * node group keep `cdk synth` offline and the template plain.
 */
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, cond, eq, lit, member, newExpr, obj } from '../ts/ast.ts';
import {
  acknowledgeDesignRisks,
  eksClusterName,
  eksLogGroupName,
  engineVersion,
  roleOf,
  securityGroupOf,
  subnetSelection,
  vpcOf,
} from './common.ts';

const LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

export const eksEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(
      `${component.names.logicalId}: EKS cluster (L1 CfnCluster + CfnNodegroup, synth stays offline).`,
    );
    const clusterRole = roleOf(ctx, component, 'cluster');
    const nodeRole = roleOf(ctx, component, 'node-group');
    if (!clusterRole || !nodeRole)
      throw new Error(`EKS component "${component.id}" needs a cluster role and a node-group role`);
    const subnetIds = member(
      call(member(vpcOf(ctx, component), 'selectSubnets'), subnetSelection(component)),
      'subnetIds',
    );
    const clusterName = eksClusterName(component);
    // Control-plane logs go to /aws/eks/<name>/cluster; creating it first sets the retention.
    if (!component.logGroupId)
      ctx.declare(
        `${name}Logs`,
        newExpr(
          ctx.api('logs', 'LogGroup'),
          ctx.scope,
          lit(`${component.names.logicalId}Logs`),
          obj({
            logGroupName: eksLogGroupName(component),
            retention: ctx.api('logs', 'RetentionDays.ONE_MONTH'),
          }),
        ),
      );
    const secretsKey = ctx.declare(
      `${name}SecretsKey`,
      newExpr(
        ctx.api('kms', 'Key'),
        ctx.scope,
        lit(`${component.names.logicalId}SecretsKey`),
        obj({
          enableKeyRotation: lit(true),
          description: lit(`Kubernetes secrets encryption of ${component.names.display}`),
        }),
      ),
    );
    const sg = securityGroupOf(ctx, component);
    const cluster = ctx.declare(
      name,
      newExpr(
        ctx.api('eks', 'CfnCluster'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          name: clusterName,
          version: engineVersion(ctx, component, (version) => lit(version)),
          roleArn: member(clusterRole, 'roleArn'),
          resourcesVpcConfig: obj({
            subnetIds,
            securityGroupIds: sg ? arr([member(sg, 'securityGroupId')]) : undefined,
            endpointPrivateAccess: lit(true),
            endpointPublicAccess: ctx.value(component, 'endpointPublicAccess'),
          }),
          logging: obj({
            clusterLogging: obj({ enabledTypes: arr(LOG_TYPES.map((type) => obj({ type: lit(type) }))) }),
          }),
          encryptionConfig: arr([
            obj({
              provider: obj({ keyArn: member(secretsKey, 'keyArn') }),
              resources: arr([lit('secrets')]),
            }),
          ]),
          accessConfig: obj({ authenticationMode: lit('API') }),
        }),
      ),
    );
    ctx.expr(call(member(secretsKey, 'grantEncryptDecrypt'), clusterRole));
    const instanceType = ctx.value(component, 'nodeInstanceType');
    let instanceTypes: Expr;
    let amiType: Expr;
    if (instanceType.kind === 'literal') {
      const arm = /^[a-z]+\d+g[a-z]*\./.test(String(instanceType.value));
      instanceTypes = arr([instanceType]);
      amiType = lit(arm ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD');
    } else {
      // The instance type comes from config: its architecture picks the AMI, so any type set there works.
      const nodeType = ctx.declare(`${name}NodeType`, newExpr(ctx.api('ec2', 'InstanceType'), instanceType));
      instanceTypes = arr([call(member(nodeType, 'toString'))]);
      amiType = cond(
        eq(member(nodeType, 'architecture'), ctx.api('ec2', 'InstanceArchitecture.ARM_64')),
        lit('AL2023_ARM_64_STANDARD'),
        lit('AL2023_x86_64_STANDARD'),
      );
    }
    const nodegroup = newExpr(
      ctx.api('eks', 'CfnNodegroup'),
      ctx.scope,
      lit(`${component.names.logicalId}Nodes`),
      obj({
        clusterName: member(cluster, 'ref'),
        nodeRole: member(nodeRole, 'roleArn'),
        subnets: subnetIds,
        instanceTypes,
        amiType,
        capacityType: ctx.choose(component, 'spot', (v) => lit(v === true ? 'SPOT' : 'ON_DEMAND')),
        scalingConfig: obj({
          minSize: ctx.value(component, 'nodeMin'),
          maxSize: ctx.value(component, 'nodeMax'),
          desiredSize: ctx.value(component, 'nodeDesired'),
        }),
      }),
    );
    ctx.declare(`${name}Nodes`, nodegroup);
    acknowledgeDesignRisks(ctx, component, cluster);
    ctx.register(component.id, {
      construct: cluster,
      attributes: {
        name: member(cluster, 'ref'),
        arn: member(cluster, 'attrArn'),
        endpoint: member(cluster, 'attrEndpoint'),
      },
      grantee: nodeRole,
    });
  },
};

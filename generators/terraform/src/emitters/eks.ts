/** EKS cluster (private endpoint by default, control-plane logs) and a managed node group. */
import { isGraviton, type ResolvedComponent } from '@archgen/infra';
import { attr, block, list, literal, num, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { engineVersion, physical, placementSubnets, skip, tags } from './common.ts';

const address = (c: ResolvedComponent) => `aws_eks_cluster.${c.names.tfName}`;

/** The EKS-optimized AMI family for the node instance type's architecture. */
function amiType(instanceType: string): string {
  return isGraviton(instanceType) ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD';
}

function dependsOnLogGroup(ctx: TfContext, c: ResolvedComponent) {
  const lg = ctx.logGroupOf(c);
  return lg ? attr('depends_on', list([ref(`aws_cloudwatch_log_group.${lg.names.tfName}`)])) : undefined;
}

export const eksEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_eks_cluster.${name}.arn`),
    id: (name) => ref(`aws_eks_cluster.${name}.id`),
    name: (name) => ref(`aws_eks_cluster.${name}.name`),
    endpoint: (name) => ref(`aws_eks_cluster.${name}.endpoint`),
  },
  emit(c, ctx) {
    const t = c.names.tfName;
    const publicEndpoint = ctx.some(c, 'endpointPublicAccess', (on) => on === true);
    ctx.add(
      'compute.tf',
      ctx.resource('aws_eks_cluster', t, c, [
        skip(
          'CKV_AWS_58',
          'EKS encrypts Kubernetes secrets by default with an AWS owned key; a CMK is optional',
        ),
        publicEndpoint && skip('CKV_AWS_38', 'the design opens the public endpoint (endpointPublicAccess)'),
        publicEndpoint && skip('CKV_AWS_39', 'the design opens the public endpoint (endpointPublicAccess)'),
        attr('name', physical.eks(ctx, c)),
        attr('version', engineVersion(ctx, c)),
        attr('role_arn', ctx.roleArn(ctx.role(c, 'cluster'))),
        attr(
          'enabled_cluster_log_types',
          literal(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']),
        ),
        block(
          'vpc_config',
          [],
          [
            attr('subnet_ids', placementSubnets(ctx, c)),
            attr('security_group_ids', list([ctx.securityGroupOf(c)])),
            attr('endpoint_private_access', literal(true)),
            attr('endpoint_public_access', ctx.prop(c, 'endpointPublicAccess')),
          ],
        ),
        block(
          'access_config',
          [],
          [
            attr('authentication_mode', str('API')),
            attr('bootstrap_cluster_creator_admin_permissions', literal(true)),
          ],
        ),
        dependsOnLogGroup(ctx, c),
        tags(c.names.display),
      ]),
      block(
        'resource',
        ['aws_eks_node_group', t],
        [
          attr('cluster_name', ref(`${address(c)}.name`)),
          attr('node_group_name', str('default')),
          attr('node_role_arn', ctx.roleArn(ctx.role(c, 'node-group'))),
          attr('subnet_ids', placementSubnets(ctx, c)),
          attr('instance_types', list([ctx.prop(c, 'nodeInstanceType')])),
          attr(
            'ami_type',
            ctx.prop(c, 'nodeInstanceType', (v) => amiType(String(v)), `${t}_ami_type`),
          ),
          attr(
            'capacity_type',
            ctx.prop(c, 'spot', (v) => (v === true ? 'SPOT' : 'ON_DEMAND'), `${t}_capacity_type`),
          ),
          block(
            'scaling_config',
            [],
            [
              attr('min_size', ctx.prop(c, 'nodeMin')),
              attr('max_size', ctx.prop(c, 'nodeMax')),
              attr('desired_size', ctx.prop(c, 'nodeDesired')),
            ],
          ),
          block('update_config', [], [attr('max_unavailable', num(1))]),
          block('lifecycle', [], [attr('ignore_changes', list([ref('scaling_config[0].desired_size')]))]),
          tags(c.names.display),
        ],
      ),
    );
    ctx.output(`${t}_name`, ref(`${address(c)}.name`), `Name of the EKS cluster "${c.names.display}"`);
  },
};

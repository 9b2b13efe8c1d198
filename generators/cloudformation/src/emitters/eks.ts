/**
 * EKS cluster with a private API endpoint (public only if designed), secrets envelope-encrypted
 * with its own KMS key, control plane logs into a log group with retention, and one managed node
 * group in the private subnets (Spot if chosen).
 */
import { isGraviton } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';
import { eksClusterName, serviceKey } from './relationships.ts';
import { engineVersion } from './common.ts';

export const eksEmitter: ComponentEmitter = {
  references: {
    name: (id) => ref(id),
    arn: (id) => getAtt(id, 'Arn'),
    endpoint: (id) => getAtt(id, 'Endpoint'),
  },
  emit(cluster, ctx) {
    const id = cluster.names.logicalId;
    if (!cluster.placement) throw new Error(`EKS cluster ${cluster.id} has no subnet placement`);
    const clusterRole = ctx.roleOf(cluster, 'cluster');
    const nodeRole = ctx.roleOf(cluster, 'node-group');
    if (!clusterRole || !nodeRole)
      throw new Error(`EKS cluster ${cluster.id} needs a cluster role and a node role`);
    const key = serviceKey(ctx, id, `Kubernetes secrets of ${cluster.names.display}`, {
      roles: [ctx.roleArn(clusterRole.id)],
    });
    const subnets = ctx.subnetIds(cluster.placement.vpcId, cluster.placement.tier);
    ctx.template.addResource(id, {
      Type: 'AWS::EKS::Cluster',
      DependsOn: cluster.logGroupId ? [ctx.logicalId(cluster.logGroupId)] : undefined,
      Metadata: ctx.metadata(cluster.acknowledgements),
      Properties: {
        Name: eksClusterName(cluster),
        Version: engineVersion(ctx, cluster),
        RoleArn: ctx.roleArn(clusterRole.id),
        ResourcesVpcConfig: {
          SubnetIds: subnets,
          SecurityGroupIds: ctx.securityGroupIds(cluster),
          EndpointPrivateAccess: true,
          EndpointPublicAccess: ctx.value(cluster, 'endpointPublicAccess'),
        },
        AccessConfig: {
          AuthenticationMode: 'API_AND_CONFIG_MAP',
          BootstrapClusterCreatorAdminPermissions: true,
        },
        EncryptionConfig: [{ Provider: { KeyArn: getAtt(key, 'Arn') }, Resources: ['secrets'] }],
        Logging: {
          ClusterLogging: {
            EnabledTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((type) => ({
              Type: type,
            })),
          },
        },
        Tags: ctx.tags(cluster.names.display),
      },
    });
    ctx.template.addResource(`${id}Nodes`, {
      Type: 'AWS::EKS::Nodegroup',
      Properties: {
        ClusterName: ref(id),
        NodeRole: ctx.roleArn(nodeRole.id),
        Subnets: subnets,
        InstanceTypes: [ctx.value(cluster, 'nodeInstanceType')!],
        AmiType: ctx.value(cluster, 'nodeInstanceType', (type) =>
          isGraviton(String(type)) ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
        ),
        CapacityType: ctx.value(cluster, 'spot', (on) => (on === true ? 'SPOT' : 'ON_DEMAND')),
        ScalingConfig: {
          MinSize: ctx.value(cluster, 'nodeMin'),
          MaxSize: ctx.value(cluster, 'nodeMax'),
          DesiredSize: ctx.value(cluster, 'nodeDesired'),
        },
        UpdateConfig: { MaxUnavailable: 1 },
        Tags: ctx.tagMap(`${cluster.names.display} nodes`),
      },
    });
  },
};

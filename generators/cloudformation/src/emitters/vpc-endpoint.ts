/**
 * VPC endpoint: a gateway endpoint on the route tables of its tier (network.ts makes one per
 * private subnet and one for the isolated tier), or an interface endpoint in the tier's subnets
 * with private DNS and its security group (HTTPS from the VPC, decided by the lowering).
 */
import type { ComponentEmitter } from '../context.ts';
import { ref, sub } from '../template/intrinsics.ts';

export const vpcEndpointEmitter: ComponentEmitter = {
  references: { id: (id) => ref(id) },
  emit(endpoint, ctx) {
    const decided = endpoint.vpcEndpoint;
    if (!decided || !endpoint.placement)
      throw new Error(`vpc-endpoint "${endpoint.id}" has no resolved endpoint`);
    const vpc = ctx.vpc(endpoint.placement.vpcId);
    const gateway = decided.kind === 'gateway';
    const subnets = vpc.subnets.filter((s) => s.tier === decided.tier).sort((a, b) => a.azIndex - b.azIndex);
    const routeTables =
      decided.tier === 'isolated'
        ? [ref(`${vpc.names.logicalId}IsolatedRouteTable`)]
        : subnets.map((s) => ref(`${s.names.logicalId}RouteTable`));
    ctx.template.addResource(endpoint.names.logicalId, {
      Type: 'AWS::EC2::VPCEndpoint',
      Metadata: ctx.metadata(endpoint.acknowledgements),
      Properties: {
        VpcId: ref(vpc.names.logicalId),
        ServiceName: sub(`com.amazonaws.\${AWS::Region}.${decided.service}`),
        VpcEndpointType: gateway ? 'Gateway' : 'Interface',
        RouteTableIds: gateway ? routeTables : undefined,
        SubnetIds: gateway ? undefined : ctx.subnetIds(vpc.id, decided.tier),
        SecurityGroupIds: gateway ? undefined : ctx.securityGroupIds(endpoint),
        PrivateDnsEnabled: gateway ? undefined : decided.privateDns,
      },
    });
  },
};

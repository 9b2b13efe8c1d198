/**
 * NAT gateway nodes stand for their VPC's NAT gateways: the network emitter creates them, one
 * or one per AZ per environment (ResolvedVpc.natGatewayCount), so this emitter adds nothing.
 */
import type { ComponentEmitter } from '../context.ts';
import { ref } from '../template/intrinsics.ts';

export const natGatewayEmitter: ComponentEmitter = {
  references: {
    // Alarms on a NAT node watch the VPC's first NAT gateway, which exists in every environment.
    id: (_id, nat, ctx) => {
      const vpc = nat.placement ? ctx.vpc(nat.placement.vpcId) : undefined;
      if (!vpc) throw new Error(`NAT gateway ${nat.id} is not in a VPC`);
      return ref(`${vpc.names.logicalId}NatGateway1`);
    },
  },
  emit() {},
};

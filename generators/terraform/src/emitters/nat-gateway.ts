/**
 * A NAT gateway node has no resources of its own here: network.tf creates the gateways of its
 * VPC, with the count per environment the lowering decided (ResolvedVpc.natGatewayCount).
 * References (an alarm's NatGatewayId) name the VPC's first gateway, when there is one.
 */
import { call, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';

export const natGatewayEmitter: ComponentEmitter = {
  references: {
    id: (_name, c, ctx) => {
      const vpc = ctx.graph.vpcs.find((v) => v.id === c.placement?.vpcId);
      return vpc && call('try', ref(`aws_nat_gateway.${vpc.names.tfName}[0].id`), str(''));
    },
  },
  emit() {},
};

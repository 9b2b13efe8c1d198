/**
 * A NAT gateway node has no resources of its own here: network.tf creates the gateways of its
 * VPC, with the count per environment the lowering decided (ResolvedVpc.natGatewayCount).
 */
import type { ComponentEmitter } from '../context.ts';

export const natGatewayEmitter: ComponentEmitter = {
  refs: () => ({}),
  emit() {},
};

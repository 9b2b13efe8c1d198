/** NAT gateways. */
import type { ComponentEmitter } from './types.ts';
import { comment, index, lit, member } from '../ts/ast.ts';

export const natGatewayEmitter: ComponentEmitter = {
  emit(component, ctx) {
    // No construct of its own: ec2.Vpc creates the NAT gateways from natGateways (per environment).
    ctx.add(
      comment(`${component.names.logicalId}: NAT gateways are created by the VPC (natGateways in config).`),
    );
    const provider = component.placement ? ctx.natProviders.get(component.placement.vpcId) : undefined;
    ctx.register(component.id, {
      construct: lit(null),
      attributes: provider
        ? { id: member(index(member(provider, 'configuredGateways'), 0), 'gatewayId') }
        : {},
    });
  },
};

/**
 * VPC endpoints: ec2.GatewayVpcEndpoint on the route tables of the tier's subnets, or
 * ec2.InterfaceVpcEndpoint in them with private DNS and the security group the lowering made
 * (HTTPS from the VPC), so CDK adds no rule of its own (open: false).
 */
import type { ComponentEmitter } from './types.ts';
import { arr, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, securityGroupOf, subnetSelection, vpcOf } from './common.ts';

const GATEWAY_SERVICES: Readonly<Record<string, string>> = { s3: 'S3', dynamodb: 'DYNAMODB' };

export const vpcEndpointEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const decided = component.vpcEndpoint;
    if (!decided) throw new Error(`vpc-endpoint "${component.id}" has no resolved endpoint`);
    const gateway = decided.kind === 'gateway';
    const gatewayService = GATEWAY_SERVICES[decided.service];
    if (gateway && !gatewayService)
      throw new Error(`vpc-endpoint "${component.id}": no gateway endpoint for "${decided.service}"`);
    const group = gateway ? undefined : securityGroupOf(ctx, component);
    if (!gateway && !group) throw new Error(`vpc-endpoint "${component.id}" has no security group`);
    const endpoint = ctx.declare(
      ctx.variableName(component),
      gateway
        ? newExpr(
            ctx.api('ec2', 'GatewayVpcEndpoint'),
            ctx.scope,
            lit(component.names.logicalId),
            obj({
              vpc: vpcOf(ctx, component),
              service: ctx.api('ec2', `GatewayVpcEndpointAwsService.${gatewayService}`),
              subnets: arr([subnetSelection(component)]),
            }),
          )
        : newExpr(
            ctx.api('ec2', 'InterfaceVpcEndpoint'),
            ctx.scope,
            lit(component.names.logicalId),
            obj({
              vpc: vpcOf(ctx, component),
              service: newExpr(ctx.api('ec2', 'InterfaceVpcEndpointAwsService'), lit(decided.service)),
              subnets: subnetSelection(component),
              securityGroups: arr([group!]),
              open: lit(false),
              privateDnsEnabled: lit(decided.privateDns),
            }),
          ),
    );
    acknowledgeDesignRisks(ctx, component, endpoint);
    ctx.register(component.id, {
      construct: endpoint,
      attributes: { id: member(endpoint, 'vpcEndpointId') },
    });
  },
};

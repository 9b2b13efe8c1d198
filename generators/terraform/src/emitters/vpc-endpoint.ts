/**
 * VPC endpoint: a gateway endpoint on the route tables of its tier (network.tf: one per private
 * subnet, one for the isolated tier), or an interface endpoint in the tier's subnets with private
 * DNS and its security group (HTTPS from the VPC, decided by the lowering).
 */
import { attr, list, literal, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

export const vpcEndpointEmitter: ComponentEmitter = {
  references: { id: (name) => ref(`aws_vpc_endpoint.${name}.id`) },
  emit(c, ctx) {
    const decided = c.vpcEndpoint;
    if (!decided || !c.placement) throw new Error(`vpc-endpoint "${c.id}" has no resolved endpoint`);
    const vpc = ctx.graph.vpcs.find((v) => v.id === c.placement!.vpcId);
    if (!vpc) throw new Error(`vpc-endpoint "${c.id}" is in an unknown VPC`);
    const v = vpc.names.tfName;
    const gateway = decided.kind === 'gateway';
    ctx.add(
      'network.tf',
      ctx.resource('aws_vpc_endpoint', c.names.tfName, c, [
        attr('vpc_id', ctx.vpcIdOf(vpc.id)),
        attr('service_name', tpl('com.amazonaws.', ref('var.region'), `.${decided.service}`)),
        attr('vpc_endpoint_type', str(gateway ? 'Gateway' : 'Interface')),
        gateway &&
          attr(
            'route_table_ids',
            decided.tier === 'isolated'
              ? list([ref(`aws_route_table.${v}_isolated.id`)])
              : ref(`aws_route_table.${v}_private[*].id`),
          ),
        !gateway && attr('subnet_ids', ctx.subnetIds(vpc.id, decided.tier)),
        !gateway && attr('security_group_ids', list([ctx.securityGroupOf(c)])),
        !gateway && attr('private_dns_enabled', literal(decided.privateDns)),
        tags(c.names.display),
      ]),
    );
  },
};

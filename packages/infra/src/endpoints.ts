/**
 * VPC endpoints (vpc-endpoint nodes): a gateway endpoint (S3, DynamoDB) on the route tables of
 * its tier, or an interface endpoint in its tier's subnets with private DNS and a security group
 * admitting HTTPS from the VPC's CIDR. Decided once here for every target.
 */
import type { LowerContext } from './context.ts';
import { sgDescription } from './network.ts';

export function lowerVpcEndpoints(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    if (node.type !== 'vpc-endpoint') continue;
    const component = ctx.component(node.id);
    const vpc = component?.placement ? ctx.vpcsById.get(component.placement.vpcId) : undefined;
    if (!component?.placement || !vpc) continue;
    const first = ctx.envs[0]!;
    const kind = component.props.endpointType?.byEnv[first] === 'interface' ? 'interface' : 'gateway';
    const service = String(component.props.service?.byEnv[first] ?? 's3');
    component.vpcEndpoint = {
      kind,
      service,
      tier: component.placement.tier,
      privateDns: kind === 'interface' && component.props.privateDns?.byEnv[first] !== false,
    };
    if (kind !== 'interface') continue;
    const id = `${node.id}.sg`;
    ctx.addSecurityGroup({
      id,
      componentId: node.id,
      vpcId: vpc.id,
      // An imported endpoint's group keeps its logical id (import's remade.ts claims it).
      names: ctx.derivedNames(component.names, 'Sg', `${node.name} security group`, {
        nodeId: node.id,
        key: 'securityGroup',
      }),
      description:
        sgDescription(`Security group for ${node.name}`) || `Security group for ${component.names.logicalId}`,
      // Clients anywhere in the VPC call the service through the endpoint's interfaces.
      ingress: [{ peer: { cidr: vpc.cidr }, port: 443, protocol: 'tcp', description: 'HTTPS from the VPC' }],
      egress: [],
      allowHttpsEgress: false,
    });
    component.securityGroupId = id;
  }
}

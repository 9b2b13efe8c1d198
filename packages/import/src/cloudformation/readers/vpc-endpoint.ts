/**
 * AWS::EC2::VPCEndpoint -> vpc-endpoint: gateway or interface, the AWS service it reaches (the
 * last part of com.amazonaws.<region>.<service>) and, for an interface endpoint, private DNS
 * (off unless the template turns it on). Placement comes from its subnets or route tables.
 */
import { bool, props, str, type ReadContext, type Reader } from './values.ts';

/** "com.amazonaws.us-east-1.ecr.api" -> "ecr.api"; undefined for a service not of AWS (PrivateLink to a partner). */
export function endpointService(ctx: Pick<ReadContext, 'value'>, v: unknown): string | undefined {
  const name = ctx.value(v);
  if (typeof name !== 'string') return undefined;
  return /^com\.amazonaws\.[a-z]{2}(-[a-z]+)+-\d\.([a-z0-9][a-z0-9.-]*)$/.exec(name)?.[2];
}

/** The design's endpoint type, or undefined for one the catalog has no such type for (GatewayLoadBalancer, ...). */
export function endpointType(
  ctx: Pick<ReadContext, 'value'>,
  v: unknown,
): 'gateway' | 'interface' | undefined {
  const type = ctx.value(v) ?? 'Gateway';
  return type === 'Gateway' ? 'gateway' : type === 'Interface' ? 'interface' : undefined;
}

export const vpcEndpoint: Reader = (p, ctx) => {
  const type = endpointType(ctx, p.VpcEndpointType);
  return props({
    endpointType: type,
    service: endpointService(ctx, p.ServiceName) ?? str(ctx, p.ServiceName),
    privateDns: type === 'interface' ? (bool(ctx, p.PrivateDnsEnabled) ?? false) : undefined,
  });
};

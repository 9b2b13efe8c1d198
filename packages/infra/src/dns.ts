/**
 * Route 53 hosted zones (route53-zone nodes): the zone, whether it is private (then associated
 * with every VPC of the design) and its alias records, one per alias connection the model's
 * aliasRecordPlans keeps, A (and AAAA for a distribution) to the target's DNS name; for an API,
 * to its custom domain of the record's name (certificates.ts made it; without a certificate it
 * has none, and the record is not made either).
 */
import { aliasRecordPlans } from '@archgen/model';
import type { LowerContext } from './context.ts';
import type { ResolvedAliasRecord } from './types.ts';

/** The hosted zone id of every CloudFront distribution's alias target (fixed by AWS). */
export const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

export function lowerHostedZones(ctx: LowerContext): void {
  const plans = aliasRecordPlans(ctx.design).filter((p) => !p.ignored);
  for (const node of ctx.nodes) {
    if (node.type !== 'route53-zone') continue;
    const component = ctx.component(node.id);
    if (!component) continue;
    const props = ctx.props(node);
    // A private zone needs a VPC to be associated with; without one it is public (R53-03).
    const isPrivate = props.private === true && ctx.resolvedVpcs.length > 0;
    const records = plans
      .filter((p) => p.zoneId === node.id && hasTarget(ctx, p.targetId, p.fqdn))
      .map((p, i): ResolvedAliasRecord => {
        const type = ctx.nodesById.get(p.targetId)?.type;
        const cloudfront = type === 'cloudfront';
        return {
          connectionId: p.connection.id,
          name: p.name,
          fqdn: p.fqdn,
          targetId: p.targetId,
          targetType: cloudfront ? 'cloudfront' : type === 'api-gateway' ? 'api-gateway' : 'alb',
          recordTypes: cloudfront ? ['A', 'AAAA'] : ['A'],
          aliasZone: cloudfront ? { literal: CLOUDFRONT_HOSTED_ZONE_ID } : 'target',
          // Load balancers only: CloudFront does not allow it, an API's domain has no health.
          evaluateTargetHealth: type === 'alb',
          logicalId: `${component.names.logicalId}Alias${i + 1}`,
          tfName: `${component.names.tfName}_alias_${i + 1}`,
        };
      });
    component.hostedZone = {
      zoneName: String(props.zoneName ?? ''),
      private: isPrivate,
      vpcIds: isPrivate ? ctx.resolvedVpcs.map((v) => v.id) : [],
      records,
    };
  }
}

/** Whether the record's target exists: an API only through its custom domain of the name. */
function hasTarget(ctx: LowerContext, targetId: string, fqdn: string): boolean {
  if (ctx.nodesById.get(targetId)?.type !== 'api-gateway') return true;
  return (ctx.component(targetId)?.apiDomains ?? []).some((d) => d.domainName === fqdn);
}

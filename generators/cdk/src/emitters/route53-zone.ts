/**
 * A Route 53 hosted zone (route53-zone): route53.PublicHostedZone, or PrivateHostedZone in the
 * design's first VPC with addVpc for the others, and its alias records (ARecord / AaaaRecord with
 * the route53-targets alias of the distribution, load balancer or API custom domain, which the
 * API's emitter made), as the lowering decided them.
 * The zone comes before the certificates validated in it, the records after every component:
 * zone -> certificate -> load balancer -> alias record, never a cycle.
 */
import type { ComponentEmitter } from './types.ts';
import { call, lit, member, newExpr, obj } from '../ts/ast.ts';
import type { Expr } from '../ts/ast.ts';
import { acknowledgeDesignRisks } from './common.ts';

/** The alias target of an API's custom domain of the name, made by the API's emitter. */
function apiDomainTarget(extras: Record<string, Expr> | undefined, fqdn: string, apiId: string): Expr {
  const target = extras?.[`aliasTarget:${fqdn}`];
  if (!target) throw new Error(`api-gateway "${apiId}" has no custom domain ${fqdn}`);
  return target;
}

export const route53ZoneEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const decided = component.hostedZone;
    if (!decided) throw new Error(`route53-zone "${component.id}" has no resolved zone`);
    ctx.section(`${component.names.logicalId}: Route 53 hosted zone ${decided.zoneName}.`);
    const vpc = (id: string) => {
      const found = ctx.vpcs.get(id);
      if (!found) throw new Error(`route53-zone "${component.id}" names unknown VPC "${id}"`);
      return found;
    };
    const [firstVpc, ...otherVpcs] = decided.vpcIds;
    const zone = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('route53', decided.private ? 'PrivateHostedZone' : 'PublicHostedZone'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          zoneName: lit(decided.zoneName),
          vpc: decided.private && firstVpc ? vpc(firstVpc) : undefined,
        }),
      ),
    );
    for (const id of otherVpcs) ctx.expr(call(member(zone, 'addVpc'), vpc(id)));
    acknowledgeDesignRisks(ctx, component, zone);
    ctx.register(component.id, {
      construct: zone,
      attributes: { id: member(zone, 'hostedZoneId') },
    });
  },
  emitAfterComponents(component, ctx) {
    const decided = component.hostedZone;
    if (!decided?.records.length) return;
    ctx.section(`${component.names.logicalId}: alias records in ${decided.zoneName}.`);
    const zone = ctx.handle(component.id).construct;
    for (const record of decided.records) {
      const target = ctx.handle(record.targetId);
      const alias =
        record.targetType === 'api-gateway'
          ? apiDomainTarget(target.extras, record.fqdn, record.targetId)
          : newExpr(
              ctx.api(
                'route53Targets',
                record.targetType === 'cloudfront' ? 'CloudFrontTarget' : 'LoadBalancerTarget',
              ),
              target.construct,
              // Route 53 checks the load balancer's health; CloudFront does not allow it.
              ...(record.evaluateTargetHealth ? [obj({ evaluateTargetHealth: lit(true) })] : []),
            );
      for (const type of record.recordTypes)
        ctx.expr(
          newExpr(
            ctx.api('route53', type === 'A' ? 'ARecord' : 'AaaaRecord'),
            ctx.scope,
            lit(`${record.logicalId}${type}`),
            obj({
              zone,
              recordName: record.name ? lit(record.name) : undefined,
              target: call(ctx.api('route53', 'RecordTarget.fromAlias'), alias),
            }),
          ),
        );
    }
  },
};

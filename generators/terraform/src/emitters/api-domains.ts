/**
 * Where an alias record finds an API's custom domain (shared by the API's and the zone's
 * emitters, which may not import each other).
 */
import type { ResolvedComponent } from '@archgen/infra';
import { type Expr, ref } from '../hcl/ast.ts';
import type { TfContext } from '../context.ts';

/** The regional DNS name and hosted zone of the API's custom domain of the name, for an alias record. */
export function apiDomainAliasTarget(
  ctx: TfContext,
  c: ResolvedComponent,
  fqdn: string,
): { name: Expr; zoneId: Expr } {
  const d = (c.apiDomains ?? []).find((domain) => domain.domainName === fqdn);
  if (!d) throw new Error(`api-gateway "${c.id}" has no custom domain ${fqdn}`);
  if (ctx.text(c, 'apiType') === 'rest')
    return {
      name: ref(`aws_api_gateway_domain_name.${d.tfName}.regional_domain_name`),
      zoneId: ref(`aws_api_gateway_domain_name.${d.tfName}.regional_zone_id`),
    };
  const configuration = `aws_apigatewayv2_domain_name.${d.tfName}.domain_name_configuration[0]`;
  return {
    name: ref(`${configuration}.target_domain_name`),
    zoneId: ref(`${configuration}.hosted_zone_id`),
  };
}

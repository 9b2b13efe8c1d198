/**
 * Drawn ACM certificates (acm-certificate nodes): the certificate, how it is validated (DNS
 * records in the connected public hosted zone, DNS records made by hand, or email) and the front
 * doors that use it. A load balancer, distribution or API drawn to a certificate gets
 * `certificateId` naming it: its HTTPS listener, viewer certificate or custom domains use it
 * instead of its certificateArn property (albListenersOf, each target's CloudFront emitter, the
 * API's `apiDomains`). Runs before the security groups, whose ALB ports depend on it, and before
 * the hosted zones, whose records name the APIs' custom domains.
 */
import { REST_API_STAGE } from './aws.ts';
import {
  aliasRecordPlans,
  apiDomainCertificateOf,
  commaSeparatedNames,
  certificateValidationOf,
  drawnCertificateOf,
  environmentRegion,
} from '@archgen/model';
import type { LowerContext } from './context.ts';
import type { ResolvedCertificate } from './types.ts';

/** CloudFront only serves certificates issued in us-east-1. */
export const CLOUDFRONT_CERTIFICATE_REGION = 'us-east-1';

const KEY_ALGORITHMS: readonly ResolvedCertificate['keyAlgorithm'][] = [
  'RSA_2048',
  'EC_prime256v1',
  'EC_secp384r1',
];

export function lowerCertificates(ctx: LowerContext): void {
  const usedBy = new Map<string, string[]>();
  for (const node of ctx.nodes) {
    if (node.type !== 'alb' && node.type !== 'cloudfront' && node.type !== 'api-gateway') continue;
    const certificate = drawnCertificateOf(ctx.design, node.id);
    const component = ctx.component(node.id);
    if (!certificate || !component || !ctx.component(certificate.id)) continue;
    component.certificateId = certificate.id;
    if (node.type === 'cloudfront') namesForCertificate(ctx, node.id, certificate);
    usedBy.set(certificate.id, [...(usedBy.get(certificate.id) ?? []), node.id]);
  }
  for (const node of ctx.nodes) {
    if (node.type !== 'acm-certificate') continue;
    const component = ctx.component(node.id);
    if (!component) continue;
    const props = ctx.props(node);
    const validation = certificateValidationOf(ctx.design, node);
    const users = usedBy.get(node.id) ?? [];
    const servesCloudFront = users.some((id) => ctx.nodesById.get(id)?.type === 'cloudfront');
    const algorithm = KEY_ALGORITHMS.find((k) => k === props.keyAlgorithm) ?? 'RSA_2048';
    const domainName = String(props.domainName ?? '');
    component.acmCertificate = {
      domainName,
      // ACM lists the domain name once; a repeat among the other names is dropped.
      subjectAlternativeNames: [...new Set(commaSeparatedNames(props.subjectAlternativeNames))].filter(
        (name) => name !== domainName,
      ),
      validation: validation.method,
      ...(validation.zoneId && ctx.component(validation.zoneId) ? { zoneId: validation.zoneId } : {}),
      keyAlgorithm: algorithm,
      transparencyLogging: props.transparencyLogging !== false,
      usedBy: users,
      cloudFrontOutsideUsEast1: servesCloudFront
        ? ctx.envs.filter((env) => environmentRegion(ctx.design, env) !== CLOUDFRONT_CERTIFICATE_REGION)
        : [],
    };
  }
  lowerApiDomains(ctx);
}

/**
 * An API's custom domains: one per name the zones' alias records give it, where it has a
 * certificate (drawn, else its certificateArn); without one API Gateway makes no custom domain
 * and the zone no record (APIG-04 says so). Regional endpoints, so REST and HTTP APIs alike take
 * a certificate from their own region; the name's root maps to the API's one stage.
 */
export function lowerApiDomains(ctx: LowerContext): void {
  const plans = aliasRecordPlans(ctx.design).filter((p) => !p.ignored);
  for (const node of ctx.nodes) {
    if (node.type !== 'api-gateway') continue;
    const component = ctx.component(node.id);
    const certificate = apiDomainCertificateOf(ctx.design, node);
    if (!component || !certificate) continue;
    if ('certificateId' in certificate && !ctx.component(certificate.certificateId)) continue;
    const names = [...new Set(plans.filter((p) => p.targetId === node.id).map((p) => p.fqdn))];
    if (names.length === 0) continue;
    const stage = ctx.props(node).apiType === 'rest' ? REST_API_STAGE : '$default';
    component.apiDomains = names.map((domainName, i) => ({
      domainName,
      certificate,
      endpointType: 'REGIONAL',
      securityPolicy: 'TLS_1_2',
      stage,
      logicalId: `${component.names.logicalId}Domain${i + 1}`,
      tfName: `${component.names.tfName}_domain_${i + 1}`,
    }));
  }
}

/**
 * A distribution with a certificate answers only the names it lists (CloudFront refuses the
 * certificate without one). Where its aliases are empty: the alias records naming it, else the
 * certificate's domain name.
 */
function namesForCertificate(ctx: LowerContext, distributionId: string, certificate: { id: string }): void {
  const component = ctx.component(distributionId)!;
  const records = aliasRecordPlans(ctx.design)
    .filter((p) => !p.ignored && p.targetId === distributionId)
    .map((p) => p.fqdn);
  const certificateNode = ctx.nodesById.get(certificate.id)!;
  const fallback = (records.length ? records : [String(ctx.props(certificateNode).domainName ?? '')]).join(
    ', ',
  );
  const aliases = ctx.envs.map((env) => {
    const own = component.props.aliases?.byEnv[env];
    return typeof own === 'string' && own.trim() !== '' ? own : fallback;
  });
  component.props.aliases = ctx.envValue(aliases);
}

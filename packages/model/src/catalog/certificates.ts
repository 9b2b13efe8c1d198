/**
 * Which drawn ACM certificate each front door uses and which hosted zone validates each
 * certificate. Decided here, on the design, so the lowering uses exactly what the rules do not
 * flag (ACM-01, ACM-02).
 */
import type { Connection, Design, DesignNode } from '../design/schema.ts';
import { resolveProperties } from '../design/properties.ts';

const byId = (a: Connection, b: Connection) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The certificate a front door (alb, cloudfront, api-gateway) uses: its first certificate connection by id. */
export function drawnCertificateOf(design: Design, frontDoorId: string): DesignNode | undefined {
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const first = design.connections
    .filter(
      (c) =>
        c.kind === 'certificate' && c.to === frontDoorId && nodes.get(c.from)?.type === 'acm-certificate',
    )
    .sort(byId)[0];
  return first ? nodes.get(first.from) : undefined;
}

export interface CertificateValidationPlan {
  /** DNS or EMAIL, as the certificate says. */
  method: 'DNS' | 'EMAIL';
  /** The public hosted zone whose records validate it (DNS only); absent: records made by hand. */
  zoneId?: string;
  /** Why a validate-in connection is not used (a private zone, email validation, a second zone). */
  ignored: { connection: Connection; reason: string }[];
}

/** How a certificate is validated: its method and the first public zone it is drawn to (by id). */
export function certificateValidationOf(design: Design, certificate: DesignNode): CertificateValidationPlan {
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const props = resolveProperties(design, certificate);
  const method = props.validationMethod === 'EMAIL' ? 'EMAIL' : 'DNS';
  const plan: CertificateValidationPlan = { method, ignored: [] };
  const hasVpc = design.vpcs.length > 0;
  for (const c of design.connections
    .filter((c) => c.kind === 'validate-in' && c.from === certificate.id)
    .sort(byId)) {
    const zone = nodes.get(c.to);
    if (zone?.type !== 'route53-zone') continue;
    // A private zone (R53-03 makes one without a VPC public) answers no one ACM asks.
    if (resolveProperties(design, zone).private === true && hasVpc)
      plan.ignored.push({ connection: c, reason: `${zone.name} is private: ACM cannot read its records` });
    else if (method === 'EMAIL')
      plan.ignored.push({ connection: c, reason: `${certificate.name} is validated by email` });
    else if (plan.zoneId)
      plan.ignored.push({
        connection: c,
        reason: `${certificate.name} is already validated in another zone`,
      });
    else plan.zoneId = zone.id;
  }
  return plan;
}

/**
 * The certificate of an API's custom domains: the drawn one, else its certificateArn (the same in
 * every environment); undefined: it has none, and API Gateway makes no custom domain without one.
 */
export function apiDomainCertificateOf(
  design: Design,
  api: DesignNode,
): { certificateId: string } | { arn: string } | undefined {
  const drawn = drawnCertificateOf(design, api.id);
  if (drawn) return { certificateId: drawn.id };
  const arn = String(resolveProperties(design, api).certificateArn ?? '').trim();
  return arn ? { arn } : undefined;
}

/** The region in an ACM certificate ARN (arn:aws:acm:<region>:...), or undefined. */
export function certificateArnRegion(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:acm:([a-z0-9-]+):/.exec(arn)?.[1];
}

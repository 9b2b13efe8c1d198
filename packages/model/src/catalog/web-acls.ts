/**
 * Which protect connections (waf-web-acl -> front door) attach their web ACL. Decided here, on the
 * design, so the lowering attaches exactly the ACLs the rules do not flag (WAF-02).
 */
import type { Connection, Design } from '../design/schema.ts';
import { resolveProperties } from '../design/properties.ts';

export interface WebAclProtection {
  connection: Connection;
  aclId: string;
  targetId: string;
  /** Why the ACL is not attached to the target through this connection; absent: attached. */
  ignored?: string;
}

/** A web ACL protecting a distribution is CLOUDFRONT scope; regional resources cannot use it. */
export function webAclIsCloudFront(design: Design, aclId: string): boolean {
  const types = new Map(design.nodes.map((n) => [n.id, n.type]));
  return design.connections.some(
    (c) => c.kind === 'protect' && c.from === aclId && types.get(c.to) === 'cloudfront',
  );
}

/** Every protect connection from a web ACL, by connection id, with whether it attaches the ACL. */
export function webAclProtections(design: Design): WebAclProtection[] {
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const sorted = [...design.connections].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const protectedBy = new Map<string, string>();
  const out: WebAclProtection[] = [];
  for (const c of sorted) {
    const acl = nodes.get(c.from);
    const target = nodes.get(c.to);
    if (c.kind !== 'protect' || acl?.type !== 'waf-web-acl' || !target) continue;
    const ignored = ((): string | undefined => {
      if (target.type === 'api-gateway') {
        const props = resolveProperties(design, target);
        if (props.apiType !== 'rest') return 'WAF protects REST APIs only, not HTTP APIs';
        // A REST API without methods is not deployed (it has no stage to attach to).
        if (
          !sorted.some(
            (o) => o.from === target.id && o.kind === 'invoke' && nodes.get(o.to)?.type === 'lambda',
          )
        )
          return 'a REST API without methods has no stage to attach a web ACL to';
      } else if (target.type !== 'cloudfront' && target.type !== 'alb')
        return `a ${target.type} cannot have a web ACL`;
      if (target.type !== 'cloudfront' && webAclIsCloudFront(design, acl.id))
        return 'the ACL also protects a CloudFront distribution, so it is CLOUDFRONT scope, which regional resources cannot use';
      const earlier = protectedBy.get(target.id);
      if (earlier) return `it is already protected by ${nodes.get(earlier)?.name ?? earlier}`;
      return undefined;
    })();
    if (!ignored) protectedBy.set(target.id, acl.id);
    out.push({ connection: c, aclId: acl.id, targetId: target.id, ...(ignored ? { ignored } : {}) });
  }
  return out;
}

export { WAF_MANAGED_RULE_GROUPS, WAF_MIN_RATE_LIMIT, WAF_PROTECTABLE } from './services/waf-web-acl.ts';

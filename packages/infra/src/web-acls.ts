/**
 * Drawn WAF web ACLs (waf-web-acl nodes): the ACL's rules, its scope (CLOUDFRONT when it protects
 * a distribution, else REGIONAL) and what it is attached to. A protected distribution or load
 * balancer gets a `webAcl` naming the drawn one (`drawnId`), replacing the ACL its `waf` switch
 * made in decisions.ts, so the targets print it through the same path. Runs after lowerDecisions.
 */
import {
  WAF_MANAGED_RULE_GROUPS,
  environmentRegion,
  webAclProtections,
  type PropertyValue,
} from '@archgen/model';
import type { LowerContext } from './context.ts';
import type { ResolvedDrawnWebAcl, WebAclRuleGroup } from './types.ts';

/** CloudFront only accepts web ACLs created in us-east-1. */
const CLOUDFRONT_ACL_REGION = 'us-east-1';

function ruleGroupsOf(value: PropertyValue | undefined): WebAclRuleGroup[] {
  const items = Array.isArray(value) ? value : [];
  const names = items.flatMap((item) => {
    const group = item && typeof item === 'object' && !Array.isArray(item) ? item.group : undefined;
    const name = typeof group === 'string' ? WAF_MANAGED_RULE_GROUPS[group] : undefined;
    return name ? [name] : [];
  });
  // The catalog refuses a group listed twice; a rule name must be unique in the ACL.
  return [...new Set(names)].map((name) => ({ vendor: 'AWS' as const, name }));
}

export function lowerWebAcls(ctx: LowerContext): void {
  const protections = webAclProtections(ctx.design).filter((p) => !p.ignored);
  for (const node of ctx.nodes) {
    if (node.type !== 'waf-web-acl') continue;
    const component = ctx.component(node.id);
    if (!component) continue;
    const first = ctx.envs[0]!;
    const mine = protections.filter((p) => p.aclId === node.id);
    const types = new Map(mine.map((p) => [p.targetId, ctx.nodesById.get(p.targetId)!.type]));
    const cloudfront = [...types.values()].includes('cloudfront');
    const rate = component.props.rateLimit?.byEnv[first];
    const acl: ResolvedDrawnWebAcl = {
      scope: cloudfront ? 'CLOUDFRONT' : 'REGIONAL',
      // A CLOUDFRONT ACL is created in us-east-1: elsewhere the distributions take its ARN.
      source:
        cloudfront && ctx.envs.some((env) => environmentRegion(ctx.design, env) !== CLOUDFRONT_ACL_REGION)
          ? 'external'
          : 'stack',
      ruleGroups: ruleGroupsOf(component.props.ruleGroups?.byEnv[first]),
      rateLimit: typeof rate === 'number' && rate > 0 ? rate : 0,
      metricName: component.names.logicalId,
      attachedTo: [...types.keys()],
      restApis: [...types].filter(([, type]) => type === 'api-gateway').map(([id]) => id),
    };
    component.drawnWebAcl = acl;
    for (const [targetId, type] of types) {
      if (type === 'api-gateway') continue;
      const target = ctx.component(targetId);
      if (!target) continue;
      target.webAcl = {
        scope: acl.scope,
        enabled: ctx.constant(true),
        source: acl.source,
        ruleGroups: acl.ruleGroups.map((g) => ({ ...g })),
        drawnId: node.id,
      };
    }
  }
}

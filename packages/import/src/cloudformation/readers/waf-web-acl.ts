/**
 * AWS::WAFv2::WebACL -> waf-web-acl: the AWS managed rule groups the catalog lists, in priority
 * order, and the per-IP rate limit of a rate-based rule (0: none). What it protects is a
 * connection (import.ts): a distribution's WebACLId, an association's WebACLArn.
 */
import { WAF_MANAGED_RULE_GROUPS } from '@archgen/model';
import { deep, list, num, obj, props, type Reader } from './values.ts';

const GROUP_OF_NAME = new Map(Object.entries(WAF_MANAGED_RULE_GROUPS).map(([group, name]) => [name, group]));

export const wafWebAcl: Reader = (p, ctx) => {
  const rules = list(deep(ctx, p.Rules))
    .map(obj)
    .sort((a, b) => Number(a.Priority ?? 0) - Number(b.Priority ?? 0));
  const groups: string[] = [];
  let rateLimit = 0;
  for (const rule of rules) {
    const statement = obj(rule.Statement);
    const managed = obj(statement.ManagedRuleGroupStatement);
    const group = managed.VendorName === 'AWS' ? GROUP_OF_NAME.get(String(managed.Name)) : undefined;
    if (group && !groups.includes(group)) groups.push(group);
    const rate = obj(statement.RateBasedStatement);
    if (rateLimit === 0 && rate.Limit !== undefined && obj(rule.Action).Block !== undefined)
      rateLimit = num(ctx, rate.Limit) ?? 0;
  }
  return props({ ruleGroups: groups.map((group) => ({ group })), rateLimit });
};

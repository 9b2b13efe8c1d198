import type { Rule } from '../../types.ts';
import { checkNodes, num } from '../../rule-kit.ts';
import { getService } from '@archgen/model';

/** The catalog's default groups, which the fix restores. */
const DEFAULT_GROUPS = getService('waf-web-acl')?.properties.find((p) => p.key === 'ruleGroups')?.default;

export const WAF_01: Rule = {
  id: 'WAF-01',
  title: 'A web ACL blocks something',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['CKV_AWS_192'],
  check: (ctx) =>
    checkNodes(ctx, WAF_01, ['waf-web-acl'], 'all', (node, props) => {
      const groups = Array.isArray(props.ruleGroups) ? props.ruleGroups : [];
      if (groups.length > 0 || (num(props, 'rateLimit') ?? 0) > 0) return undefined;
      return {
        message: `${node.name} has no rule groups and no rate limit: it allows every request`,
        why: 'A web ACL without rules only costs money; the AWS managed rule groups block common exploits, known bad inputs and known malicious IPs.',
        fixTitle: 'Use the AWS managed rule groups',
        set: { ruleGroups: Array.isArray(DEFAULT_GROUPS) ? DEFAULT_GROUPS : [] },
      };
    }),
};

import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import { choice, num } from '../define.ts';

/** The AWS managed rule groups a drawn web ACL may list, by the value the design stores. */
export const WAF_MANAGED_RULE_GROUPS: Readonly<Record<string, string>> = {
  common: 'AWSManagedRulesCommonRuleSet',
  'known-bad-inputs': 'AWSManagedRulesKnownBadInputsRuleSet',
  sqli: 'AWSManagedRulesSQLiRuleSet',
  'ip-reputation': 'AWSManagedRulesAmazonIpReputationList',
};

/** Front doors a web ACL can be attached to (API Gateway: REST APIs only; WAF-02 says so). */
export const WAF_PROTECTABLE = ['cloudfront', 'alb', 'api-gateway'] as const;

/** WAF's smallest rate-based limit, requests per 5 minutes per IP. */
export const WAF_MIN_RATE_LIMIT = 100;

export const wafWebAcl: ServiceDefinition = {
  type: 'waf-web-acl',
  displayName: 'WAF web ACL',
  abbreviations: ['waf', 'wafv2'],
  keywords: ['web acl', 'web application firewall', 'firewall', 'rate limit', 'shield'],
  category: 'Security',
  icon: 'waf-web-acl',
  description:
    'An AWS WAF web ACL with AWS managed rule groups and a per-IP rate limit, attached to the CloudFront distributions, load balancers and REST APIs it protects. Its scope (CloudFront, created in us-east-1, or regional) follows what it protects.',
  placements: ['regional'],
  properties: [
    {
      kind: 'list',
      key: 'ruleGroups',
      label: 'Managed rule groups',
      default: [{ group: 'common' }, { group: 'known-bad-inputs' }, { group: 'ip-reputation' }],
      maxItems: 4,
      sameInEveryEnvironment: true,
      help: 'AWS managed rule groups that block matching requests, evaluated in this order. Each adds $1 a month.',
      item: [
        choice('group', 'Rule group', 'common', [
          ['common', 'Core rule set (OWASP top 10)'],
          ['known-bad-inputs', 'Known bad inputs (Log4j, ...)'],
          ['sqli', 'SQL injection'],
          ['ip-reputation', 'Amazon IP reputation list'],
        ]),
      ],
    },
    num('rateLimit', 'Rate limit per IP', 2000, {
      unit: 'requests / 5 min',
      integer: true,
      min: 0,
      max: 2_000_000_000,
      sameInEveryEnvironment: true,
      help: '0 = no limit. An IP sending more requests in any 5-minute window is blocked until it slows down.',
    }),
  ],
  validate(props) {
    const issues: PropertyIssue[] = [];
    const rate = Number(props.rateLimit ?? 0);
    if (rate !== 0 && rate < WAF_MIN_RATE_LIMIT)
      issues.push({
        path: 'rateLimit',
        message: `WAF rate limits start at ${WAF_MIN_RATE_LIMIT} (0 = none)`,
      });
    const groups = Array.isArray(props.ruleGroups) ? props.ruleGroups : [];
    const names = groups.map((g) => (g && typeof g === 'object' && !Array.isArray(g) ? String(g.group) : ''));
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i)
        issues.push({ path: `ruleGroups[${i}].group`, message: 'Each rule group can be listed once' });
    });
    return issues;
  },
  accepts: [],
  refusalHint:
    'the web ACL is the source: connect it to the CloudFront distribution, load balancer or REST API it protects.',
  // The web ACL; associations are counted on the protect connections.
  stackResources: () => ({ count: 1 }),
};

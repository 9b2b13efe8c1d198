import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';

const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);
const managed = (name: string, priority: number) => ({
  Name: name,
  Priority: priority,
  OverrideAction: { None: {} },
  Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
});
const alb = (id: string) => ({
  [id]: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internet-facing' } },
  [`${id}Acl`]: {
    Type: 'AWS::WAFv2::WebACLAssociation',
    Properties: { ResourceArn: { Ref: id }, WebACLArn: { 'Fn::GetAtt': ['Acl', 'Arn'] } },
  },
});

describe('waf-web-acl reader', () => {
  const acl = {
    Type: 'AWS::WAFv2::WebACL',
    Properties: {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: [
        managed('AWSManagedRulesSQLiRuleSet', 1),
        managed('AWSManagedRulesCommonRuleSet', 0),
        {
          Name: 'Rate',
          Priority: 2,
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 500, AggregateKeyType: 'IP' } },
        },
      ],
    },
  };

  it('reads an ACL in front of two load balancers as a node protecting both, rule groups in order', () => {
    const r = run({ Acl: acl, ...alb('A'), ...alb('B') });
    expect(r.design.nodes.find((n) => n.id === 'Acl')).toMatchObject({
      type: 'waf-web-acl',
      properties: { ruleGroups: [{ group: 'common' }, { group: 'sqli' }], rateLimit: 500 },
    });
    expect(r.design.connections.filter((c) => c.kind === 'protect').map((c) => `${c.from} ${c.to}`)).toEqual([
      'Acl A',
      'Acl B',
    ]);
  });

  it("keeps a single load balancer's ACL as that load balancer's part", () => {
    const r = run({ Acl: acl, ...alb('A') });
    expect(r.report.resources.find((e) => e.sourceId === 'Acl')!.outcome).toMatchObject({
      kind: 'part-of',
      nodeId: 'A',
    });
  });
});

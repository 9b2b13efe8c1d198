import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

const shop = () =>
  design('Edge')
    .region('us-east-1')
    .vpc({ id: 'main' })
    .node('lambda', { id: 'fn', tier: 'private' })
    .node('alb', { id: 'alb', properties: { waf: true } })
    .node('cloudfront', { id: 'cdn' })
    .node('api-gateway', { id: 'rest', properties: { apiType: 'rest' } })
    .node('api-gateway', { id: 'http' })
    .connect('rest', 'fn', 'invoke')
    .connect('http', 'fn', 'invoke');

describe('drawn web ACLs', () => {
  const graph = lowerDesign(
    shop()
      .node('waf-web-acl', {
        id: 'regional',
        properties: { ruleGroups: [{ group: 'sqli' }, { group: 'common' }], rateLimit: 500 },
      })
      .node('waf-web-acl', { id: 'edge', properties: { rateLimit: 0 } })
      .connect('regional', 'alb', 'protect', { id: 'p1' })
      .connect('regional', 'rest', 'protect', { id: 'p2' })
      .connect('regional', 'http', 'protect', { id: 'p3' })
      .connect('edge', 'cdn', 'protect', { id: 'p4' })
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('a regional ACL keeps its groups in order, its rate limit, and attaches to the ALB and the REST API only', () => {
    expect(component('regional').drawnWebAcl).toEqual({
      scope: 'REGIONAL',
      source: 'stack',
      ruleGroups: [
        { vendor: 'AWS', name: 'AWSManagedRulesSQLiRuleSet' },
        { vendor: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
      ],
      rateLimit: 500,
      metricName: component('regional').names.logicalId,
      attachedTo: ['alb', 'rest'],
      restApis: ['rest'],
    });
    expect(component('http').webAcl).toBeUndefined();
  });

  it("replaces the ACL the ALB's waf switch makes", () => {
    expect(component('alb').webAcl).toMatchObject({
      scope: 'REGIONAL',
      source: 'stack',
      drawnId: 'regional',
    });
  });

  it('a CloudFront ACL is CLOUDFRONT scope, with the default groups and no rate rule', () => {
    expect(component('edge').drawnWebAcl).toMatchObject({
      scope: 'CLOUDFRONT',
      source: 'stack',
      rateLimit: 0,
      attachedTo: ['cdn'],
      ruleGroups: [
        { vendor: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
        { vendor: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' },
        { vendor: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' },
      ],
    });
    expect(component('cdn').webAcl).toMatchObject({ scope: 'CLOUDFRONT', drawnId: 'edge' });
  });

  it('a CloudFront ACL is an input where an environment deploys outside us-east-1, and never attaches to regional resources', () => {
    const g = lowerDesign(
      shop()
        .deployTo('prod', { region: 'eu-west-1' })
        .node('waf-web-acl', { id: 'both' })
        .connect('both', 'cdn', 'protect', { id: 'p1' })
        .connect('both', 'alb', 'protect', { id: 'p2' })
        .build(),
    );
    const c = (id: string) => g.components.find((x) => x.id === id)!;
    expect(c('both').drawnWebAcl).toMatchObject({
      scope: 'CLOUDFRONT',
      source: 'external',
      attachedTo: ['cdn'],
    });
    expect(c('cdn').webAcl).toMatchObject({ source: 'external', drawnId: 'both' });
    // The ALB keeps the ACL of its own waf switch.
    expect(c('alb').webAcl).toMatchObject({ scope: 'REGIONAL', source: 'stack' });
    expect(c('alb').webAcl?.drawnId).toBeUndefined();
  });
});

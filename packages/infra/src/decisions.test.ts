/**
 * The AWS details the three targets used to decide differently, now decided once per component
 * and environment (issue 10 item 1): encryption keys, public databases, web ACLs, redrive counts.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import type { ResolvedGraph } from './types.ts';

const component = (graph: ResolvedGraph, id: string) => {
  const c = graph.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
};

describe('encryption', () => {
  const graph = lowerDesign(
    design('Keys')
      .environments('dev', 'prod')
      .node('sqs', { id: 'jobs', name: 'Jobs', properties: { encryption: 'kms' } })
      .node('sqs', { id: 'plain', name: 'Plain' })
      .node('s3', { id: 'files', name: 'Files', properties: { encryption: 'kms' } })
      .node('s3', { id: 'assets', name: 'Assets' })
      .node('sqs', { id: 'mixed', name: 'Mixed' })
      .node('sns', { id: 'news', name: 'News', properties: { kmsEncryption: false } })
      .override('prod', 'mixed', { encryption: 'kms' })
      .build(),
  );

  it('"kms" is a customer managed key the component owns: rotated, never aws/sqs or aws/s3', () => {
    for (const [id, via] of [
      ['jobs', 'sqs'],
      ['files', 's3'],
    ] as const) {
      const c = component(graph, id);
      expect(c.encryption).toEqual({
        kind: { byEnv: { dev: 'customer-managed', prod: 'customer-managed' }, varies: false },
        key: {
          description: `Encrypts ${c.names.display}`,
          enableKeyRotation: true,
          deletionWindowDays: 30,
          viaService: via,
        },
      });
    }
  });

  it('the catalog default is the service-owned key, with no KMS key to create', () => {
    expect(component(graph, 'plain').encryption).toEqual({
      kind: { byEnv: { dev: 'service', prod: 'service' }, varies: false },
    });
    expect(component(graph, 'assets').encryption?.kind.byEnv.prod).toBe('service');
    expect(component(graph, 'news').encryption?.kind.byEnv.prod).toBe('none');
  });

  it('a per-environment choice keeps one key, used where that environment asks for it', () => {
    const mixed = component(graph, 'mixed');
    expect(mixed.encryption?.kind).toEqual({
      byEnv: { dev: 'service', prod: 'customer-managed' },
      varies: true,
    });
    expect(mixed.encryption?.key?.viaService).toBe('sqs');
  });

  it("a derived DLQ takes its queue's encryption, and the alarm topic has its own key", () => {
    expect(component(graph, 'jobs.dlq').encryption?.key?.viaService).toBe('sqs');
    expect(component(graph, 'mixed.dlq').encryption?.kind.byEnv).toEqual({
      dev: 'service',
      prod: 'customer-managed',
    });
    const topic = graph.components.find((c) => c.type === 'sns' && c.derived)!;
    expect(topic.encryption?.kind.byEnv.dev).toBe('customer-managed');
  });
});

describe('databases, web ACLs and redrive', () => {
  const graph = lowerDesign(
    design('Front')
      .environments('dev', 'prod')
      .vpc()
      .node('rds', { id: 'db', name: 'DB', tier: 'public', properties: { publiclyAccessible: true } })
      .node('aurora', { id: 'cluster', name: 'Cluster', tier: 'isolated' })
      .node('cloudfront', { id: 'cdn', name: 'CDN', properties: { waf: false } })
      .node('alb', { id: 'alb', name: 'ALB', tier: 'public', properties: { waf: true } })
      .node('sqs', { id: 'q', name: 'Q', properties: { maxReceiveCount: 3 } })
      .override('prod', 'cdn', { waf: true })
      .override('prod', 'db', { publiclyAccessible: false })
      .override('prod', 'q', { maxReceiveCount: 10 })
      .build(),
  );

  it("publiclyAccessible is the design's value per environment for RDS, false for Aurora", () => {
    expect(component(graph, 'db').publiclyAccessible).toEqual({
      byEnv: { dev: true, prod: false },
      varies: true,
    });
    expect(component(graph, 'cluster').publiclyAccessible).toEqual({
      byEnv: { dev: false, prod: false },
      varies: false,
    });
  });

  it("a distribution's web ACL: CLOUDFRONT scope, created in us-east-1 stacks, on where WAF is on", () => {
    expect(component(graph, 'cdn').webAcl).toEqual({
      scope: 'CLOUDFRONT',
      enabled: { byEnv: { dev: false, prod: true }, varies: true },
      source: graph.design.region === 'us-east-1' ? 'stack' : 'external',
      ruleGroups: [
        { vendor: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
        { vendor: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' },
      ],
    });
    expect(component(graph, 'alb').webAcl).toMatchObject({ scope: 'REGIONAL', source: 'stack' });
  });

  it("outside us-east-1 a distribution's ACL is an input; a load balancer's is still created", () => {
    const west = lowerDesign(
      design('West')
        .region('eu-west-1')
        .vpc()
        .node('cloudfront', { id: 'cdn', name: 'CDN', properties: { waf: true } })
        .node('alb', { id: 'alb', name: 'ALB', tier: 'public', properties: { waf: true } })
        .build(),
    );
    expect(component(west, 'cdn').webAcl?.source).toBe('external');
    expect(component(west, 'alb').webAcl?.source).toBe('stack');
  });

  it('no WAF anywhere means no web ACL', () => {
    const off = lowerDesign(design('Off').node('cloudfront', { id: 'cdn', name: 'CDN' }).build());
    expect(component(off, 'cdn').webAcl).toBeUndefined();
  });

  it('maxReceiveCount follows per-environment overrides (the targets read it three ways before)', () => {
    expect(component(graph, 'q').maxReceiveCount).toEqual({ byEnv: { dev: 3, prod: 10 }, varies: true });
    expect(component(graph, 'q.dlq').maxReceiveCount).toBeUndefined();
  });
});

describe('tables', () => {
  it('DynamoDB: deletion protection on and the AWS managed key, in every environment', () => {
    const graph = lowerDesign(
      design('T').environments('dev', 'prod').node('dynamodb', { id: 't', name: 'T' }).build(),
    );
    expect(component(graph, 't').deletionProtection).toEqual({
      byEnv: { dev: true, prod: true },
      varies: false,
    });
    expect(component(graph, 't').encryption).toEqual({
      kind: { byEnv: { dev: 'aws-managed', prod: 'aws-managed' }, varies: false },
    });
  });
});

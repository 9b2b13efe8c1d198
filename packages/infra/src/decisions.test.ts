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
  it('DynamoDB: deletion protection in production (protection.ts), the AWS managed key everywhere', () => {
    const graph = lowerDesign(
      design('T').environments('dev', 'prod').node('dynamodb', { id: 't', name: 'T' }).build(),
    );
    expect(component(graph, 't').deletionProtection).toEqual({
      byEnv: { dev: false, prod: true },
      varies: true,
    });
    expect(component(graph, 't').encryption).toEqual({
      kind: { byEnv: { dev: 'aws-managed', prod: 'aws-managed' }, varies: false },
    });
  });
});

describe('buckets, logs and capacity', () => {
  const graph = lowerDesign(
    design('Buckets')
      .environments('dev', 'prod')
      .node('s3', { id: 'files', name: 'Files', properties: { versioned: true, accessLogs: true } })
      .node('s3', { id: 'scratch', name: 'Scratch', properties: { versioned: false } })
      .node('cloudfront', { id: 'cdn', name: 'CDN', properties: { accessLogs: false } })
      .override('prod', 'cdn', { accessLogs: true })
      .node('athena-workgroup', { id: 'queries', name: 'Queries' })
      .node('ecs-fargate', { id: 'web', name: 'Web', properties: { spot: true } })
      .override('prod', 'web', { spot: false })
      .build(),
  );

  it('versioned buckets expire old versions after 90 days; unversioned ones have no such rule', () => {
    expect(component(graph, 'files').props.noncurrentVersionExpirationDays?.byEnv).toEqual({
      dev: 90,
      prod: 90,
    });
    expect(component(graph, 'scratch').props.noncurrentVersionExpirationDays?.byEnv).toEqual({
      dev: 0,
      prod: 0,
    });
  });

  it('each logging source gets its own log bucket, only where it logs, kept a year', () => {
    const files = component(graph, 'files').accessLogBucket!;
    expect(files).toMatchObject({
      logicalId: 'FilesLogBucket',
      deliveredBy: 's3',
      objectOwnership: 'BucketOwnerEnforced',
      lifecycle: { abortIncompleteUploadDays: 7, expirationDays: 365, noncurrentExpirationDays: 30 },
    });
    const cdn = component(graph, 'cdn').accessLogBucket!;
    expect(cdn.enabled.byEnv).toEqual({ dev: false, prod: true });
    // CloudFront standard logs are written with ACLs.
    expect(cdn.objectOwnership).toBe('BucketOwnerPreferred');
    expect(component(graph, 'scratch').accessLogBucket).toBeUndefined();
  });

  it('an Athena workgroup with no bucket gets a results bucket that expires results', () => {
    const workgroup = component(graph, 'queries');
    expect(workgroup.outputBucketId).toBe('queries.results');
    const results = component(graph, 'queries.results');
    expect(results.type).toBe('s3');
    expect(results.props.expirationDays?.byEnv).toEqual({ dev: 30, prod: 30 });
  });

  it('Spot keeps one task on demand and runs the rest 3:1 on Spot, where the environment asks', () => {
    expect(component(graph, 'web').capacityProviders).toEqual({
      spot: { byEnv: { dev: true, prod: false }, varies: true },
      onDemandBase: 1,
      onDemandWeight: 1,
      spotWeight: 3,
    });
  });
});

describe('OpenSearch zones', () => {
  const lowered = (azCount: number) =>
    lowerDesign(
      design('Search')
        .environments('dev', 'staging', 'prod')
        .vpc({ azCount })
        .node('opensearch', {
          id: 'search',
          name: 'Search',
          tier: 'private',
          properties: { zoneAwareness: true, instanceCount: 2 },
        })
        .override('dev', 'search', { zoneAwareness: false, instanceCount: 1 })
        .override('staging', 'search', { instanceCount: 1 })
        .override('prod', 'search', { instanceCount: 6 })
        .build(),
    );

  it('one zone where the domain is not zone aware or has one node, three where the VPC and count allow', () => {
    expect(component(lowered(3), 'search').zoneCount!.byEnv).toEqual({ dev: 1, staging: 1, prod: 3 });
  });

  it('two zones when the VPC has two (the targets used to decide this three different ways)', () => {
    expect(component(lowered(2), 'search').zoneCount!.byEnv).toEqual({ dev: 1, staging: 1, prod: 2 });
  });
});

describe('load balancer access logs', () => {
  const logs = design('Logs')
    .environments('dev', 'prod')
    .vpc()
    .node('alb', { id: 'web', name: 'Web ALB', tier: 'public', properties: { accessLogs: true } })
    .build();
  const graph = lowerDesign(logs);

  it('one prefix for every target, without the trailing slash a load balancer refuses', () => {
    expect(component(graph, 'web').accessLogBucket!.prefix).toBe('web-alb');
  });

  it("who delivers follows each environment's region: the ELB account in us-east-1, the service in newer regions", () => {
    expect(component(graph, 'web').accessLogBucket!.albLogDelivery).toEqual({
      dev: { account: '127311923021' },
      prod: { account: '127311923021' },
    });
    const zurich = lowerDesign({
      ...logs,
      environments: logs.environments.map((e) => (e.name === 'prod' ? { ...e, region: 'eu-central-2' } : e)),
    });
    expect(component(zurich, 'web').accessLogBucket!.albLogDelivery).toEqual({
      dev: { account: '127311923021' },
      prod: { service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
    });
  });
});

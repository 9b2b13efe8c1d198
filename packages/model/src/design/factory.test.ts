import { describe, expect, it } from 'vitest';
import {
  createConnection,
  createDesign,
  createNode,
  createVpc,
  design,
  idStem,
  newBlankDesign,
  uniqueId,
} from './factory.ts';
import { parseDesign } from './parse.ts';
import { DESIGN_SCHEMA_VERSION, DesignSchema, IdSchema } from './schema.ts';

describe('createDesign / newBlankDesign', () => {
  it('creates an empty design in us-east-1 with dev, staging and prod', () => {
    expect(createDesign()).toEqual({
      schemaVersion: DESIGN_SCHEMA_VERSION,
      name: 'Untitled design',
      description: '',
      region: 'us-east-1',
      environments: [
        { name: 'dev', overrides: {} },
        { name: 'staging', overrides: {} },
        { name: 'prod', overrides: {} },
      ],
      tags: {},
      vpcs: [],
      nodes: [],
      connections: [],
      acceptedRisks: [],
      notes: [],
      usage: {},
    });
    expect(createDesign({ name: 'X', region: 'eu-west-1' })).toMatchObject({
      name: 'X',
      region: 'eu-west-1',
    });
  });

  it('never shares mutable parts between designs', () => {
    const a = createDesign();
    const b = createDesign();
    a.environments[0]!.overrides.x = { y: 1 };
    a.tags.team = 'a';
    expect(b.environments[0]!.overrides).toEqual({});
    expect(b.tags).toEqual({});
  });

  it('opens a blank design with one VPC of three tiers over two AZs', () => {
    const blank = newBlankDesign('Fresh');
    expect(blank.name).toBe('Fresh');
    expect(blank.vpcs).toEqual([
      {
        id: 'main',
        name: 'Main VPC',
        cidr: '10.0.0.0/16',
        azCount: 2,
        tiers: ['public', 'private', 'isolated'],
        subnetPrefix: 24,
        flowLogs: true,
      },
    ]);
    expect(parseDesign(blank).ok).toBe(true);
  });
});

describe('ids', () => {
  it('derives valid id stems from any text', () => {
    expect(idStem('ecs-fargate')).toBe('ecs-fargate');
    expect(idStem('3 things!')).toBe('n3-things');
    expect(idStem('  Orders DB  ')).toBe('Orders-DB');
    expect(idStem('x'.repeat(100))).toHaveLength(60);
    for (const text of ['ecs-fargate', '3 things!', '!!!', '', 'é']) {
      expect(IdSchema.safeParse(`${idStem(text)}-1`).success).toBe(true);
    }
  });

  it('counts up past taken ids', () => {
    expect(uniqueId('lambda', new Set())).toBe('lambda-1');
    expect(uniqueId('lambda', new Set(['lambda-1', 'lambda-2', 'lambda-4']))).toBe('lambda-3');
  });
});

describe('createNode / createConnection', () => {
  it('makes a node with catalog-default properties and no placement', () => {
    expect(createNode('sqs')).toEqual({
      id: 'sqs-1',
      type: 'sqs',
      name: 'SQS queue',
      properties: {},
      placement: null,
    });
    expect(createNode('lambda', { id: 'fn', placement: { vpcId: 'main', tier: 'private' } })).toMatchObject({
      id: 'fn',
      name: 'Lambda function',
      placement: { vpcId: 'main', tier: 'private' },
    });
    expect(createNode('not-in-catalog').name).toBe('not-in-catalog');
  });

  it('makes a connection with a readable id', () => {
    expect(createConnection('q', 'fn', 'event-source')).toEqual({
      id: 'q-event-source-fn',
      from: 'q',
      to: 'fn',
      kind: 'event-source',
    });
    expect(createConnection('a', 'b', 'traffic', { port: 443, label: 'HTTPS' })).toMatchObject({
      port: 443,
      label: 'HTTPS',
    });
    expect(createConnection('a'.repeat(40), 'b'.repeat(40), 'read').id.length).toBeLessThanOrEqual(64);
  });
});

describe('DesignBuilder', () => {
  it('builds a three-tier fixture in a few lines, placing nodes where the catalog recommends', () => {
    const built = design('Orders')
      .vpc()
      .node('alb', { id: 'web' })
      .node('ecs-fargate', { id: 'api' })
      .node('rds', { id: 'db' })
      .node('s3')
      .node('lambda')
      .connect('web', 'api', 'traffic')
      .connect('api', 'db', 'traffic', { port: 5432 })
      .override('prod', 'db', { multiAz: true })
      .build();

    expect(built.nodes.map((n) => [n.id, n.placement])).toEqual([
      ['web', { vpcId: 'main', tier: 'public' }],
      ['api', { vpcId: 'main', tier: 'private' }],
      ['db', { vpcId: 'main', tier: 'isolated' }],
      ['s3-1', null],
      ['lambda-1', null], // regional is Lambda's recommended placement
    ]);
    expect(built.connections).toEqual([
      { id: 'web-traffic-api', from: 'web', to: 'api', kind: 'traffic' },
      { id: 'api-traffic-db', from: 'api', to: 'db', kind: 'traffic', port: 5432 },
    ]);
    expect(built.environments.find((e) => e.name === 'prod')!.overrides).toEqual({ db: { multiAz: true } });
    const parsed = parseDesign(built);
    expect(parsed.ok).toBe(true);
  });

  it('numbers ids and names per type, deterministically', () => {
    const build = () => design().node('sqs').node('sqs').node('lambda').node('sqs').build();
    const built = build();
    expect(built.nodes.map((n) => [n.id, n.name])).toEqual([
      ['sqs-1', 'SQS queue'],
      ['sqs-2', 'SQS queue 2'],
      ['lambda-1', 'Lambda function'],
      ['sqs-3', 'SQS queue 3'],
    ]);
    expect(build()).toEqual(built);
  });

  it('places by tier shorthand, by explicit placement, or not at all', () => {
    const built = design()
      .vpc()
      .vpc({ tiers: ['private'] })
      .node('lambda', { id: 'inVpc', tier: 'private' })
      .node('lambda', { id: 'inSecond', tier: 'private', vpcId: 'vpc-2' })
      .node('rds', { id: 'loose', placement: null })
      .node('ecs-fargate', { id: 'second', vpcId: 'vpc-2' })
      .build();
    expect(built.vpcs.map((v) => [v.id, v.cidr])).toEqual([
      ['main', '10.0.0.0/16'],
      ['vpc-2', '10.1.0.0/16'],
    ]);
    expect(Object.fromEntries(built.nodes.map((n) => [n.id, n.placement]))).toEqual({
      inVpc: { vpcId: 'main', tier: 'private' },
      inSecond: { vpcId: 'vpc-2', tier: 'private' },
      loose: null,
      second: { vpcId: 'vpc-2', tier: 'private' },
    });
  });

  it('leaves a node unplaced when no VPC has its recommended tier', () => {
    const built = design().node('rds', { id: 'db' }).build();
    expect(built.nodes[0]!.placement).toBeNull();
  });

  it('gives repeated connections distinct ids', () => {
    const built = design()
      .node('sqs', { id: 'q' })
      .node('lambda', { id: 'fn' })
      .connect('q', 'fn', 'event-source')
      .connect('q', 'fn', 'event-source')
      .build();
    expect(built.connections.map((c) => c.id)).toEqual(['q-event-source-fn', 'q-event-source-fn-2']);
  });

  it('sets environments, tags, notes, accepted risks and usage', () => {
    const built = design('All')
      .region('eu-west-2')
      .description('Everything')
      .environments('dev', 'prod')
      .tag('team', 'payments')
      .node('s3', { id: 'bucket' })
      .override('dev', 'bucket', { versioned: false })
      .override('dev', 'bucket', { accessLogs: false })
      .note('bucket', 'Holds invoices')
      .acceptRisk('S3-02', 'bucket', 'Access logs go to the central account')
      .usage('bucket', { storageGb: 100 })
      .build();
    expect(built).toMatchObject({
      name: 'All',
      region: 'eu-west-2',
      description: 'Everything',
      tags: { team: 'payments' },
      environments: [
        { name: 'dev', overrides: { bucket: { versioned: false, accessLogs: false } } },
        { name: 'prod', overrides: {} },
      ],
      notes: [{ id: 'note-1', targetId: 'bucket', text: 'Holds invoices' }],
      acceptedRisks: [
        { ruleId: 'S3-02', targetId: 'bucket', reason: 'Access logs go to the central account' },
      ],
      usage: { bucket: { storageGb: 100 } },
    });
    expect(DesignSchema.safeParse(built).success).toBe(true);
    expect(parseDesign(built).ok).toBe(true);
  });

  it('returns an independent copy from each build', () => {
    const builder = design().node('sqs', { id: 'q' });
    const first = builder.build();
    first.nodes[0]!.name = 'changed';
    builder.node('sns', { id: 't' });
    expect(builder.build().nodes.map((n) => n.name)).toEqual(['SQS queue', 'SNS topic']);
    expect(first.nodes).toHaveLength(1);
  });

  it('refuses duplicate ids and overrides for unknown environments', () => {
    expect(() => design().node('sqs', { id: 'q' }).node('sns', { id: 'q' })).toThrow(
      'id "q" is already used',
    );
    expect(() => design().environments('dev').override('prod', 'x', {})).toThrow(
      'no environment "prod" (have dev)',
    );
  });

  it('keeps builder fixtures valid against the schema defaults', () => {
    const built = design()
      .vpc(createVpc({ id: 'custom', azCount: 3 }))
      .build();
    expect(built.vpcs[0]).toMatchObject({ id: 'custom', azCount: 3, cidr: '10.0.0.0/16' });
  });
});

import { describe, expect, it } from 'vitest';
import { DesignVersionError, MIGRATIONS, migrateDesign } from './migrate.ts';
import { DESIGN_SCHEMA_VERSION, DesignSchema } from './schema.ts';
import { parseDesign } from './parse.ts';
import { resolveConnectionProperties } from './properties.ts';
import { defaultRetries } from '../catalog/services/step-functions.ts';

/** A version 1 file as the old app saved it. */
const v1ThreeTier = {
  version: 1,
  name: 'Shop',
  region: 'eu-west-1',
  tags: { team: 'web' },
  vpc: { cidr: '10.10.0.0/16', azs: 3 },
  services: [
    { id: 'alb', type: 'alb', name: 'Web ALB', properties: { scheme: 'internet-facing' }, subnet: 'public' },
    {
      id: 'api',
      type: 'ecs-fargate',
      name: 'API',
      properties: {},
      subnet: 'private',
      position: { x: 10, y: 20 },
    },
    { id: 'db', type: 'rds', name: 'Orders DB', properties: { engine: 'postgres' }, subnet: 'isolated' },
    { id: 'assets', type: 's3', name: 'Assets', properties: {}, subnet: null },
  ],
  links: [
    { source: 'alb', target: 'api', type: 'traffic' },
    { source: 'api', target: 'db', type: 'traffic', label: 'SQL' },
  ],
  environments: ['dev', 'prod'],
};

describe('migrateDesign from version 1', () => {
  it('reshapes services, vpc, links and environments', () => {
    const result = migrateDesign(v1ThreeTier);
    expect(result.from).toBe(1);
    expect(result.applied).toEqual([
      MIGRATIONS[1]!.description,
      MIGRATIONS[2]!.description,
      MIGRATIONS[3]!.description,
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.value).toEqual({
      schemaVersion: 4,
      name: 'Shop',
      region: 'eu-west-1',
      tags: { team: 'web' },
      environments: [
        { name: 'dev', overrides: {} },
        { name: 'prod', overrides: {} },
      ],
      vpcs: [
        {
          id: 'main',
          name: 'VPC',
          cidr: '10.10.0.0/16',
          azCount: 3,
          tiers: ['public', 'private', 'isolated'],
          subnetPrefix: 24,
          flowLogs: true,
        },
      ],
      nodes: [
        {
          id: 'alb',
          type: 'alb',
          name: 'Web ALB',
          properties: { scheme: 'internet-facing' },
          placement: { vpcId: 'main', tier: 'public' },
        },
        {
          id: 'api',
          type: 'ecs-fargate',
          name: 'API',
          properties: {},
          placement: { vpcId: 'main', tier: 'private' },
          position: { x: 10, y: 20 },
        },
        {
          id: 'db',
          type: 'rds',
          name: 'Orders DB',
          properties: { engine: 'postgres' },
          placement: { vpcId: 'main', tier: 'isolated' },
        },
        { id: 'assets', type: 's3', name: 'Assets', properties: {}, placement: null },
      ],
      connections: [
        { id: 'link-1', from: 'alb', to: 'api', kind: 'traffic' },
        { id: 'link-2', from: 'api', to: 'db', kind: 'traffic', label: 'SQL' },
      ],
    });
  });

  it('produces a document the current schema accepts', () => {
    const parsed = DesignSchema.safeParse(migrateDesign(v1ThreeTier).value);
    expect(parsed.success).toBe(true);
  });

  it('does not mutate its input', () => {
    const input = structuredClone(v1ThreeTier);
    migrateDesign(input);
    expect(input).toEqual(v1ThreeTier);
  });

  it('picks VPC and connection ids that do not collide with existing ids', () => {
    const result = migrateDesign({
      version: 1,
      name: 'Clash',
      region: 'us-east-1',
      vpc: { cidr: '10.0.0.0/16', azs: 2 },
      services: [
        { id: 'main', type: 'lambda', name: 'Main', subnet: 'private' },
        { id: 'link-1', type: 'sqs', name: 'Queue', subnet: null },
      ],
      links: [
        { source: 'link-1', target: 'main', type: 'event-source' },
        { id: 'keep', source: 'main', target: 'link-1', type: 'publish' },
      ],
      environments: ['dev'],
    });
    const value = result.value as {
      vpcs: { id: string }[];
      nodes: { placement: unknown }[];
      connections: { id: string }[];
    };
    expect(value.vpcs[0]!.id).toBe('main-2');
    expect(value.nodes[0]!.placement).toEqual({ vpcId: 'main-2', tier: 'private' });
    expect(value.connections.map((c) => c.id)).toEqual(['link-1-2', 'keep']);
  });

  it('clamps the AZ count and shrinks subnets so a small VPC still fits, with warnings', () => {
    const result = migrateDesign({
      version: 1,
      name: 'Small',
      region: 'us-east-1',
      vpc: { cidr: '10.0.0.0/24', azs: 4 },
      services: [],
      links: [],
      environments: ['dev'],
    });
    const value = result.value as { vpcs: { azCount: number; subnetPrefix: number }[] };
    expect(value.vpcs[0]).toMatchObject({ azCount: 3, subnetPrefix: 28 });
    expect(result.warnings).toEqual(['vpc.azs was 4; designs now use 2 or 3 AZs, so the VPC uses 3']);
  });

  it('adds a VPC when services were placed without one, and default environments when none were named', () => {
    const result = migrateDesign({
      version: 1,
      name: 'No VPC',
      region: 'us-east-1',
      services: [{ id: 'fn', type: 'lambda', name: 'Fn', subnet: 'private' }],
    });
    const value = result.value as { vpcs: unknown[]; environments: unknown[]; connections?: unknown };
    expect(value.vpcs).toEqual([
      expect.objectContaining({ id: 'main', cidr: '10.0.0.0/16', azCount: 2, subnetPrefix: 24 }),
    ]);
    expect(value.environments).toEqual([
      { name: 'dev', overrides: {} },
      { name: 'staging', overrides: {} },
      { name: 'prod', overrides: {} },
    ]);
    expect('connections' in value).toBe(false);
    expect(result.warnings).toHaveLength(2);
  });

  it('has no VPC when nothing was placed and there was no vpc', () => {
    const result = migrateDesign({
      version: 1,
      name: 'Serverless',
      region: 'us-east-1',
      services: [{ id: 'q', type: 'sqs', name: 'Q', subnet: null }],
      links: [],
      environments: ['dev'],
    });
    expect((result.value as { vpcs: unknown[] }).vpcs).toEqual([]);
  });

  it('passes malformed parts through for the schema to report', () => {
    const result = migrateDesign({
      version: 1,
      name: 'Bad',
      region: 'us-east-1',
      services: 'nope',
      links: [42],
      environments: ['dev'],
    });
    expect(result.value).toMatchObject({ nodes: 'nope', connections: [42] });
  });
});

describe('migrateDesign from version 2', () => {
  it('changes only the version number: version 2 had no explicit subnet CIDRs', () => {
    const v2 = { schemaVersion: 2, name: 'Shop', vpcs: [{ id: 'main', cidr: '10.0.0.0/16' }], extra: 1 };
    const result = migrateDesign(v2);
    expect(result).toEqual({
      value: { ...v2, schemaVersion: 4 },
      from: 2,
      applied: [MIGRATIONS[2]!.description, MIGRATIONS[3]!.description],
      warnings: [],
    });
    expect(v2.schemaVersion).toBe(2);
  });
});

describe('migrateDesign from version 3', () => {
  const v3 = {
    schemaVersion: 3,
    name: 'Workers',
    region: 'us-east-1',
    environments: [
      { name: 'dev', overrides: { worker: { batchSize: 5, memorySize: 256 } } },
      { name: 'prod', overrides: {} },
    ],
    nodes: [
      { id: 'queue', type: 'sqs', name: 'Queue', properties: {} },
      { id: 'stream', type: 'kinesis-stream', name: 'Stream', properties: {} },
      {
        id: 'worker',
        type: 'lambda',
        name: 'Worker',
        properties: { batchSize: 100, maxBatchingWindowSeconds: 5, memorySize: 1024 },
      },
      { id: 'idle', type: 'lambda', name: 'Idle', properties: { batchSize: 20 } },
    ],
    connections: [
      { id: 'fromQueue', from: 'queue', to: 'worker', kind: 'event-source' },
      {
        id: 'fromStream',
        from: 'stream',
        to: 'worker',
        kind: 'event-source',
        properties: { batchSize: 500 },
      },
    ],
  };

  it("moves a function's batching onto each event-source connection into it", () => {
    const result = migrateDesign(v3);
    expect(result.from).toBe(3);
    expect(result.applied).toEqual([MIGRATIONS[3]!.description]);
    const value = result.value as typeof v3;
    expect(value.schemaVersion).toBe(4);
    expect(value.nodes.map((n) => n.properties)).toEqual([{}, {}, { memorySize: 1024 }, {}]);
    expect(value.connections.map((c) => c.properties)).toEqual([
      { batchSize: 100, maxBatchingWindowSeconds: 5 },
      // A value the connection already has wins.
      { batchSize: 500, maxBatchingWindowSeconds: 5 },
    ]);
    expect(value.environments[0]!.overrides).toEqual({ worker: { memorySize: 256 } });
    expect(result.warnings).toEqual([
      'function "idle" had event batching settings but no event source; they were dropped',
      'environment "dev" overrode batchSize of function "worker"; event batching is now set on each event-source connection, the same in every environment, so the override was dropped',
    ]);
    // The input is untouched.
    expect(v3.nodes[2]!.properties).toHaveProperty('batchSize', 100);
  });

  it("turns a state machine's retry count into retries per error name with that count", () => {
    const result = migrateDesign({
      ...v3,
      environments: [{ name: 'prod', overrides: { flow: { retryMaxAttempts: 5, tracing: true } } }],
      nodes: [{ id: 'flow', type: 'step-functions', name: 'Flow', properties: { retryMaxAttempts: 6 } }],
      connections: [],
    });
    const value = result.value as {
      nodes: { properties: Record<string, unknown> }[];
      environments: unknown[];
    };
    expect(value.nodes[0]!.properties).toEqual({ retries: defaultRetries(6) });
    expect(value.environments).toEqual([{ name: 'prod', overrides: { flow: { tracing: true } } }]);
    expect(result.warnings).toEqual([
      'environment "prod" overrode retryMaxAttempts of state machine "flow"; retries are now set per error name, the same in every environment, so the override was dropped',
    ]);
  });

  it('parses into a design whose event source has the moved batching', () => {
    const parsed = parseDesign(JSON.stringify(v3));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(resolveConnectionProperties(parsed.design, parsed.design.connections[0]!)).toEqual({
      batchSize: 100,
      maxBatchingWindowSeconds: 5,
    });
  });
});

describe('migrateDesign at the current version and beyond', () => {
  it('leaves a current document alone', () => {
    const doc = { schemaVersion: DESIGN_SCHEMA_VERSION, name: 'x' };
    const result = migrateDesign(doc);
    expect(result).toEqual({ value: doc, from: DESIGN_SCHEMA_VERSION, applied: [], warnings: [] });
    expect(result.value).toBe(doc);
  });

  it('leaves documents without a numeric version for the schema to reject', () => {
    for (const doc of [null, 42, 'text', [], {}, { schemaVersion: '2' }]) {
      const result = migrateDesign(doc);
      expect(result.value).toBe(doc);
      expect(result.applied).toEqual([]);
    }
  });

  it('refuses a version from the future with a clear message and path', () => {
    const attempt = () => migrateDesign({ schemaVersion: DESIGN_SCHEMA_VERSION + 1 });
    expect(attempt).toThrow(DesignVersionError);
    expect(attempt).toThrow(/newer archgen \(schema version 5\).*up to 4.*Update archgen/);
    try {
      attempt();
    } catch (error) {
      expect((error as DesignVersionError).path).toBe('$.schemaVersion');
    }
  });

  it.each([0, -1, 1.5])('refuses version %s', (version) => {
    expect(() => migrateDesign({ version })).toThrow(/is not a design version/);
  });

  it('has a migration from every version before the current one', () => {
    for (let v = 1; v < DESIGN_SCHEMA_VERSION; v++) expect(MIGRATIONS[v]).toBeDefined();
  });
});

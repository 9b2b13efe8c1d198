/**
 * The example designs (templates in the app, inputs of every generator's toolchain tests) and the
 * adversarial fixtures must be valid documents that only use what the catalog allows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONNECTION_KINDS,
  DESIGN_SCHEMA_VERSION,
  DesignSchema,
  type Design,
  type DesignNode,
} from '../packages/model/src/design/schema.ts';
import { parseDesign } from '../packages/model/src/design/parse.ts';
import { resolveProperties, validateProperties } from '../packages/model/src/design/properties.ts';
import { SERVICES, findAcceptedConnection, getService } from '../packages/model/src/catalog/index.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_WIDTH = 184;
const NODE_HEIGHT = 60;

function load(dir: string): [string, Design][] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const result = DesignSchema.safeParse(JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')));
      if (!result.success) throw new Error(`${dir}/${f}: ${result.error.message}`);
      return [f, result.data];
    });
}

const examples = load('examples');
const adversarial = load('fixtures/adversarial');
const all = [...examples, ...adversarial];

function nodeOfType(design: Design, type: string): DesignNode[] {
  return design.nodes.filter((n) => n.type === type);
}

/** Connections as "fromType kind toType" strings, for pattern checks. */
function edges(design: Design): Set<string> {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  return new Set(
    design.connections.map((c) => `${byId.get(c.from)?.type} ${c.kind} ${byId.get(c.to)?.type}`),
  );
}

describe('design files', () => {
  it('holds the eight examples and six adversarial fixtures', () => {
    expect(examples.map(([f]) => f)).toEqual([
      'data-lake.json',
      'eks-platform.json',
      'eventbridge-fanout.json',
      'secure-web-app.json',
      'seed-vpc.json',
      'serverless-api.json',
      'static-site.json',
      'three-tier-web-app.json',
    ]);
    expect(adversarial.map(([f]) => f)).toEqual([
      'environment-shapes.json',
      'event-patterns-and-cycles.json',
      'every-connection.json',
      'every-service.json',
      'hostile-names.json',
      'kept-resources.json',
    ]);
  });

  describe.each(all)('%s', (file, design) => {
    it('passes the full parse (schema, references, catalog, limits)', () => {
      const dir = examples.some(([f]) => f === file) ? 'examples' : 'fixtures/adversarial';
      const result = parseDesign(readFileSync(join(ROOT, dir, file), 'utf8'));
      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it('has unique ids', () => {
      for (const list of [design.nodes, design.connections, design.vpcs]) {
        const ids = list.map((x) => x.id);
        expect(new Set(ids).size).toBe(ids.length);
      }
    });

    it('uses only catalog services, in placements they allow', () => {
      for (const node of design.nodes) {
        const service = getService(node.type);
        expect(service, `${node.id}: ${node.type}`).toBeDefined();
        const placement = node.placement;
        expect(service!.placements, node.id).toContain(placement ? placement.tier : 'regional');
        if (placement) {
          const vpc = design.vpcs.find((v) => v.id === placement.vpcId);
          expect(vpc?.tiers, `${node.id} in ${placement.vpcId}`).toContain(placement.tier);
        }
      }
    });

    it('connects only what the catalog accepts', () => {
      const byId = new Map(design.nodes.map((n) => [n.id, n]));
      for (const c of design.connections) {
        const from = byId.get(c.from);
        const to = byId.get(c.to);
        expect(from && to, c.id).toBeTruthy();
        expect(
          findAcceptedConnection(from!.type, to!.type, c.kind),
          `${c.id}: ${from!.type} -${c.kind}-> ${to!.type}`,
        ).toBeDefined();
        expect(c.label, c.id).toBeTruthy();
      }
    });

    it('has valid properties in every environment', () => {
      for (const node of design.nodes) {
        const service = getService(node.type)!;
        for (const env of [undefined, ...design.environments.map((e) => e.name)]) {
          const issues = validateProperties(service, resolveProperties(design, node, env));
          expect(issues, `${node.id} in ${env ?? 'base'}`).toEqual([]);
        }
      }
      for (const env of design.environments)
        for (const id of Object.keys(env.overrides))
          expect(design.nodes.some((n) => n.id === id) || design.vpcs.some((v) => v.id === id), id).toBe(
            true,
          );
    });

    it('lays nodes out without overlaps', () => {
      const boxes = design.nodes.map((n) => ({ id: n.id, ...n.position! }));
      for (const n of design.nodes) expect(n.position, n.id).toBeDefined();
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const overlap = Math.abs(a.x - b.x) < NODE_WIDTH + 16 && Math.abs(a.y - b.y) < NODE_HEIGHT + 16;
          expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
        }
    });

    it('stacks tiers top to bottom: public, private, isolated', () => {
      const rank = { public: 0, private: 1, isolated: 2 };
      const placed = design.nodes.filter((n) => n.placement);
      for (const a of placed)
        for (const b of placed)
          if (rank[a.placement!.tier] < rank[b.placement!.tier])
            expect(a.position!.y, `${a.id} above ${b.id}`).toBeLessThan(b.position!.y);
    });
  });
});

describe.each(examples)('example %s', (_, design) => {
  it('is production-shaped: three environments, tags, an honest description', () => {
    expect(design.schemaVersion).toBe(DESIGN_SCHEMA_VERSION);
    expect(design.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
    for (const env of design.environments)
      expect(Object.keys(env.overrides).length, env.name).toBeGreaterThan(0);
    expect(Object.keys(design.tags)).toEqual(expect.arrayContaining(['project', 'owner', 'cost-center']));
    expect(design.description).toMatch(/Deliberate trade-offs/);
    for (const vpc of design.vpcs) {
      expect(vpc).toMatchObject({ id: 'main', cidr: '10.0.0.0/16', flowLogs: true });
      for (const node of design.nodes.filter((n) => n.placement))
        expect(vpc.tiers).toContain(node.placement!.tier);
    }
  });
});

describe('example patterns', () => {
  const byName = new Map(examples);
  const get = (file: string) => byName.get(file)!;

  it('three-tier-web-app: users -> HTTPS ALB -> Fargate -> Aurora + Redis, with NAT, secret and logs', () => {
    const d = get('three-tier-web-app.json');
    expect([...edges(d)]).toEqual(
      expect.arrayContaining([
        'users traffic alb',
        'alb traffic ecs-fargate',
        'ecs-fargate traffic aurora',
        'ecs-fargate traffic elasticache',
        'ecs-fargate read secret',
        'ecs-fargate write log-group',
      ]),
    );
    const tiers = Object.fromEntries(d.nodes.map((n) => [n.type, n.placement?.tier ?? 'regional']));
    expect(tiers).toMatchObject({
      alb: 'public',
      'nat-gateway': 'public',
      'ecs-fargate': 'private',
      aurora: 'isolated',
      elasticache: 'isolated',
    });
    expect(nodeOfType(d, 'alb')[0]!.properties.certificateArn).toMatch(
      /^arn:aws:acm:us-east-1:123456789012:certificate\//,
    );
    const nat = nodeOfType(d, 'nat-gateway')[0]!;
    expect(resolveProperties(d, nat, 'dev').mode).toBe('single');
    expect(resolveProperties(d, nat, 'prod').mode).toBe('per-az');
    const aurora = nodeOfType(d, 'aurora')[0]!;
    expect(resolveProperties(d, aurora, 'dev').minAcu).toBe(0.5);
    const web = nodeOfType(d, 'ecs-fargate')[0]!;
    expect(resolveProperties(d, web, 'prod').desiredCount).toBe(3);
  });

  it("seed-vpc: the seed's reference VPC with its exact subnet CIDRs, ALB -> Fargate -> Aurora", () => {
    const d = get('seed-vpc.json');
    expect(d.vpcs).toHaveLength(1);
    expect(d.vpcs[0]).toMatchObject({
      cidr: '10.0.0.0/16',
      azCount: 2,
      subnetCidrs: {
        public: ['10.0.1.0/24', '10.0.2.0/24'],
        private: ['10.0.10.0/24', '10.0.20.0/24'],
        isolated: ['10.0.100.0/24', '10.0.200.0/24'],
      },
    });
    expect([...edges(d)]).toEqual(
      expect.arrayContaining(['users traffic alb', 'alb traffic ecs-fargate', 'ecs-fargate traffic aurora']),
    );
    const tiers = Object.fromEntries(d.nodes.map((n) => [n.type, n.placement?.tier ?? 'regional']));
    expect(tiers).toMatchObject({ alb: 'public', 'ecs-fargate': 'private', aurora: 'isolated' });
  });

  it('serverless-api: HTTP API with JWT -> Lambda -> single-table DynamoDB, queue to a worker, alarm -> SNS', () => {
    const d = get('serverless-api.json');
    expect([...edges(d)]).toEqual(
      expect.arrayContaining([
        'api-gateway invoke lambda',
        'lambda read-write dynamodb',
        'lambda publish sqs',
        'sqs event-source lambda',
        'cloudwatch-alarm publish sns',
      ]),
    );
    expect(nodeOfType(d, 'api-gateway')[0]!.properties).toMatchObject({ apiType: 'http', authorizer: 'jwt' });
    const table = nodeOfType(d, 'dynamodb')[0]!.properties;
    expect(table).toMatchObject({ partitionKey: 'pk', sortKey: 'sk' });
    expect(table.gsis).toEqual([
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ]);
    const queue = nodeOfType(d, 'sqs')[0]!;
    expect(resolveProperties(d, queue).deadLetterQueue).toBe(true);
    // SQS-04: the visibility timeout covers six attempts of the consuming function.
    const consumer = d.nodes.find((n) => d.connections.some((c) => c.from === queue.id && c.to === n.id))!;
    for (const env of ['dev', 'staging', 'prod'])
      expect(resolveProperties(d, queue, env).visibilityTimeoutSeconds).toBeGreaterThanOrEqual(
        6 * (resolveProperties(d, consumer, env).timeoutSeconds as number),
      );
  });

  it('eventbridge-fanout: producer -> bus -> rules -> Lambda, SQS, Step Functions, SNS; workflow invokes Lambda', () => {
    const d = get('eventbridge-fanout.json');
    expect([...edges(d)]).toEqual(
      expect.arrayContaining([
        'lambda publish eventbridge-bus',
        'eventbridge-bus route eventbridge-rule',
        'eventbridge-rule route lambda',
        'eventbridge-rule route sqs',
        'eventbridge-rule route step-functions',
        'eventbridge-rule route sns',
        'step-functions invoke lambda',
      ]),
    );
    for (const rule of nodeOfType(d, 'eventbridge-rule'))
      expect(JSON.parse(rule.properties.eventPattern as string)).toHaveProperty('source');
  });

  it('static-site: users -> CloudFront -> S3 route, no VPC', () => {
    const d = get('static-site.json');
    expect(d.vpcs).toEqual([]);
    expect([...edges(d)]).toEqual(['users traffic cloudfront', 'cloudfront route s3']);
  });

  it('data-lake: raw and curated buckets with lifecycle rules by prefix and Intelligent-Tiering, Athena over both, Lambda ingest', () => {
    const d = get('data-lake.json');
    const buckets = nodeOfType(d, 's3').map((n) => resolveProperties(d, n, 'prod'));
    expect(buckets).toEqual(
      expect.arrayContaining([
        // Raw: per key prefix, Standard -> Standard-IA -> Glacier, Intelligent-Tiering, expiry.
        expect.objectContaining({
          lifecycleRules: [
            expect.objectContaining({
              prefix: 'extracts/',
              transitionToIaDays: 30,
              transitionToGlacierDays: 90,
            }),
            expect.objectContaining({ prefix: 'manifests/', intelligentTiering: true }),
            expect.objectContaining({ prefix: 'tmp/', expirationDays: 7 }),
          ],
        }),
        expect.objectContaining({ intelligentTiering: true }),
      ]),
    );
    const athena = nodeOfType(d, 'athena-workgroup')[0]!;
    const queried = d.connections.filter((c) => c.from === athena.id).map((c) => c.to);
    expect(queried.sort()).toEqual(
      nodeOfType(d, 's3')
        .map((n) => n.id)
        .sort(),
    );
    expect([...edges(d)]).toEqual(expect.arrayContaining(['lambda write s3', 's3 event-source lambda']));
  });

  it('eks-platform: ALB -> EKS (private) -> RDS PostgreSQL (isolated), NAT', () => {
    const d = get('eks-platform.json');
    expect([...edges(d)]).toEqual(
      expect.arrayContaining(['users traffic alb', 'alb traffic eks', 'eks traffic rds']),
    );
    expect(nodeOfType(d, 'eks')[0]!.placement?.tier).toBe('private');
    expect(nodeOfType(d, 'rds')[0]!.placement?.tier).toBe('isolated');
    expect(nodeOfType(d, 'rds')[0]!.properties.engine).toBe('postgres');
    expect(nodeOfType(d, 'nat-gateway')).toHaveLength(1);
  });
});

describe('adversarial fixtures', () => {
  const byName = new Map(adversarial);

  it('hostile-names: every kind of hostile text appears in names, tags and descriptions', () => {
    const d = byName.get('hostile-names.json')!;
    const names = d.nodes.map((n) => n.name);
    const texts = [d.name, d.description, ...names, ...Object.values(d.tags), ...d.vpcs.map((v) => v.name)];
    for (const hostile of [
      '"',
      "'",
      '\\',
      '${x}',
      '#{x}',
      '%{x}',
      '\n',
      ': #',
      '- ',
      '*/',
      '</script>',
      '🚀',
      '支付',
    ])
      expect(
        names.some((n) => n.includes(hostile)),
        `a node name with ${JSON.stringify(hostile)}`,
      ).toBe(true);
    for (const hostile of ['"', '\\', '${x}', '#{x}', '%{x}', '\n', ': #', '*/', '</script>'])
      expect(
        Object.values(d.tags).some((v) => v.includes(hostile)),
        `a tag value with ${JSON.stringify(hostile)}`,
      ).toBe(true);
    for (const text of [d.name, d.description]) expect(text).toMatch(/\$\{x\}.*#\{x\}.*%\{x\}/s);
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(names.some((n) => n.length === 128)).toBe(true);
    expect(names.filter((n) => /^\d/.test(n)).length).toBeGreaterThanOrEqual(2);
    const stripped = names.map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, ''));
    const collisions = stripped.filter((s, i) => s !== '' && stripped.indexOf(s) !== i);
    expect(collisions.length).toBeGreaterThanOrEqual(3);
    expect(d.connections.some((c) => c.kind === 'traffic' && /["${}\n]/.test(c.label ?? ''))).toBe(true);
  });

  it('every-service: one node of every catalog type, with overrides in every environment', () => {
    const d = byName.get('every-service.json')!;
    expect(d.nodes.map((n) => n.type).sort()).toEqual(SERVICES.map((s) => s.type).sort());
    for (const env of d.environments)
      expect(Object.keys(env.overrides).length, env.name).toBeGreaterThanOrEqual(5);
  });

  it('every-connection: every (source, kind, target) the catalog accepts, and every kind', () => {
    const d = byName.get('every-connection.json')!;
    const present = edges(d);
    const missing = SERVICES.flatMap((target) =>
      target.accepts.flatMap((a) => a.from.map((from) => `${from} ${a.kind} ${target.type}`)),
    ).filter((e) => !present.has(e));
    expect(missing).toEqual([]);
    expect(new Set(d.connections.map((c) => c.kind))).toEqual(new Set(CONNECTION_KINDS));
  });
});

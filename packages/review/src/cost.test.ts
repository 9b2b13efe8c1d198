import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICES, design, parseDesign, type Design } from '@archgen/model';
import { estimateCost, estimateEnvironments, priceNodes } from './cost.ts';
import { HOURS_PER_MONTH, PRICES, PRICES_AS_OF } from './prices/us-east-1.ts';
import { USAGE_ASSUMPTIONS, defaultUsage } from './usage.ts';

const round2 = (x: number): number => Math.round(x * 100) / 100;
const H = HOURS_PER_MONTH;

/** A small web app: NAT, ALB, two Fargate tasks, a PostgreSQL database and a queue. */
function webApp(): Design {
  return design('Shop')
    .vpc()
    .node('nat-gateway', { id: 'nat' })
    .node('alb', { id: 'web' })
    .node('ecs-fargate', { id: 'api' })
    .node('rds', { id: 'db' })
    .node('sqs', { id: 'jobs' })
    .connect('web', 'api', 'traffic')
    .connect('api', 'db', 'traffic')
    .override('dev', 'nat', { mode: 'single' })
    .override('prod', 'db', { multiAz: true })
    .usage('jobs', { requests: 50_000_000 })
    .build();
}

const nodeCost = (d: Design, env: string, id: string) =>
  estimateCost(d, env).nodes.find((n) => n.nodeId === id)!;

describe('estimateCost', () => {
  it('prices a small design as computed by hand (prod)', () => {
    const prod = estimateCost(webApp(), 'prod');
    // NAT: per-az over 2 AZs, 100 GB processed.
    const nat = round2(2 * H * PRICES.nat.hour.usd) + round2(100 * PRICES.nat.gbProcessed.usd);
    // ALB: hours + 1 LCU.
    const alb = round2(H * PRICES.alb.hour.usd) + round2(H * PRICES.alb.lcuHour.usd);
    // Fargate defaults: 2 tasks of 0.5 vCPU / 1 GB, always on; 5 GB of logs.
    const fargate =
      round2(2 * 0.5 * H * PRICES.fargate.x86VcpuHour.usd) +
      round2(2 * 1 * H * PRICES.fargate.x86GbHour.usd) +
      round2(5 * PRICES.cloudwatch.logsIngestGb.usd);
    // RDS db.t4g.medium, Multi-AZ in prod: instance and 20 GB storage twice.
    const rds = round2(2 * H * PRICES.rds['db.t4g.medium']!.usd) + round2(2 * 20 * PRICES.rdsGp3GbMonth.usd);
    // SQS with the design's usage override: 50 million requests.
    const sqs = round2(50 * PRICES.sqs.standardPerMillion.usd);

    const byId = Object.fromEntries(prod.nodes.map((n) => [n.nodeId, n.monthly]));
    expect(byId.nat).toBeCloseTo(nat, 10);
    expect(byId.web).toBeCloseTo(alb, 10);
    expect(byId.api).toBeCloseTo(fargate, 10);
    expect(byId.db).toBeCloseTo(rds, 10);
    expect(byId.jobs).toBeCloseTo(sqs, 10);
    expect(prod.total).toBeCloseTo(nat + alb + fargate + rds + sqs, 10);
    expect(prod.pricesAsOf).toBe(PRICES_AS_OF);
    expect(prod.environment).toBe('prod');
    // Spot-check absolute magnitudes, so a wrong unit (per hour vs per month) cannot hide.
    expect(byId.nat).toBeGreaterThan(60);
    expect(byId.nat).toBeLessThan(80);
    expect(byId.db).toBeGreaterThan(90);
    expect(byId.db).toBeLessThan(110);
  });

  it('follows environment overrides: one NAT gateway in dev, Single-AZ database', () => {
    const d = webApp();
    expect(nodeCost(d, 'dev', 'nat').monthly).toBeCloseTo(
      round2(1 * H * PRICES.nat.hour.usd) + round2(100 * PRICES.nat.gbProcessed.usd),
      10,
    );
    expect(nodeCost(d, 'dev', 'db').monthly).toBeCloseTo(
      round2(H * PRICES.rds['db.t4g.medium']!.usd) + round2(20 * PRICES.rdsGp3GbMonth.usd),
      10,
    );
    expect(nodeCost(d, 'dev', 'db').monthly).toBeLessThan(nodeCost(d, 'prod', 'db').monthly);
  });

  it('every line is quantity x unit price rounded to cents, and nodes and totals add the lines', () => {
    const all = design('All').vpc().build();
    for (const service of SERVICES)
      all.nodes.push({
        id: `n-${service.type}`,
        type: service.type,
        name: service.displayName,
        properties: {},
        placement: null,
      });
    const estimate = estimateCost(all, 'prod');
    let total = 0;
    for (const node of estimate.nodes) {
      let sum = 0;
      for (const l of node.lines) {
        expect(l.monthly).toBeCloseTo(round2(l.quantity * l.unitPrice), 2);
        expect(l.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
        expect(l.monthly).toBeGreaterThanOrEqual(0);
        sum += Math.round(l.monthly * 100);
      }
      expect(Math.round(node.monthly * 100)).toBe(sum);
      total += sum;
    }
    expect(Math.round(estimate.total * 100)).toBe(total);
    // Every service that bills something gets a price with the catalog defaults.
    const unpriced = estimate.nodes.filter((n) => n.lines.length === 0).map((n) => n.type);
    // A kept imported resource is not priced, and says so; a gateway endpoint (the default) is free;
    // a backup plan is priced by what it backs up, and this one backs up nothing.
    expect(unpriced.sort()).toEqual([
      'backup-plan',
      'eventbridge-rule',
      'nat-gateway',
      'other-resource',
      'users',
      'vpc-endpoint',
    ]);
    expect(estimate.nodes.find((n) => n.type === 'other-resource')?.notes.join('\n')).toMatch(/^Not priced/);
    expect(estimate.nodes.flatMap((n) => n.notes).join('\n')).not.toMatch(/No list price|No pricing/);
  });

  it('has list prices for the default instance classes and for every example design', () => {
    const provisioned = design('P')
      .vpc()
      .node('aurora', { id: 'db', properties: { capacity: 'provisioned' } })
      .build();
    expect(nodeCost(provisioned, 'prod', 'db').lines[0]!.label).toBe('db.r7g.large instances (2)');
    const examples = join(import.meta.dirname, '../../../examples');
    const files = readdirSync(examples).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const parsed = parseDesign(readFileSync(join(examples, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
      for (const env of parsed.design.environments) {
        const estimate = estimateCost(parsed.design, env.name);
        expect(estimate.total, `${file} ${env.name}`).toBeGreaterThan(0);
        expect(
          estimate.nodes.flatMap((n) => n.notes).filter((n) => /No (list price|pricing)/.test(n)),
          file,
        ).toEqual([]);
      }
    }
  });

  it('has usage assumptions for every catalog service', () => {
    expect(Object.keys(USAGE_ASSUMPTIONS).sort()).toEqual(SERVICES.map((s) => s.type).sort());
    expect(defaultUsage('lambda')).toEqual({
      invocations: 5_000_000,
      averageDurationMs: 200,
      logsIngestedGb: 1,
    });
    expect(defaultUsage('ecs-fargate')).not.toHaveProperty('averageTasks');
  });

  it('uses usage overrides: Lambda GB-seconds from invocations, duration and memory', () => {
    const d = design('Fn')
      .node('lambda', { id: 'fn', properties: { memorySize: 1024, architecture: 'x86_64' } })
      .usage('fn', { invocations: 2_000_000, averageDurationMs: 500, logsIngestedGb: 0 })
      .build();
    const fn = nodeCost(d, 'dev', 'fn');
    expect(fn.lines.map((l) => l.label)).toEqual(['Lambda requests', 'Lambda compute (x86_64, 1024 MB)']);
    expect(fn.monthly).toBeCloseTo(
      round2(2 * PRICES.lambda.requestsPerMillion.usd) +
        round2(2_000_000 * 0.5 * 1 * PRICES.lambda.x86GbSecond.usd),
      10,
    );
  });

  it('prices Fargate Spot, scheduled scaling and Aurora Serverless v2 idle hours', () => {
    const d = design('Mix')
      .vpc()
      .node('ecs-fargate', {
        id: 'svc',
        properties: {
          cpu: '1024',
          memoryMiB: 2048,
          desiredCount: 4,
          minCount: 1,
          scaling: 'scheduled',
          spot: true,
        },
      })
      .node('aurora', { id: 'db', properties: { readers: 0, minAcu: 0, maxAcu: 8 } })
      .usage('svc', { logsIngestedGb: 0 })
      .usage('db', { activeHoursPerMonth: 100, averageAcu: 2, storedGb: 0, ioRequests: 0 })
      .build();
    const spotRate = 1 - PRICES.fargate.spotDiscount.usd;
    const taskHours = 4 * 283 + 1 * (H - 283);
    expect(nodeCost(d, 'dev', 'svc').monthly).toBeCloseTo(
      round2(taskHours * 1 * PRICES.fargate.x86VcpuHour.usd * spotRate) +
        round2(taskHours * 2 * PRICES.fargate.x86GbHour.usd * spotRate),
      10,
    );
    // Min 0 ACU: only the 100 busy hours at 2 ACU are billed.
    expect(nodeCost(d, 'dev', 'db').monthly).toBeCloseTo(
      round2(100 * 2 * PRICES.auroraServerlessV2.acuHour.usd),
      10,
    );
  });

  it('prices S3 storage by age band: lifecycle rules and Intelligent-Tiering', () => {
    const bucket = (properties: Record<string, number | boolean>) =>
      design('B')
        .node('s3', { id: 'b', properties })
        .usage('b', { storedGb: 365, objectLifetimeDays: 365, putRequests: 0, getRequests: 0 })
        .build();
    const plain = nodeCost(bucket({}), 'dev', 'b');
    expect(plain.monthly).toBeCloseTo(round2(365 * PRICES.s3.standardGbMonth.usd), 10);
    const lifecycle = nodeCost(bucket({ transitionToIaDays: 30, transitionToGlacierDays: 90 }), 'dev', 'b');
    // 365 GB over 365 days: 1 GB per day of age.
    expect(lifecycle.monthly).toBeCloseTo(
      round2(30 * PRICES.s3.standardGbMonth.usd) +
        round2(60 * PRICES.s3.standardIaGbMonth.usd) +
        round2(275 * PRICES.s3.glacierFlexibleGbMonth.usd),
      10,
    );
    const tiering = nodeCost(bucket({ intelligentTiering: true }), 'dev', 'b');
    expect(tiering.lines.map((l) => l.label)).toContain('Intelligent-Tiering monitoring');
    expect(tiering.monthly).toBeLessThan(plain.monthly);
  });

  it('counts a VPC’s NAT gateways once, on its first NAT node, and none without private subnets', () => {
    const d = design('Two NATs')
      .vpc({ azCount: 3 })
      .node('nat-gateway', { id: 'nat-a' })
      .node('nat-gateway', { id: 'nat-b' })
      .override('dev', 'nat-a', { mode: 'single' })
      .usage('nat-a', { gbProcessed: 0 })
      .usage('nat-b', { gbProcessed: 0 })
      .build();
    // per-az on nat-b wins: 3 gateways.
    expect(nodeCost(d, 'dev', 'nat-a').monthly).toBeCloseTo(round2(3 * H * PRICES.nat.hour.usd), 10);
    expect(nodeCost(d, 'dev', 'nat-b').monthly).toBe(0);
    expect(nodeCost(d, 'dev', 'nat-b').notes[0]).toMatch(/counted on/);
    // priceNodes on a subset agrees with the full estimate.
    expect(priceNodes(d, 'dev', [d.nodes[0]!])[0]!.monthly).toBe(nodeCost(d, 'dev', 'nat-a').monthly);

    const noPrivate = design('Public only')
      .vpc({ tiers: ['public', 'isolated'] })
      .node('nat-gateway', { id: 'nat', tier: 'public' })
      .usage('nat', { gbProcessed: 0 })
      .build();
    expect(nodeCost(noPrivate, 'dev', 'nat').monthly).toBe(0);
    expect(nodeCost(noPrivate, 'dev', 'nat').notes[0]).toMatch(/Creates no gateway/);
  });

  it('prices a KMS key: the key, two rotated versions when it rotates, and its requests', () => {
    const d = design('Keys')
      .node('kms-key', { id: 'rotated' })
      .node('kms-key', { id: 'fixed', properties: { enableKeyRotation: false } })
      .usage('rotated', { requests: 2_000_000 })
      .build();
    const rotated = nodeCost(d, 'prod', 'rotated');
    const k = PRICES.kms;
    expect(rotated.monthly).toBeCloseTo(
      k.keyMonth.usd + 2 * k.rotationMonth.usd + round2(200 * k.requestsPerTenThousand.usd),
      10,
    );
    // 100,000 requests by default; no rotated versions.
    expect(nodeCost(d, 'prod', 'fixed').monthly).toBeCloseTo(
      k.keyMonth.usd + round2(10 * k.requestsPerTenThousand.usd),
      10,
    );
    expect(rotated.monthly).toBeGreaterThan(8);
    expect(rotated.monthly).toBeLessThan(10);
  });

  it('prices MSK brokers per hour in every AZ, and their storage', () => {
    const d = design('Kafka')
      .vpc({ id: 'main', azCount: 3 })
      .node('msk-cluster', { id: 'kafka', tier: 'private', properties: { storageGb: 1000 } })
      .usage('kafka', { logsIngestedGb: 0 })
      .build();
    const expected =
      round2(3 * H * PRICES.mskBroker['kafka.m7g.large']!.usd) +
      round2(3 * 1000 * PRICES.mskStorage.gbMonth.usd);
    expect(nodeCost(d, 'prod', 'kafka').monthly).toBeCloseTo(expected, 10);
    // Three m7g.large brokers and 3 TB: about $750 a month.
    expect(nodeCost(d, 'prod', 'kafka').monthly).toBeGreaterThan(700);
    expect(nodeCost(d, 'prod', 'kafka').monthly).toBeLessThan(800);
  });

  it('prices EFS storage by class, elastic reads and writes, and backups in production only', () => {
    const d = design('Files')
      .environments('dev', 'prod')
      .vpc({ id: 'main' })
      .node('efs', { id: 'fs', tier: 'private' })
      .usage('fs', { storedGb: 1000, iaPercent: 40, iaReadGb: 0, readGb: 100, writeGb: 10 })
      .build();
    const storage = round2(600 * PRICES.efs.standardGbMonth.usd) + round2(400 * PRICES.efs.iaGbMonth.usd);
    const throughput =
      round2(100 * PRICES.efs.elasticReadGb.usd) + round2(10 * PRICES.efs.elasticWriteGb.usd);
    expect(nodeCost(d, 'dev', 'fs').monthly).toBeCloseTo(storage + throughput, 10);
    expect(nodeCost(d, 'prod', 'fs').monthly).toBeCloseTo(
      storage + throughput + round2(1000 * PRICES.efs.backupGbMonth.usd),
      10,
    );
    // 600 GB Standard + 400 GB IA + backups: about $240 a month.
    expect(nodeCost(d, 'prod', 'fs').monthly).toBeGreaterThan(200);
    expect(nodeCost(d, 'prod', 'fs').monthly).toBeLessThan(260);
  });

  it('prices a Firehose stream per GB ingested', () => {
    const d = design('Delivery').node('firehose', { id: 'fh' }).usage('fh', { ingestedGb: 1000 }).build();
    expect(nodeCost(d, 'prod', 'fh').monthly).toBeCloseTo(round2(1000 * PRICES.firehose.ingestGb.usd), 10);
    expect(nodeCost(d, 'prod', 'fh').monthly).toBe(29);
  });

  it('adds VPC delivery to a Firehose stream indexing into an OpenSearch domain in a VPC', () => {
    const d = design('Search delivery')
      .vpc({ azCount: 3 })
      .node('opensearch', { id: 'search', tier: 'isolated' })
      .node('firehose', { id: 'fh' })
      .connect('fh', 'search', 'write')
      .usage('fh', { ingestedGb: 1000 })
      .build();
    const lines = nodeCost(d, 'prod', 'fh').lines;
    expect(lines.map((l) => l.label)).toEqual([
      'Data ingested',
      'VPC delivery (3 AZs)',
      'Data delivered into the VPC',
    ]);
    expect(lines[1]!.quantity).toBe(3 * 730);
    expect(nodeCost(d, 'prod', 'fh').monthly).toBeCloseTo(
      round2(1000 * PRICES.firehose.ingestGb.usd) +
        round2(3 * 730 * PRICES.firehose.vpcDeliveryAzHour.usd) +
        round2(1000 * PRICES.firehose.vpcDeliveryGb.usd),
      10,
    );
    // A domain outside a VPC: ingestion only.
    const open = design('Public delivery')
      .node('opensearch', { id: 'search', placement: null })
      .node('firehose', { id: 'fh' })
      .connect('fh', 'search', 'write')
      .build();
    expect(nodeCost(open, 'prod', 'fh').lines.map((l) => l.label)).toEqual(['Data ingested']);
  });

  it('prices a trail by its data events and stored files; management events are the free copy', () => {
    const d = design('Audit')
      .node('cloudtrail', { id: 'plain' })
      .node('cloudtrail', { id: 'data', properties: { s3DataEvents: true } })
      .usage('plain', { logStorageGb: 100 })
      .usage('data', { logStorageGb: 100, dataEventsMillions: 10 })
      .build();
    expect(nodeCost(d, 'prod', 'plain').monthly).toBe(2.3);
    // 10 million data events = 100 x 100,000 at $0.10.
    expect(nodeCost(d, 'prod', 'data').monthly).toBe(12.3);
  });

  it('prices a Config recorder per configuration item and, with rules, per evaluation', () => {
    const d = design('Config')
      .node('config-recorder', { id: 'rec' })
      .node('config-recorder', { id: 'bare', properties: { rules: [] } })
      .usage('rec', { configurationItems: 2000, ruleEvaluations: 10000 })
      .usage('bare', { configurationItems: 2000, ruleEvaluations: 10000 })
      .build();
    expect(nodeCost(d, 'prod', 'rec').monthly).toBe(16);
    expect(nodeCost(d, 'prod', 'bare').monthly).toBe(6);
  });

  it('prices a drawn web ACL: the ACL, a rule per group and for the rate limit, requests; its ALB pays no switch ACL', () => {
    const d = design('Edge')
      .node('waf-web-acl', { id: 'acl' })
      .node('waf-web-acl', { id: 'bare', properties: { ruleGroups: [{ group: 'sqli' }], rateLimit: 0 } })
      .node('alb', { id: 'guarded', properties: { waf: true } })
      .node('alb', { id: 'own', properties: { waf: true } })
      .connect('acl', 'guarded', 'protect')
      .usage('acl', { requests: 50_000_000 })
      .build();
    const w = PRICES.waf;
    // Three managed groups by default and the 2,000-request rate limit: four rules.
    const acl = nodeCost(d, 'prod', 'acl').monthly;
    expect(acl).toBeCloseTo(
      w.webAclMonth.usd + 4 * w.ruleMonth.usd + round2(50 * w.requestsPerMillion.usd),
      10,
    );
    expect(acl).toBeCloseTo(39, 10);
    // 10 million requests by default.
    expect(nodeCost(d, 'prod', 'bare').monthly).toBeCloseTo(5 + 1 + 6, 10);
    const wafLabels = (id: string) =>
      nodeCost(d, 'prod', id).lines.filter((l) => l.label.startsWith('WAF')).length;
    expect(wafLabels('guarded')).toBe(0);
    expect(wafLabels('own')).toBe(3);
  });

  it("prices a backup plan per backed-up resource at its type's warm storage rate", () => {
    const d = design('Backups')
      .vpc()
      .node('backup-plan', { id: 'plan' })
      .node('backup-plan', { id: 'tagged', properties: { selectionTag: 'backup=daily' } })
      .node('rds', { id: 'db', tier: 'isolated' })
      .node('dynamodb', { id: 'orders' })
      .node('dynamodb', { id: 'users' })
      .node('s3', { id: 'files' })
      .connect('plan', 'db', 'back-up')
      .connect('plan', 'orders', 'back-up')
      .connect('plan', 'users', 'back-up')
      .connect('plan', 'files', 'back-up')
      .usage('plan', { gbPerResource: 100 })
      .build();
    const b = PRICES.backup;
    const plan = nodeCost(d, 'prod', 'plan');
    expect(plan.lines.map((l) => [l.label, l.quantity])).toEqual([
      ['Backup storage (1 RDS database)', 100],
      ['Backup storage (2 DynamoDB table)', 200],
      ['Backup storage (1 S3 bucket)', 100],
    ]);
    expect(plan.monthly).toBeCloseTo(round2(100 * b.rds.usd + 200 * b.dynamodb.usd + 100 * b.s3.usd), 10);
    expect(plan.monthly).toBeCloseTo(9.5 + 20 + 5, 10);
    // Selected by tag only: nothing drawn to price, and the estimate says so.
    expect(nodeCost(d, 'prod', 'tagged').monthly).toBe(0);
    expect(nodeCost(d, 'prod', 'tagged').notes.join(' ')).toMatch(/by tag are not priced/);
  });

  it('prices a public ACM certificate at nothing, and says so', () => {
    const d = design('Certs').node('acm-certificate', { id: 'cert' }).build();
    const cost = nodeCost(d, 'prod', 'cert');
    expect(cost.monthly).toBe(0);
    expect(cost.lines.map((l) => [l.label, l.quantity, l.unitPrice])).toEqual([
      ['Public certificate (free)', 1, 0],
    ]);
    expect(cost.notes.join(' ')).toMatch(/Public ACM certificates cost nothing/);
  });

  it('prices a hosted zone: the zone and its queries other than alias queries', () => {
    const d = design('Dns')
      .node('route53-zone', { id: 'zone' })
      .node('route53-zone', { id: 'busy' })
      .usage('busy', { queries: 25_000_000 })
      .build();
    const r = PRICES.route53;
    expect(nodeCost(d, 'prod', 'zone').monthly).toBeCloseTo(
      r.hostedZoneMonth.usd + r.standardQueriesPerMillion.usd,
      10,
    );
    expect(nodeCost(d, 'prod', 'zone').monthly).toBeCloseTo(0.9, 10);
    expect(nodeCost(d, 'prod', 'busy').monthly).toBeCloseTo(0.5 + 10, 10);
    expect(nodeCost(d, 'prod', 'zone').notes.join(' ')).toMatch(/alias records .* are free/);
  });

  it('prices a bastion as one instance and its root volume', () => {
    const d = design('Bastion')
      .vpc()
      .node('bastion', { id: 'jump', tier: 'private' })
      .override('prod', 'jump', { instanceType: 't4g.micro', volumeSizeGb: 20 })
      .build();
    expect(nodeCost(d, 'dev', 'jump').monthly).toBeCloseTo(
      round2(H * PRICES.ec2['t4g.nano']!.usd) + round2(8 * PRICES.ebsGp3GbMonth.usd),
      10,
    );
    const prod = nodeCost(d, 'prod', 'jump').monthly;
    expect(prod).toBeCloseTo(
      round2(H * PRICES.ec2['t4g.micro']!.usd) + round2(20 * PRICES.ebsGp3GbMonth.usd),
      10,
    );
    // About $3 (nano) to $8 (micro, 20 GB) a month.
    expect(nodeCost(d, 'dev', 'jump').monthly).toBeLessThan(4);
    expect(prod).toBeLessThan(9);
  });

  it('prices an ECR repository by the GB of images it stores', () => {
    const d = design('Images')
      .node('ecr-repository', { id: 'images' })
      .usage('images', { storedGb: 40 })
      .build();
    expect(nodeCost(d, 'prod', 'images').monthly).toBeCloseTo(round2(40 * PRICES.ecr.storageGbMonth.usd), 10);
    expect(nodeCost(d, 'prod', 'images').monthly).toBe(4);
  });

  it('prices an interface endpoint per AZ-hour and GB; a gateway endpoint is free', () => {
    const d = design('Endpoints')
      .vpc({ id: 'main', azCount: 3 })
      .node('vpc-endpoint', { id: 'gw', tier: 'private' })
      .node('vpc-endpoint', {
        id: 'ecr',
        tier: 'private',
        properties: { endpointType: 'interface', service: 'ecr.api' },
      })
      .usage('ecr', { gbProcessed: 50 })
      .build();
    const e = PRICES.interfaceEndpoint;
    expect(nodeCost(d, 'prod', 'gw').monthly).toBe(0);
    const ecr = nodeCost(d, 'prod', 'ecr').monthly;
    expect(ecr).toBeCloseTo(round2(3 * H * e.azHour.usd) + round2(50 * e.gbProcessed.usd), 10);
    expect(ecr).toBeGreaterThan(20);
    expect(ecr).toBeLessThan(25);
  });

  it('notes instance types missing from the price table instead of guessing', () => {
    const d = design('X')
      .vpc()
      .node('ec2-asg', { id: 'asg', properties: { instanceType: 'x2iedn.32xlarge' } })
      .build();
    const asg = nodeCost(d, 'dev', 'asg');
    expect(asg.notes.join(' ')).toMatch(/No list price for "x2iedn\.32xlarge"/);
    expect(asg.lines.map((l) => l.label)).toEqual(['EBS gp3 volumes']);
  });

  it('warns outside us-east-1, rejects unknown environments and is deterministic', () => {
    const d = webApp();
    d.region = 'eu-west-1';
    expect(estimateCost(d, 'dev').warnings[0]).toMatch(/us-east-1 list prices; eu-west-1/);
    expect(() => estimateCost(d, 'qa')).toThrow(/Unknown environment "qa"/);
    expect(JSON.stringify(estimateEnvironments(d))).toBe(
      JSON.stringify(estimateEnvironments(structuredClone(d))),
    );
    expect(estimateEnvironments(d).map((e) => e.environment)).toEqual(['dev', 'staging', 'prod']);
  });
});

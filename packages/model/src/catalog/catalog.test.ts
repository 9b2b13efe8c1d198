import { describe, expect, it } from 'vitest';
import { CONNECTION_KINDS, SUBNET_TIERS, type ConnectionKind, type Properties } from '../design/schema.ts';
import { connectionPropertySchema, defaultProperties, validateProperties } from '../design/properties.ts';
import { SERVICES, allowedConnectionKinds, findAcceptedConnection, requireService } from './index.ts';
import { SERVICE_CATEGORIES, type PropertyDefinition } from './types.ts';
import { FARGATE_MEMORY_BY_CPU, isValidFargateSize } from './services/index.ts';

const types = SERVICES.map((s) => s.type);

/** Issues for a service's defaults with `overrides` applied, as the inspector would see them. */
function issuesWith(type: string, overrides: Properties): string[] {
  const service = requireService(type);
  return validateProperties(service, { ...defaultProperties(service), ...overrides }).map(
    (i) => `${i.path}: ${i.message}`,
  );
}

function walk(definitions: readonly PropertyDefinition[]): PropertyDefinition[] {
  return definitions.flatMap((d) => (d.kind === 'list' ? [d, ...walk(d.item)] : [d]));
}

describe('catalog', () => {
  it('holds at least 25 services with unique types', () => {
    expect(SERVICES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(types).size).toBe(types.length);
  });

  it('holds exactly the types of docs/catalog-contract.md', () => {
    expect([...types].sort()).toEqual([
      'acm-certificate',
      'alb',
      'api-gateway',
      'athena-workgroup',
      'aurora',
      'backup-plan',
      'bastion',
      'cloudfront',
      'cloudtrail',
      'cloudwatch-alarm',
      'cognito-user-pool',
      'config-recorder',
      'dynamodb',
      'ec2-asg',
      'ecr-repository',
      'ecs-fargate',
      'efs',
      'eks',
      'elasticache',
      'eventbridge-bus',
      'eventbridge-rule',
      'firehose',
      'kinesis-stream',
      'kms-key',
      'lambda',
      'log-group',
      'msk-cluster',
      'nat-gateway',
      'neptune',
      'opensearch',
      'other-resource',
      'rds',
      'route53-zone',
      's3',
      'secret',
      'sns',
      'sqs',
      'step-functions',
      'timestream',
      'users',
      'vpc-endpoint',
      'waf-web-acl',
    ]);
  });

  it('is in palette order: category order, then display name', () => {
    for (let i = 1; i < SERVICES.length; i++) {
      const prev = SERVICES[i - 1]!;
      const cur = SERVICES[i]!;
      const byCategory = SERVICE_CATEGORIES.indexOf(prev.category) - SERVICE_CATEGORIES.indexOf(cur.category);
      expect(byCategory <= 0, `${prev.type} before ${cur.type}`).toBe(true);
      if (byCategory === 0) expect(prev.displayName.localeCompare(cur.displayName, 'en')).toBeLessThan(0);
    }
  });

  it.each(SERVICES.map((s) => [s.type, s] as const))(
    '%s: defaults and empty properties validate',
    (_, service) => {
      expect(validateProperties(service, defaultProperties(service))).toEqual([]);
      expect(validateProperties(service, {})).toEqual([]);
    },
  );

  it.each(SERVICES.map((s) => [s.type, s] as const))('%s: well-formed definition', (_, service) => {
    expect(service.icon).toBe(service.type);
    expect(service.description.length).toBeGreaterThan(40);
    expect(service.placements.length).toBeGreaterThan(0);
    for (const p of service.placements) expect([...SUBNET_TIERS, 'regional']).toContain(p);
    const keys = service.properties.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const def of walk(service.properties)) {
      expect(def.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
      if (def.kind === 'enum') {
        expect(def.options.map((o) => o.value)).toContain(def.default);
        expect(new Set(def.options.map((o) => o.value)).size).toBe(def.options.length);
        for (const o of def.options) expect(o.label.length).toBeGreaterThan(0);
      }
      if (def.kind === 'number') {
        if (def.min !== undefined) expect(def.default).toBeGreaterThanOrEqual(def.min);
        if (def.max !== undefined) expect(def.default).toBeLessThanOrEqual(def.max);
      }
      if (def.visibleWhen) expect(keys).toContain(def.visibleWhen.key);
    }
  });

  it.each(SERVICES.map((s) => [s.type, s] as const))('%s: accepts only real source types', (_, service) => {
    for (const accepted of service.accepts) {
      expect(CONNECTION_KINDS).toContain(accepted.kind);
      expect(accepted.meaning.length).toBeGreaterThan(0);
      expect(accepted.from.length).toBeGreaterThan(0);
      for (const from of accepted.from) expect(types, `${service.type} accepts from ${from}`).toContain(from);
    }
  });

  it('gives every traffic target a listener, as the contract lists', () => {
    const listeners = Object.fromEntries(SERVICES.filter((s) => s.listener).map((s) => [s.type, s.listener]));
    expect(listeners).toEqual({
      alb: { port: 443, protocol: 'https' },
      cloudfront: { port: 443, protocol: 'https' },
      'api-gateway': { port: 443, protocol: 'https' },
      'ecs-fargate': { port: 8080, protocol: 'http' },
      'ec2-asg': { port: 8080, protocol: 'http' },
      eks: { port: 443, protocol: 'https' },
      rds: { port: 5432, protocol: 'tcp' },
      aurora: { port: 5432, protocol: 'tcp' },
      elasticache: { port: 6379, protocol: 'tcp' },
      opensearch: { port: 443, protocol: 'https' },
      neptune: { port: 8182, protocol: 'https' },
    });
    for (const service of SERVICES)
      if (service.accepts.some((a) => a.kind === 'traffic'))
        expect(service.listener, service.type).toBeDefined();
  });
});

describe('connections from the contract table', () => {
  const compute = ['lambda', 'ecs-fargate', 'ec2-asg', 'eks'];
  const dataClients = [...compute, 'step-functions'];
  const allowed: [ConnectionKind, string[], string[]][] = [
    ['traffic', ['users'], ['alb', 'cloudfront', 'api-gateway']],
    ['traffic', ['alb'], ['ecs-fargate', 'ec2-asg', 'eks']],
    ['traffic', ['cloudfront'], ['alb']],
    ['traffic', compute, ['rds', 'aurora', 'elasticache', 'opensearch', 'neptune', 'alb']],
    ['traffic', ['bastion'], ['rds', 'aurora', 'elasticache', 'opensearch', 'neptune']],
    ['read', ['ecs-fargate', 'eks', 'lambda'], ['ecr-repository']],
    ['route', ['cloudfront'], ['s3', 'alb', 'api-gateway']],
    ['route', ['eventbridge-bus'], ['eventbridge-rule']],
    ['route', ['eventbridge-rule'], ['lambda', 'sqs', 'sns', 'step-functions']],
    ['invoke', ['api-gateway', 'alb', 'lambda', 'ecs-fargate', 'step-functions'], ['lambda']],
    ['invoke', ['lambda', 'ecs-fargate'], ['step-functions']],
    ['event-source', ['sqs', 'kinesis-stream', 'dynamodb', 's3'], ['lambda']],
    ['read', dataClients, ['s3', 'dynamodb', 'timestream', 'kinesis-stream']],
    ['write', dataClients, ['s3', 'dynamodb', 'timestream', 'kinesis-stream']],
    ['read-write', dataClients, ['s3', 'dynamodb', 'timestream', 'kinesis-stream']],
    ['read', ['athena-workgroup'], ['s3']],
    ['read-write', ['athena-workgroup'], ['s3']],
    ['read', ['lambda', 'ecs-fargate'], ['secret']],
    ['read', ['api-gateway'], ['cognito-user-pool']],
    ['write', compute, ['log-group']],
    ['publish', dataClients, ['sqs', 'sns', 'eventbridge-bus', 'kinesis-stream']],
    ['publish', ['cloudwatch-alarm'], ['sns']],
    ['publish', ['s3'], ['sns', 'sqs']],
    ['subscribe', ['sns'], ['sqs', 'lambda']],
    ['encrypt-with', ['s3', 'sqs', 'sns', 'log-group'], ['kms-key']],
    ['protect', ['waf-web-acl'], ['cloudfront', 'alb', 'api-gateway']],
    ['alias', ['route53-zone'], ['cloudfront', 'alb']],
    ['back-up', ['backup-plan'], ['rds', 'aurora', 'neptune', 'dynamodb', 's3', 'efs']],
    ['encrypt-with', ['backup-plan'], ['kms-key']],
    ['validate-in', ['acm-certificate'], ['route53-zone']],
    ['certificate', ['acm-certificate'], ['cloudfront', 'alb']],
  ];
  const cases = allowed.flatMap(([kind, froms, tos]) =>
    froms.flatMap((from) => tos.map((to) => [from, kind, to] as const)),
  );

  it.each(cases)('%s -%s-> %s is allowed', (from, kind, to) => {
    expect(findAcceptedConnection(from, to, kind)).toBeDefined();
    expect(allowedConnectionKinds(from, to)).toContain(kind);
  });

  it('lets an alarm watch every service that emits infrastructure', () => {
    // A kept imported resource has no metric the lowering knows: it accepts no connection.
    // KMS publishes no per-key metric for keys it generates (only for imported key material);
    // gateway endpoints publish none at all; WAF's metrics are per rule, which the lowering does not watch;
    // CloudTrail publishes no metric per trail, and Config's are account-wide (no recorder dimension).
    const unwatchable = new Set([
      'users',
      'cloudwatch-alarm',
      'other-resource',
      'kms-key',
      'vpc-endpoint',
      'waf-web-acl',
      'route53-zone',
      // AWS Backup's job metrics are per account and resource type, not per plan.
      'backup-plan',
      // ACM's DaysToExpiry metric: a DNS-validated certificate renews itself (ACM-01).
      'acm-certificate',
      'cloudtrail',
      'config-recorder',
    ]);
    for (const type of types.filter((t) => !unwatchable.has(t)))
      expect(findAcceptedConnection('cloudwatch-alarm', type, 'read')?.meaning, type).toBe('watches');
  });

  it.each([
    ['users', 'traffic', 'rds'],
    ['users', 'traffic', 'ecs-fargate'],
    ['alb', 'traffic', 'rds'],
    ['s3', 'invoke', 'lambda'],
    ['lambda', 'traffic', 'dynamodb'],
    ['sqs', 'event-source', 'ecs-fargate'],
    ['eventbridge-bus', 'route', 'lambda'],
    ['athena-workgroup', 'write', 'dynamodb'],
    ['ec2-asg', 'read', 'secret'],
    ['cloudwatch-alarm', 'read', 'users'],
    ['bastion', 'traffic', 'alb'],
    ['bastion', 'read', 's3'],
    ['lambda', 'write', 'ecr-repository'],
    ['ecs-fargate', 'write', 'ecr-repository'],
  ] as const)('%s -%s-> %s is not allowed', (from, kind, to) => {
    expect(findAcceptedConnection(from, to, kind)).toBeUndefined();
  });
});

describe('Fargate task sizes', () => {
  it('follows the AWS table', () => {
    expect(FARGATE_MEMORY_BY_CPU['256']).toEqual([512, 1024, 2048]);
    expect(FARGATE_MEMORY_BY_CPU['512']).toEqual([1024, 2048, 3072, 4096]);
    expect(FARGATE_MEMORY_BY_CPU['1024']).toHaveLength(7);
    expect(FARGATE_MEMORY_BY_CPU['2048']).toHaveLength(13);
    expect(FARGATE_MEMORY_BY_CPU['4096']).toHaveLength(23);
    expect(FARGATE_MEMORY_BY_CPU['8192']).toEqual([
      16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440,
    ]);
    expect(FARGATE_MEMORY_BY_CPU['16384']?.at(-1)).toBe(122880);
    const cpu = requireService('ecs-fargate').properties.find((p) => p.key === 'cpu');
    expect(cpu?.kind === 'enum' && cpu.options.map((o) => o.value)).toEqual(
      Object.keys(FARGATE_MEMORY_BY_CPU),
    );
  });

  it.each([
    ['256', 512],
    ['256', 2048],
    ['512', 3072],
    ['1024', 8192],
    ['2048', 5120],
    ['4096', 30720],
    ['8192', 20480],
    ['16384', 122880],
  ] as const)('accepts %s CPU with %i MiB', (cpu, memoryMiB) => {
    expect(isValidFargateSize(cpu, memoryMiB)).toBe(true);
    expect(issuesWith('ecs-fargate', { cpu, memoryMiB })).toEqual([]);
  });

  it.each([
    ['256', 3072],
    ['256', 4096],
    ['512', 512],
    ['512', 1536],
    ['1024', 9216],
    ['4096', 31744],
    ['8192', 18432],
    ['16384', 36864],
    ['16384', 16384],
  ] as const)('rejects %s CPU with %i MiB', (cpu, memoryMiB) => {
    expect(isValidFargateSize(cpu, memoryMiB)).toBe(false);
    const issues = issuesWith('ecs-fargate', { cpu, memoryMiB });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^memoryMiB: Fargate does not offer/);
  });

  it('checks the pair when only one side is set on the node', () => {
    const fargate = requireService('ecs-fargate');
    expect(validateProperties(fargate, { memoryMiB: 8192 })).toHaveLength(1);
    expect(validateProperties(fargate, { cpu: '2048' })).toHaveLength(1);
    expect(validateProperties(fargate, { cpu: '256', memoryMiB: 512 })).toEqual([]);
  });
});

describe('Firehose OpenSearch index names', () => {
  it.each(['records', 'app-logs', 'clicks_2025', 'v1.events', '0day'])('accepts %s', (indexName) => {
    expect(issuesWith('firehose', { indexName })).toEqual([]);
  });
});

describe('cross-field checks', () => {
  it.each([
    ['ecs-fargate', { minCount: 3, desiredCount: 2 }, 'desiredCount'],
    ['ecs-fargate', { desiredCount: 11 }, 'desiredCount'],
    ['ecs-fargate', { minCount: 12, desiredCount: 12 }, 'minCount'],
    ['ec2-asg', { minSize: 4, desiredCapacity: 4 }, 'minSize'],
    ['ec2-asg', { desiredCapacity: 0 }, 'desiredCapacity'],
    ['eks', { nodeDesired: 7 }, 'nodeDesired'],
    ['aurora', { minAcu: 8, maxAcu: 4 }, 'minAcu'],
    ['aurora', { minAcu: 0.75 }, 'minAcu'],
    ['elasticache', { engine: 'memcached' }, 'automaticFailover'],
    [
      'elasticache',
      { engine: 'memcached', automaticFailover: false, atRestEncryption: false, snapshotRetentionDays: 0 },
      'authToken',
    ],
    ['elasticache', { nodes: 1 }, 'nodes'],
    ['elasticache', { transitEncryption: false }, 'authToken'],
    ['sqs', { isDeadLetterQueue: true }, 'deadLetterQueue'],
    ['eventbridge-rule', { eventPattern: '' }, 'eventPattern'],
    ['eventbridge-rule', { eventPattern: '{"source":' }, 'eventPattern'],
    ['eventbridge-rule', { eventPattern: '[]' }, 'eventPattern'],
    ['s3', { transitionToIaDays: 10 }, 'transitionToIaDays'],
    ['s3', { transitionToIaDays: 30, transitionToGlacierDays: 45 }, 'transitionToGlacierDays'],
    ['s3', { transitionToIaDays: 30, intelligentTiering: true }, 'transitionToIaDays'],
    ['s3', { transitionToGlacierDays: 90, expirationDays: 90 }, 'expirationDays'],
    [
      'dynamodb',
      {
        gsis: [
          { name: 'gsi1', partitionKey: 'a', sortKey: 'b' },
          { name: 'gsi1', partitionKey: 'c', sortKey: '' },
        ],
      },
      'gsis[1].name',
    ],
    ['dynamodb', { partitionKey: '' }, 'partitionKey'],
    ['dynamodb', { sortKey: 'pk' }, 'sortKey'],
    [
      'dynamodb',
      { partitionKeyType: 'N', gsis: [{ name: 'byPk', partitionKey: 'pk', sortKey: '' }] },
      'gsis[0].partitionKey',
    ],
    ['dynamodb', { billingMode: 'provisioned', readCapacity: 200 }, 'maxReadCapacity'],
    ['rds', { engine: 'mysql' }, 'engineVersion'],
    ['rds', { engineVersion: '8.0.39' }, 'engineVersion'],
    ['lambda', { logRetentionDays: 45 }, 'logRetentionDays'],
    ['log-group', { retentionDays: 2 }, 'retentionDays'],
    ['cloudwatch-alarm', { periodSeconds: 90 }, 'periodSeconds'],
    ['opensearch', { instanceCount: 3 }, 'instanceCount'],
    ['acm-certificate', { subjectAlternativeNames: 'www.example.com, -bad-' }, 'subjectAlternativeNames'],
    ['api-gateway', { authorizer: 'cognito' }, 'authorizer'],
    // OpenSearch refuses these index names (uppercase, spaces, a leading _ or -, its separators).
    ['firehose', { indexName: 'Orders' }, 'indexName'],
    ['firehose', { indexName: 'click events' }, 'indexName'],
    ['firehose', { indexName: '_clicks' }, 'indexName'],
    ['firehose', { indexName: '-clicks' }, 'indexName'],
    ['firehose', { indexName: 'clicks,orders' }, 'indexName'],
    ['firehose', { indexName: 'logs/*' }, 'indexName'],
    ['firehose', { indexName: '..' }, 'indexName'],
    ['firehose', { indexName: 'x'.repeat(81) }, 'indexName'],
    ['firehose', { indexName: '' }, 'indexName'],
  ] as const)('%s %j is reported on %s', (type, overrides, path) => {
    const issues = issuesWith(type, overrides as Properties);
    expect(issues.map((i) => i.split(':')[0])).toContain(path);
  });

  it.each([
    ['ecs-fargate', { minCount: 0, desiredCount: 0, maxCount: 1 }],
    ['aurora', { minAcu: 0, maxAcu: 1 }],
    ['aurora', { capacity: 'provisioned', minAcu: 8, maxAcu: 4 }],
    [
      'elasticache',
      {
        engine: 'memcached',
        automaticFailover: false,
        authToken: false,
        atRestEncryption: false,
        snapshotRetentionDays: 0,
      },
    ],
    ['eventbridge-rule', { eventPattern: '', schedule: 'rate(5 minutes)' }],
    ['s3', { transitionToIaDays: 30, transitionToGlacierDays: 90, expirationDays: 365 }],
    ['s3', { intelligentTiering: true, transitionToGlacierDays: 180 }],
    [
      'dynamodb',
      {
        gsis: [
          { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
          { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
        ],
      },
    ],
    ['rds', { engine: 'mysql', engineVersion: '8.0.39', port: 3306 }],
    [
      'cloudfront',
      {
        aliases: 'www.example.com, example.com',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/example',
      },
    ],
    ['api-gateway', { apiType: 'rest', authorizer: 'cognito' }],
    ['cloudwatch-alarm', { periodSeconds: 60 }],
  ] as const)('%s %j is valid', (type, overrides) => {
    expect(issuesWith(type, overrides as Properties)).toEqual([]);
  });

  it('rejects values outside the property ranges before cross-field checks', () => {
    expect(issuesWith('lambda', { memorySize: 64 })).toEqual(['memorySize: Memory must be at least 128']);
    expect(issuesWith('sqs', { visibilityTimeoutSeconds: 43201 })).toHaveLength(1);
    expect(issuesWith('lambda', { runtime: 'nodejs12.x' })).toHaveLength(1);
    expect(issuesWith('alb', { certificateArn: 'not-an-arn' })).toHaveLength(1);
    expect(
      issuesWith('cloudfront', { certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/example' }),
    ).toHaveLength(1);
  });
});

describe('Lambda event source batching (a setting of each event-source connection)', () => {
  const schema = connectionPropertySchema(
    findAcceptedConnection('sqs', 'lambda', 'event-source'),
    'sqs',
    'lambda',
  );
  const check = (props: Properties) => validateProperties(schema, { ...defaultProperties(schema), ...props });

  it('allows up to 10 records a batch without a batching window', () => {
    expect(check({ batchSize: 10, maxBatchingWindowSeconds: 0 })).toEqual([]);
  });

  it('needs a batching window for larger SQS batches', () => {
    expect(check({ batchSize: 100, maxBatchingWindowSeconds: 0 })).toEqual([
      {
        path: 'batchSize',
        message: 'A batch size above 10 needs a batching window of at least 1 second',
      },
    ]);
    expect(check({ batchSize: 100, maxBatchingWindowSeconds: 5 })).toEqual([]);
  });

  it('is offered on queue, stream and table event sources, not on the function', () => {
    for (const from of ['sqs', 'kinesis-stream', 'dynamodb'])
      expect(findAcceptedConnection(from, 'lambda', 'event-source')?.properties?.map((p) => p.key)).toEqual([
        'batchSize',
        'maxBatchingWindowSeconds',
      ]);
    expect(requireService('lambda').properties.map((p) => p.key)).not.toContain('batchSize');
  });
});

describe('S3 lifecycle rules by prefix', () => {
  const s3 = requireService('s3');
  const check = (rules: Properties[], extra: Properties = {}) =>
    validateProperties(s3, { ...defaultProperties(s3), ...extra, lifecycleRules: rules });

  it('accepts Standard -> IA -> Glacier and Intelligent-Tiering on separate prefixes', () => {
    expect(
      check([
        { prefix: 'raw/', transitionToIaDays: 30, transitionToGlacierDays: 90 },
        { prefix: 'archive/', intelligentTiering: true },
        { prefix: 'tmp/', expirationDays: 7 },
      ]),
    ).toEqual([]);
  });

  it('checks each rule as S3 does and refuses transitions that would overlap', () => {
    expect(
      check(
        [
          { prefix: 'raw/', transitionToIaDays: 10 },
          { prefix: 'raw/', expirationDays: 5 },
          { prefix: 'logs/' },
        ],
        { transitionToIaDays: 30 },
      ).map((i) => i.path),
    ).toEqual([
      'lifecycleRules[0].transitionToIaDays',
      'lifecycleRules[0].prefix',
      'lifecycleRules[1].prefix',
      'lifecycleRules[2].prefix',
    ]);
    expect(
      check([
        { prefix: 'data/', transitionToIaDays: 30 },
        { prefix: 'data/old/', intelligentTiering: true },
      ]),
    ).toEqual([
      {
        path: 'lifecycleRules[1].prefix',
        message: 'data/old/ overlaps the prefix of an earlier rule with transitions: S3 would apply only one',
      },
    ]);
  });
});

describe('backup plan properties', () => {
  const issues = (props: Properties) =>
    (requireService('backup-plan').validate?.(props) ?? []).map((i) => i.path);
  it('accepts the defaults, the named schedules and AWS cron expressions', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ schedule: 'weekly' })).toEqual([]);
    expect(issues({ schedule: 'cron(0 3 ? * MON-FRI *)' })).toEqual([]);
  });
  it('refuses schedules AWS Backup refuses', () => {
    expect(issues({ schedule: 'hourly' })).toEqual(['schedule']);
    expect(issues({ schedule: 'cron(0 3 * * * *)' })).toEqual(['schedule']);
    expect(issues({ schedule: 'cron(*/5 3 * * ? *)' })).toEqual(['schedule']);
  });
  it('keeps cold storage at least 90 days before deletion, and never for continuous backups', () => {
    expect(issues({ coldStorageAfterDays: 30, retentionDays: 120 })).toEqual([]);
    expect(issues({ coldStorageAfterDays: 30, retentionDays: 119 })).toEqual(['retentionDays']);
    expect(issues({ coldStorageAfterDays: 30 })).toEqual(['retentionDays']);
    expect(issues({ continuousBackup: true, retentionDays: 36 })).toEqual(['retentionDays']);
    expect(issues({ continuousBackup: true, coldStorageAfterDays: 30, retentionDays: 35 })).toEqual([
      'retentionDays',
      'coldStorageAfterDays',
    ]);
  });
  it('keeps the retention inside the vault lock, and the tag as key=value', () => {
    expect(issues({ vaultLock: true })).toEqual([]);
    expect(issues({ vaultLock: true, vaultLockMinDays: 30 })).toEqual(['retentionDays']);
    expect(
      issues({ vaultLock: true, vaultLockMinDays: 30, retentionDays: 60, vaultLockMaxDays: 40 }),
    ).toEqual(['retentionDays']);
    expect(issues({ selectionTag: 'backup' })).toEqual(['selectionTag']);
    expect(issues({ selectionTag: 'backup=daily' })).toEqual([]);
  });
});

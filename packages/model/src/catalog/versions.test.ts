import { describe, expect, it } from 'vitest';
import {
  ENGINE_VERSIONS,
  VERSION_TABLE_CHECKED,
  engineVersionProperty,
  supportStatus,
  versionLabel,
  type VersionedEngine,
} from './versions.ts';
import { getService } from './index.ts';
import { parseDesign } from '../design/parse.ts';
import { resolveProperties, validateProperties } from '../design/properties.ts';
import type { Properties } from '../design/schema.ts';

const ENGINES = Object.keys(ENGINE_VERSIONS) as VersionedEngine[];

describe('engine version tables', () => {
  it.each(ENGINES)('%s: the default is offered, options are unique, dates are ISO days', (engine) => {
    const table = ENGINE_VERSIONS[engine];
    const values = table.options.map(([v]) => v);
    expect(values).toContain(table.default);
    expect(new Set(values).size).toBe(values.length);
    for (const window of Object.values(table.support)) {
      expect(window.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (window.extendedEnd) expect(window.extendedEnd > window.end).toBe(true);
    }
  });

  it.each(ENGINES)('%s: every dated line is the line of some offered version (no typo rows)', (engine) => {
    const table = ENGINE_VERSIONS[engine];
    const lines = new Set(table.options.map(([v]) => table.lineOf(v)));
    for (const line of Object.keys(table.support)) expect(lines, line).toContain(line);
  });

  it.each(ENGINES)('%s: the default is in support on the day the table was checked', (engine) => {
    const table = ENGINE_VERSIONS[engine];
    expect(supportStatus(table, table.default, VERSION_TABLE_CHECKED).state).toBe('supported');
  });

  it('ends support the day after the published last day, not on it', () => {
    const pg = ENGINE_VERSIONS['aurora-postgresql'];
    expect(supportStatus(pg, '13.23', '2026-02-28').state).toBe('supported');
    expect(supportStatus(pg, '13.23', '2026-03-01')).toEqual({
      state: 'ended',
      window: { end: '2026-02-28' },
    });
    // A line without a published date is never reported.
    expect(supportStatus(pg, '18.6', '2099-01-01')).toEqual({ state: 'supported' });
  });

  it('groups versions into the lines AWS dates', () => {
    expect(ENGINE_VERSIONS['aurora-mysql'].lineOf('8.0.mysql_aurora.3.12.0')).toBe('8.0');
    expect(ENGINE_VERSIONS['aurora-mysql'].majorOf('5.7.mysql_aurora.2.12.6')).toBe('5.7');
    expect(ENGINE_VERSIONS.mysql.lineOf('8.0.46')).toBe('8.0');
    expect(ENGINE_VERSIONS.postgres.majorOf('16.13')).toBe('16');
    expect(ENGINE_VERSIONS.redis.lineOf('6.2')).toBe('6');
    expect(ENGINE_VERSIONS.kubernetes.lineOf('1.31')).toBe('1.31');
    expect(supportStatus(ENGINE_VERSIONS.kubernetes, '1.31', VERSION_TABLE_CHECKED).state).toBe('ended');
    expect(supportStatus(ENGINE_VERSIONS.mysql, '8.0.46', VERSION_TABLE_CHECKED).state).toBe('ended');
  });

  it('labels a version as the select shows it, and a free-text one by engine name', () => {
    expect(versionLabel(ENGINE_VERSIONS['aurora-mysql'], '8.0.mysql_aurora.3.12.0')).toBe(
      'Aurora MySQL 3.12.0 (MySQL 8.0)',
    );
    expect(versionLabel(ENGINE_VERSIONS.postgres, '16.4')).toBe('RDS for PostgreSQL 16.4');
  });
});

describe('engineVersionProperty', () => {
  it.each([
    ['aurora', {}, 'aurora-postgresql', 'postgresVersion'],
    ['aurora', { engine: 'aurora-mysql' }, 'aurora-mysql', 'mysqlVersion'],
    ['rds', { engine: 'postgres' }, 'postgres', 'engineVersion'],
    ['rds', { engine: 'mysql' }, 'mysql', 'engineVersion'],
    ['elasticache', { engine: 'redis' }, 'redis', 'redisVersion'],
    ['opensearch', {}, 'opensearch', 'engineVersion'],
    ['neptune', {}, 'neptune', 'engineVersion'],
    ['eks', {}, 'kubernetes', 'version'],
  ] as const)('%s %j keeps its %s version in "%s"', (type, props, engine, key) => {
    const found = engineVersionProperty(type, props);
    expect(found?.engine).toBe(engine);
    expect(found?.key).toBe(key);
    // The catalog has that property, and (except free-text RDS) offers exactly the table's versions.
    const definition = getService(type)?.properties.find((d) => d.key === key);
    expect(definition, `${type}.${key}`).toBeDefined();
    if (type === 'rds') return;
    expect(definition?.kind).toBe('enum');
    if (definition?.kind !== 'enum') return;
    expect(definition.default).toBe(ENGINE_VERSIONS[engine].default);
    expect(definition.options.map((o) => [o.value, o.label])).toEqual(ENGINE_VERSIONS[engine].options);
  });

  it('has none for Memcached or unversioned services', () => {
    expect(engineVersionProperty('elasticache', { engine: 'memcached' })).toBeUndefined();
    expect(engineVersionProperty('sqs', {})).toBeUndefined();
  });
});

describe('version properties in the catalog', () => {
  const issues = (type: string, props: Properties) =>
    validateProperties(getService(type)!, props).map((i) => `${i.path}: ${i.message}`);

  it('refuses a version outside the offered list', () => {
    expect(issues('eks', { version: '1.99' })[0]).toMatch(
      /^version: Kubernetes version must be one of 1\.37/,
    );
    expect(issues('aurora', { postgresVersion: '16.4' })[0]).toMatch(/^postgresVersion: /);
  });

  it('keeps RDS free text, checked against the engine', () => {
    expect(issues('rds', { engineVersion: '18.1' })).toEqual([]);
    expect(issues('rds', { engineVersion: '19.0' })[0]).toMatch(/not a PostgreSQL version RDS offers/);
    expect(issues('rds', { engine: 'mysql', engineVersion: '8.4.10', port: 3306 })).toEqual([]);
  });

  it('needs Aurora MySQL 3 for Serverless v2, and a recent version to pause at 0 ACUs', () => {
    expect(issues('aurora', { engine: 'aurora-mysql', mysqlVersion: '5.7.mysql_aurora.2.12.6' })).toEqual([
      'mysqlVersion: Serverless v2 needs Aurora MySQL 3 (MySQL 8.0); choose a 3.x version or provisioned capacity',
    ]);
    expect(
      issues('aurora', {
        engine: 'aurora-mysql',
        capacity: 'provisioned',
        mysqlVersion: '5.7.mysql_aurora.2.12.6',
      }),
    ).toEqual([]);
    expect(
      issues('aurora', { engine: 'aurora-mysql', mysqlVersion: '8.0.mysql_aurora.3.04.6', minAcu: 0 })[0],
    ).toMatch(/^minAcu: 0 ACUs \(auto-pause\) needs Aurora MySQL 3\.08/);
    expect(issues('aurora', { engine: 'aurora-mysql', minAcu: 0 })).toEqual([]);
    expect(issues('aurora', { postgresVersion: '12.22', minAcu: 0 })[0]).toMatch(/^minAcu: /);
    expect(issues('aurora', { postgresVersion: '13.23', minAcu: 0 })).toEqual([]);
  });
});

describe('a design saved before versions were properties', () => {
  // Written by the previous release: no version property on Aurora, ElastiCache or Neptune; the
  // old EKS and OpenSearch defaults stored explicitly.
  const older = JSON.stringify({
    schemaVersion: 2,
    name: 'Older',
    description: '',
    region: 'us-east-1',
    environments: [
      { name: 'dev', overrides: { search: { engineVersion: 'OpenSearch_2.13' } } },
      { name: 'prod', overrides: {} },
    ],
    vpcs: [
      {
        id: 'main',
        name: 'VPC',
        cidr: '10.0.0.0/16',
        azCount: 2,
        tiers: ['public', 'private', 'isolated'],
        subnetPrefix: 24,
        flowLogs: true,
      },
    ],
    nodes: [
      {
        id: 'db',
        type: 'aurora',
        name: 'Db',
        placement: { vpcId: 'main', tier: 'isolated' },
        properties: {},
      },
      {
        id: 'cache',
        type: 'elasticache',
        name: 'Cache',
        placement: { vpcId: 'main', tier: 'isolated' },
        properties: {},
      },
      {
        id: 'graph',
        type: 'neptune',
        name: 'Graph',
        placement: { vpcId: 'main', tier: 'isolated' },
        properties: {},
      },
      {
        id: 'k8s',
        type: 'eks',
        name: 'K8s',
        placement: { vpcId: 'main', tier: 'private' },
        properties: { version: '1.31' },
      },
      {
        id: 'search',
        type: 'opensearch',
        name: 'Search',
        placement: { vpcId: 'main', tier: 'isolated' },
        properties: { engineVersion: 'OpenSearch_2.15' },
      },
    ],
    connections: [],
    tags: {},
    acceptedRisks: [],
  });

  it('opens, takes the current defaults where it had none and keeps what it stored', () => {
    const result = parseDesign(older);
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const props = (id: string, env?: string) =>
      resolveProperties(
        result.design,
        result.design.nodes.find((n) => n.id === id)!,
        env,
      );
    expect(props('db').postgresVersion).toBe(ENGINE_VERSIONS['aurora-postgresql'].default);
    expect(props('db').mysqlVersion).toBe(ENGINE_VERSIONS['aurora-mysql'].default);
    expect(props('cache').redisVersion).toBe('7.1');
    expect(props('graph').engineVersion).toBe(ENGINE_VERSIONS.neptune.default);
    expect(props('k8s').version).toBe('1.31');
    expect(props('search').engineVersion).toBe('OpenSearch_2.15');
    expect(props('search', 'dev').engineVersion).toBe('OpenSearch_2.13');
  });
});

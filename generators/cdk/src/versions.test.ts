/**
 * Engine versions (issue 12 item 7): the CDK app prints the version the lowering decided with
 * CDK's own version API, per environment through lib/config.ts, and every version the catalog
 * offers is one the installed aws-cdk-lib names.
 */
import { describe, expect, it } from 'vitest';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as rds from 'aws-cdk-lib/aws-rds';
import { ENGINE_VERSIONS, design, type VersionedEngine } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from './index.ts';

const squash = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/([({[]) /g, '$1')
    .replace(/ ([)}\]])/g, '$1');

const files = generateCdk(
  lowerDesign(
    design('Versions')
      .environments('dev', 'prod')
      .vpc()
      .node('aurora', { id: 'pg', name: 'Pg' })
      .node('aurora', {
        id: 'my',
        name: 'My',
        properties: { engine: 'aurora-mysql', mysqlVersion: '8.0.mysql_aurora.3.10.4' },
      })
      .node('rds', { id: 'rds', name: 'Rds' })
      .node('rds', {
        id: 'rdsmy',
        name: 'Rds my',
        properties: { engine: 'mysql', engineVersion: '8.4.10', port: 3306 },
      })
      .node('elasticache', { id: 'cache', name: 'Cache', properties: { redisVersion: '7.0' } })
      .node('opensearch', { id: 'search', name: 'Search' })
      .node('opensearch', {
        id: 'legacy',
        name: 'Legacy',
        properties: { engineVersion: 'Elasticsearch_7.10' },
      })
      .node('neptune', { id: 'graph', name: 'Graph' })
      .node('eks', { id: 'k8s', name: 'K8s' })
      .override('dev', 'pg', { postgresVersion: '17.9' })
      .override('prod', 'k8s', { version: '1.35' })
      .build(),
  ),
);
const stack = squash(files['lib/versions-stack.ts'] ?? '');
const config = squash(files['lib/config.ts'] ?? '');

describe('the CDK app prints the engine version the lowering decided', () => {
  it('with the engine-version classes of aws-cdk-lib', () => {
    expect(stack).toContain(
      "engine: rds.DatabaseClusterEngine.auroraMysql({version: rds.AuroraMysqlEngineVersion.of('8.0.mysql_aurora.3.10.4', '8.0'),",
    );
    expect(stack).toContain(
      "engine: rds.DatabaseInstanceEngine.postgres({version: rds.PostgresEngineVersion.of('16.13', '16'),",
    );
    expect(stack).toContain(
      "engine: rds.DatabaseInstanceEngine.mysql({version: rds.MysqlEngineVersion.of('8.4.10', '8.4'),",
    );
    expect(stack).toContain("version: opensearch.EngineVersion.openSearch('2.19'), ");
    expect(stack).toContain("version: opensearch.EngineVersion.elasticsearch('7.10'), ");
  });

  it('upgrades a search domain in place, as Terraform does, rather than replacing it', () => {
    expect(stack.match(/enableVersionUpgrade: true/g)).toHaveLength(2);
  });

  it('prints the L1 strings of ElastiCache, Neptune and EKS (no kubectl layer: synth stays offline)', () => {
    expect(stack).toContain("engineVersion: '7.0',");
    expect(stack).toContain("engineVersion: '1.4.8.0',");
    expect(stack).not.toContain('KubectlV');
  });

  it('reads a version that differs between environments from lib/config.ts', () => {
    expect(stack).toContain(
      'engine: rds.DatabaseClusterEngine.auroraPostgres({version: config.pgEngineVersion,',
    );
    expect(config).toContain('readonly pgEngineVersion: rds.AuroraPostgresEngineVersion;');
    expect(config).toMatch(
      /dev: \{[^}]*pgEngineVersion: rds\.AuroraPostgresEngineVersion\.of\('17\.9', '17'\),.*prod: \{[^}]*pgEngineVersion: rds\.AuroraPostgresEngineVersion\.of\('16\.13', '16'\),/,
    );
    expect(stack).toContain('version: config.k8sEngineVersion,');
    expect(config).toMatch(/dev: \{[^}]*k8sEngineVersion: '1\.37',.*prod: \{[^}]*k8sEngineVersion: '1\.35',/);
  });
});

describe('every version the catalog offers is named by the installed aws-cdk-lib', () => {
  const constant = (version: string) => `VER_${version.replace(/\./g, '_')}`;
  const named: [VersionedEngine, (version: string) => unknown][] = [
    ['aurora-postgresql', (v) => rds.AuroraPostgresEngineVersion[constant(v) as 'VER_16_4']],
    [
      'aurora-mysql',
      (v) =>
        rds.AuroraMysqlEngineVersion[constant(v.replace(/^\d+\.\d+\.mysql_aurora\./, '')) as 'VER_3_08_0'],
    ],
    ['postgres', (v) => rds.PostgresEngineVersion[constant(v) as 'VER_16_4']],
    ['mysql', (v) => rds.MysqlEngineVersion[constant(v) as 'VER_8_0_39']],
    ['opensearch', (v) => opensearch.EngineVersion[v.toUpperCase().replace(/\./g, '_') as 'OPENSEARCH_2_15']],
    ['kubernetes', (v) => eks.KubernetesVersion[`V${v.replace('.', '_')}` as 'V1_31']],
  ];
  it.each(named)('%s', (engine, lookup) => {
    const missing = ENGINE_VERSIONS[engine].options.map(([v]) => v).filter((v) => lookup(v) === undefined);
    expect(missing).toEqual([]);
  });
});

/** Engine versions decided once by the lowering (issue 12 item 7): defaults, overrides, engines. */
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSIONS, design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import type { ResolvedGraph } from './types.ts';

const component = (graph: ResolvedGraph, id: string) => {
  const c = graph.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
};

const same = (value: string) => ({ byEnv: { dev: value, prod: value }, varies: false });

describe('engine versions', () => {
  const graph = lowerDesign(
    design('Versions')
      .environments('dev', 'prod')
      .vpc()
      .node('aurora', { id: 'pg', name: 'Pg' })
      .node('aurora', { id: 'my', name: 'My', properties: { engine: 'aurora-mysql' } })
      .node('rds', { id: 'rds', name: 'Rds' })
      .node('rds', {
        id: 'rdsmy',
        name: 'Rds MySQL',
        properties: { engine: 'mysql', engineVersion: '8.4.10', port: 3306 },
      })
      .node('elasticache', { id: 'redis', name: 'Redis' })
      .node('elasticache', {
        id: 'memcached',
        name: 'Memcached',
        properties: {
          engine: 'memcached',
          automaticFailover: false,
          authToken: false,
          atRestEncryption: false,
          snapshotRetentionDays: 0,
        },
      })
      .node('opensearch', { id: 'search', name: 'Search' })
      .node('neptune', { id: 'graph', name: 'Graph' })
      .node('eks', { id: 'k8s', name: 'K8s' })
      .node('sqs', { id: 'jobs', name: 'Jobs' })
      .override('dev', 'pg', { postgresVersion: '17.9' })
      .override('prod', 'k8s', { version: '1.35' })
      .build(),
  );

  it('takes the current default where the design names no version', () => {
    expect(component(graph, 'my').engineVersion).toEqual({
      version: same(ENGINE_VERSIONS['aurora-mysql'].default),
      major: same('8.0'),
    });
    expect(component(graph, 'rds').engineVersion).toEqual({ version: same('16.13'), major: same('16') });
    expect(component(graph, 'redis').engineVersion).toEqual({ version: same('7.1'), major: same('7') });
    expect(component(graph, 'search').engineVersion?.version).toEqual(same('OpenSearch_2.19'));
    expect(component(graph, 'graph').engineVersion).toEqual({
      version: same('1.4.8.0'),
      major: same('1.4'),
    });
  });

  it('reads the version property of the engine the node runs', () => {
    expect(component(graph, 'rdsmy').engineVersion).toEqual({ version: same('8.4.10'), major: same('8.4') });
  });

  it('applies per-environment overrides, major included', () => {
    expect(component(graph, 'pg').engineVersion).toEqual({
      version: { byEnv: { dev: '17.9', prod: '16.13' }, varies: true },
      major: { byEnv: { dev: '17', prod: '16' }, varies: true },
    });
    expect(component(graph, 'k8s').engineVersion?.version).toEqual({
      byEnv: { dev: ENGINE_VERSIONS.kubernetes.default, prod: '1.35' },
      varies: true,
    });
  });

  it('gives no version to Memcached, unversioned services or derived components', () => {
    for (const id of ['memcached', 'jobs']) expect(component(graph, id).engineVersion).toBeUndefined();
    expect(graph.components.filter((c) => c.derived && c.engineVersion)).toEqual([]);
  });

  it('resolves only the environments lowered', () => {
    const prodOnly = lowerDesign(
      design('Versions')
        .vpc()
        .node('aurora', { id: 'pg' })
        .override('dev', 'pg', { postgresVersion: '17.9' })
        .build(),
      { environments: ['prod'] },
    );
    expect(component(prodOnly, 'pg').engineVersion?.version).toEqual({
      byEnv: { prod: '16.13' },
      varies: false,
    });
  });
});

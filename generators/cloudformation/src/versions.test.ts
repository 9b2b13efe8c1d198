/**
 * Engine versions (issue 12 item 7): CloudFormation prints the version the lowering decided,
 * as CDK and Terraform print it, with a parameter where environments differ.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCloudFormation } from './generate.ts';
import { parseTemplate } from './template/yaml.ts';

// Templates are free-form JSON: tests index into them at will.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const files = generateCloudFormation(
  lowerDesign(
    design('Versions')
      .environments('dev', 'prod')
      .vpc()
      .node('aurora', { id: 'pg', name: 'Pg' })
      .node('aurora', { id: 'my', name: 'My', properties: { engine: 'aurora-mysql' } })
      .node('rds', { id: 'rds', name: 'Rds' })
      .node('elasticache', { id: 'cache', name: 'Cache', properties: { redisVersion: '7.0' } })
      .node('opensearch', { id: 'search', name: 'Search' })
      .node('neptune', { id: 'graph', name: 'Graph' })
      .node('eks', { id: 'k8s', name: 'K8s' })
      .override('dev', 'pg', { postgresVersion: '17.9' })
      .build(),
  ),
);
const resources = (parseTemplate(files['template.yaml']!) as unknown as { Resources: Record<string, Json> })
  .Resources;
const parameters = (env: string) =>
  Object.fromEntries(
    (JSON.parse(files[`parameters/${env}.json`]!) as { ParameterKey: string; ParameterValue: string }[]).map(
      (p) => [p.ParameterKey, p.ParameterValue],
    ),
  );

describe('CloudFormation prints the engine version the lowering decided', () => {
  it('on every versioned resource', () => {
    expect(resources.My.Properties.EngineVersion).toBe('8.0.mysql_aurora.3.12.0');
    expect(resources.Rds.Properties.EngineVersion).toBe('16.13');
    expect(resources.Cache.Properties.EngineVersion).toBe('7.0');
    expect(resources.Search.Properties.EngineVersion).toBe('OpenSearch_2.19');
    expect(resources.Graph.Properties.EngineVersion).toBe('1.4.8.0');
    expect(resources.K8s.Properties.Version).toBe('1.37');
  });

  it('from a parameter where environments differ', () => {
    expect(resources.Pg.Properties.EngineVersion).toEqual({ Ref: 'PgEngineVersion' });
    expect(parameters('dev').PgEngineVersion).toBe('17.9');
    expect(parameters('prod').PgEngineVersion).toBe('16.13');
  });

  it('upgrades a search domain in place (EnableVersionUpgrade) rather than replacing it', () => {
    expect(resources.Search.UpdatePolicy).toEqual({ EnableVersionUpgrade: true });
  });
});

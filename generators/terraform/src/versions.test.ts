/**
 * Engine versions (issue 12 item 7): Terraform prints the version the lowering decided, as CDK
 * and CloudFormation print it, with a variable where environments differ. Before, ElastiCache
 * was always "7.1", Aurora and Neptune had none (the AWS default at creation).
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign, type GeneratedFiles } from '@archgen/infra';
import { generateTerraform } from './index.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The block `resource "<type>" "<name>" { ... }`, up to the next top-level block. */
function resource(files: GeneratedFiles, type: string, name: string): string {
  const text = Object.values(files).join('\n');
  const start = text.indexOf(`resource "${type}" "${name}" {`);
  expect(start, `${type}.${name}`).toBeGreaterThanOrEqual(0);
  return squash(text.slice(start, text.indexOf('\n}\n', start) + 2));
}

const files = generateTerraform(
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
const tfvars = (env: string) => squash(files[`environments/${env}.tfvars`] ?? '');

describe('Terraform prints the engine version the lowering decided', () => {
  it('on every versioned resource', () => {
    expect(resource(files, 'aws_rds_cluster', 'my')).toContain('engine_version = "8.0.mysql_aurora.3.12.0"');
    expect(resource(files, 'aws_db_instance', 'rds')).toContain('engine_version = "16.13"');
    expect(resource(files, 'aws_elasticache_replication_group', 'cache')).toContain('engine_version = "7.0"');
    expect(resource(files, 'aws_opensearch_domain', 'search')).toContain(
      'engine_version = "OpenSearch_2.19"',
    );
    expect(resource(files, 'aws_neptune_cluster', 'graph')).toContain('engine_version = "1.4.8.0"');
    expect(resource(files, 'aws_eks_cluster', 'k8s')).toContain('version = "1.37"');
  });

  it('from a variable where environments differ', () => {
    expect(resource(files, 'aws_rds_cluster', 'pg')).toContain('engine_version = var.pg_engine_version');
    expect(tfvars('dev')).toContain('pg_engine_version = "17.9"');
    expect(tfvars('prod')).toContain('pg_engine_version = "16.13"');
  });
});

/**
 * Stateful resources as the lowering protects them (protection.ts). prevent_destroy must be a
 * literal, so it follows the one policy of every environment; deletion protection and the final
 * snapshot follow each environment's tfvars.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign, type GeneratedFiles } from '@archgen/infra';
import { generateTerraform } from './index.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function resource(files: GeneratedFiles, type: string, name: string): string {
  const text = files['data.tf'] ?? '';
  const start = text.indexOf(`resource "${type}" "${name}" {`);
  expect(start, `data.tf has ${type}.${name}`).toBeGreaterThanOrEqual(0);
  return squash(text.slice(start, text.indexOf('\n}\n', start) + 2));
}

function generate(envs: string[], bucketOnDelete?: string): GeneratedFiles {
  return generateTerraform(
    lowerDesign(
      design('P')
        .environments(...envs)
        .vpc()
        .node('rds', { id: 'db', name: 'Db', tier: 'isolated' })
        .node('dynamodb', { id: 't', name: 'Table' })
        .node('s3', {
          id: 'files',
          name: 'Files',
          properties: bucketOnDelete ? { onDelete: bucketOnDelete } : {},
        })
        .build(),
    ),
  );
}

describe('protection', () => {
  it('dev + prod: prevent_destroy on, deletion protection and final snapshot per environment', () => {
    const files = generate(['dev', 'prod']);
    const db = resource(files, 'aws_db_instance', 'db');
    expect(db).toContain('deletion_protection = var.db_deletion_protection');
    expect(db).toContain('skip_final_snapshot = var.db_skip_final_snapshot');
    expect(db).toContain('lifecycle { prevent_destroy = true }');
    expect(squash(files['environments/dev.tfvars']!)).toContain('db_deletion_protection = false');
    expect(squash(files['environments/dev.tfvars']!)).toContain('db_skip_final_snapshot = true');
    expect(squash(files['environments/prod.tfvars']!)).toContain('db_deletion_protection = true');
    expect(squash(files['environments/prod.tfvars']!)).toContain('db_skip_final_snapshot = false');
    expect(resource(files, 'aws_dynamodb_table', 'table')).toContain('lifecycle { prevent_destroy = true }');
    const bucket = resource(files, 'aws_s3_bucket', 'files');
    expect(bucket).toContain('force_destroy = false');
    expect(bucket).toContain('lifecycle { prevent_destroy = true }');
  });

  it('no production environment: no prevent_destroy, no deletion protection, no final snapshot', () => {
    const files = generate(['dev']);
    const db = resource(files, 'aws_db_instance', 'db');
    expect(db).toContain('deletion_protection = false');
    expect(db).toContain('skip_final_snapshot = true');
    expect(db).not.toContain('prevent_destroy');
    expect(resource(files, 'aws_s3_bucket', 'files')).not.toContain('prevent_destroy');
    expect(resource(files, 'aws_s3_bucket', 'files')).toContain('force_destroy = false');
  });

  it('the per-resource override keeps one bucket in a dev-only design', () => {
    expect(resource(generate(['dev'], 'retain'), 'aws_s3_bucket', 'files')).toContain(
      'lifecycle { prevent_destroy = true }',
    );
  });
});

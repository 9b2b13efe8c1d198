/**
 * Stateful resources as the lowering protects them (protection.ts). DeletionPolicy takes only a
 * literal, so it is the strongest of any environment; DeletionProtection follows each one.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCloudFormation } from './generate.ts';
import { parseTemplate } from './template/yaml.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function generate(envs: string[], bucketOnDelete?: string) {
  const files = generateCloudFormation(
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
  const template = parseTemplate(files['template.yaml']!) as unknown as { Resources: Record<string, Json> };
  const parameters = (env: string) =>
    Object.fromEntries(
      (
        JSON.parse(files[`parameters/${env}.json`]!) as { ParameterKey: string; ParameterValue: string }[]
      ).map((p) => [p.ParameterKey, p.ParameterValue]),
    );
  return { resources: template.Resources, parameters };
}

describe('protection', () => {
  it('dev + prod: the production policy in the template, deletion protection per environment', () => {
    const { resources, parameters } = generate(['dev', 'prod']);
    expect(resources.Db).toMatchObject({ DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
    expect(resources.Table).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(resources.Files).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(resources.Db.Properties.DeletionProtection).toEqual({ Ref: 'DbDeletionProtection' });
    expect(parameters('dev').DbDeletionProtection).toBe('false');
    expect(parameters('prod').DbDeletionProtection).toBe('true');
    expect(parameters('dev').TableDeletionProtection).toBe('false');
  });

  it('no production environment: Delete, and no deletion protection', () => {
    const { resources } = generate(['dev']);
    for (const id of ['Db', 'Table', 'Files'])
      expect(resources[id], id).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    expect(resources.Db.Properties.DeletionProtection).toBe(false);
    expect(resources.Table.Properties.DeletionProtectionEnabled).toBe(false);
  });

  it('the per-resource override retains one bucket in a dev-only design', () => {
    expect(generate(['dev'], 'retain').resources.Files.DeletionPolicy).toBe('Retain');
  });
});

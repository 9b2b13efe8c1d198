import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDesign, serializeDesign, type ParseResult } from './parse.ts';
import { migrateDesign } from './migrate.ts';
import { design } from './factory.ts';
import { DESIGN_SCHEMA_VERSION, DesignSchema, designRegions, environmentRegion } from './schema.ts';

function shop() {
  return design('Shop').environments('dev', 'staging', 'prod').region('us-east-1').vpc({ azCount: 3 });
}

function okDesign(result: ParseResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result;
}

describe('an environment region', () => {
  it('is optional: environments without one deploy into the design region', () => {
    const d = shop().deployTo('prod', { region: 'eu-west-1' }).build();
    expect(environmentRegion(d, 'dev')).toBe('us-east-1');
    expect(environmentRegion(d, 'prod')).toBe('eu-west-1');
    expect(designRegions(d)).toEqual(['us-east-1', 'eu-west-1']);
    expect(designRegions(shop().build())).toEqual(['us-east-1']);
  });

  it('round-trips through the file, and a file without one is unchanged', () => {
    const withRegion = shop().deployTo('prod', { region: 'eu-west-1', account: '123456789012' }).build();
    const parsed = okDesign(parseDesign(serializeDesign(withRegion)));
    expect(parsed.design.environments[2]).toEqual({
      name: 'prod',
      overrides: {},
      account: '123456789012',
      region: 'eu-west-1',
    });
    const without = shop().build();
    const text = serializeDesign(without);
    expect(text).not.toContain('"region": "eu');
    const reread = okDesign(parseDesign(text));
    expect(reread.design).toEqual(without);
    expect(reread.design.environments.every((e) => !('region' in e))).toBe(true);
    expect(reread.migratedFrom).toBeUndefined();
  });

  it('needs no format version: a version 1 file migrates without inventing one', () => {
    const migrated = migrateDesign({ version: 1, name: 'Old', region: 'eu-west-1', environments: ['dev'] });
    const value = DesignSchema.parse(migrated.value);
    expect(value.schemaVersion).toBe(DESIGN_SCHEMA_VERSION);
    expect(value.environments).toEqual([{ name: 'dev', overrides: {} }]);
  });

  it('reports a malformed region at its path', () => {
    const doc = JSON.parse(serializeDesign(shop().build()));
    doc.environments[1].region = 'Europe';
    doc.environments[2].region = 7;
    const result = parseDesign(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: '$.environments[1].region', message: 'must be an AWS region like us-east-1 (got "Europe")' },
      { path: '$.environments[2].region', message: 'must be text, not 7' },
    ]);
  });

  it('warns when an environment region has fewer zones than a VPC asks for', () => {
    const result = okDesign(
      parseDesign(serializeDesign(shop().deployTo('dev', { region: 'us-west-1' }).build())),
    );
    expect(result.warnings).toEqual(['VPC "main" uses 3 AZs but us-west-1 has only 2 by default']);
  });

  it('is in the JSON schema with the same pattern', () => {
    const path = fileURLToPath(new URL('../../schema/design.schema.json', import.meta.url));
    const validator = z.fromJSONSchema(JSON.parse(readFileSync(path, 'utf8')));
    const base = { schemaVersion: DESIGN_SCHEMA_VERSION, name: 'Min', region: 'us-east-1' };
    expect(
      validator.safeParse({ ...base, environments: [{ name: 'dev', region: 'ap-southeast-2' }] }).success,
    ).toBe(true);
    expect(validator.safeParse({ ...base, environments: [{ name: 'dev', region: 'mars' }] }).success).toBe(
      false,
    );
  });
});

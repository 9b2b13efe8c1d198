import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { designJsonSchemaText } from '../../scripts/design-json-schema.ts';
import { design } from './factory.ts';
import { DESIGN_SCHEMA_VERSION } from './schema.ts';

const committedPath = fileURLToPath(new URL('../../schema/design.schema.json', import.meta.url));

describe('schema/design.schema.json', () => {
  it('matches a fresh generation from the zod schema', () => {
    // If this fails, regenerate and commit: npx -y pnpm@10.34.9 --filter @archgen/model gen:schema
    expect(readFileSync(committedPath, 'utf8')).toBe(designJsonSchemaText());
  });

  it('accepts a real design and rejects a malformed one', () => {
    const validator = z.fromJSONSchema(JSON.parse(readFileSync(committedPath, 'utf8')));
    const valid = design('Check')
      .vpc()
      .node('lambda', { id: 'fn' })
      .node('sqs', { id: 'q' })
      .connect('q', 'fn', 'event-source')
      .build();
    expect(validator.safeParse(valid).success).toBe(true);
    // Hand-written files may leave out everything that has a default.
    expect(
      validator.safeParse({
        schemaVersion: DESIGN_SCHEMA_VERSION,
        name: 'Min',
        region: 'us-east-1',
        environments: [{ name: 'dev' }],
      }).success,
    ).toBe(true);
    expect(validator.safeParse({ ...valid, region: 'Mars' }).success).toBe(false);
    expect(validator.safeParse({ ...valid, schemaVersion: 1 }).success).toBe(false);
    expect(
      validator.safeParse({
        ...valid,
        nodes: [{ ...valid.nodes[0], placement: { vpcId: 'main', tier: 'dmz' } }],
      }).success,
    ).toBe(false);
  });
});

/**
 * Golden files: the Terraform each example design produces, committed under __golden__/ so a
 * change in the output shows up in review. Rewrite on purpose with
 *   UPDATE_GOLDEN=1 npx vitest run generators/terraform/src/golden.test.ts
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateTerraform } from './index.ts';

const HERE = dirname(new URL(import.meta.url).pathname);
const EXAMPLES = join(HERE, '../../../examples');
const GOLDEN = join(HERE, '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Paths of every file under `dir`, relative to it, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
    .sort();
}

const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('golden Terraform for the example designs', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const file of examples) {
    const name = file.replace(/\.json$/, '');
    it(name, () => {
      const parsed = parseDesign(readFileSync(join(EXAMPLES, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      const files = generateTerraform(lowerDesign(parsed.design));
      const dir = join(GOLDEN, name);
      if (UPDATE) {
        rmSync(dir, { recursive: true, force: true });
        for (const [path, content] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), content);
        }
      }
      expect(listFiles(dir), `${name}: files (UPDATE_GOLDEN=1 to accept)`).toEqual(Object.keys(files).sort());
      for (const [path, content] of Object.entries(files))
        expect(content, `${name}/${path} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(
          readFileSync(join(dir, path), 'utf8'),
        );
    });
  }
});

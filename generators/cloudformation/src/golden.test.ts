/**
 * Golden files: the full output for each example design, committed under __golden__/<example>/.
 * A change in generated code shows up here as a diff. Rewrite on purpose with
 * `UPDATE_GOLDEN=1 npx vitest run generators/cloudformation/src/golden.test.ts`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { generateCloudFormation } from './generate.ts';
import { exampleDesigns } from '../../../test-support/designs.ts';

const GOLDEN_ROOT = join(dirname(fileURLToPath(import.meta.url)), '__golden__');
const update = process.env.UPDATE_GOLDEN === '1';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('golden files', () => {
  const examples = exampleDesigns();

  it('covers every example design', () => {
    expect(examples.length).toBeGreaterThan(0);
    if (!update) {
      expect(
        readdirSync(GOLDEN_ROOT).sort(),
        'one golden directory per example (UPDATE_GOLDEN=1 after adding one)',
      ).toEqual(examples.map((e) => e.name).sort());
    }
  });

  for (const example of examples) {
    it(`matches the golden output of ${example.name}`, () => {
      const files = generateCloudFormation(lowerDesign(example.design));
      const dir = join(GOLDEN_ROOT, example.name);
      if (update) {
        rmSync(dir, { recursive: true, force: true });
        for (const [path, content] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), content);
        }
      }
      const golden = filesUnder(dir).map((file) => relative(dir, file).split('\\').join('/'));
      expect(golden.sort()).toEqual(Object.keys(files).sort());
      for (const [path, content] of Object.entries(files)) {
        expect(content, `${example.name}/${path}`).toBe(readFileSync(join(dir, path), 'utf8'));
      }
    });
  }
});

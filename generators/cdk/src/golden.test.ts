/**
 * Golden files: the generated app of every example design, committed under src/__golden__/ as
 * `<path>.golden` (the suffix keeps the workspace typecheck from compiling the generated apps,
 * which need their own tsconfig; the toolchain suite compiles them).
 * A change to the output must be deliberate: `UPDATE_GOLDEN=1 npx vitest run generators/cdk/src/golden.test.ts`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { exampleDesigns } from '../../../test-support/designs.ts';
import { generateCdk } from './index.ts';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '__golden__');
const update = process.env.UPDATE_GOLDEN === '1';
const SUFFIX = '.golden';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('golden files', () => {
  const designs = exampleDesigns();

  it('exist for every example design', () => {
    expect(designs.length).toBeGreaterThan(0);
    if (update) return;
    for (const design of designs) expect(existsSync(join(GOLDEN_DIR, design.name)), design.name).toBe(true);
  });

  for (const design of designs) {
    it(`match for ${design.name}`, () => {
      const files = generateCdk(lowerDesign(design.design));
      const dir = join(GOLDEN_DIR, design.name);
      if (update) {
        rmSync(dir, { recursive: true, force: true });
        for (const [path, content] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, `${path}${SUFFIX}`), content);
        }
      }
      const golden = Object.fromEntries(
        listFiles(dir).map((file) => [
          relative(dir, file).slice(0, -SUFFIX.length),
          readFileSync(file, 'utf8'),
        ]),
      );
      expect(Object.keys(files).sort()).toEqual(Object.keys(golden).sort());
      for (const [path, content] of Object.entries(files))
        expect(content, `${design.name}/${path}`).toBe(golden[path]);
    });
  }
});

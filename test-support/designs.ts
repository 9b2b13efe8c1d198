/**
 * The designs every generator is verified against with its real toolchain: each example and each
 * adversarial fixture. Node-only (reads files); used by *.toolchain.test.ts suites.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDesign, type Design } from '@archgen/model';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface NamedDesign {
  /** File stem, e.g. "three-tier-web-app" or "adversarial-hostile-names". */
  name: string;
  file: string;
  design: Design;
}

function loadDir(dir: string, prefix: string): NamedDesign[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b))
    .map((f) => {
      const file = join(dir, f);
      const result = parseDesign(readFileSync(file, 'utf8'));
      if (!result.ok) {
        const detail = result.errors.map((e) => `${e.path}: ${e.message}`).join('\n');
        throw new Error(`${file} is not a valid design:\n${detail}`);
      }
      return { name: prefix + f.replace(/\.json$/, ''), file, design: result.design };
    });
}

export function exampleDesigns(): NamedDesign[] {
  return loadDir(join(REPO_ROOT, 'examples'), '');
}

export function adversarialDesigns(): NamedDesign[] {
  return loadDir(join(REPO_ROOT, 'fixtures', 'adversarial'), 'adversarial-');
}

export function verificationDesigns(): NamedDesign[] {
  const all = [...exampleDesigns(), ...adversarialDesigns()];
  // ARCHGEN_DESIGNS=adversarial-every-service,... checks only those (one service's proof on a busy machine).
  const only = process.env.ARCHGEN_DESIGNS?.split(',').filter(Boolean);
  return only ? all.filter((d) => only.includes(d.name)) : all;
}

/**
 * Whether a missing toolchain fails the suite: always in CI (CI=true), or when
 * ARCHGEN_REQUIRE_TOOLCHAINS=1. Elsewhere the suite skips with a loud reason.
 */
export function toolchainsRequired(): boolean {
  return process.env.CI === 'true' || process.env.ARCHGEN_REQUIRE_TOOLCHAINS === '1';
}

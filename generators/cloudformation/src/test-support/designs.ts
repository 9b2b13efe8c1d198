/**
 * Node-only test helpers: the repository's example and adversarial designs, lowered. (The shared
 * loader in /test-support cannot resolve workspace packages from the repository root yet; this
 * one resolves them from this package.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDesign, type Design } from '@archgen/model';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export interface NamedDesign {
  name: string;
  design: Design;
}

function load(dir: string, prefix: string): NamedDesign[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b))
    .map((file) => {
      const result = parseDesign(readFileSync(join(dir, file), 'utf8'));
      if (!result.ok) throw new Error(`${file} is not a valid design: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      return { name: prefix + file.replace(/\.json$/, ''), design: result.design };
    });
}

export const exampleDesigns = (): NamedDesign[] => load(join(REPO_ROOT, 'examples'), '');
export const adversarialDesigns = (): NamedDesign[] => load(join(REPO_ROOT, 'fixtures', 'adversarial'), 'adversarial-');

export function design(name: string): Design {
  const found = [...exampleDesigns(), ...adversarialDesigns()].find((d) => d.name === name);
  if (!found) throw new Error(`no design named ${name}`);
  return found.design;
}

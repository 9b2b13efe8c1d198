import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { design, serializeDesign } from '@archgen/model';

// Issue 12 item 5: `generate` refuses a design whose code would fail (here NET-07: nine /24
// subnets in a /24 VPC, on which CDK synth throws), unless --force. Real runs of the program.
const bin = join(import.meta.dirname, '..', 'bin', 'archgen.mjs');
const dir = mkdtempSync(join(tmpdir(), 'archgen-undeployable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function archgen(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const tiny = join(dir, 'tiny.json');
writeFileSync(
  tiny,
  serializeDesign(
    design('Tiny').vpc({ id: 'main', name: 'Main VPC', cidr: '10.0.0.0/24', subnetPrefix: 24 }).build(),
  ),
);

describe('archgen generate with findings that make the code fail', { timeout: 180_000 }, () => {
  it('exits 1, names each blocking finding and its fix, and writes nothing', () => {
    const folder = join(dir, 'out');
    const zip = join(dir, 'out.zip');
    for (const out of [folder, zip]) {
      const result = archgen('generate', 'tiny.json', '--target', 'all', '--out', out);
      expect(result.code, result.err).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toContain('refusing to generate tiny.json');
      expect(result.err).toMatch(
        /^ {2}NET-07 Main VPC: .*10\.0\.0\.0\/24 has room for 1 \(fix: Change the VPC CIDR or subnet size\)$/m,
      );
      expect(result.err).toContain('--force');
      expect(result.err).not.toMatch(/internal error|at .*\.ts:/);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir).sort()).toEqual(['tiny.json']);
  });

  it('writes with --force, with a warning on stderr naming the finding', () => {
    const out = join(dir, 'forced');
    const result = archgen('generate', tiny, '--target', 'terraform', '--out', out, '--force');
    expect(result.code, result.err).toBe(0);
    expect(result.err).toMatch(/^warning: --force: writing code that will not deploy/m);
    expect(result.err).toMatch(/^ {2}NET-07 Main VPC: /m);
    expect(readFileSync(join(out, 'network.tf'), 'utf8')).toContain('10.0.0.0/24');
  });

  it('refuses before looking at the output folder, and --force covers a folder of other files too', () => {
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const refused = archgen('generate', tiny, '--target', 'terraform', '--out', out);
    expect(refused.code).toBe(1);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    const forced = archgen('generate', tiny, '--target', 'terraform', '--out', out, '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'network.tf'))).toBe(true);
  });
});

// Shows, with the real CDK, why NET-07 blocks export (Rule.breaksGeneratedCode): the forced
// code of a VPC too small for its subnets fails synth, and the same design with room synthesizes.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { buildExport, UndeployableDesignError } from './bundle.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const NODE_MODULES = join(ROOT, 'node_modules');
const TSX = join(NODE_MODULES, '.bin', 'tsx');
const WORK = join(ROOT, '.tmp', 'undeployable-toolchain');

async function synth(cidr: string): Promise<{ ok: boolean; output: string }> {
  const d = design('Tiny').vpc({ id: 'main', name: 'Main VPC', cidr, subnetPrefix: 24 }).build();
  const bundle = buildExport(d, { targets: ['cdk'], environments: ['dev'], force: true });
  const dir = join(WORK, cidr.replace(/[./]/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of Object.entries(bundle.files)) {
    if (!path.startsWith(`${bundle.slug}/cdk/`)) continue;
    const file = join(dir, path.slice(`${bundle.slug}/cdk/`.length));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['bin/app.ts'], {
      cwd: dir,
      env: { ...process.env, CDK_OUTDIR: 'cdk.out' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}

describe.skipIf(!existsSync(join(NODE_MODULES, 'aws-cdk-lib')) || !existsSync(TSX))(
  'NET-07 blocks export because the code fails its toolchain',
  { timeout: 180_000 },
  () => {
    it('refuses unforced; forced, CDK synth throws on subnets that do not fit; with room it synthesizes', async () => {
      expect(() =>
        buildExport(design('Tiny').vpc({ cidr: '10.0.0.0/24', subnetPrefix: 24 }).build()),
      ).toThrow(UndeployableDesignError);
      const tiny = await synth('10.0.0.0/24');
      expect(tiny.ok).toBe(false);
      expect(tiny.output).toContain('SubnetCountExceedsRemainingSpace');
      const roomy = await synth('10.0.0.0/16');
      expect(roomy.output).not.toContain('SubnetCountExceedsRemainingSpace');
      expect(roomy.ok, roomy.output.slice(0, 2000)).toBe(true);
    });
  },
);

// Issue 11 ("nothing lost, nothing crashes"): bounded reads, whole writes, warnings, pipes, and
// the installed command run from any folder. Device, pipe and folder cases run the real program.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { design, serializeDesign, MAX_DESIGN_BYTES } from '@archgen/model';
import { runCli } from './main.ts';
import { MANIFEST, writeFolder, type WriteOps } from './output.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'packages', 'cli', 'bin', 'archgen.mjs');
const EXAMPLES = join(root, 'examples');
const dir = mkdtempSync(join(tmpdir(), 'archgen-robust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Stdin = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
async function run(argv: string[], stdin?: Stdin) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The installed command, from a folder outside the repository, as a user's shell runs it. */
function runBin(args: string[], options: { input?: string; uid?: number; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? dir,
    encoding: 'utf8',
    input: options.input,
    timeout: 60_000,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { code: result.status, out: result.stdout, err: result.stderr, signal: result.signal };
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |node:internal|Error:/);
const save = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const files = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1))
    .sort();

describe('reads stop at the size limit while reading (item 3)', () => {
  it('validate /dev/zero ends with exit 2 instead of reading forever', async () => {
    const result = await run(['validate', '/dev/zero']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^archgen: \/dev\/zero: the input is larger than the 5 MB limit/);
  }, 20_000);

  it('an endless standard input ("-") stops being read at the limit', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield '['.repeat(64 * 1024);
      }
    }
    const result = await run(['validate', '-'], endless());
    expect(result.code).toBe(2);
    expect(result.err).toContain('(stdin): the input is larger than');
    expect(pulled * 64 * 1024).toBeLessThan(MAX_DESIGN_BYTES + 128 * 1024);
  }, 20_000);

  it('"-" reads a design from standard input', async () => {
    const text = readFileSync(join(EXAMPLES, 'static-site.json'));
    const result = await run(['validate', '-'], [text.subarray(0, 100), text.subarray(100)]);
    expect(result.code).toBe(0);
  });

  it('the real program: `yes [ | archgen validate /dev/stdin` and `-` end with exit 2', () => {
    for (const file of ['/dev/stdin', '-']) {
      const result = spawnSync('sh', ['-c', `yes '[' | "${process.execPath}" "${bin}" validate ${file}`], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.signal, file).toBeNull();
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain('larger than the 5 MB limit');
      noStack(result.stderr);
    }
  }, 120_000);
});

describe('generate --out writes whole, keeps what is not ours (item 4)', { timeout: 60_000 }, () => {
  const threeTier = join(EXAMPLES, 'three-tier-web-app.json');
  const staticSite = join(EXAMPLES, 'static-site.json');

  it('a second design in the same folder removes the first one’s files', async () => {
    const out = join(dir, 'stale');
    expect((await run(['generate', threeTier, '--target', 'terraform', '--out', out])).code).toBe(0);
    const first = files(out);
    const second = await run(['generate', staticSite, '--target', 'terraform', '--out', out]);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toMatch(/removed \d+ it no longer writes/);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: string[] };
    expect(files(out)).toEqual([MANIFEST, ...manifest.files].sort());
    expect(first.some((f) => !manifest.files.includes(f))).toBe(true);
  }, 60_000);

  it('refuses a folder holding a user’s README.md (exit 2, one line), --force keeps other files', async () => {
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'README.md'), 'my notes');
    writeFileSync(join(out, 'terraform.tfstate'), '{"state":1}');
    const refused = await run(['generate', staticSite, '--target', 'terraform', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toContain(`${out}: the folder holds files archgen did not write (README.md`);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('my notes');
    expect(files(out)).toEqual(['README.md', 'terraform.tfstate']);
    const forced = await run(['generate', staticSite, '--target', 'terraform', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'terraform.tfstate'), 'utf8')).toBe('{"state":1}');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).not.toBe('my notes');
    // Our files are ours from now on: the next run needs no --force for them...
    expect((await run(['generate', staticSite, '--target', 'terraform', '--out', out])).code).toBe(2);
  });

  it('a write that fails half-way leaves nothing behind, in a new or an existing folder', () => {
    let writes = 0;
    const failing: WriteOps = {
      writeFileSync: (path, data) => {
        if (++writes > 5) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        writeFileSync(path, data);
      },
      renameSync: () => {
        throw new Error('not reached');
      },
    };
    const parent = join(dir, 'half');
    mkdirSync(parent);
    const content = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`f${i}.tf`, `${i}`]));
    expect(() => writeFolder(join(parent, 'new'), content, {}, failing)).toThrow(
      /new\/f5\.tf: cannot write \(no space left on the device \(ENOSPC\)\); nothing was changed/,
    );
    expect(readdirSync(parent)).toEqual([]);
    writeFolder(join(parent, 'old'), { 'a.tf': 'a' });
    writes = 0;
    expect(() => writeFolder(join(parent, 'old'), content, {}, failing)).toThrow(/ENOSPC/);
    expect(readdirSync(parent)).toEqual(['old']);
    expect(files(join(parent, 'old'))).toEqual([MANIFEST, 'a.tf']);
  });

  it('ENOTDIR, EISDIR and EACCES are one line naming the path, exit 2', async () => {
    const file = save('plain.txt', 'x');
    const notDir = await run([
      'generate',
      staticSite,
      '--target',
      'terraform,cloudformation',
      '--out',
      join(file, 'out'),
    ]);
    expect(notDir.code).toBe(2);
    expect(notDir.err).toMatch(/^archgen: .*plain\.txt.*ENOTDIR/);
    expect(notDir.err.split('\n')).toHaveLength(1);
    const isDir = join(dir, 'folder.zip');
    mkdirSync(isDir);
    const zipOnDir = await run([
      'generate',
      staticSite,
      '--target',
      'terraform,cloudformation',
      '--out',
      isDir,
    ]);
    expect(zipOnDir.code).toBe(2);
    expect(zipOnDir.err).toBe(`archgen: ${isDir}: cannot write (is a folder (EISDIR))`);
    // root may write anywhere; run as nobody to meet a folder that refuses.
    const open = mkdtempSync(join(tmpdir(), 'archgen-eacces-'));
    chmodSync(open, 0o755);
    const locked = join(open, 'locked');
    mkdirSync(locked, { mode: 0o755 });
    const denied = runBin(['generate', staticSite, '--target', 'terraform', '--out', join(locked, 'x')], {
      uid: process.getuid?.() === 0 ? 65534 : undefined,
      cwd: open,
    });
    rmSync(open, { recursive: true, force: true });
    expect(denied.code, denied.err).toBe(2);
    expect(denied.err.trim()).toBe(`archgen: ${locked}: cannot write (permission denied (EACCES))`);
  }, 60_000);

  it('--out x.ZIP writes a zip', async () => {
    const out = join(dir, 'upper.ZIP');
    expect(
      (await run(['generate', staticSite, '--target', 'terraform,cloudformation', '--out', out])).code,
    ).toBe(0);
    expect(statSync(out).isFile()).toBe(true);
    expect(Object.keys(unzipSync(readFileSync(out))).length).toBeGreaterThan(5);
  });

  it('a design named CON with an environment "nul" makes a zip Windows can extract', async () => {
    const con = design('CON').vpc().node('sqs', { id: 'q', name: 'Jobs' }).build();
    con.environments = [{ name: 'nul', overrides: {} }];
    const out = join(dir, 'con.zip');
    const result = await run([
      'generate',
      save('con.json', serializeDesign(con)),
      '--target',
      'all',
      '--out',
      out,
    ]);
    expect(result.code, result.err).toBe(0);
    const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
    const paths = Object.keys(unzipSync(readFileSync(out)));
    expect(paths.flatMap((p) => p.split('/')).filter((part) => reserved.test(part))).toEqual([]);
    expect(paths).toContain('con-name/terraform/environments/nul-name.tfvars');
  });
});

describe('warnings are printed; pipes and other folders work (item 5)', { timeout: 60_000 }, () => {
  const base = () =>
    JSON.parse(readFileSync(join(EXAMPLES, 'static-site.json'), 'utf8')) as Record<string, unknown>;

  it('prints the parser’s warnings to stderr with the file and JSON path, and keeps tag keys', async () => {
    const doc = base();
    doc.conections = [];
    const node = (doc.nodes as object[])[0]!;
    Object.defineProperty(node, 'constructor', { value: { x: 1 }, enumerable: true });
    const text = JSON.stringify(doc).replace('"tags":{', '"tags":{"constructor":"ops","__proto__":"p",');
    const file = save('warn.json', text);
    const result = await run(['validate', file]);
    expect(result.code).toBe(0);
    expect(result.err).toContain(`warning: ${file}: ignored the unknown key at $.conections`);
    expect(result.err).toContain(`warning: ${file}: ignored the key at $.nodes[0].constructor`);
    expect(result.err).not.toContain('$.tags');
    const out = join(dir, 'tags');
    expect((await run(['generate', file, '--target', 'terraform,cloudformation', '--out', out])).code).toBe(
      0,
    );
    expect(readFileSync(join(out, 'terraform', 'providers.tf'), 'utf8')).toMatch(/constructor\s+= "ops"/);
    expect(readFileSync(join(out, 'terraform', 'providers.tf'), 'utf8')).toMatch(/__proto__\s+= "p"/);
    expect(readFileSync(join(out, 'cloudformation', 'template.yaml'), 'utf8')).toContain('Key: constructor');
  });

  it('warns where a Latin-1 byte became U+FFFD', async () => {
    const text = JSON.stringify(base()).replace('"name":"Static website"', '"name":"Caf\u00e9"');
    const file = join(dir, 'latin1.json');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const result = await run(['validate', file]);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(
      /^warning: .*latin1\.json: line 1, column \d+: bytes that are not UTF-8 .* at \$\.name;/,
    );
  });

  it('works from a folder outside the repository', () => {
    const result = runBin(['validate', join(EXAMPLES, 'static-site.json')]);
    expect(result.err).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(result.code, result.err).toBe(0);
  }, 60_000);

  it('ends quietly when the reader closes the pipe (archgen ... | head)', async () => {
    const child = spawn(process.execPath, [bin, 'rules'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first write
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

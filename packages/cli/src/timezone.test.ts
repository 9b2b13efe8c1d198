// Users live in every time zone and locale: the zip and the generated files must not change with
// either. These run the real CLI in child processes, as a user's shell would.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';

const root = join(import.meta.dirname, '..', '..', '..');
const example = join(root, 'examples', 'three-tier-web-app.json');
const dir = mkdtempSync(join(tmpdir(), 'archgen-tz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function generateZip(env: Record<string, string>, name: string, design = example): Buffer {
  const out = join(dir, name);
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'packages', 'cli', 'src', 'main.ts'),
      'generate',
      design,
      '--target',
      'all',
      '--out',
      out,
    ],
    { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  expect(run.stderr, `TZ=${env.TZ} LC_ALL=${env.LC_ALL}`).not.toMatch(/\n\s+at /);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return readFileSync(out);
}

describe('zip export in every time zone and locale', () => {
  const settings = [
    { TZ: 'UTC', LC_ALL: 'C.UTF-8' },
    { TZ: 'America/Los_Angeles', LC_ALL: 'en_US.UTF-8' },
    { TZ: 'America/Sao_Paulo', LC_ALL: 'pt_BR.UTF-8' },
    { TZ: 'Pacific/Kiritimati', LC_ALL: 'C.UTF-8' },
    { TZ: 'Asia/Tokyo', LC_ALL: 'ja_JP.UTF-8' },
    { TZ: 'Europe/Stockholm', LC_ALL: 'sv_SE.UTF-8' },
  ];
  const zips = settings.map((env, i) => ({ env, bytes: generateZip(env, `out-${i}.zip`) }));

  it('writes the same bytes everywhere', () => {
    for (const { env, bytes } of zips.slice(1))
      expect(bytes.equals(zips[0]!.bytes), `TZ=${env.TZ} LC_ALL=${env.LC_ALL} differs from UTC`).toBe(true);
  }, 120_000);

  it('dates every entry 1980-01-01 12:00 (the DOS epoch day, local fields)', () => {
    // The DOS date/time sits at offset 10 of each local file header (signature PK\x03\x04).
    const bytes = zips[1]!.bytes;
    let headers = 0;
    for (let at = bytes.indexOf('PK\x03\x04'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4)) {
      const time = bytes.readUInt16LE(at + 10);
      const date = bytes.readUInt16LE(at + 12);
      expect({ year: 1980 + (date >> 9), month: (date >> 5) & 15, day: date & 31, hour: time >> 11 }).toEqual(
        {
          year: 1980,
          month: 1,
          day: 1,
          hour: 12,
        },
      );
      headers++;
    }
    expect(headers).toBe(Object.keys(unzipSync(bytes)).length);
  });
});

describe('generated code in every locale', () => {
  it('sorts the same in Swedish as in C (å, ä, ö sort after z there, and aa after a)', () => {
    // Tags and a service name whose order differs between collations.
    const doc = JSON.parse(readFileSync(example, 'utf8')) as {
      tags: Record<string, string>;
      nodes: { name: string }[];
    };
    Object.assign(doc.tags, { zeta: 'z', äpple: 'ä', aardvark: 'aa', åsa: 'å', ödla: 'ö', Alpha: 'A' });
    doc.nodes[0]!.name = 'Äpple front';
    const design = join(dir, 'locale-design.json');
    writeFileSync(design, JSON.stringify(doc));
    const c = generateZip({ TZ: 'UTC', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }, 'locale-c.zip', design);
    const sv = generateZip(
      { TZ: 'UTC', LC_ALL: 'sv_SE.UTF-8', LANG: 'sv_SE.UTF-8' },
      'locale-sv.zip',
      design,
    );
    const cFiles = unzipSync(c);
    const svFiles = unzipSync(sv);
    expect(Object.keys(svFiles)).toEqual(Object.keys(cFiles));
    for (const path of Object.keys(cFiles))
      expect(Buffer.from(svFiles[path]!).equals(Buffer.from(cFiles[path]!)), `${path} differs in sv_SE`).toBe(
        true,
      );
  }, 60_000);
});

// The malformed-input corpus (issue 11): bad JSON, wrong versions, hostile keys, streams,
// devices, huge and deep inputs, bad paths, existing folders and hostile names. Every case must end
// with its documented exit code (0 ok, 1 findings, 2 unreadable/invalid input or I/O error), name
// the file (and the JSON path where there is one), print no stack trace, not hang, and leave
// nothing half-written. Most run in-process through runCli; a few run the real program.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import {
  DESIGN_SCHEMA_VERSION,
  MAX_DESIGN_BYTES,
  design,
  serializeDesign,
  type Design,
} from '@archgen/model';
import { runCli } from './main.ts';
import { MANIFEST } from './output.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'packages', 'cli', 'bin', 'archgen.mjs');
const dir = mkdtempSync(join(tmpdir(), 'archgen-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Stdin = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
interface Case {
  name: string;
  /** Arguments; `{file}` is replaced by the case's input file, `{out}` by its output path. */
  argv: string[];
  /** The input file's content (written to `{file}`), if any. */
  input?: string | Uint8Array;
  stdin?: () => Stdin;
  /** Prepares the output path or other files before the run. */
  setup?: (paths: { file: string; out: string }) => void;
  code: 0 | 1 | 2;
  /** Text stderr must contain ({file} and {out} replaced), e.g. the JSON path. */
  err?: (string | RegExp)[];
  /** Checks after the run (e.g. zip contents). */
  after?: (paths: { file: string; out: string; stdout: string; stderr: string }) => void;
}

// --- Designs to start from -----------------------------------------------------------------------

const small = (): Design => design('Corpus').vpc().node('sqs', { id: 'q', name: 'Jobs' }).build();
const smallText = serializeDesign(small());
const smallJson = () => JSON.parse(smallText) as Record<string, unknown>;
const risky = serializeDesign(
  design('Risky').vpc().node('rds', { id: 'db', name: 'Orders DB', tier: 'public' }).build(),
);
const withDoc = (edit: (doc: Record<string, unknown>) => void): string => {
  const doc = smallJson();
  edit(doc);
  return JSON.stringify(doc, null, 2);
};
const nodes = (doc: Record<string, unknown>) => doc.nodes as Record<string, unknown>[];
/** Text with `insert` placed right after the first `{` of `anchor`. */
const inject = (text: string, anchor: string, insert: string) => text.replace(anchor, anchor + insert);

// --- The cases ---------------------------------------------------------------------------------

const cases: Case[] = [];
const validate = (name: string, input: string | Uint8Array, code: 0 | 1 | 2, ...err: (string | RegExp)[]) =>
  cases.push({
    name,
    argv: ['validate', '{file}'],
    input,
    code,
    err: code === 2 || err.length ? ['{file}', ...err] : [],
  });

// Bad JSON
const badJson: [string, string, RegExp | string][] = [
  ['empty file', '', 'the file is empty'],
  ['only whitespace', ' \n\t\r\n ', 'the file is empty'],
  ['a lone brace', '{', 'line 1'],
  ['a lone bracket', '[', 'line 1'],
  ['a missing value', '{"name": }', 'line 1, column 10'],
  ['a trailing comma', '{"name": "x",}', 'trailing comma'],
  ['single quotes', "{'name': 'x'}", 'line 1'],
  ['a comment', '// design\n{}', 'line 1'],
  ['a block comment', '{/* x */}', 'line 1'],
  ['NaN', '{"a": NaN}', 'NaN'],
  ['Infinity', '{"a": Infinity}', 'Infinity'],
  ['undefined', '{"a": undefined}', 'undefined'],
  ['a bare word', 'design', 'unexpected word'],
  ['an unterminated string', '{"name": "x', 'unterminated string'],
  ['a raw line break in a string', '{"name": "a\nb"}', 'unescaped control character'],
  ['a bad escape', '{"name": "\\q"}', 'invalid escape'],
  ['a bad unicode escape', '{"name": "\\u12"}', 'invalid \\u escape'],
  ['two documents', `${smallText}${smallText}`, 'after the end of the design'],
  ['a leading plus', '{"a": +1}', 'line 1'],
  ['hex numbers', '{"a": 0x10}', 'line 1'],
  ['a leading zero', '{"a": 01}', 'line 1'],
  ['a missing colon', '{"a" 1}', 'expected ":"'],
  ['a missing comma', '{"a": 1 "b": 2}', 'expected ","'],
  ['unquoted keys', '{name: "x"}', 'property name in double quotes'],
  ['a NUL byte', '{"name":\u0000"x"}', 'line 1'],
  ['a closing brace only', '}', 'line 1'],
  ['mismatched brackets', '{"a": [1, 2}', 'line 1'],
  ['HTML instead of JSON', '<!doctype html><html></html>', 'line 1'],
  ['YAML instead of JSON', 'name: x\nregion: us-east-1\n', 'line 1'],
  ['a JSON number', '42', '$'],
  ['JSON null', 'null', '$'],
  ['JSON true', 'true', '$'],
  ['a JSON string', '"design"', '$'],
  ['an empty array', '[]', '$'],
  ['an array of designs', `[${smallText}]`, '$'],
  ['an empty object', '{}', '$'],
];
for (const [name, input, err] of badJson) validate(`bad JSON: ${name}`, input, 2, err);
for (const cut of [1, 10, 50, 100, 200, 300, smallText.length - 2])
  validate(`bad JSON: cut after ${cut} characters`, smallText.slice(0, cut), 2, 'line');
validate(
  'bad JSON: random bytes',
  Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256),
  2,
);
validate(
  'bad JSON: UTF-16 with a byte-order mark',
  Buffer.from(`\ufeff${smallText}`, 'utf16le'),
  2,
  'UTF-16',
);
validate('bad JSON: UTF-16 without a byte-order mark', Buffer.from(smallText, 'utf16le'), 2);
validate('ok: a UTF-8 byte-order mark', `\ufeff${smallText}`, 0);
validate('ok: Windows line ends', smallText.replace(/\n/g, '\r\n'), 0);

// Wrong versions
for (const [name, value] of [
  ['missing', undefined],
  ['zero', 0],
  ['negative', -1],
  ['a fraction', 1.5],
  ['a string', '"2"'],
  ['null', null],
  ['huge', 1e308],
  ['newer than this archgen', DESIGN_SCHEMA_VERSION + 1],
  ['far in the future', 999],
  ['an object', { v: 2 }],
  ['an array', [2]],
  ['true', true],
] as [string, unknown][]) {
  validate(
    `version: ${name}`,
    withDoc((doc) => {
      if (value === undefined) delete doc.schemaVersion;
      else doc.schemaVersion = typeof value === 'string' && value.startsWith('"') ? JSON.parse(value) : value;
    }),
    2,
    '$',
  );
}

// Hostile keys (dropped with a warning, or kept where they are tag keys)
const hostile: [string, string, string, 0 | 2, string][] = [
  ['__proto__ at the top', '{\n', '"__proto__": {"polluted": 1},', 0, '$.__proto__'],
  ['constructor at the top', '{\n', '"constructor": {"prototype": {"polluted": 1}},', 0, '$.constructor'],
  ['prototype at the top', '{\n', '"prototype": 1,', 0, '$.prototype'],
  ['__proto__ in a node', '"id": "q"', ', "__proto__": {"polluted": 1}', 0, '$.nodes[0].__proto__'],
  ['constructor in a node', '"id": "q"', ', "constructor": 1', 0, '$.nodes[0].constructor'],
  ['__proto__ in properties', '"properties": {', '"__proto__": {"polluted": 1}', 0, '$.nodes[0].properties'],
  ['__proto__ in a VPC', '"id": "main"', ', "__proto__": {"polluted": 1}', 0, '$.vpcs[0].__proto__'],
  ['__proto__ in an environment', '"name": "dev"', ', "__proto__": 1', 0, '$.environments[0].__proto__'],
  ['an object under tags.__proto__', '"tags": {', '"__proto__": {"polluted": 1}', 0, '$.tags.__proto__'],
];
for (const [name, anchor, insert, code, path] of hostile)
  validate(`hostile key: ${name}`, inject(smallText, anchor, insert), code, 'warning', path);
for (const key of ['constructor', 'prototype', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])
  cases.push({
    name: `hostile key: a tag named ${key} is kept and printed`,
    argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}'],
    input: inject(smallText, '"tags": {', `"${key}": "kept"`),
    code: 0,
    after: ({ out, stderr }) => {
      expect(stderr).not.toContain('$.tags');
      expect(readFileSync(join(out, 'providers.tf'), 'utf8')).toMatch(new RegExp(`${key}\\s+= "kept"`));
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  });
validate(
  'hostile key: a node id "constructor"',
  smallText.replaceAll('"q"', '"constructor"'),
  2,
  '$.nodes[0]',
);
validate('hostile key: a node id "__proto__"', smallText.replaceAll('"q"', '"__proto__"'), 2, '$.nodes[0]');
validate(
  'hostile key: a misspelt "conections"',
  withDoc((d) => (d.conections = [])),
  0,
  'warning',
  '$.conections',
);
validate(
  'hostile key: an unknown node key',
  withDoc((d) => (nodes(d)[0]!.colour = 'red')),
  0,
  '$.nodes[0].colour',
);
validate(
  'hostile key: $schema is tolerated',
  withDoc((d) => (d.$schema = 'x')),
  0,
);
validate('hostile key: a NUL in a key', inject(smallText, '{\n', '"a\\u0000b": 1,'), 0, 'warning');
validate(
  'hostile key: a 10,000-character key',
  inject(smallText, '{\n', `"${'k'.repeat(10_000)}": 1,`),
  0,
  'warning',
);
validate(
  'hostile key: a Latin-1 byte',
  Buffer.from(smallText.replace('"Jobs"', '"Caf\u00e9"'), 'latin1'),
  0,
  'not UTF-8',
  '$.nodes[0].name',
);
validate('hostile key: a lone surrogate escape', smallText.replace('"Jobs"', '"\\ud800"'), 0);

// Wrong shapes: invalid designs with the JSON path of the problem
const shapes: [string, (d: Record<string, unknown>) => void, string][] = [
  ['name is a number', (d) => (d.name = 5), '$.name'],
  ['name is empty', (d) => (d.name = ''), '$.name'],
  ['nodes is an object', (d) => (d.nodes = {}), '$.nodes'],
  ['a node is null', (d) => (d.nodes = [null]), '$.nodes[0]'],
  ['an unknown node type', (d) => (nodes(d)[0]!.type = 'mainframe'), '$.nodes[0].type'],
  ['a node without an id', (d) => delete nodes(d)[0]!.id, '$.nodes[0].id'],
  ['duplicate node ids', (d) => (d.nodes = [nodes(d)[0], nodes(d)[0]]), '$.nodes[1]'],
  ['a bad CIDR', (d) => ((d.vpcs as Record<string, unknown>[])[0]!.cidr = '10.0.0.0/99'), '$.vpcs[0].cidr'],
  ['a CIDR that is text', (d) => ((d.vpcs as Record<string, unknown>[])[0]!.cidr = 'home'), '$.vpcs[0].cidr'],
  ['an unknown region', (d) => (d.region = 'mars-north-1'), '$.region'],
  ['environments is empty', (d) => (d.environments = []), '$.environments'],
  [
    'an environment name with capitals',
    (d) => (d.environments = [{ name: 'Prod' }]),
    '$.environments[0].name',
  ],
  [
    'a connection to nowhere',
    (d) => (d.connections = [{ id: 'c', from: 'q', to: 'zz', kind: 'invoke' }]),
    '$.connections[0]',
  ],
  ['a tag value that is a number', (d) => (d.tags = { team: 5 }), '$.tags.team'],
  ['a 300-character tag value', (d) => (d.tags = { team: 'x'.repeat(300) }), '$.tags.team'],
  [
    'a property of the wrong type',
    (d) => (nodes(d)[0]!.properties = { visibilityTimeout: 'long' }),
    '$.nodes[0].properties',
  ],
  [
    'a placement in a VPC that does not exist',
    (d) => (nodes(d)[0]!.placement = { vpcId: 'nope', tier: 'private' }),
    '$.nodes[0].placement',
  ],
  ['tags is an array', (d) => (d.tags = ['a']), '$.tags'],
  ['a node position of text', (d) => (nodes(d)[0]!.position = 'here'), '$.nodes[0].position'],
];
for (const [name, edit, path] of shapes) validate(`invalid design: ${name}`, withDoc(edit), 2, path);
validate(
  'invalid design: a number too large for a double',
  smallText.replace('"properties": {}', '"properties": {"visibilityTimeout": 1e400}'),
  2,
  '$.nodes[0].properties',
);
validate('findings: a database in a public subnet', risky, 1);
cases.push({ name: 'findings: review exits 1 too', argv: ['review', '{file}'], input: risky, code: 1 });
validate('ok: the small design', smallText, 0);

// Huge and deep
const big = (bytes: number) => smallText.replace('{', `{${' '.repeat(bytes - smallText.length)}`);
validate('huge: exactly the limit', big(MAX_DESIGN_BYTES), 0);
validate('huge: one byte over the limit', big(MAX_DESIGN_BYTES + 1), 2, 'larger than the 5 MB limit');
validate('huge: 20 MB of spaces', ' '.repeat(20 * 1024 * 1024), 2, 'larger than');
validate(
  'huge: a 4 MB name',
  withDoc((d) => (d.name = 'n'.repeat(4 * 1024 * 1024))),
  2,
  '$.name',
);
validate(
  'huge: 3,000 nodes',
  withDoc((d) => (d.nodes = Array.from({ length: 3000 }, () => ({})))),
  2,
  '$.nodes',
);
validate(
  'huge: 300 tags',
  withDoc((d) => (d.tags = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`t${i}`, 'v'])))),
  2,
  '$.tags',
);
for (const depth of [65, 1000, 100_000]) {
  validate(`deep: ${depth} nested arrays`, '['.repeat(depth) + ']'.repeat(depth), 2, 'nests deeper');
  validate(
    `deep: ${depth} nested objects`,
    '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    2,
    'nests deeper',
  );
  validate(`deep: ${depth} unclosed arrays`, '['.repeat(depth), 2);
}
validate(
  'deep: nested 65 levels inside a property',
  inject(smallText, '"properties": {', `"x": ${'['.repeat(65)}${']'.repeat(65)}`),
  2,
  'nests deeper',
);
validate('deep: brackets inside a string are text', smallText.replace('"Jobs"', `"${'['.repeat(100)}"`), 0);

// Streams (standard input as "-")
async function* chunks(text: string | Uint8Array, size: number) {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
async function* endless(piece: string) {
  for (;;) yield piece;
}
async function* failing() {
  yield '{"name": ';
  throw Object.assign(new Error('read error'), { code: 'EIO' });
}
const stream = (name: string, stdin: () => Stdin, code: 0 | 1 | 2, ...err: string[]) =>
  cases.push({ name: `stream: ${name}`, argv: ['validate', '-'], stdin, code, err });
stream('a design in one chunk', () => chunks(smallText, 1 << 20), 0);
stream('a design one byte at a time', () => chunks(smallText, 1), 0);
stream('a design split inside a multi-byte character', () => chunks(smallText.replace('Jobs', 'Jöbs'), 3), 0);
stream('strings instead of bytes', () => chunks(smallText, 7), 0);
stream('nothing', () => chunks('', 1), 2, '(stdin)', 'the file is empty');
stream('an endless "["', () => endless('['.repeat(65536)), 2, '(stdin)', 'larger than');
stream('endless spaces', () => endless(' '.repeat(65536)), 2, 'larger than');
stream('an endless design', () => endless(smallText), 2, 'larger than');
stream('a read error', failing, 2, '(stdin)', 'EIO');
stream('findings', () => chunks(risky, 100), 1);
stream('invalid JSON', () => chunks('{"name": ', 4), 2, '(stdin)', 'line 1');
stream(
  'a Latin-1 byte',
  () => chunks(Buffer.from(smallText.replace('Jobs', 'Jøbs'), 'latin1'), 50),
  0,
  'not UTF-8',
);
cases.push({
  name: 'stream: "-" with no standard input',
  argv: ['validate', '-'],
  code: 2,
  err: ['(stdin)'],
});
cases.push({
  name: 'stream: generate from "-"',
  argv: ['generate', '-', '--target', 'terraform', '--out', '{out}'],
  stdin: () => chunks(smallText, 1000),
  code: 0,
});

// Devices
validate('device: /dev/null is empty', '', 2);
for (const [name, path, err] of [
  ['/dev/zero', '/dev/zero', 'larger than'],
  ['/dev/null', '/dev/null', 'the file is empty'],
  ['/dev/urandom', '/dev/urandom', 'larger than'],
  ['/dev/full', '/dev/full', 'larger than'],
  ['/proc/self/status', '/proc/self/status', 'line 1'],
  ['a folder', '/', 'is a folder (EISDIR)'],
] as const)
  cases.push({ name: `device: ${name}`, argv: ['validate', path], code: 2, err: [path, err] });

// Bad paths
const badPath = (
  name: string,
  path: string | ((p: { file: string; out: string }) => string),
  err: string[],
  setup?: Case['setup'],
) =>
  cases.push({
    name: `bad path: ${name}`,
    argv: ['validate', typeof path === 'string' ? path : '{file}'],
    code: 2,
    err,
    setup,
  });
badPath('a file that does not exist', join(dir, 'nope.json'), ['nope.json', 'ENOENT']);
badPath('a folder that does not exist', join(dir, 'no', 'such', 'design.json'), ['ENOENT']);
badPath('a file inside a file', join(bin, 'design.json'), ['archgen.mjs', 'ENOTDIR']);
badPath('a 5,000-character name', join(dir, 'x'.repeat(5000)), ['ENAMETOOLONG']);
badPath('a NUL byte in the name', join(dir, 'a\u0000b.json'), ['cannot read design']);
badPath('the temporary folder', dir, ['EISDIR']);
cases.push({
  name: 'bad path: a dangling symbolic link',
  argv: ['validate', '{file}'],
  setup: ({ file }) => symlinkSync(join(dir, 'missing-target.json'), file),
  code: 2,
  err: ['{file}', 'ENOENT'],
});
cases.push({
  name: 'bad path: a symbolic link loop',
  argv: ['validate', '{file}'],
  setup: ({ file }) => symlinkSync(file, file),
  code: 2,
  err: ['{file}', 'ELOOP'],
});
cases.push({
  name: 'bad path: an empty name',
  argv: ['validate', ''],
  code: 2,
  err: ['validate needs a design file'],
});
cases.push({
  name: 'bad path: unknown environment',
  argv: ['validate', '{file}', '--env', 'qa'],
  input: smallText,
  code: 2,
  err: ['{file}', 'unknown environment qa'],
});
cases.push({ name: 'usage: no design', argv: ['validate'], code: 2, err: ['needs a design file'] });
cases.push({
  name: 'usage: an unknown option',
  argv: ['validate', '{file}', '--bogus'],
  input: smallText,
  code: 2,
  err: ['--bogus'],
});
cases.push({ name: 'usage: an unknown command', argv: ['frobnicate'], code: 2, err: ['unknown command'] });
cases.push({
  name: 'usage: review --write ""',
  argv: ['review', '{file}', '--write', ''],
  input: smallText,
  code: 2,
});
cases.push({
  name: 'bad path: review --write into a missing folder',
  argv: ['review', '{file}', '--write', join(dir, 'no', 'REVIEW.md')],
  input: smallText,
  code: 2,
  err: ['REVIEW.md', 'ENOENT'],
});

// Existing folders and output paths
const gen = (name: string, extra: Partial<Case> & { code: 0 | 1 | 2 }, args: string[] = []) =>
  cases.push({
    name: `output: ${name}`,
    argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}', ...args],
    input: smallText,
    ...extra,
  });
const ourFiles = (out: string) => {
  const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: string[] };
  return manifest.files;
};
gen('a new folder', { code: 0, after: ({ out }) => expect(ourFiles(out)).toContain('providers.tf') });
gen('a new folder three levels down', {
  code: 0,
  setup: () => undefined,
  argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}/a/b/c'],
});
gen('an empty folder', { code: 0, setup: ({ out }) => mkdirSync(out) });
gen('a folder with a user README.md', {
  code: 2,
  err: ['{out}', 'README.md', '--force'],
  setup: ({ out }) => (mkdirSync(out), writeFileSync(join(out, 'README.md'), 'mine')),
});
gen(
  'a folder with a user README.md, --force',
  {
    code: 0,
    setup: ({ out }) => (mkdirSync(out), writeFileSync(join(out, 'notes.txt'), 'mine')),
    after: ({ out }) => expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine'),
  },
  ['--force'],
);
gen('a folder with terraform state', {
  code: 2,
  err: ['terraform.tfstate'],
  setup: ({ out }) => (mkdirSync(out), writeFileSync(join(out, 'terraform.tfstate'), '{}')),
});
gen('a folder with a hidden file', {
  code: 2,
  err: ['.env'],
  setup: ({ out }) => (mkdirSync(out), writeFileSync(join(out, '.env'), 'SECRET=1')),
});
gen('a folder with a nested user file', {
  code: 2,
  err: ['deep/x.txt'],
  setup: ({ out }) => (
    mkdirSync(join(out, 'deep'), { recursive: true }),
    writeFileSync(join(out, 'deep', 'x.txt'), '1')
  ),
});
gen('a folder with a symbolic link', {
  code: 2,
  err: ['link'],
  setup: ({ out }) => (mkdirSync(out), symlinkSync('/etc/passwd', join(out, 'link'))),
});
gen('a folder with an empty subfolder only', {
  code: 0,
  setup: ({ out }) => mkdirSync(join(out, 'empty'), { recursive: true }),
});
gen('our own earlier output', {
  code: 0,
  setup: ({ out }) => (
    mkdirSync(out),
    writeFileSync(join(out, MANIFEST), JSON.stringify({ files: ['old.tf'] })),
    writeFileSync(join(out, 'old.tf'), 'x')
  ),
  after: ({ out, stdout }) => {
    expect(readdirSync(out)).not.toContain('old.tf');
    expect(stdout).toContain('removed 1');
  },
});
gen('a manifest that is not JSON', {
  code: 2,
  err: ['x.tf'],
  setup: ({ out }) => (
    mkdirSync(out),
    writeFileSync(join(out, MANIFEST), '{'),
    writeFileSync(join(out, 'x.tf'), '1')
  ),
});
gen('a manifest that links to /dev/zero', {
  code: 2,
  err: ['x.tf'],
  setup: ({ out }) => (
    mkdirSync(out),
    symlinkSync('/dev/zero', join(out, MANIFEST)),
    writeFileSync(join(out, 'x.tf'), '1')
  ),
});
gen('a manifest larger than a megabyte', {
  code: 2,
  err: ['x.tf'],
  setup: ({ out }) => (
    mkdirSync(out),
    writeFileSync(join(out, MANIFEST), JSON.stringify({ files: ['x.tf', 'y'.repeat(2 << 20)] })),
    writeFileSync(join(out, 'x.tf'), '1')
  ),
});
gen('a manifest pointing outside the folder', {
  code: 0,
  setup: ({ out }) => (
    mkdirSync(out),
    writeFileSync(
      join(out, MANIFEST),
      JSON.stringify({ files: ['../victim.txt', '/etc/hosts', 'a/../../victim.txt'] }),
    ),
    writeFileSync(join(out, '..', 'victim.txt'), 'keep')
  ),
  after: ({ out }) => expect(readFileSync(join(out, '..', 'victim.txt'), 'utf8')).toBe('keep'),
});
gen('a manifest listing a folder', {
  code: 0,
  setup: ({ out }) => (
    mkdirSync(join(out, 'sub'), { recursive: true }),
    writeFileSync(join(out, MANIFEST), JSON.stringify({ files: ['sub'] }))
  ),
});
gen('the output is a file', {
  code: 2,
  err: ['{out}', 'ENOTDIR'],
  setup: ({ out }) => writeFileSync(out, 'a file'),
});
gen('the output is under a file', {
  code: 2,
  err: ['ENOTDIR'],
  argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}/sub'],
  setup: ({ out }) => writeFileSync(out, 'a file'),
});
gen('a zip onto a folder', {
  code: 2,
  err: ['EISDIR'],
  argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}.zip'],
  setup: ({ out }) => mkdirSync(`${out}.zip`),
});
gen('a zip under a file', {
  code: 2,
  err: ['ENOTDIR'],
  argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}/x.zip'],
  setup: ({ out }) => writeFileSync(out, 'f'),
});
for (const ext of ['zip', 'ZIP', 'Zip'])
  gen(`a .${ext} file`, {
    code: 0,
    argv: ['generate', '{file}', '--target', 'terraform', '--out', `{out}.${ext}`],
    after: ({ out }) =>
      expect(Object.keys(unzipSync(readFileSync(`${out}.${ext}`)))).toContain(
        'corpus/terraform/providers.tf',
      ),
  });
gen('an existing zip is replaced', {
  code: 0,
  argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}.zip'],
  setup: ({ out }) => writeFileSync(`${out}.zip`, 'old'),
  after: ({ out }) => expect(statSync(`${out}.zip`).size).toBeGreaterThan(100),
});
gen('an unknown target', {
  code: 2,
  argv: ['generate', '{file}', '--target', 'pulumi', '--out', '{out}'],
  err: ['pulumi'],
});
gen('no --out', { code: 2, argv: ['generate', '{file}', '--target', 'terraform'], err: ['--out'] });
gen('no --target', { code: 2, argv: ['generate', '{file}', '--out', '{out}'], err: ['--target'] });
gen('an invalid design is not written', { code: 2, input: '{', err: ['{file}', 'line 1'] });
gen('an unknown environment', {
  code: 2,
  argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}', '--env', 'qa'],
  err: ['qa'],
});
gen('a design it cannot build', {
  code: 1,
  input: serializeDesign(
    (() => {
      const d = design('Unplaced').vpc().node('rds', { id: 'db', name: 'Orders DB' }).build();
      d.nodes[0]!.placement = null;
      return d;
    })(),
  ),
  argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}'],
});

// Hostile names
const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
for (const name of ['CON', 'nul', 'aux', 'Prn', 'COM1', 'lpt9', 'con.txt', 'NUL '])
  cases.push({
    name: `hostile name: a design named ${JSON.stringify(name)}`,
    argv: ['generate', '{file}', '--target', 'terraform,cloudformation', '--out', '{out}.zip'],
    input: withDoc((d) => (d.name = name)),
    code: 0,
    after: ({ out }) => {
      const parts = Object.keys(unzipSync(readFileSync(`${out}.zip`))).flatMap((p) => p.split('/'));
      expect(parts.filter((p) => reserved.test(p))).toEqual([]);
    },
  });
for (const env of ['nul', 'con', 'aux', 'com1', 'lpt1', 'prn'])
  cases.push({
    name: `hostile name: an environment named ${env}`,
    argv: ['generate', '{file}', '--target', 'terraform,cloudformation', '--out', '{out}.zip'],
    input: withDoc((d) => (d.environments = [{ name: env }])),
    code: 0,
    after: ({ out }) => {
      const paths = Object.keys(unzipSync(readFileSync(`${out}.zip`)));
      expect(paths.flatMap((p) => p.split('/')).filter((p) => reserved.test(p))).toEqual([]);
      expect(paths).toContain(`corpus/terraform/environments/${env}-name.tfvars`);
    },
  });
for (const [label, name] of [
  ['a path', '../../etc/passwd'],
  ['backslashes', '..\\..\\windows'],
  ['only punctuation', '***///'],
  ['an emoji', '🚀 rocket'],
  ['right-to-left text', 'שלום'],
  ['zero-width characters', 'a\u200bb\u200dc'],
  ['a comment terminator', 'x */ y'],
  ['HTML', '<script>alert(1)</script>'],
  ['control characters', 'a\u0001b\u001fc'],
  ['128 characters', 'n'.repeat(128)],
] as const)
  cases.push({
    name: `hostile name: a design named with ${label}`,
    argv: ['generate', '{file}', '--target', 'terraform', '--out', '{out}'],
    input: withDoc((d) => {
      d.name = name;
      nodes(d)[0]!.name = name;
    }),
    code: 0,
    after: ({ out }) => {
      for (const f of ourFiles(out)) expect(f).toMatch(/^[A-Za-z0-9_.\-/]+$/);
    },
  });
validate(
  'hostile name: only whitespace',
  withDoc((d) => (d.name = '   ')),
  0,
);

// --- Running them ------------------------------------------------------------------------------

const CASE_TIMEOUT = 20_000;
const tally = new Map<number, number>();

/** Files and contents under `path` (or the file itself), to check a failure changed nothing. */
function snapshot(path: string): string {
  try {
    const stat = statSync(path);
    if (!stat.isDirectory()) return `file:${readFileSync(path).toString('base64')}`;
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .map((e) => {
        const full = join(e.parentPath, e.name);
        return `${full}:${e.isFile() ? readFileSync(full).toString('base64') : e.isSymbolicLink() ? 'link' : 'dir'}`;
      })
      .sort()
      .join('\n');
  } catch {
    return 'absent';
  }
}

describe('malformed-input corpus', () => {
  afterAll(() => {
    const byCode = [...tally].sort(([a], [b]) => a - b).map(([code, n]) => `exit ${code}: ${n}`);
    console.log(`malformed-input corpus: ${cases.length} cases (${byCode.join(', ')})`);
  });

  it('has at least 150 cases with distinct names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  cases.forEach((c, index) => {
    it(
      c.name,
      async () => {
        const caseDir = join(dir, `case-${index}`);
        mkdirSync(caseDir);
        const paths = { file: join(caseDir, 'design.json'), out: join(caseDir, 'out') };
        if (c.input !== undefined) writeFileSync(paths.file, c.input);
        c.setup?.(paths);
        const fill = (s: string) => s.replaceAll('{file}', paths.file).replaceAll('{out}', paths.out);
        const argv = c.argv.map(fill);
        const outArg = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;
        const before = outArg ? snapshot(outArg) : undefined;

        const out: string[] = [];
        const err: string[] = [];
        let timer: NodeJS.Timeout | undefined;
        const code = await Promise.race([
          runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: c.stdin?.() }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`${c.name}: no answer in ${CASE_TIMEOUT} ms`)),
              CASE_TIMEOUT,
            );
          }),
        ]).finally(() => clearTimeout(timer));
        const stderr = err.join('\n');
        const stdout = out.join('\n');
        tally.set(code, (tally.get(code) ?? 0) + 1);

        expect(code, stderr).toBe(c.code);
        expect(stderr).not.toMatch(/\n\s+at |node:internal|\bat .*\.ts:\d+/);
        for (const expected of c.err ?? [])
          if (typeof expected === 'string') expect(stderr).toContain(fill(expected));
          else expect(stderr).toMatch(expected);
        if (code === 2 && !argv.includes('')) expect(stderr).toMatch(/^archgen: |^warning: /);
        // Nothing half-written: a failed generate leaves the output as it was, and no temporary files.
        if (outArg && code !== 0) expect(snapshot(outArg)).toBe(before);
        expect(readdirSync(caseDir).filter((f) => f.includes('.archgen-'))).toEqual([]);
        c.after?.({ ...paths, stdout, stderr });
        rmSync(caseDir, { recursive: true, force: true });
      },
      CASE_TIMEOUT + 5_000,
    );
  });
});

describe('malformed-input corpus, as the real program', () => {
  const sh = (command: string, input?: string) =>
    spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', input, timeout: 60_000 });
  const archgen = `"${process.execPath}" "${bin}"`;
  const example = join(root, 'examples', 'static-site.json');

  it('reads /dev/zero, endless pipes, and a design piped to "-" and /dev/stdin', () => {
    const results = [
      [sh(`${archgen} validate /dev/zero`), 2],
      [sh(`yes '{' | ${archgen} validate -`), 2],
      [sh(`cat "${example}" | ${archgen} validate -`), 0],
      [sh(`${archgen} validate /dev/stdin < "${example}"`), 0],
      [sh(`${archgen} validate -`, '{"name":'), 2],
    ] as const;
    for (const [result, code] of results) {
      expect(result.signal).toBeNull();
      expect(result.status, result.stderr).toBe(code);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);

  it('ends quietly when the reader stops early (| head -1) and runs outside the repository', () => {
    const result = sh(`${archgen} services | head -1; ${archgen} rules --json | head -c 10 >/dev/null`);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toHaveLength(2);
  }, 120_000);
});

/**
 * Reads `.tf` files into module instances: the root configuration(s) and every local module a
 * `module` block calls whose folder is among the files. Each instance has its variables (defaults,
 * then tfvars for a root or the call's arguments for a module), its literal locals, its resource,
 * data, module and output blocks, in source order.
 */
import type { HclParser, ImportProblem, SourceFile } from '../report.ts';
import { expandDynamicBlocks } from './dynamic.ts';
import { Unknown, collectRefs, evaluate, isKnown, type Scope, type Value } from './expr.ts';

export type Body = Record<string, unknown>;

/** One `resource` or `data` block as written (a `count`/`for_each` block is one block). */
export interface Block {
  mode: 'resource' | 'data';
  type: string;
  name: string;
  /** Full address: `aws_sqs_queue.q`, `data.aws_iam_policy_document.p`, `module.m.aws_sqs_queue.q`. */
  address: string;
  file: string;
  line?: number;
  body: Body;
  module: ModuleInstance;
  /** Addresses (full) of the resource and data blocks this block's arguments refer to. */
  refs: string[];
}

export interface ModuleCall {
  name: string;
  address: string;
  file: string;
  line?: number;
  body: Body;
  source: string;
  /** The instance, when the source is a local folder among the files. */
  instance?: ModuleInstance;
}

export interface ModuleInstance {
  /** `''` for a root, `module.a.` (nested: `module.a.module.b.`) for a module instance. */
  prefix: string;
  dir: string;
  parent?: ModuleInstance;
  call?: ModuleCall;
  variables: Map<string, Value>;
  locals: Map<string, Value>;
  localSources: Map<string, unknown>;
  outputs: Map<string, unknown>;
  /** `provider "aws"` blocks of this module. */
  providers: Body[];
  resources: Block[];
  data: Block[];
  modules: ModuleCall[];
  scope: Scope;
}

export interface Configuration {
  roots: ModuleInstance[];
  /** Every instance, roots first, in a stable order. */
  instances: ModuleInstance[];
  /** Every resource block of every instance, in file and line order. */
  resources: Block[];
  data: Block[];
  modules: ModuleCall[];
  byAddress: Map<string, Block>;
  problems: ImportProblem[];
  /** Raw text of every file, for comment scanning. */
  texts: SourceFile[];
}

interface ParsedFile {
  path: string;
  dir: string;
  text: string;
  json: Record<string, unknown>;
}

const MAX_MODULE_DEPTH = 8;

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** `a/b` + `../c` -> `a/c`; undefined when it climbs above the imported files. */
export function joinPath(dir: string, rel: string): string | undefined {
  const parts = dir === '' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../');
}

/** Line numbers of `resource "t" "n"`, `data "t" "n"` and `module "n"` headers in raw text. */
function headerLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const re = /^[ \t]*(resource|data)[ \t]+"([^"]+)"[ \t]+"([^"]+)"|^[ \t]*module[ \t]+"([^"]+)"/gm;
  let line = 1;
  let at = 0;
  for (const m of text.matchAll(re)) {
    // Count newlines once, from the previous header on (not from the top for every header).
    for (let i = text.indexOf('\n', at); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    at = m.index;
    const key = m[4] !== undefined ? `module.${m[4]}` : `${m[1] === 'data' ? 'data.' : ''}${m[2]}.${m[3]}`;
    if (!lines.has(key)) lines.set(key, line);
  }
  return lines;
}

/**
 * Deeper bracket nesting than any real configuration has. HashiCorp's parser (Go compiled to
 * wasm) recurses per level and, thousands deep, dies with a fatal runtime error that takes every
 * later parse in the process with it; such a file is refused before it reaches the parser.
 */
export const MAX_HCL_NESTING = 256;

/** The deepest (, [ or { nesting outside strings and comments (a quick scan, not a parser). */
export function hclNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '(' || c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Parses HCL through the injected parser, refusing what would crash it. */
export async function parseHclSafely(
  parseHcl: HclParser,
  path: string,
  text: string,
): Promise<Record<string, unknown>> {
  const depth = hclNestingDepth(text);
  if (depth > MAX_HCL_NESTING)
    throw new Error(`brackets nest ${depth} levels deep (more than ${MAX_HCL_NESTING}); not parsed`);
  return parseHcl(path, text);
}

/**
 * Terraform's JSON syntax (`*.tf.json`) is the structure HashiCorp's parser gives for HCL, except
 * that a block may be one object where the parser always gives a list, and `"//"` keys are
 * comments. The readers take both shapes (asBlocks), so only the comments are dropped here.
 */
function readJsonSyntax(text: string): Record<string, unknown> {
  const dropComments = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(dropComments)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== '//')
              .map(([k, x]) => [k, dropComments(x)]),
          )
        : v;
  const json = dropComments(JSON.parse(text));
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new Error('the file must hold one JSON object of top-level blocks (resource, variable, ...)');
  return json as Record<string, unknown>;
}

function asBlocks(v: unknown): Body[] {
  if (Array.isArray(v)) return v.filter((b): b is Body => !!b && typeof b === 'object' && !Array.isArray(b));
  if (v && typeof v === 'object') return [v as Body];
  return [];
}

function entries(v: unknown): [string, unknown][] {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : [];
}

export async function readConfiguration(
  files: readonly SourceFile[],
  parseHcl: HclParser,
  tfvars: Record<string, unknown>,
): Promise<Configuration> {
  const problems: ImportProblem[] = [];
  const sources = files.filter((f) => f.path.endsWith('.tf') || f.path.endsWith('.tf.json'));
  const parsed: ParsedFile[] = [];
  for (const f of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    try {
      const json = f.path.endsWith('.tf.json')
        ? readJsonSyntax(f.text)
        : await parseHclSafely(parseHcl, f.path, f.text);
      parsed.push({ path: f.path, dir: dirOf(f.path), text: f.text, json });
    } catch (error) {
      problems.push({
        severity: 'error',
        message: `${f.path} is not valid ${f.path.endsWith('.tf.json') ? 'Terraform JSON' : 'HCL'}: ${error instanceof Error ? error.message : String(error)}`,
        file: f.path,
      });
    }
  }
  const byDir = new Map<string, ParsedFile[]>();
  for (const p of parsed) byDir.set(p.dir, [...(byDir.get(p.dir) ?? []), p]);

  // A folder another folder's module block calls is a module; every other folder is a root.
  const called = new Set<string>();
  for (const p of parsed)
    for (const [, calls] of entries(p.json.module))
      for (const call of asBlocks(calls)) {
        const source = typeof call.source === 'string' ? call.source : '';
        const target = isLocalSource(source) ? joinPath(p.dir, source) : undefined;
        if (target !== undefined && target !== p.dir && byDir.has(target)) called.add(target);
      }
  const rootDirs = [...byDir.keys()].filter((d) => !called.has(d)).sort();
  const primary = rootDirs.includes('') ? '' : rootDirs[0];
  if (rootDirs.length > 1)
    problems.push({
      severity: 'info',
      message: `${rootDirs.length} root configurations (${rootDirs.map((d) => d || '.').join(', ')}) were imported into one design; addresses outside ${primary || '.'} start with their folder`,
    });

  const instances: ModuleInstance[] = [];
  const build = (
    dir: string,
    prefix: string,
    depth: number,
    parent?: ModuleInstance,
    call?: ModuleCall,
  ): ModuleInstance => {
    const instance: ModuleInstance = {
      prefix,
      dir,
      ...(parent ? { parent } : {}),
      ...(call ? { call } : {}),
      variables: new Map(),
      locals: new Map(),
      localSources: new Map(),
      outputs: new Map(),
      providers: [],
      resources: [],
      data: [],
      modules: [],
      scope: { variable: () => undefined, local: () => undefined },
    };
    instances.push(instance);
    const dirFiles = byDir.get(dir) ?? [];
    const varSources = new Map<string, unknown>();
    for (const p of dirFiles) {
      for (const [name, decls] of entries(p.json.variable)) {
        const decl = asBlocks(decls)[0];
        if (decl && 'default' in decl) varSources.set(name, decl.default);
        else if (!varSources.has(name)) varSources.set(name, undefined);
      }
      for (const block of asBlocks(p.json.locals))
        for (const [name, v] of Object.entries(block)) instance.localSources.set(name, v);
      instance.providers.push(...asBlocks(entries(p.json.provider).find(([k]) => k === 'aws')?.[1]));
      for (const [name, decls] of entries(p.json.output)) {
        const decl = asBlocks(decls)[0];
        if (decl) instance.outputs.set(name, decl.value);
      }
    }
    // Variables: a root takes tfvars over defaults; a module its call's arguments (evaluated in the caller).
    const evaluating = new Set<string>();
    const variable = (name: string): Value | undefined => {
      if (instance.variables.has(name)) return instance.variables.get(name);
      if (!varSources.has(name) && !(call && name in call.body)) return undefined;
      if (evaluating.has(name)) return undefined;
      evaluating.add(name);
      let v: Value | undefined;
      if (call && parent && name in call.body) {
        v = evaluate(call.body[name], parent.scope);
        // What the caller passes refers to the caller's blocks: name it as this module sees it.
        if (v instanceof Unknown) v = new Unknown([`var.${name}`]);
      } else if (!call && name in tfvars)
        v = evaluate(tfvars[name], { variable: () => undefined, local: () => undefined });
      else if (varSources.get(name) !== undefined) v = evaluate(varSources.get(name), instance.scope);
      evaluating.delete(name);
      if (v !== undefined && isKnown(v)) instance.variables.set(name, v);
      return v;
    };
    const local = (name: string): Value | undefined => {
      if (instance.locals.has(name)) return instance.locals.get(name);
      if (!instance.localSources.has(name) || evaluating.has(`local.${name}`)) return undefined;
      evaluating.add(`local.${name}`);
      const v = evaluate(instance.localSources.get(name), instance.scope);
      evaluating.delete(`local.${name}`);
      if (isKnown(v)) instance.locals.set(name, v);
      return v;
    };
    instance.scope = { variable, local };

    for (const p of dirFiles) {
      const lines = headerLines(p.text);
      for (const mode of ['resource', 'data'] as const) {
        for (const [type, named] of entries(p.json[mode])) {
          for (const [name, bodies] of entries(named)) {
            const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
            const { body, unexpanded } = expandDynamicBlocks(asBlocks(bodies)[0] ?? {}, instance.scope);
            for (const blockName of new Set(unexpanded))
              problems.push({
                severity: 'info',
                message: `${prefix}${local}: dynamic "${blockName}" iterates over a collection known only at apply; its blocks are not read`,
                file: p.path,
                ...(lines.get(local) !== undefined ? { line: lines.get(local)! } : {}),
                sourceId: `${prefix}${local}`,
              });
            const line = lines.get(local);
            const block: Block = {
              mode,
              type,
              name,
              address: `${prefix}${local}`,
              file: p.path,
              ...(line !== undefined ? { line } : {}),
              body,
              module: instance,
              refs: [],
            };
            (mode === 'resource' ? instance.resources : instance.data).push(block);
          }
        }
      }
      for (const [name, calls] of entries(p.json.module)) {
        const body = asBlocks(calls)[0] ?? {};
        const source = typeof body.source === 'string' ? body.source : '';
        const line = lines.get(`module.${name}`);
        instance.modules.push({
          name,
          address: `${prefix}module.${name}`,
          file: p.path,
          ...(line !== undefined ? { line } : {}),
          body,
          source,
        });
      }
    }
    for (const call of instance.modules) {
      const target = isLocalSource(call.source) ? joinPath(dir, call.source) : undefined;
      if (target === undefined || target === dir || !byDir.has(target)) continue;
      if (depth >= MAX_MODULE_DEPTH) {
        problems.push({
          severity: 'warning',
          message: `module ${call.address} nests deeper than ${MAX_MODULE_DEPTH} modules; not read`,
          file: call.file,
        });
        continue;
      }
      call.instance = build(target, `${call.address}.`, depth + 1, instance, call);
    }
    return instance;
  };
  // Several root configurations share one design: the addresses of all but the first carry their
  // folder (`vpc-rds-setup/aws_vpc.main`), so two roots declaring the same address stay apart.
  const roots = rootDirs.map((d) => build(d, d === primary ? '' : `${d}/`, 0));

  const order = (a: { file: string; line?: number }, b: { file: string; line?: number }): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0);
  const resources = instances.flatMap((i) => i.resources).sort(order);
  const data = instances.flatMap((i) => i.data).sort(order);
  const modules = instances.flatMap((i) => i.modules).sort(order);
  const byAddress = new Map<string, Block>();
  for (const b of [...resources, ...data]) byAddress.set(b.address, b);
  for (const b of [...resources, ...data]) b.refs = resolveRefs(collectRefs(b.body), b.module, byAddress, 0);
  return { roots, instances, resources, data, modules, byAddress, problems, texts: sources };
}

/**
 * The resource and data blocks the references point at, following `var.x` of a module to what
 * the caller passed and `module.m.out` to what the module's output holds.
 */
export function resolveRefs(
  refs: readonly string[],
  instance: ModuleInstance,
  byAddress: ReadonlyMap<string, Block>,
  depth: number,
): string[] {
  const out = new Set<string>();
  if (depth > 6) return [];
  for (const ref of refs) {
    const parts = ref.split('.');
    if (parts[0] === 'var' && parts[1] && instance.call && instance.parent) {
      const arg = instance.call.body[parts[1]];
      if (arg !== undefined)
        for (const r of resolveRefs(collectRefs(arg), instance.parent, byAddress, depth + 1)) out.add(r);
    } else if (parts[0] === 'local' && parts[1] && instance.localSources.has(parts[1])) {
      const src = instance.localSources.get(parts[1]);
      for (const r of resolveRefs(collectRefs(src), instance, byAddress, depth + 1)) out.add(r);
    } else if (parts[0] === 'module' && parts[1]) {
      const call = instance.modules.find((m) => m.name === parts[1]);
      const child = call?.instance;
      if (child && parts[2] && child.outputs.has(parts[2]))
        for (const r of resolveRefs(collectRefs(child.outputs.get(parts[2])), child, byAddress, depth + 1))
          out.add(r);
    } else {
      const local = parts[0] === 'data' ? parts.slice(0, 3).join('.') : parts.slice(0, 2).join('.');
      const address = `${instance.prefix}${local}`;
      if (byAddress.has(address)) out.add(address);
    }
  }
  return [...out];
}

/** One instance of a `count` or `for_each` block. */
export interface InstanceKey {
  countIndex?: number;
  each?: { key: Value; value: Value };
}

/** Evaluates an argument of a block in its module (as one instance of it, when given). */
export function argument(block: Block, value: unknown, instance?: InstanceKey): Value {
  const scope: Scope = instance === undefined ? block.module.scope : { ...block.module.scope, ...instance };
  return evaluate(value, scope);
}

/** A known scalar of the block's argument at `path` (`a.b` walks nested blocks' first item). */
export function known(
  block: Block,
  path: string,
  instance?: InstanceKey,
): string | number | boolean | undefined {
  const raw = rawAt(block.body, path);
  if (raw === undefined) return undefined;
  const v = argument(block, raw, instance);
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

/** More instances than this are not expanded (a count from a typo must not exhaust memory). */
export const MAX_INSTANCES = 64;

/**
 * The instances of a block: one (no count, no for_each), each `count.index`, or each `for_each`
 * element; undefined when the count or collection is not known before apply.
 */
export function instancesOf(block: Block): InstanceKey[] | undefined {
  if (block.body.count !== undefined) {
    const n = argument(block, block.body.count);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
    return Array.from({ length: Math.min(n, MAX_INSTANCES) }, (_, i) => ({ countIndex: i }));
  }
  if (block.body.for_each !== undefined) {
    const v = argument(block, block.body.for_each);
    if (Array.isArray(v) && isKnown(v))
      return v.slice(0, MAX_INSTANCES).map((x) => ({ each: { key: x, value: x } }));
    if (v && typeof v === 'object' && !(v instanceof Unknown) && !Array.isArray(v))
      return Object.entries(v)
        .slice(0, MAX_INSTANCES)
        .map(([key, value]) => ({ each: { key, value } }));
    return undefined;
  }
  return [{}];
}

/** The raw (hcl2json) value at a dotted path; nested blocks (arrays of objects) take the first. */
export function rawAt(body: unknown, path: string): unknown {
  let v: unknown = body;
  for (const key of path.split('.')) {
    if (Array.isArray(v)) v = v[0];
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Is the value unknown until apply? */
export function isUnknown(v: Value): v is Unknown {
  return v instanceof Unknown;
}

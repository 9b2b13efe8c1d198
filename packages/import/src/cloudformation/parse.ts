/**
 * Template text (YAML with CloudFormation's short-form tags, or JSON) to the long form:
 * `!Ref X` becomes `{ Ref: 'X' }`, `!GetAtt A.Arn` becomes `{ 'Fn::GetAtt': ['A', 'Arn'] }`.
 *
 * What is accepted beyond strict YAML, because CloudFormation accepts it: duplicate mapping keys
 * (the last one wins, each reported as a warning with its file and line) and `<<` merge keys.
 * Malformed input throws a TemplateSyntaxError naming the file and line, never a raw stack.
 */
import {
  LineCounter,
  parseDocument,
  visit,
  isMap,
  isScalar,
  type YAMLMap,
  type YAMLSeq,
  type Tags,
} from 'yaml';
import type { ImportProblem } from '../report.ts';

export class TemplateSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${reason}`);
    this.name = 'TemplateSyntaxError';
  }
}

/** Short-form tags with a function name that differs from `Fn::<tag>`. */
const LONG_NAME: Record<string, string> = { Ref: 'Ref', Condition: 'Condition' };

const TAG_NAMES = [
  'Ref',
  'GetAtt',
  'Sub',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'Join',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'GetAZs',
  'Base64',
  'Cidr',
  'Condition',
  'Transform',
  'Length',
  'ToJsonString',
] as const;

function longName(tag: string): string {
  return LONG_NAME[tag] ?? `Fn::${tag}`;
}

/** `!GetAtt A.B.C` is `['A', 'B.C']`: the logical ID ends at the first dot. */
function getAttScalar(value: string): string[] {
  const dot = value.indexOf('.');
  return dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

export const CLOUDFORMATION_TAGS: Tags = TAG_NAMES.flatMap((name) => [
  {
    tag: `!${name}`,
    resolve: (value: string) => ({ [longName(name)]: name === 'GetAtt' ? getAttScalar(value) : value }),
  },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (seq: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [longName(name)]: seq.toJSON() as unknown }),
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (map: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [longName(name)]: map.toJSON() as unknown }),
  },
]);

export interface ParsedTemplate {
  template: Record<string, unknown>;
  problems: ImportProblem[];
}

/** Parses one template; throws TemplateSyntaxError on input that is not a template. */
export function parseTemplateText(file: string, text: string): ParsedTemplate {
  const problems: ImportProblem[] = [];
  const lineCounter = new LineCounter();
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.trim() === '') throw new TemplateSyntaxError(file, undefined, 'the file is empty');
  const doc = parseDocument(trimmed, {
    // YAML 1.2 core scalars: `N`, `y`, `on` and `yes` stay text (keys like `N:` are common in
    // mappings); only true/false are booleans. Merge keys (`<<`) still work.
    version: '1.2',
    merge: true,
    // YAML 1.1 timestamps (`Version: 2012-10-17`) stay text, as CloudFormation reads them.
    customTags: (tags) => [
      ...tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
      ...CLOUDFORMATION_TAGS,
    ],
    uniqueKeys: false,
    lineCounter,
    prettyErrors: false,
  });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = lineOf(first.pos[0]);
    const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more)` : '';
    throw new TemplateSyntaxError(file, line, `not valid YAML or JSON: ${firstLine(first.message)}${more}`);
  }
  for (const warning of doc.warnings) {
    problems.push({
      severity: 'warning',
      message: `${firstLine(warning.message)} (kept as plain text)`,
      file,
      line: lineOf(warning.pos[0]),
    });
  }
  // Duplicate keys: CloudFormation keeps the last one; say where.
  visit(doc, {
    Map(_key, node) {
      const seen = new Map<string, number | undefined>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const line = lineOf(pair.key.range?.[0]);
        if (seen.has(key))
          problems.push({
            severity: 'warning',
            message: `duplicate key "${key}" (first at line ${seen.get(key) ?? '?'}): the last one wins, as in CloudFormation`,
            file,
            line,
          });
        seen.set(key, line);
      }
    },
  });
  if (!isMap(doc.contents))
    throw new TemplateSyntaxError(file, 1, 'a template must be a map with a "Resources" section');
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new TemplateSyntaxError(
      file,
      undefined,
      firstLine(error instanceof Error ? error.message : String(error)),
    );
  }
  const template = value as Record<string, unknown>;
  const resources = template.Resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources))
    throw new TemplateSyntaxError(
      file,
      undefined,
      'no "Resources" map: this is not a CloudFormation template',
    );
  return { template, problems };
}

/** Line of a top-level `Resources` entry, for problems about one resource. */
export function resourceLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const all = text.split(/\r?\n/);
  let inResources = false;
  let indent: number | undefined;
  all.forEach((raw, i) => {
    if (/^Resources\s*:/.test(raw)) {
      inResources = true;
      return;
    }
    if (inResources && /^\S/.test(raw) && !raw.startsWith('#')) inResources = false;
    if (!inResources) return;
    const m = /^(\s+)["']?([A-Za-z0-9:]+)["']?\s*:/.exec(raw);
    if (!m) return;
    indent ??= m[1]!.length;
    if (m[1]!.length === indent) lines.set(m[2]!, i + 1);
  });
  return lines;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

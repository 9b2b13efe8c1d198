/**
 * Prints the HCL document model in `terraform fmt` style: two-space indents, `=` aligned across
 * runs of single-line attributes (a blank line, comment, block or multi-line value ends a run,
 * exactly as hclwrite's formatter groups them), one blank line between top-level blocks.
 */
import type { Block, BodyItem, Expr } from './ast.ts';

const INDENT = '  ';
const MAX_INLINE_LIST = 80;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'if', 'in', 'endfor', 'endif']);
/** root.attr.attr, with [n], [*], [count.index] or [each.key] steps. */
const TRAVERSAL = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*|\[(\*|\d+|count\.index|each\.key)\])*$/;
const FUNCTION_NAME = /^[a-z][a-z0-9_]*$/;

/** Text `escapeString` would change: exactly the characters and sequences it rewrites. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPE = /[\\"\x00-\x1f\x7f\u2028\u2029]|[$%]\{/;

/** Escapes text for the inside of an HCL quoted template: quotes, backslashes, controls, `${`, `%{`. */
export function escapeString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  // Function replacers: in a replacement string "$$" would itself collapse to "$".
  return out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A comment's text on one line: nothing a user wrote can end the comment and start code. */
export function sanitizeComment(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

function quote(text: string): string {
  return `"${escapeString(text)}"`;
}

function printKey(key: string): string {
  return IDENTIFIER.test(key) && !KEYWORDS.has(key) ? key : quote(key);
}

function printNumber(value: number): string {
  if (Number.isInteger(value)) return value.toFixed(0);
  return String(value);
}

const PADS: string[] = [];
function pad(level: number): string {
  return (PADS[level] ??= INDENT.repeat(level));
}

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '%': 6,
};

/** An operand, parenthesized only where HCL's operator precedence needs it. */
function operand(e: Expr, level: number, parent?: { op: string; right: boolean }): string {
  const text = printExpr(e, level);
  if (e.kind === 'conditional') return `(${text})`;
  if (e.kind !== 'binary' || !parent) return text;
  const mine = PRECEDENCE[e.op]!;
  const theirs = PRECEDENCE[parent.op]!;
  return mine < theirs || (mine === theirs && parent.right) ? `(${text})` : text;
}

/** Template parts with nested templates inlined: "${"${a}-b"}-c" reads as "${a}-b-c". */
function templateParts(parts: (string | Expr)[]): (string | Expr)[] {
  return parts.flatMap((p) =>
    typeof p !== 'string' && p.kind === 'template' ? templateParts(p.parts) : [p],
  );
}

/**
 * The same expression printed one level deeper. Layout decisions never depend on the level and
 * every line break in an expression is followed by its indent (strings escape their newlines), so
 * nesting only adds one indent after each break; a subtree is printed once, not once per layout
 * tried.
 */
function nestOneLevel(text: string): string {
  return text.includes('\n') ? text.replaceAll('\n', `\n${INDENT}`) : text;
}

/** Prints an expression whose first line starts at indent `level` (continuation lines nest below it). */
export function printExpr(e: Expr, level: number): string {
  switch (e.kind) {
    case 'string':
      return quote(e.value);
    case 'number':
      return printNumber(e.value);
    case 'bool':
      return e.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'ref':
      if (!TRAVERSAL.test(e.path)) throw new Error(`Invalid HCL reference "${e.path}"`);
      return e.path;
    case 'template': {
      let out = '"';
      for (const part of templateParts(e.parts)) {
        if (typeof part === 'string') out += escapeString(part);
        else if (part.kind === 'string') out += escapeString(part.value);
        else out += '${' + printExpr(part, level) + '}';
      }
      return out + '"';
    }
    case 'call': {
      if (!FUNCTION_NAME.test(e.name)) throw new Error(`Invalid HCL function name "${e.name}"`);
      const args = e.args.map((a) => printExpr(a, level));
      const onlyLastMulti = args.slice(0, -1).every((a) => !a.includes('\n'));
      if (onlyLastMulti) return `${e.name}(${args.join(', ')})`;
      const inner = args.map((a) => pad(level + 1) + nestOneLevel(a) + ',');
      return `${e.name}(\n${inner.join('\n')}\n${pad(level)})`;
    }
    case 'list': {
      if (e.items.length === 0) return '[]';
      const inline = e.items.map((i) => printExpr(i, level));
      const text = `[${inline.join(', ')}]`;
      if (!inline.some((i) => i.includes('\n')) && text.length <= MAX_INLINE_LIST) return text;
      const lines = inline.map((i) => pad(level + 1) + nestOneLevel(i) + ',');
      return `[\n${lines.join('\n')}\n${pad(level)}]`;
    }
    case 'object': {
      if (e.entries.length === 0) return '{}';
      const lines = alignAssignments(
        e.entries.map((entry) => ({ lead: printKey(entry.key), value: printExpr(entry.value, level + 1) })),
        level + 1,
      );
      return `{\n${lines.join('\n')}\n${pad(level)}}`;
    }
    case 'binary':
      return `${operand(e.left, level, { op: e.op, right: false })} ${e.op} ${operand(e.right, level, { op: e.op, right: true })}`;
    case 'index':
      for (const a of e.attributes) if (!IDENTIFIER.test(a)) throw new Error(`Invalid HCL attribute "${a}"`);
      return `${printExpr(e.target, level)}[${printExpr(e.key, level)}]${e.attributes.map((a) => '.' + a).join('')}`;
    case 'conditional':
      return `${operand(e.test, level)} ? ${operand(e.then, level)} : ${operand(e.otherwise, level)}`;
  }
}

interface Assignment {
  lead: string;
  value: string;
}

/**
 * Appends `lead = value` lines with `=` aligned across each run of single-line values, as
 * terraform fmt does; a multi-line value breaks the run and keeps a single space. Empties `items`.
 */
function appendAssignments(items: Assignment[], level: number, out: string[]): void {
  const indent = pad(level);
  let runStart = 0;
  for (let i = 0; i <= items.length; i++) {
    const item = items[i];
    if (item !== undefined && !item.value.includes('\n')) continue;
    let width = 0;
    for (let j = runStart; j < i; j++) width = Math.max(width, items[j]!.lead.length);
    for (let j = runStart; j < i; j++)
      out.push(`${indent}${items[j]!.lead.padEnd(width)} = ${items[j]!.value}`);
    if (item !== undefined) out.push(`${indent}${item.lead} = ${item.value}`);
    runStart = i + 1;
  }
  items.length = 0;
}

/** `lead = value` lines for an object's entries (see appendAssignments). */
function alignAssignments(items: Assignment[], level: number): string[] {
  const out: string[] = [];
  appendAssignments(items, level, out);
  return out;
}

/** Appends body lines; a blank line separates attributes from nested blocks, for readability. */
function appendBody(items: BodyItem[], level: number, out: string[]): void {
  const pending: Assignment[] = [];
  // A comment belongs to what follows it, so it takes that item's kind for grouping.
  const kinds: BodyItem['kind'][] = new Array(items.length);
  let following: BodyItem['kind'] = 'comment';
  for (let i = items.length - 1; i >= 0; i--) {
    if (items[i]!.kind !== 'comment') following = items[i]!.kind;
    kinds[i] = following;
  }
  let previous: BodyItem['kind'] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const kind = kinds[i]!;
    const switching =
      previous !== undefined &&
      previous !== kind &&
      (kind === 'block' || previous === 'block') &&
      kind !== 'blank' &&
      previous !== 'blank';
    previous = kind;
    if (item.kind === 'attribute') {
      if (!IDENTIFIER.test(item.name)) throw new Error(`Invalid HCL attribute name "${item.name}"`);
      if (switching) {
        appendAssignments(pending, level, out);
        out.push('');
      }
      pending.push({ lead: item.name, value: printExpr(item.value, level) });
      continue;
    }
    appendAssignments(pending, level, out);
    if (switching && item.kind !== 'blank') out.push('');
    if (item.kind === 'blank') out.push('');
    else if (item.kind === 'comment') out.push(`${pad(level)}# ${sanitizeComment(item.text)}`);
    else appendBlock(item, level, out);
  }
  appendAssignments(pending, level, out);
}

function appendBlock(b: Block, level: number, out: string[]): void {
  if (!IDENTIFIER.test(b.type)) throw new Error(`Invalid HCL block type "${b.type}"`);
  let header = b.type;
  for (const label of b.labels) header += ` ${quote(label)}`;
  for (const c of b.leadingComments) out.push(`${pad(level)}# ${sanitizeComment(c)}`);
  out.push(`${pad(level)}${header} {`);
  appendBody(b.body, level + 1, out);
  out.push(`${pad(level)}}`);
}

export function printBlock(b: Block, level: number): string[] {
  const out: string[] = [];
  appendBlock(b, level, out);
  return out;
}

/** A whole file: top-level blocks separated by one blank line; attributes (tfvars) grouped. */
export function printFile(items: BodyItem[], headerComments: string[] = []): string {
  const chunks: string[] = [];
  if (headerComments.length > 0) chunks.push(headerComments.map((c) => `# ${sanitizeComment(c)}`).join('\n'));
  let attributes: BodyItem[] = [];
  for (const item of items) {
    if (item.kind !== 'block') {
      attributes.push(item);
      continue;
    }
    if (attributes.length > 0) chunks.push(printBodyText(attributes));
    attributes = [];
    chunks.push(printBlock(item, 0).join('\n'));
  }
  if (attributes.length > 0) chunks.push(printBodyText(attributes));
  return chunks.join('\n\n') + '\n';
}

function printBodyText(items: BodyItem[]): string {
  const out: string[] = [];
  appendBody(items, 0, out);
  return out.join('\n');
}

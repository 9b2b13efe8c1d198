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

/** Escapes text for the inside of an HCL quoted template: quotes, backslashes, controls, `${`, `%{`. */
export function escapeString(text: string): string {
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

function pad(level: number): string {
  return INDENT.repeat(level);
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
      const multi = args.map((a) => a.includes('\n'));
      const onlyLastMulti = multi.slice(0, -1).every((m) => !m);
      if (onlyLastMulti) return `${e.name}(${args.join(', ')})`;
      const inner = e.args.map((a) => pad(level + 1) + printExpr(a, level + 1) + ',');
      return `${e.name}(\n${inner.join('\n')}\n${pad(level)})`;
    }
    case 'list': {
      if (e.items.length === 0) return '[]';
      const inline = e.items.map((i) => printExpr(i, level));
      const text = `[${inline.join(', ')}]`;
      if (!inline.some((i) => i.includes('\n')) && text.length <= MAX_INLINE_LIST) return text;
      const lines = e.items.map((i) => pad(level + 1) + printExpr(i, level + 1) + ',');
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
 * `lead = value` lines with `=` aligned across each run of single-line values, as terraform fmt
 * does; a multi-line value breaks the run and keeps a single space.
 */
function alignAssignments(items: Assignment[], level: number): string[] {
  const out: string[] = [];
  let run: Assignment[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.lead.length));
    for (const a of run) out.push(`${pad(level)}${a.lead.padEnd(width)} = ${a.value}`);
    run = [];
  };
  for (const item of items) {
    if (item.value.includes('\n')) {
      flush();
      out.push(`${pad(level)}${item.lead} = ${item.value}`);
    } else run.push(item);
  }
  flush();
  return out;
}

/** Body lines; a blank line separates attributes from nested blocks, for readability. */
function printBody(items: BodyItem[], level: number): string[] {
  const out: string[] = [];
  let pending: Assignment[] = [];
  // A comment belongs to what follows it, so it takes that item's kind for grouping.
  const kinds = items.map((_, i) => items.slice(i).find((x) => x.kind !== 'comment')?.kind ?? 'comment');
  let previous: BodyItem['kind'] | undefined;
  const flush = () => {
    out.push(...alignAssignments(pending, level));
    pending = [];
  };
  for (const [i, item] of items.entries()) {
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
        flush();
        out.push('');
      }
      pending.push({ lead: item.name, value: printExpr(item.value, level) });
      continue;
    }
    flush();
    if (switching && item.kind !== 'blank') out.push('');
    if (item.kind === 'blank') out.push('');
    else if (item.kind === 'comment') out.push(`${pad(level)}# ${sanitizeComment(item.text)}`);
    else out.push(...printBlock(item, level));
  }
  flush();
  return out;
}

export function printBlock(b: Block, level: number): string[] {
  if (!IDENTIFIER.test(b.type)) throw new Error(`Invalid HCL block type "${b.type}"`);
  const header = [b.type, ...b.labels.map(quote)].join(' ');
  return [
    ...b.leadingComments.map((c) => `${pad(level)}# ${sanitizeComment(c)}`),
    `${pad(level)}${header} {`,
    ...printBody(b.body, level + 1),
    `${pad(level)}}`,
  ];
}

/** A whole file: top-level blocks separated by one blank line; attributes (tfvars) grouped. */
export function printFile(items: BodyItem[], headerComments: string[] = []): string {
  const chunks: string[] = [];
  if (headerComments.length > 0) chunks.push(headerComments.map((c) => `# ${sanitizeComment(c)}`).join('\n'));
  let attributes: BodyItem[] = [];
  const flush = () => {
    if (attributes.length > 0) chunks.push(printBody(attributes, 0).join('\n'));
    attributes = [];
  };
  for (const item of items) {
    if (item.kind === 'block') {
      flush();
      chunks.push(printBlock(item, 0).join('\n'));
    } else attributes.push(item);
  }
  flush();
  return chunks.join('\n\n') + '\n';
}

/**
 * Prints the HCL document model in `terraform fmt` style: two-space indents, `=` aligned across
 * runs of single-line attributes (a blank line, comment, block or multi-line value ends a run,
 * exactly as hclwrite's formatter groups them), one blank line between top-level blocks.
 *
 * Text is written once, appended to one string per file. Layout is decided from the
 * model (`isMultiLine`, `flatWidth`), never by printing a subtree and scanning its text, so a
 * subtree is printed once, directly at its final indent.
 */
import {
  isKeptExpression,
  type Attribute,
  type Block,
  type BodyItem,
  type Expr,
  type ObjectEntry,
} from './ast.ts';

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

/** Length of `escapeString(text)`, without building it in the common case of nothing to escape. */
function escapedLength(text: string): number {
  return NEEDS_ESCAPE.test(text) ? escapeString(text).length : text.length;
}

/** Text `sanitizeComment` would change: a control or line separator, or whitespace at either end. */
const COMMENT_NEEDS_CLEANING = /[\p{Cc}\u2028\u2029]|^\s|\s$/u;

/** A comment's text on one line: nothing a user wrote can end the comment and start code. */
export function sanitizeComment(text: string): string {
  if (!COMMENT_NEEDS_CLEANING.test(text)) return text;
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

function printKey(key: string): string {
  return IDENTIFIER.test(key) && !KEYWORDS.has(key) ? key : `"${escapeString(key)}"`;
}

function printNumber(value: number): string {
  // String() of a safe integer is its digits (often from V8's number-string cache, no new string);
  // beyond 2^53 it rounds to the shortest form, where toFixed(0) prints every digit.
  if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return value.toFixed(0);
  return String(value);
}

const PADS: string[] = [];
function pad(level: number): string {
  return (PADS[level] ??= INDENT.repeat(level));
}

const LINE_STARTS: string[] = [];
/** A line break and the indent of the next line: one piece of text instead of two. */
function lineStart(level: number): string {
  return (LINE_STARTS[level] ??= '\n' + pad(level));
}

const ASSIGNS: string[] = [];
/** ` = ` after `padding` spaces that align it with the widest name of the run. */
function assign(padding: number): string {
  return (ASSIGNS[padding] ??= ' '.repeat(padding) + ' = ');
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

/** Whether an operand needs parentheses under HCL's operator precedence (`parentOp` absent: a conditional's). */
function needsParens(e: Expr, parentOp: string | undefined, right: boolean): boolean {
  if (e.kind === 'conditional') return true;
  if (e.kind !== 'binary' || parentOp === undefined) return false;
  const mine = PRECEDENCE[e.op]!;
  const theirs = PRECEDENCE[parentOp]!;
  return mine < theirs || (mine === theirs && right);
}

// ---- layout, decided from the model ----

/**
 * Whether an expression prints over several lines. Strings never do (they escape their
 * newlines); an object with entries always does; a list does when an item does or it is wider
 * than MAX_INLINE_LIST; anything else when one of its parts does.
 */
function isMultiLine(e: Expr): boolean {
  switch (e.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'null':
    case 'ref':
      return false;
    case 'template':
      return templateWidth(e.parts) === MULTI_LINE;
    case 'call':
      for (const arg of e.args) if (isMultiLine(arg)) return true;
      return false;
    case 'list':
      return e.items.length > 0 && inlineListWidth(e.items) === MULTI_LINE;
    case 'object':
      return e.entries.length > 0;
    case 'binary':
      return isMultiLine(e.left) || isMultiLine(e.right);
    case 'conditional':
      return isMultiLine(e.test) || isMultiLine(e.then) || isMultiLine(e.otherwise);
    case 'index':
      return isMultiLine(e.target) || isMultiLine(e.key);
    case 'raw':
      return e.text.includes('\n');
  }
}

/** Returned by the width functions for an expression that prints over several lines. */
const MULTI_LINE = -1;

/** The printed width of a single-line expression, or MULTI_LINE. */
function flatWidth(e: Expr): number {
  switch (e.kind) {
    case 'string':
      return escapedLength(e.value) + 2;
    case 'number':
      return printNumber(e.value).length;
    case 'bool':
      return e.value ? 4 : 5;
    case 'null':
      return 4;
    case 'ref':
      return e.path.length;
    case 'template': {
      const inner = templateWidth(e.parts);
      return inner === MULTI_LINE ? MULTI_LINE : inner + 2;
    }
    case 'call': {
      let width = e.name.length + 2;
      for (let i = 0; i < e.args.length; i++) {
        const arg = flatWidth(e.args[i]!);
        if (arg === MULTI_LINE) return MULTI_LINE;
        width += i === 0 ? arg : arg + 2;
      }
      return width;
    }
    case 'list':
      return e.items.length === 0 ? 2 : inlineListWidth(e.items);
    case 'object':
      return e.entries.length === 0 ? 2 : MULTI_LINE;
    case 'binary': {
      const left = operandWidth(e.left, e.op, false);
      const right = operandWidth(e.right, e.op, true);
      if (left === MULTI_LINE || right === MULTI_LINE) return MULTI_LINE;
      return left + e.op.length + 2 + right;
    }
    case 'conditional': {
      const test = operandWidth(e.test, undefined, false);
      const then = operandWidth(e.then, undefined, false);
      const otherwise = operandWidth(e.otherwise, undefined, false);
      if (test === MULTI_LINE || then === MULTI_LINE || otherwise === MULTI_LINE) return MULTI_LINE;
      return test + then + otherwise + 6;
    }
    case 'index': {
      const target = flatWidth(e.target);
      const key = flatWidth(e.key);
      if (target === MULTI_LINE || key === MULTI_LINE) return MULTI_LINE;
      let width = target + key + 2;
      for (const a of e.attributes) width += a.length + 1;
      return width;
    }
    case 'raw':
      return e.text.includes('\n') ? MULTI_LINE : e.text.length;
  }
}

function operandWidth(e: Expr, parentOp: string | undefined, right: boolean): number {
  const width = flatWidth(e);
  return width !== MULTI_LINE && needsParens(e, parentOp, right) ? width + 2 : width;
}

/** Width of a template's parts without the quotes (nested templates inline), or MULTI_LINE. */
function templateWidth(parts: (string | Expr)[]): number {
  let width = 0;
  for (const part of parts) {
    let partWidth: number;
    if (typeof part === 'string') partWidth = escapedLength(part);
    else if (part.kind === 'string') partWidth = escapedLength(part.value);
    else if (part.kind === 'template') partWidth = templateWidth(part.parts);
    else {
      partWidth = flatWidth(part);
      if (partWidth !== MULTI_LINE) partWidth += 3;
    }
    if (partWidth === MULTI_LINE) return MULTI_LINE;
    width += partWidth;
  }
  return width;
}

/** Width of `[a, b, ...]` on one line, or MULTI_LINE when an item breaks or it is too wide. */
function inlineListWidth(items: Expr[]): number {
  let width = items.length * 2;
  for (const item of items) {
    const itemWidth = flatWidth(item);
    if (itemWidth === MULTI_LINE) return MULTI_LINE;
    width += itemWidth;
    if (width > MAX_INLINE_LIST) return MULTI_LINE;
  }
  return width;
}

// ---- writing ----

/**
 * The text written so far. One growing string: V8 appends by linking (a rope) and copies once
 * when the file is used, which measured several times faster than pushing chunks and joining.
 */
/** Printed forms of text that repeats across a run's files, shared by its `printFile` calls. */
export interface PrintCache {
  /** Object keys, quoted strings and comments as printed. */
  keys: Map<string, string>;
  quoted: Map<string, string>;
  comments: Map<string, string>;
  /** Attribute names and block types already checked. */
  names: Set<string>;
  /** `<line break><indent><name><padding> = ` by name, per indent and padding (see `lead`). */
  leads: Map<string, string>[];
}

export function newPrintCache(): PrintCache {
  return { keys: new Map(), quoted: new Map(), comments: new Map(), names: new Set(), leads: [] };
}

interface Output extends PrintCache {
  text: string;
}

function newOutput(cache: PrintCache): Output {
  const { keys, quoted, comments, names, leads } = cache;
  return { text: '', keys, quoted, comments, names, leads };
}

const CACHED_PADDINGS = 64;

/** The start of an assignment line, `<line break><indent><name><padding> = `, as one piece of text. */
function lead(name: string, level: number, padding: number, out: Output): string {
  if (padding >= CACHED_PADDINGS) return lineStart(level) + name + assign(padding);
  const leads = (out.leads[level * CACHED_PADDINGS + padding] ??= new Map());
  let text = leads.get(name);
  if (text === undefined) {
    text = lineStart(level) + name + assign(padding);
    leads.set(name, text);
  }
  return text;
}

/** `# text`, the text made safe for a comment line. */
function commentOf(text: string, out: Output): string {
  let printed = out.comments.get(text);
  if (printed === undefined) {
    printed = '# ' + sanitizeComment(text);
    out.comments.set(text, printed);
  }
  return printed;
}

function checkName(name: string, what: string, out: Output): void {
  if (out.names.has(name)) return;
  if (!IDENTIFIER.test(name)) throw new Error(`Invalid HCL ${what} "${name}"`);
  out.names.add(name);
}

function quoted(text: string, out: Output): string {
  let printed = out.quoted.get(text);
  if (printed === undefined) {
    printed = '"' + escapeString(text) + '"';
    out.quoted.set(text, printed);
  }
  return printed;
}

function keyOf(text: string, out: Output): string {
  let printed = out.keys.get(text);
  if (printed === undefined) {
    printed = printKey(text);
    out.keys.set(text, printed);
  }
  return printed;
}

/** Writes an expression whose first line starts at indent `level` (continuation lines nest below it). */
function writeExpr(e: Expr, level: number, out: Output): void {
  switch (e.kind) {
    case 'string':
      out.text += quoted(e.value, out);
      return;
    case 'number':
      out.text += printNumber(e.value);
      return;
    case 'bool':
      out.text += e.value ? 'true' : 'false';
      return;
    case 'null':
      out.text += 'null';
      return;
    case 'ref':
      if (!TRAVERSAL.test(e.path)) throw new Error(`Invalid HCL reference "${e.path}"`);
      out.text += e.path;
      return;
    case 'template':
      out.text += '"';
      writeTemplateParts(e.parts, level, out);
      out.text += '"';
      return;
    case 'call':
      writeCall(e.name, e.args, level, out);
      return;
    case 'list':
      writeList(e.items, level, out);
      return;
    case 'object':
      writeObject(e.entries, level, out);
      return;
    case 'binary':
      writeOperand(e.left, level, e.op, false, out);
      out.text += ' ' + e.op + ' ';
      writeOperand(e.right, level, e.op, true, out);
      return;
    case 'index':
      for (const a of e.attributes) if (!IDENTIFIER.test(a)) throw new Error(`Invalid HCL attribute "${a}"`);
      writeExpr(e.target, level, out);
      out.text += '[';
      writeExpr(e.key, level, out);
      out.text += ']';
      for (const a of e.attributes) out.text += '.' + a;
      return;
    case 'conditional':
      writeOperand(e.test, level, undefined, false, out);
      out.text += ' ? ';
      writeOperand(e.then, level, undefined, false, out);
      out.text += ' : ';
      writeOperand(e.otherwise, level, undefined, false, out);
      return;
    case 'raw':
      if (!isKeptExpression(e.text))
        throw new Error(`Not a single HCL expression: ${JSON.stringify(e.text)}`);
      out.text += e.text;
      return;
  }
}

/** An operand, parenthesized only where HCL's operator precedence needs it. */
function writeOperand(
  e: Expr,
  level: number,
  parentOp: string | undefined,
  right: boolean,
  out: Output,
): void {
  if (!needsParens(e, parentOp, right)) return writeExpr(e, level, out);
  out.text += '(';
  writeExpr(e, level, out);
  out.text += ')';
}

/** Template parts with nested templates inlined: "${"${a}-b"}-c" reads as "${a}-b-c". */
function writeTemplateParts(parts: (string | Expr)[], level: number, out: Output): void {
  for (const part of parts) {
    if (typeof part === 'string') out.text += escapeString(part);
    else if (part.kind === 'string') out.text += escapeString(part.value);
    else if (part.kind === 'template') writeTemplateParts(part.parts, level, out);
    else {
      out.text += '${';
      writeExpr(part, level, out);
      out.text += '}';
    }
  }
}

/** `name(a, b)` while only the last argument is multi-line, else one argument per line. */
function writeCall(name: string, args: Expr[], level: number, out: Output): void {
  if (!FUNCTION_NAME.test(name)) throw new Error(`Invalid HCL function name "${name}"`);
  let broken = false;
  for (let i = 0; i < args.length - 1 && !broken; i++) broken = isMultiLine(args[i]!);
  out.text += name + '(';
  if (!broken) {
    for (let i = 0; i < args.length; i++) {
      if (i > 0) out.text += ', ';
      writeExpr(args[i]!, level, out);
    }
    out.text += ')';
    return;
  }
  const inner = lineStart(level + 1);
  for (const arg of args) {
    out.text += inner;
    writeExpr(arg, level + 1, out);
    out.text += ',';
  }
  out.text += lineStart(level) + ')';
}

function writeList(items: Expr[], level: number, out: Output): void {
  if (items.length === 0) {
    out.text += '[]';
    return;
  }
  if (inlineListWidth(items) !== MULTI_LINE) {
    out.text += '[';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out.text += ', ';
      writeExpr(items[i]!, level, out);
    }
    out.text += ']';
    return;
  }
  out.text += '[';
  const inner = lineStart(level + 1);
  for (const item of items) {
    out.text += inner;
    writeExpr(item, level + 1, out);
    out.text += ',';
  }
  out.text += lineStart(level) + ']';
}

/** `{`, one `key = value` line per entry with `=` aligned as in a body, `}`. */
function writeObject(entries: ObjectEntry[], level: number, out: Output): void {
  if (entries.length === 0) {
    out.text += '{}';
    return;
  }
  out.text += '{';
  const inner = level + 1;
  let start = 0;
  while (start < entries.length) {
    // A run of single-line values, ended by a multi-line one (or the last entry).
    let end = start;
    let width = 0;
    for (; end < entries.length; end++) {
      if (isMultiLine(entries[end]!.value)) break;
      const key = keyOf(entries[end]!.key, out);
      if (key.length > width) width = key.length;
    }
    for (let i = start; i < end; i++) {
      const key = keyOf(entries[i]!.key, out);
      out.text += lead(key, inner, width - key.length, out);
      writeExpr(entries[i]!.value, inner, out);
    }
    if (end < entries.length) {
      out.text += lead(keyOf(entries[end]!.key, out), inner, 0, out);
      writeExpr(entries[end]!.value, inner, out);
    }
    start = end + 1;
  }
  out.text += lineStart(level) + '}';
}

/** Prints an expression whose first line starts at indent `level` (continuation lines nest below it). */
export function printExpr(e: Expr, level: number, cache: PrintCache = newPrintCache()): string {
  const out = newOutput(cache);
  writeExpr(e, level, out);
  return out.text;
}

// ---- bodies and blocks: every line is written with the line break before it ----

/**
 * Writes consecutive attributes from `start` with `=` aligned across each run of single-line
 * values, as terraform fmt does; a multi-line value breaks the run and keeps a single space.
 * Returns the index after the last attribute.
 */
function writeAttributes(items: BodyItem[], start: number, level: number, out: Output): number {
  let last = start;
  while (last < items.length && items[last]!.kind === 'attribute') last++;
  let runStart = start;
  while (runStart < last) {
    let runEnd = runStart;
    let width = 0;
    for (; runEnd < last; runEnd++) {
      const a = items[runEnd] as Attribute;
      checkName(a.name, 'attribute name', out);
      if (isMultiLine(a.value)) break;
      if (a.name.length > width) width = a.name.length;
    }
    for (let i = runStart; i < runEnd; i++) {
      const a = items[i] as Attribute;
      out.text += lead(a.name, level, width - a.name.length, out);
      writeExpr(a.value, level, out);
    }
    if (runEnd < last) {
      const a = items[runEnd] as Attribute;
      out.text += lead(a.name, level, 0, out);
      writeExpr(a.value, level, out);
    }
    runStart = runEnd + 1;
  }
  return last;
}

/** The kind a comment groups with: that of the first non-comment item after it. */
function kindAfterComments(items: BodyItem[], from: number): BodyItem['kind'] {
  for (let i = from; i < items.length; i++) if (items[i]!.kind !== 'comment') return items[i]!.kind;
  return 'comment';
}

/** Writes body lines; a blank line separates attributes from nested blocks, for readability. */
function writeBody(items: BodyItem[], level: number, out: Output): void {
  let previous: BodyItem['kind'] | undefined;
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    // A comment belongs to what follows it, so it takes that item's kind for grouping.
    const kind = item.kind === 'comment' ? kindAfterComments(items, i + 1) : item.kind;
    const switching =
      previous !== undefined &&
      previous !== kind &&
      (kind === 'block' || previous === 'block') &&
      kind !== 'blank' &&
      previous !== 'blank';
    previous = kind;
    if (switching) out.text += '\n';
    if (item.kind === 'attribute') {
      i = writeAttributes(items, i, level, out);
      continue;
    }
    if (item.kind === 'blank') out.text += '\n';
    else if (item.kind === 'comment') out.text += lineStart(level) + commentOf(item.text, out);
    else writeBlock(item, level, out);
    i++;
  }
}

function writeBlock(b: Block, level: number, out: Output): void {
  checkName(b.type, 'block type', out);
  const indent = lineStart(level);
  for (const c of b.leadingComments) out.text += indent + commentOf(c, out);
  out.text += indent + b.type;
  for (const label of b.labels) out.text += ' ' + quoted(label, out);
  out.text += ' {';
  writeBody(b.body, level + 1, out);
  out.text += indent + '}';
}

/** A whole file: top-level blocks separated by one blank line; attributes (tfvars) grouped. */
export function printFile(
  items: BodyItem[],
  headerComments: string[] = [],
  cache: PrintCache = newPrintCache(),
): string {
  const out = newOutput(cache);
  let sections = 0;
  for (const c of headerComments) out.text += '\n' + commentOf(c, out);
  if (headerComments.length > 0) sections++;
  let attributesFrom = -1;
  for (let i = 0; i <= items.length; i++) {
    const item = items[i];
    if (item !== undefined && item.kind !== 'block') {
      if (attributesFrom < 0) attributesFrom = i;
      continue;
    }
    if (attributesFrom >= 0) {
      if (sections++ > 0) out.text += '\n';
      writeBody(items.slice(attributesFrom, i), 0, out);
      attributesFrom = -1;
    }
    if (item === undefined) break;
    if (sections++ > 0) out.text += '\n';
    writeBlock(item, 0, out);
  }
  if (sections === 0) return '\n';
  out.text += '\n';
  // Reading a character makes V8 copy the rope into one flat string now, so that copy is paid
  // (and measured) here, where the text is made, not by its first reader.
  out.text.charCodeAt(0);
  // Every line was written after a line break, the first one too.
  return out.text.slice(1);
}

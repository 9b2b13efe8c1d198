/**
 * A small HCL document model: the generator builds these nodes, `print.ts` turns them into text.
 * User text only ever enters as `str()` / template literal parts / comments, which the printer
 * escapes; references are validated traversals, so a hostile name cannot become code.
 */

export type Expr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'ref'; path: string }
  | { kind: 'template'; parts: (string | Expr)[] }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'list'; items: Expr[] }
  | { kind: 'object'; entries: ObjectEntry[] }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr }
  | { kind: 'index'; target: Expr; key: Expr; attributes: string[] }
  /** An expression kept as imported (a kept resource's arguments), checked by `isKeptExpression`. */
  | { kind: 'raw'; text: string };

export type BinaryOp = '+' | '-' | '*' | '%' | '==' | '!=' | '>' | '>=' | '<' | '<=' | '&&' | '||';

export interface ObjectEntry {
  key: string;
  value: Expr;
}

export interface Attribute {
  kind: 'attribute';
  name: string;
  value: Expr;
}

export interface Block {
  kind: 'block';
  type: string;
  labels: string[];
  body: BodyItem[];
  /** Comment lines printed just above the block (e.g. a trivy ignore, a why-comment). */
  leadingComments: string[];
}

export interface Comment {
  kind: 'comment';
  text: string;
}

export interface BlankLine {
  kind: 'blank';
}

export type BodyItem = Attribute | Block | Comment | BlankLine;

/** Anything a body builder accepts: undefined/false entries are dropped (optional attributes). */
export type BodyInput = BodyItem | undefined | false | null | '' | 0 | BodyInput[];

/**
 * The base of every expression built here, so `literal()` can tell an expression from plain JSON
 * data. One small class per kind: V8 allocates their instances inline with a known shape, where
 * object literals with a `__proto__` went through the runtime for every expression.
 */
abstract class BuiltExpression {}

class StringExpr extends BuiltExpression {
  readonly kind = 'string';
  constructor(readonly value: string) {
    super();
  }
}
class NumberExpr extends BuiltExpression {
  readonly kind = 'number';
  constructor(readonly value: number) {
    super();
  }
}
class BoolExpr extends BuiltExpression {
  readonly kind = 'bool';
  constructor(readonly value: boolean) {
    super();
  }
}
class NullExpr extends BuiltExpression {
  readonly kind = 'null';
}
class RefExpr extends BuiltExpression {
  readonly kind = 'ref';
  constructor(readonly path: string) {
    super();
  }
}
class TemplateExpr extends BuiltExpression {
  readonly kind = 'template';
  constructor(readonly parts: (string | Expr)[]) {
    super();
  }
}
class CallExpr extends BuiltExpression {
  readonly kind = 'call';
  constructor(
    readonly name: string,
    readonly args: Expr[],
  ) {
    super();
  }
}
class ListExpr extends BuiltExpression {
  readonly kind = 'list';
  constructor(readonly items: Expr[]) {
    super();
  }
}
class ObjectExpr extends BuiltExpression {
  readonly kind = 'object';
  constructor(readonly entries: ObjectEntry[]) {
    super();
  }
}
class BinaryExpr extends BuiltExpression {
  readonly kind = 'binary';
  constructor(
    readonly left: Expr,
    readonly op: BinaryOp,
    readonly right: Expr,
  ) {
    super();
  }
}
class IndexExpr extends BuiltExpression {
  readonly kind = 'index';
  constructor(
    readonly target: Expr,
    readonly key: Expr,
    readonly attributes: string[],
  ) {
    super();
  }
}
class ConditionalExpr extends BuiltExpression {
  readonly kind = 'conditional';
  constructor(
    readonly test: Expr,
    readonly then: Expr,
    readonly otherwise: Expr,
  ) {
    super();
  }
}

class RawExpr extends BuiltExpression {
  readonly kind = 'raw';
  constructor(readonly text: string) {
    super();
  }
}

/**
 * Whether `text` is one expression that cannot end the attribute it is printed in: brackets,
 * braces and parentheses balance (outside strings), strings and their `${}` close, there is no
 * comment and no line break outside brackets. Not a parser: what Terraform itself then reads.
 */
export function isKeptExpression(text: string): boolean {
  if (text.trim() === '') return false;
  const closing: string[] = [];
  // Inside a string: the depth of `closing` where it started, so `${` in it nests expressions.
  const strings: number[] = [];
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (strings.length > 0 && strings[strings.length - 1] === closing.length) {
      if (ch === '\\') i++;
      else if (ch === '"') strings.pop();
      else if (ch === '\n') return false;
      else if ((ch === '$' || ch === '%') && text[i + 1] === '{') {
        if (text[i + 2] === '{') i += 2;
        else {
          closing.push('}');
          i++;
        }
      }
      continue;
    }
    if (ch === '"') strings.push(closing.length);
    else if (ch === '#' || (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) return false;
    else if (ch === '<' && text[i + 1] === '<') return false;
    else if (pairs[ch]) closing.push(pairs[ch]);
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (closing.pop() !== ch) return false;
    } else if ((ch === '\n' || ch === '\r') && closing.length === 0) return false;
  }
  return closing.length === 0 && strings.length === 0;
}

/** A kept expression; throws unless `isKeptExpression(text)`. */
export function raw(text: string): Expr {
  if (!isKeptExpression(text)) throw new Error(`Not a single HCL expression: ${JSON.stringify(text)}`);
  return new RawExpr(text);
}

export const str = (value: string): Expr => new StringExpr(value);
export const num = (value: number): Expr => {
  if (!Number.isFinite(value)) throw new Error(`HCL number must be finite, got ${value}`);
  return new NumberExpr(value);
};
export const bool = (value: boolean): Expr => new BoolExpr(value);
export const nul: Expr = new NullExpr();
export const ref = (path: string): Expr => new RefExpr(path);
export const tpl = (...parts: (string | Expr)[]): Expr => new TemplateExpr(parts);
export const call = (name: string, ...args: Expr[]): Expr => new CallExpr(name, args);
export const list = (items: Expr[]): Expr => new ListExpr(items);
export const binary = (left: Expr, op: BinaryOp, right: Expr): Expr => new BinaryExpr(left, op, right);
/** `target[key].attr1.attr2` */
export const index = (target: Expr, key: Expr, ...attributes: string[]): Expr =>
  new IndexExpr(target, key, attributes);
export const cond = (test: Expr, then: Expr, otherwise: Expr): Expr =>
  new ConditionalExpr(test, then, otherwise);

/*
 * The arrays of the tree are allocated at their final length: pushing onto an empty array
 * reserves room for 16 items, and most objects and bodies here hold a handful.
 */

/** An object from [key, value] pairs; undefined values are dropped. */
export function obj(entries: Record<string, Expr | undefined> | [string, Expr | undefined][]): Expr {
  let count = 0;
  let i = 0;
  if (Array.isArray(entries)) {
    for (const entry of entries) if (entry[1] !== undefined) count++;
    const kept: ObjectEntry[] = new Array(count);
    // Indexing, not destructuring: destructuring a pair walks an array iterator.
    for (const entry of entries) if (entry[1] !== undefined) kept[i++] = { key: entry[0], value: entry[1] };
    return objectOf(kept);
  }
  // for-in walks the same keys in the same order as Object.keys, without an array of them.
  for (const key in entries) if (entries[key] !== undefined) count++;
  const kept: ObjectEntry[] = new Array(count);
  for (const key in entries) {
    const value = entries[key];
    if (value !== undefined) kept[i++] = { key, value };
  }
  return objectOf(kept);
}

const objectOf = (entries: ObjectEntry[]): Expr => new ObjectExpr(entries);

/** Converts plain JSON-like data into an expression (used for jsonencode bodies and tfvars). */
export function literal(value: unknown): Expr {
  if (value === null || value === undefined) return nul;
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return bool(value);
  if (Array.isArray(value)) return list(value.map(literal));
  if (typeof value === 'object') {
    if (value instanceof BuiltExpression) return value as Expr;
    // Straight into entries: literal() never gives undefined, so nothing is dropped.
    const record = value as Record<string, unknown>;
    let count = 0;
    for (const _key in record) count++;
    const entries: ObjectEntry[] = new Array(count);
    let i = 0;
    for (const key in record) entries[i++] = { key, value: literal(record[key]) };
    return objectOf(entries);
  }
  throw new Error(`Cannot express ${typeof value} in HCL`);
}

export function attr(name: string, value: Expr): Attribute;
export function attr(name: string, value: Expr | undefined): Attribute | undefined;
export function attr(name: string, value: Expr | undefined): Attribute | undefined {
  return value === undefined ? undefined : { kind: 'attribute', name, value };
}
export const comment = (text: string): Comment => ({ kind: 'comment', text });
export const blank: BlankLine = { kind: 'blank' };

export function flattenBody(input: BodyInput): BodyItem[] {
  const items: BodyItem[] = new Array(countFlattened(input));
  writeFlattened(input, items, 0);
  return items;
}

function countFlattened(input: BodyInput): number {
  if (!input) return 0;
  if (!Array.isArray(input)) return 1;
  let count = 0;
  for (const part of input) if (part) count += Array.isArray(part) ? countFlattened(part) : 1;
  return count;
}

/**
 * Into one array from position `at`, returning the position after the last item: nested
 * `flatMap`s made an array per level and item. Recurses only into arrays.
 */
function writeFlattened(input: BodyInput, items: BodyItem[], at: number): number {
  if (!input) return at;
  if (!Array.isArray(input)) {
    items[at] = input;
    return at + 1;
  }
  for (const part of input) {
    if (!part) continue;
    if (Array.isArray(part)) at = writeFlattened(part, items, at);
    else items[at++] = part;
  }
  return at;
}

/** Shared by the blocks without leading comments; frozen, so nothing can add to it. */
const NO_COMMENTS = Object.freeze([]) as unknown as string[];

export function block(
  type: string,
  labels: string[],
  body: BodyInput,
  leadingComments: string[] = NO_COMMENTS,
): Block {
  return { kind: 'block', type, labels, body: flattenBody(body), leadingComments };
}

/** Shorthand for a body made of attributes from a record, in the record's order. */
export function attrs(values: Record<string, Expr | undefined>): Attribute[] {
  return Object.entries(values).flatMap(([k, v]) => {
    const a = attr(k, v);
    return a ? [a] : [];
  });
}

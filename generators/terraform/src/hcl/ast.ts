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
  | { kind: 'index'; target: Expr; key: Expr; attributes: string[] };

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
 * The prototype of every expression built here, so `literal()` can tell an expression from plain
 * JSON data. Set in each object literal: a property defined on every expression afterwards was
 * slow and left the objects in dictionary mode.
 */
const BUILT_EXPRESSION = Object.freeze({});
type Built<T extends Expr> = T & { __proto__: object };
const mk = <T extends Expr>(e: Built<T>): T => e;
function isExpr(value: object): value is Expr {
  return Object.getPrototypeOf(value) === BUILT_EXPRESSION;
}

export const str = (value: string): Expr => mk({ __proto__: BUILT_EXPRESSION, kind: 'string', value });
export const num = (value: number): Expr => {
  if (!Number.isFinite(value)) throw new Error(`HCL number must be finite, got ${value}`);
  return mk({ __proto__: BUILT_EXPRESSION, kind: 'number', value });
};
export const bool = (value: boolean): Expr => mk({ __proto__: BUILT_EXPRESSION, kind: 'bool', value });
export const nul: Expr = mk({ __proto__: BUILT_EXPRESSION, kind: 'null' });
export const ref = (path: string): Expr => mk({ __proto__: BUILT_EXPRESSION, kind: 'ref', path });
export const tpl = (...parts: (string | Expr)[]): Expr =>
  mk({ __proto__: BUILT_EXPRESSION, kind: 'template', parts });
export const call = (name: string, ...args: Expr[]): Expr =>
  mk({ __proto__: BUILT_EXPRESSION, kind: 'call', name, args });
export const list = (items: Expr[]): Expr => mk({ __proto__: BUILT_EXPRESSION, kind: 'list', items });
export const binary = (left: Expr, op: BinaryOp, right: Expr): Expr =>
  mk({ __proto__: BUILT_EXPRESSION, kind: 'binary', op, left, right });
/** `target[key].attr1.attr2` */
export const index = (target: Expr, key: Expr, ...attributes: string[]): Expr =>
  mk({ __proto__: BUILT_EXPRESSION, kind: 'index', target, key, attributes });
export const cond = (test: Expr, then: Expr, otherwise: Expr): Expr =>
  mk({ __proto__: BUILT_EXPRESSION, kind: 'conditional', test, then, otherwise });

/** An object from [key, value] pairs; undefined values are dropped. */
export function obj(entries: Record<string, Expr | undefined> | [string, Expr | undefined][]): Expr {
  const kept: ObjectEntry[] = [];
  if (Array.isArray(entries)) {
    for (const [key, value] of entries) if (value !== undefined) kept.push({ key, value });
  } else {
    for (const key of Object.keys(entries)) {
      const value = entries[key];
      if (value !== undefined) kept.push({ key, value });
    }
  }
  return objectOf(kept);
}

const objectOf = (entries: ObjectEntry[]): Expr =>
  mk({ __proto__: BUILT_EXPRESSION, kind: 'object', entries });

/** Converts plain JSON-like data into an expression (used for jsonencode bodies and tfvars). */
export function literal(value: unknown): Expr {
  if (value === null || value === undefined) return nul;
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return bool(value);
  if (Array.isArray(value)) return list(value.map(literal));
  if (typeof value === 'object') {
    if (isExpr(value)) return value;
    // Straight into entries: literal() never gives undefined, so nothing is dropped.
    const record = value as Record<string, unknown>;
    const entries: ObjectEntry[] = [];
    for (const key of Object.keys(record)) entries.push({ key, value: literal(record[key]) });
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
  const items: BodyItem[] = [];
  appendFlattened(input, items);
  return items;
}

/** Into one array: nested `flatMap`s made an array per level and item. */
function appendFlattened(input: BodyInput, items: BodyItem[]): void {
  if (!input) return;
  if (!Array.isArray(input)) items.push(input);
  else for (const part of input) appendFlattened(part, items);
}

export function block(
  type: string,
  labels: string[],
  body: BodyInput,
  leadingComments: string[] = [],
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

/**
 * A small TypeScript syntax tree: emitters build these nodes, `print.ts` turns them into text.
 * Identifiers are checked when a node is made, and literals are escaped only by the printer,
 * so no user string ever reaches the output unescaped.
 */

export type Literal = string | number | boolean | null | undefined;

export type Expr =
  | { kind: 'literal'; value: Literal }
  | { kind: 'identifier'; name: string }
  | { kind: 'member'; object: Expr; name: string }
  | { kind: 'index'; object: Expr; index: number }
  | { kind: 'call'; callee: Expr; args: Expr[] }
  | { kind: 'new'; callee: Expr; args: Expr[] }
  | { kind: 'object'; entries: ObjectEntry[] }
  | { kind: 'array'; items: Expr[] }
  | { kind: 'conditional'; test: Expr; whenTrue: Expr; whenFalse: Expr }
  | { kind: 'binary'; operator: '===' | '!==' | '??' | '||' | '+'; left: Expr; right: Expr }
  | { kind: 'template'; parts: (string | Expr)[] }
  | { kind: 'arrow'; params: string[]; body: Expr }
  | { kind: 'as'; expr: Expr; type: TypeExpr };

export interface ObjectEntry {
  key: string;
  value: Expr;
  /** A short `//` comment printed above the entry. */
  comment?: string;
}

export type TypeExpr =
  | { kind: 'typeRef'; name: string; args?: TypeExpr[] }
  | { kind: 'typeLiteral'; value: string | number | boolean }
  | { kind: 'union'; members: TypeExpr[] }
  | { kind: 'arrayType'; element: TypeExpr }
  | { kind: 'tuple'; elements: TypeExpr[] };

export interface InterfaceMember {
  name: string;
  type: TypeExpr;
  optional?: boolean;
  doc?: string;
}

export type Stmt =
  | { kind: 'import'; module: string; namespace?: string; named?: string[]; typeOnly?: boolean }
  | { kind: 'const'; name: string; init: Expr; type?: TypeExpr; exported?: boolean }
  | { kind: 'expression'; expr: Expr }
  | { kind: 'assign'; target: Expr; value: Expr }
  | { kind: 'comment'; text: string }
  | { kind: 'doc'; text: string }
  | { kind: 'blank' }
  | { kind: 'if'; test: Expr; body: Stmt[] }
  | { kind: 'forOf'; binding: string; iterable: Expr; body: Stmt[] }
  | { kind: 'typeAlias'; name: string; type: TypeExpr; exported?: boolean }
  | { kind: 'interface'; name: string; members: InterfaceMember[]; extends?: string[]; exported?: boolean }
  | {
      kind: 'class';
      name: string;
      extends?: string;
      exported?: boolean;
      doc?: string;
      constructorParams: { name: string; type: TypeExpr; optional?: boolean }[];
      body: Stmt[];
    };

/** Binding patterns allowed in `for (const <binding> of ...)`, e.g. `[name, config]`. */
const BINDING = /^(\[\s*[A-Za-z_$][\w$]*(\s*,\s*[A-Za-z_$][\w$]*)*\s*\]|[A-Za-z_$][\w$]*)$/;

/** `/^[A-Za-z_$][A-Za-z0-9_$]*$/`, as a loop: every node name passes through here. */
export function isIdentifier(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}

function checkIdentifier(name: string): string {
  if (!isIdentifier(name)) throw new Error(`Not a TypeScript identifier: ${JSON.stringify(name)}`);
  return name;
}

export const lit = (value: Literal): Expr => ({ kind: 'literal', value });
export const id = (name: string): Expr => ({ kind: 'identifier', name: checkIdentifier(name) });
/** `a.b.c` from a dotted path of identifiers. */
export function ref(path: string): Expr {
  const [first, ...rest] = path.split('.');
  return rest.reduce<Expr>((object, name) => member(object, name), id(first ?? ''));
}
export const member = (object: Expr, name: string): Expr => ({
  kind: 'member',
  object,
  name: checkIdentifier(name),
});
export function index(object: Expr, position: number): Expr {
  if (!Number.isInteger(position) || position < 0) throw new Error(`Not an array index: ${position}`);
  return { kind: 'index', object, index: position };
}
export const call = (callee: Expr | string, ...args: Expr[]): Expr => ({
  kind: 'call',
  callee: typeof callee === 'string' ? ref(callee) : callee,
  args,
});
export const newExpr = (callee: Expr | string, ...args: Expr[]): Expr => ({
  kind: 'new',
  callee: typeof callee === 'string' ? ref(callee) : callee,
  args,
});
/** An object literal; entries whose value is undefined are left out. */
export function obj(entries: Record<string, Expr | undefined> | [string, Expr | undefined][]): Expr {
  const kept: ObjectEntry[] = [];
  if (Array.isArray(entries)) {
    for (const [key, value] of entries) if (value !== undefined) kept.push({ key, value });
  } else {
    // for-in visits an object literal's own keys in the order Object.entries lists them.
    for (const key in entries) {
      const value = entries[key];
      if (value !== undefined) kept.push({ key, value });
    }
  }
  return { kind: 'object', entries: kept };
}
export const arr = (items: Expr[]): Expr => ({ kind: 'array', items });
export const cond = (test: Expr, whenTrue: Expr, whenFalse: Expr): Expr => ({
  kind: 'conditional',
  test,
  whenTrue,
  whenFalse,
});
export const eq = (left: Expr, right: Expr): Expr => ({ kind: 'binary', operator: '===', left, right });
export const template = (...parts: (string | Expr)[]): Expr => ({ kind: 'template', parts });
export const arrow = (params: string[], body: Expr): Expr => ({
  kind: 'arrow',
  params: params.map(checkIdentifier),
  body,
});
export const asType = (expr: Expr, type: TypeExpr): Expr => ({ kind: 'as', expr, type });
export const thisExpr: Expr = { kind: 'identifier', name: 'this' };

/** A JSON value (event pattern, config values) as a literal expression. */
export function json(value: unknown): Expr {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return lit(value);
  if (Array.isArray(value)) return arr(value.map(json));
  if (typeof value === 'object')
    return obj(
      Object.entries(value as Record<string, unknown>).map(([k, v]): [string, Expr] => [k, json(v)]),
    );
  throw new Error(`Not a JSON value: ${typeof value}`);
}

export const typeRef = (name: string, ...args: TypeExpr[]): TypeExpr => ({
  kind: 'typeRef',
  name: name.split('.').map(checkIdentifier).join('.'),
  ...(args.length ? { args } : {}),
});
export const typeLit = (value: string | number | boolean): TypeExpr => ({ kind: 'typeLiteral', value });
export const union = (members: TypeExpr[]): TypeExpr => ({ kind: 'union', members });
export const arrayType = (element: TypeExpr): TypeExpr => ({ kind: 'arrayType', element });
export const tuple = (...elements: TypeExpr[]): TypeExpr => ({ kind: 'tuple', elements });
export const binary = (operator: '===' | '!==' | '??' | '||' | '+', left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  operator,
  left,
  right,
});

export const importNamespace = (namespace: string, module: string): Stmt => ({
  kind: 'import',
  module,
  namespace: checkIdentifier(namespace),
});
export const importNamed = (named: string[], module: string, typeOnly = false): Stmt => ({
  kind: 'import',
  module,
  named: named.map(checkIdentifier),
  typeOnly,
});
export const constDecl = (
  name: string,
  init: Expr,
  options: { type?: TypeExpr; exported?: boolean } = {},
): Stmt => ({
  kind: 'const',
  name: checkIdentifier(name),
  init,
  ...options,
});
export const exprStmt = (expr: Expr): Stmt => ({ kind: 'expression', expr });
export function assign(target: Expr, value: Expr): Stmt {
  if (target.kind !== 'member' && target.kind !== 'identifier')
    throw new Error('Only a variable or property can be assigned');
  return { kind: 'assign', target, value };
}
export const comment = (text: string): Stmt => ({ kind: 'comment', text });
export const doc = (text: string): Stmt => ({ kind: 'doc', text });
export const blank: Stmt = { kind: 'blank' };
export const ifStmt = (test: Expr, body: Stmt[]): Stmt => ({ kind: 'if', test, body });
export function forOf(binding: string, iterable: Expr, body: Stmt[]): Stmt {
  if (!BINDING.test(binding)) throw new Error(`Not a binding pattern: ${JSON.stringify(binding)}`);
  return { kind: 'forOf', binding, iterable, body };
}

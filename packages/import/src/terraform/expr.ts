/**
 * Terraform expressions as hcl2json hands them over: strings holding `${...}` interpolations.
 *
 * A small reader for the part of the expression language real configurations use in the values
 * the importer needs (variables, locals, `count.index`, `length`, `element`, `cidrsubnet`,
 * `jsonencode`, ...). It never guesses: anything it cannot evaluate becomes an `Unknown` that
 * carries the references it contains, so callers can still find what an expression points at.
 */

/** A value the importer cannot know before apply (an attribute of a resource, a data source, ...). */
export class Unknown {
  constructor(
    /** Traversals the expression contains, e.g. `aws_sqs_queue.q.arn`, `var.name`. */
    readonly refs: readonly string[],
    /** For `jsonencode(...)` of a partly unknown value: that value, so its shape can be read. */
    readonly structure?: unknown,
  ) {}
}

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | Unknown;

type Ast =
  | { t: 'lit'; v: string | number | boolean | null }
  | { t: 'tpl'; parts: (string | Ast)[] }
  | { t: 'ref'; root: string; steps: Step[] }
  | { t: 'call'; name: string; args: Ast[] }
  | { t: 'list'; items: Ast[] }
  | { t: 'obj'; entries: [Ast, Ast][] }
  | { t: 'un'; op: string; a: Ast }
  | { t: 'bin'; op: string; a: Ast; b: Ast }
  | { t: 'cond'; c: Ast; a: Ast; b: Ast }
  | { t: 'index'; a: Ast; i: Ast }
  | { t: 'attr'; a: Ast; name: string }
  /** A for expression or a splat: read for its references only. */
  | { t: 'opaque'; inner: Ast[] };
type Step = { attr: string } | { index: Ast } | { splat: true };

// ---------------------------------------------------------------------------------------------
// Templates: "text ${expr} text"

/** Splits a template into literal text and the source of each `${...}`; `$${` is a literal `${`. */
export function splitTemplate(s: string): (string | { expr: string })[] {
  const out: (string | { expr: string })[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('$${', i) || s.startsWith('%%{', i)) {
      text += s.slice(i + 1, i + 3);
      i += 3;
    } else if (s.startsWith('${', i) || s.startsWith('%{', i)) {
      const end = matchingBrace(s, i + 1);
      if (end < 0) {
        text += s.slice(i);
        break;
      }
      if (text) out.push(text);
      text = '';
      const body = s.slice(i + 2, end).replace(/^~|~$/g, '');
      out.push(s[i] === '$' ? { expr: body } : { expr: `%directive ${body}` });
      i = end + 1;
    } else {
      text += s[i];
      i++;
    }
  }
  if (text) out.push(text);
  return out;
}

/** The index of the `}` closing the `{` at `open`, skipping strings and nested braces. */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      i = skipString(s, i);
    } else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the closing quote of the string starting at `i` (interpolations inside skipped). */
function skipString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '"') return j;
    else if (s[j] === '$' && s[j + 1] === '{') {
      const end = matchingBrace(s, j + 1);
      if (end < 0) return s.length;
      j = end;
    }
  }
  return s.length;
}

// ---------------------------------------------------------------------------------------------
// Tokens and parser

type Token = { k: 'num' | 'id' | 'str' | 'op'; v: string };

const OPS = ['==', '!=', '<=', '>=', '&&', '||', '=>', '...', '[*]', '.*'];

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(i))!;
      tokens.push({ k: 'num', v: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!;
      // `a-b` is an identifier in HCL, but `count.index-1` is not: keep a trailing "-digit" apart.
      const word = m[0].replace(/-+$/, '');
      tokens.push({ k: 'id', v: word });
      i += word.length;
    } else if (c === '"') {
      const end = skipString(src, i);
      tokens.push({ k: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '<' && src.startsWith('<<', i) && /^<<-?[A-Za-z]/.test(src.slice(i))) {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(src.slice(i));
      if (!m) throw new Error('heredoc');
      const start = i + m[0].length;
      const end = new RegExp(`^\\s*${m[1]}\\s*$`, 'm');
      const rest = src.slice(start);
      const found = end.exec(rest);
      const body = found ? rest.slice(0, found.index) : rest;
      tokens.push({ k: 'str', v: body.replace(/\\/g, '\\\\').replace(/"/g, '\\"') });
      i = found ? start + found.index + found[0].length : src.length;
    } else {
      const op = OPS.find((o) => src.startsWith(o, i)) ?? c;
      tokens.push({ k: 'op', v: op });
      i += op.length;
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Ast {
    const ast = this.expr();
    if (this.pos < this.tokens.length) throw new Error(`unexpected ${this.tokens[this.pos]!.v}`);
    return ast;
  }

  private peek(v?: string): Token | undefined {
    const t = this.tokens[this.pos];
    return v === undefined || t?.v === v ? t : undefined;
  }
  private eat(v: string): boolean {
    if (this.tokens[this.pos]?.v === v && this.tokens[this.pos]?.k !== 'str') {
      this.pos++;
      return true;
    }
    return false;
  }
  private expect(v: string): void {
    if (!this.eat(v)) throw new Error(`expected ${v}`);
  }

  expr(): Ast {
    const c = this.binary(0);
    if (this.eat('?')) {
      const a = this.expr();
      this.expect(':');
      const b = this.expr();
      return { t: 'cond', c, a, b };
    }
    return c;
  }

  private static readonly LEVELS = [
    ['||'],
    ['&&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['+', '-'],
    ['*', '/', '%'],
  ];

  private binary(level: number): Ast {
    if (level >= Parser.LEVELS.length) return this.unary();
    let a = this.binary(level + 1);
    for (;;) {
      const t = this.tokens[this.pos];
      if (!t || t.k !== 'op' || !Parser.LEVELS[level]!.includes(t.v)) return a;
      this.pos++;
      a = { t: 'bin', op: t.v, a, b: this.binary(level + 1) };
    }
  }

  private unary(): Ast {
    const t = this.tokens[this.pos];
    if (t?.k === 'op' && (t.v === '-' || t.v === '!')) {
      this.pos++;
      return { t: 'un', op: t.v, a: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(base: Ast): Ast {
    let a = base;
    for (;;) {
      if (this.eat('.*') || this.eat('[*]')) {
        a = a.t === 'ref' ? { ...a, steps: [...a.steps, { splat: true }] } : { t: 'opaque', inner: [a] };
      } else if (this.peek('.') && this.tokens[this.pos + 1]?.k === 'id') {
        this.pos++;
        const name = this.tokens[this.pos++]!.v;
        a = a.t === 'ref' ? { ...a, steps: [...a.steps, { attr: name }] } : { t: 'attr', a, name };
      } else if (this.peek('.') && this.tokens[this.pos + 1]?.k === 'num') {
        // Legacy index syntax: list.0
        this.pos++;
        const i: Ast = { t: 'lit', v: Number(this.tokens[this.pos++]!.v) };
        a = a.t === 'ref' ? { ...a, steps: [...a.steps, { index: i }] } : { t: 'index', a, i };
      } else if (this.peek('[') && this.peek()!.k === 'op') {
        this.pos++;
        const i = this.expr();
        this.expect(']');
        a = a.t === 'ref' ? { ...a, steps: [...a.steps, { index: i }] } : { t: 'index', a, i };
      } else return a;
    }
  }

  private primary(): Ast {
    const t = this.tokens[this.pos++];
    if (!t) throw new Error('unexpected end');
    if (t.k === 'num') return { t: 'lit', v: Number(t.v) };
    if (t.k === 'str') return parseTemplateAst(unescape(t.v));
    if (t.k === 'id') {
      if (t.v === 'true' || t.v === 'false') return { t: 'lit', v: t.v === 'true' };
      if (t.v === 'null') return { t: 'lit', v: null };
      if (this.eat('(')) {
        const args: Ast[] = [];
        while (!this.eat(')')) {
          args.push(this.expr());
          this.eat('...');
          if (!this.eat(',') && !this.peek(')')) throw new Error('expected , or )');
        }
        const name = t.v.includes('::') ? t.v.split('::').pop()! : t.v;
        return { t: 'call', name, args };
      }
      return { t: 'ref', root: t.v, steps: [] };
    }
    if (t.v === '(') {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (t.v === '[') {
      if (this.peek('for')) return this.forExpr(']');
      const items: Ast[] = [];
      while (!this.eat(']')) {
        items.push(this.expr());
        if (!this.eat(',') && !this.peek(']')) throw new Error('expected , or ]');
      }
      return { t: 'list', items };
    }
    if (t.v === '{') {
      if (this.peek('for')) return this.forExpr('}');
      const entries: [Ast, Ast][] = [];
      while (!this.eat('}')) {
        const keyToken = this.tokens[this.pos];
        let key: Ast;
        if (
          keyToken?.k === 'id' &&
          (this.tokens[this.pos + 1]?.v === '=' || this.tokens[this.pos + 1]?.v === ':')
        ) {
          this.pos++;
          key = { t: 'lit', v: keyToken.v };
        } else key = this.expr();
        if (!this.eat('=') && !this.eat(':')) throw new Error('expected = or :');
        entries.push([key, this.expr()]);
        this.eat(',');
      }
      return { t: 'obj', entries };
    }
    throw new Error(`unexpected ${t.v}`);
  }

  /** `[for x in xs: ...]` / `{for k, v in m: k => v}`: kept for its references only. */
  private forExpr(close: string): Ast {
    const inner: Ast[] = [];
    let depth = 0;
    const start = this.pos;
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos]!;
      if (t.k === 'op' && (t.v === '[' || t.v === '{' || t.v === '(')) depth++;
      if (t.k === 'op' && (t.v === ']' || t.v === '}' || t.v === ')')) {
        if (depth === 0 && t.v === close) break;
        depth--;
      }
      this.pos++;
    }
    // References inside: every identifier followed by "." that is not a loop variable.
    for (let i = start; i < this.pos; i++) {
      const t = this.tokens[i]!;
      if (t.k === 'id' && this.tokens[i + 1]?.v === '.' && this.tokens[i + 2]?.k === 'id') {
        inner.push({ t: 'ref', root: t.v, steps: [{ attr: this.tokens[i + 2]!.v }] });
      }
    }
    this.expect(close);
    return { t: 'opaque', inner };
  }
}

function unescape(s: string): string {
  return s.replace(/\\(["\\nrt]|u[0-9a-fA-F]{4})/g, (_m, c: string) => {
    if (c === 'n') return '\n';
    if (c === 'r') return '\r';
    if (c === 't') return '\t';
    if (c.startsWith('u')) return String.fromCharCode(parseInt(c.slice(1), 16));
    return c;
  });
}

function parseTemplateAst(s: string): Ast {
  const parts = splitTemplate(s).map((p) => (typeof p === 'string' ? p : parseExprSource(p.expr)));
  if (parts.length === 0) return { t: 'lit', v: '' };
  if (parts.length === 1 && typeof parts[0] === 'string') return { t: 'lit', v: parts[0] };
  return { t: 'tpl', parts };
}

const astCache = new Map<string, Ast>();

/** Parses one expression's source; what does not parse is opaque (its references still found). */
function parseExprSource(src: string): Ast {
  const cached = astCache.get(src);
  if (cached) return cached;
  let ast: Ast;
  if (src.startsWith('%directive ')) {
    ast = { t: 'opaque', inner: roughRefs(src) };
  } else {
    try {
      ast = new Parser(tokenize(src)).parseAll();
    } catch {
      ast = { t: 'opaque', inner: roughRefs(src) };
    }
  }
  if (astCache.size > 5000) astCache.clear();
  astCache.set(src, ast);
  return ast;
}

/** References found by pattern in source the parser did not understand. */
function roughRefs(src: string): Ast[] {
  const out: Ast[] = [];
  for (const m of src.matchAll(/(?<![\w.])([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g)) {
    const steps: Step[] = [{ attr: m[2]! }];
    if (m[3]) steps.push({ attr: m[3] });
    out.push({ t: 'ref', root: m[1]!, steps });
  }
  return out;
}

/** A string value from hcl2json as an expression: the whole template. */
function valueAst(s: string): Ast {
  return parseTemplateAst(s);
}

// ---------------------------------------------------------------------------------------------
// References

/** Every traversal in the value (strings at any depth), as text: `aws_sqs_queue.q.arn`, `var.x`. */
export function collectRefs(value: unknown): string[] {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.includes('${') || v.includes('%{')) astRefs(valueAst(v), out);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return [...out];
}

function astRefs(ast: Ast, out: Set<string>): void {
  switch (ast.t) {
    case 'lit':
      return;
    case 'tpl':
      for (const p of ast.parts) if (typeof p !== 'string') astRefs(p, out);
      return;
    case 'ref': {
      const names = [ast.root];
      for (const s of ast.steps) {
        if ('attr' in s) names.push(s.attr);
        else if ('index' in s) astRefs(s.index, out);
        else break;
      }
      out.add(names.join('.'));
      return;
    }
    case 'call':
      ast.args.forEach((a) => astRefs(a, out));
      return;
    case 'list':
      ast.items.forEach((a) => astRefs(a, out));
      return;
    case 'obj':
      for (const [k, v] of ast.entries) {
        astRefs(k, out);
        astRefs(v, out);
      }
      return;
    case 'un':
      astRefs(ast.a, out);
      return;
    case 'bin':
      astRefs(ast.a, out);
      astRefs(ast.b, out);
      return;
    case 'cond':
      astRefs(ast.c, out);
      astRefs(ast.a, out);
      astRefs(ast.b, out);
      return;
    case 'index':
      astRefs(ast.a, out);
      astRefs(ast.i, out);
      return;
    case 'attr':
      astRefs(ast.a, out);
      return;
    case 'opaque':
      ast.inner.forEach((a) => astRefs(a, out));
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** What names mean where the expression is evaluated. */
export interface Scope {
  variable(name: string): Value | undefined;
  local(name: string): Value | undefined;
  /** `count.index` of the instance being read, when there is one. */
  countIndex?: number;
  /** `each.key` / `each.value` of the `for_each` instance being read, when there is one. */
  each?: { key: Value; value: Value };
}

/** The value of an hcl2json value (strings are templates), unknown parts as `Unknown`. */
export function evaluate(value: unknown, scope: Scope): Value {
  if (typeof value === 'string') {
    if (!value.includes('${') && !value.includes('%{')) return value.replace(/\$\$\{/g, '${');
    return evalAst(valueAst(value), scope, 0);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => evaluate(v, scope));
  if (value && typeof value === 'object') {
    const out: { [key: string]: Value } = {};
    for (const [k, v] of Object.entries(value)) setKey(out, k, evaluate(v, scope));
    return out;
  }
  return new Unknown([]);
}

/** Sets an own key, even one named like `__proto__` (plain assignment would set the prototype). */
function setKey(out: { [key: string]: Value }, key: string, value: Value): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** True when the value has no unknown part anywhere. */
export function isKnown(v: Value): v is Exclude<Value, Unknown> {
  if (v instanceof Unknown) return false;
  if (Array.isArray(v)) return v.every(isKnown);
  if (v && typeof v === 'object') return Object.values(v).every(isKnown);
  return true;
}

function unknownOf(...vs: Value[]): Unknown {
  const refs = new Set<string>();
  const visit = (v: Value): void => {
    if (v instanceof Unknown) v.refs.forEach((r) => refs.add(r));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  vs.forEach(visit);
  return new Unknown([...refs]);
}

const MAX_DEPTH = 40;

function evalAst(ast: Ast, scope: Scope, depth: number): Value {
  if (depth > MAX_DEPTH) return new Unknown([]);
  const ev = (a: Ast): Value => evalAst(a, scope, depth + 1);
  switch (ast.t) {
    case 'lit':
      return ast.v;
    case 'tpl': {
      const parts = ast.parts.map((p) => (typeof p === 'string' ? p : ev(p)));
      if (parts.length === 1 && typeof ast.parts[0] !== 'string') return parts[0]!;
      if (!parts.every((p) => p === null || ['string', 'number', 'boolean'].includes(typeof p)))
        return unknownOf(...parts);
      return parts.map((p) => (p === null ? '' : String(p))).join('');
    }
    case 'ref':
      return evalRef(ast, scope, depth);
    case 'call':
      return evalCall(ast.name, ast.args.map(ev), ast);
    case 'list':
      return ast.items.map(ev);
    case 'obj': {
      const out: { [key: string]: Value } = {};
      for (const [k, v] of ast.entries) {
        const key = ev(k);
        if (typeof key !== 'string' && typeof key !== 'number') return unknownOf(key, ev(v));
        setKey(out, String(key), ev(v));
      }
      return out;
    }
    case 'un': {
      const a = ev(ast.a);
      if (ast.op === '-' && typeof a === 'number') return -a;
      if (ast.op === '!' && typeof a === 'boolean') return !a;
      return unknownOf(a);
    }
    case 'bin':
      return evalBinary(ast.op, ev(ast.a), ev(ast.b));
    case 'cond': {
      const c = ev(ast.c);
      if (typeof c === 'boolean') return c ? ev(ast.a) : ev(ast.b);
      return unknownOf(c, ev(ast.a), ev(ast.b));
    }
    case 'index':
      return indexValue(ev(ast.a), ev(ast.i));
    case 'attr':
      return indexValue(ev(ast.a), ast.name);
    case 'opaque': {
      const refs = new Set<string>();
      astRefs(ast, refs);
      return new Unknown([...refs]);
    }
  }
}

function refText(ast: Extract<Ast, { t: 'ref' }>): string {
  const refs = new Set<string>();
  astRefs(ast, refs);
  return [...refs].pop() ?? ast.root;
}

function evalRef(ast: Extract<Ast, { t: 'ref' }>, scope: Scope, depth: number): Value {
  const first = ast.steps[0];
  let base: Value | undefined;
  let rest = ast.steps.slice(1);
  if (ast.root === 'var' && first && 'attr' in first) base = scope.variable(first.attr);
  else if (ast.root === 'local' && first && 'attr' in first) base = scope.local(first.attr);
  else if (ast.root === 'count' && first && 'attr' in first && first.attr === 'index')
    base = scope.countIndex;
  else if (
    ast.root === 'each' &&
    first &&
    'attr' in first &&
    (first.attr === 'key' || first.attr === 'value')
  )
    base = scope.each?.[first.attr];
  else rest = [];
  if (base === undefined) return new Unknown([refText(ast)]);
  let v: Value = base;
  for (const step of rest) {
    if ('attr' in step) v = indexValue(v, step.attr);
    else if ('index' in step) v = indexValue(v, evalAst(step.index, scope, depth + 1));
    else return unknownOf(v);
  }
  return v;
}

function indexValue(v: Value, key: Value): Value {
  if (v instanceof Unknown || key instanceof Unknown) return unknownOf(v, key);
  if (Array.isArray(v) && typeof key === 'number') return v[key] ?? new Unknown([]);
  if (v && typeof v === 'object' && !Array.isArray(v) && (typeof key === 'string' || typeof key === 'number'))
    return v[String(key)] ?? new Unknown([]);
  return new Unknown([]);
}

function evalBinary(op: string, a: Value, b: Value): Value {
  if (a instanceof Unknown || b instanceof Unknown) return unknownOf(a, b);
  if (op === '==') return JSON.stringify(a) === JSON.stringify(b);
  if (op === '!=') return JSON.stringify(a) !== JSON.stringify(b);
  if (op === '&&' || op === '||') {
    if (typeof a !== 'boolean' || typeof b !== 'boolean') return new Unknown([]);
    return op === '&&' ? a && b : a || b;
  }
  const x = typeof a === 'string' && a.trim() !== '' ? Number(a) : a;
  const y = typeof b === 'string' && b.trim() !== '' ? Number(b) : b;
  if (typeof x !== 'number' || typeof y !== 'number' || Number.isNaN(x) || Number.isNaN(y))
    return new Unknown([]);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

function evalCall(name: string, args: Value[], ast: Ast): Value {
  const unknown = (): Unknown => {
    const refs = new Set<string>();
    astRefs(ast, refs);
    return new Unknown([...refs]);
  };
  if (name === 'jsonencode') {
    const [v] = args;
    if (v === undefined) return unknown();
    return isKnown(v) ? JSON.stringify(v) : new Unknown(unknown().refs, v);
  }
  if (!args.every(isKnown)) return unknown();
  const a = args as Exclude<Value, Unknown>[];
  switch (name) {
    case 'length':
      if (typeof a[0] === 'string' || Array.isArray(a[0])) return a[0].length;
      if (a[0] && typeof a[0] === 'object') return Object.keys(a[0]).length;
      return unknown();
    case 'element':
      if (Array.isArray(a[0]) && typeof a[1] === 'number' && a[0].length > 0)
        return a[0][a[1] % a[0].length]!;
      return unknown();
    case 'concat':
      return a.every(Array.isArray) ? (a as Value[][]).flat() : unknown();
    case 'tolist':
    case 'toset':
    case 'tomap':
    case 'tostring':
      return name === 'tostring' && typeof a[0] === 'number' ? String(a[0]) : (a[0] ?? unknown());
    case 'tonumber':
      return typeof a[0] === 'number' ? a[0] : typeof a[0] === 'string' ? Number(a[0]) : unknown();
    case 'lookup': {
      const [m, k, d] = a;
      if (m && typeof m === 'object' && !Array.isArray(m) && typeof k === 'string')
        return m[k] ?? d ?? unknown();
      return unknown();
    }
    case 'lower':
    case 'upper':
      if (typeof a[0] !== 'string') return unknown();
      return name === 'lower' ? a[0].toLowerCase() : a[0].toUpperCase();
    case 'join':
      return typeof a[0] === 'string' && Array.isArray(a[1]) ? a[1].map(String).join(a[0]) : unknown();
    case 'format': {
      const [f, ...rest] = a;
      if (typeof f !== 'string') return unknown();
      let i = 0;
      return f.replace(/%[sdv%]/g, (m) => (m === '%%' ? '%' : String(rest[i++] ?? '')));
    }
    case 'min':
    case 'max':
      return a.every((x) => typeof x === 'number') ? Math[name](...(a as number[])) : unknown();
    case 'cidrsubnet':
      return typeof a[0] === 'string' && typeof a[1] === 'number' && typeof a[2] === 'number'
        ? (cidrsubnet(a[0], a[1], a[2]) ?? unknown())
        : unknown();
    case 'try':
    case 'coalesce':
      return a.find((x) => x !== null && x !== '') ?? unknown();
    default:
      return unknown();
  }
}

/** Terraform's `cidrsubnet(prefix, newbits, netnum)` for IPv4. */
export function cidrsubnet(prefix: string, newbits: number, netnum: number): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(prefix);
  if (!m) return undefined;
  const bits = Number(m[5]) + newbits;
  if (bits > 32 || netnum < 0 || netnum >= 2 ** newbits) return undefined;
  const base = ((Number(m[1]) << 24) >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const network = ((base & mask) >>> 0) + netnum * 2 ** (32 - bits);
  const ip = [24, 16, 8, 0].map((s) => Math.floor(network / 2 ** s) % 256).join('.');
  return `${ip}/${bits}`;
}

/**
 * A template's text with what is known filled in and each interpolation known only at apply kept
 * as written (`${aws_s3_bucket.b.id}`): for JSON held in a heredoc, whose shape matters.
 */
export function partialTemplate(raw: string, scope: Scope): string {
  return splitTemplate(raw)
    .map((part) => {
      if (typeof part === 'string') return part;
      const value = evaluate(`\${${part.expr}}`, scope);
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : `\${${part.expr.trim()}}`;
    })
    .join('');
}

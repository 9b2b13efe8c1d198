/**
 * Prints the syntax tree of `ast.ts` as formatted TypeScript (2-space indent, single quotes,
 * trailing commas), close to what Prettier would write.
 *
 * Layout rules: an expression is printed on one line when it fits at its indent (calls may run
 * past the limit while their last argument "hugs"); otherwise it breaks one level. Whether an
 * expression fits is decided from two numbers measured once per expression — its one-line
 * width and the deepest indent at which it still prints on one line — so no text is printed
 * twice or scanned for newlines, and the output is written once, into one growing string.
 */
import type { Expr, Literal, Stmt, TypeExpr } from './ast.ts';
import { isIdentifier } from './ast.ts';

const INDENT = '  ';
const INLINE_LIMIT = 80;
/** A call (whose last argument cannot hug) may run this far before its arguments break. */
const CALL_LIMIT = INLINE_LIMIT + 20;

/** Printable ASCII without quotes or backslashes: quoted as is (what the escaping below would give). */
const NOTHING_TO_ESCAPE = /^[ !#-&(-[\]-~]*$/;

/** A single-quoted string literal: JSON escaping (control chars, U+2028/9, lone surrogates), then quote swap. */
export function quote(value: string): string {
  if (NOTHING_TO_ESCAPE.test(value)) return `'${value}'`;
  const body = JSON.stringify(value)
    .slice(1, -1)
    .replace(/\\.|'/g, (token) => (token === '\\"' ? '"' : token === "'" ? "\\'" : token))
    .replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
  return `'${body}'`;
}

/** Text inside a template literal: escape what could end it or open a substitution. */
function templateText(value: string): string {
  return quote(value).slice(1, -1).replace(/\\'/g, "'").replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function literal(value: Literal): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot print the number ${value}`);
    return Object.is(value, -0) ? '0' : String(value);
  }
  return String(value);
}

function propertyKey(key: string): string {
  return isIdentifier(key) ? key : quote(key);
}

/** Comment text on one line: line terminators would end a `//` comment and let text run as code. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
const LINE_TERMINATOR = /[\r\n\u2028\u2029]/;

function docText(text: string): string[] {
  return text.split(LINE_BREAK).map((line) => line.replace(/\*\//g, '*\\/').trimEnd());
}

export function printType(type: TypeExpr): string {
  switch (type.kind) {
    case 'typeRef':
      return type.args ? `${type.name}<${type.args.map(printType).join(', ')}>` : type.name;
    case 'typeLiteral':
      return typeof type.value === 'string' ? quote(type.value) : String(type.value);
    case 'union':
      return type.members.map(printType).join(' | ');
    case 'tuple':
      return `[${type.elements.map(printType).join(', ')}]`;
    case 'arrayType': {
      const inner = printType(type.element);
      return type.element.kind === 'union' ? `(${inner})[]` : `${inner}[]`;
    }
  }
}

function needsParens(expr: Expr): boolean {
  return expr.kind === 'conditional' || expr.kind === 'binary' || expr.kind === 'arrow' || expr.kind === 'as';
}

function memberParens(object: Expr): boolean {
  return needsParens(object) || object.kind === 'object';
}

const isEquality = (operator: string): boolean => operator === '===' || operator === '!==';

/** An operand of a binary expression: parenthesized where precedence needs it. */
function binaryParens(side: Expr, operator: string): boolean {
  // `a === b || c !== d` needs no parentheses; mixing `??` with `||` (or nesting those) does.
  if (!needsParens(side)) return false;
  // `+` binds tighter than every other operator here (a `+` inside `+` keeps its parentheses).
  if (side.kind === 'binary' && side.operator === '+') return operator === '+';
  if (operator === '+') return true;
  return !(side.kind === 'binary' && isEquality(side.operator) && !isEquality(operator));
}

/** `x` or `(x, y)`: the parameters of an arrow function. */
function arrowParams(params: string[]): string {
  return params.length === 1 ? (params[0] as string) : `(${params.join(', ')})`;
}

const ALWAYS = Infinity;
const NEVER = -1;
/** In place of an indent: the one-line form is wanted. */
const FLAT = null;

/**
 * Initial slots: enough for most expressions. Small, because `printExpr` makes a printer per call
 * (thousands per stack, to compare per-environment code), and typed arrays are zeroed when made.
 */
const INITIAL_SLOTS = 64;

/** Measurements per slot, in typed arrays that grow as needed. */
class Slots {
  /** One-line width (Infinity when there is none: a non-empty object). */
  widths = new Float64Array(INITIAL_SLOTS);
  /** Deepest indent (in characters) at which the slot prints on one line; < 0: never. */
  flatUpTo = new Float64Array(INITIAL_SLOTS);
  /** The slot after the node's subtree. */
  ends = new Int32Array(INITIAL_SLOTS);
  /** Text measured on the way: a literal's source, an arrow's parameters, an `as` type. */
  readonly texts: string[] = [];

  reserve(slot: number): void {
    if (slot < this.ends.length) return;
    const size = this.ends.length * 2;
    const widths = new Float64Array(size);
    const flatUpTo = new Float64Array(size);
    const ends = new Int32Array(size);
    widths.set(this.widths);
    flatUpTo.set(this.flatUpTo);
    ends.set(this.ends);
    this.widths = widths;
    this.flatUpTo = flatUpTo;
    this.ends = ends;
  }
}

/**
 * Writes a module or an expression into one growing string.
 *
 * Before an expression is written, `measure` walks it once and records, per node in visiting
 * order ("slots"), what layout needs whatever the indent: the node's one-line width and the
 * deepest indent at which it prints on one line (its one-line form is the same text at every
 * indent, and a deeper indent never makes more room, so one threshold says it). The writer then
 * walks the same nodes in the same order, so a node's slot is a counter, not a lookup.
 */
class Printer {
  out = '';
  /** Next slot to read while writing. */
  private cursor = 0;
  /** Next slot to fill while measuring. */
  private filled = 0;

  constructor(private readonly slots = new Slots()) {}

  /** A whole expression at `indent` (the indent of the line it starts on). */
  top(expr: Expr, indent: string): void {
    this.filled = 0;
    this.measure(expr);
    this.cursor = 0;
    this.expr(expr, indent);
  }

  private measure(expr: Expr): number {
    const slot = this.filled++;
    this.slots.reserve(slot);
    let width: number;
    let flatUpTo: number = ALWAYS;
    switch (expr.kind) {
      case 'identifier':
        width = expr.name.length;
        break;
      case 'literal': {
        const text = literal(expr.value);
        this.slots.texts[slot] = text;
        width = text.length;
        break;
      }
      case 'member': {
        const object = this.measure(expr.object);
        width = this.widthOf(object) + (memberParens(expr.object) ? 2 : 0) + 1 + expr.name.length;
        flatUpTo = this.flatUpToOf(object);
        break;
      }
      case 'index': {
        const object = this.measure(expr.object);
        width = this.widthOf(object) + 2 + String(expr.index).length;
        flatUpTo = this.flatUpToOf(object);
        break;
      }
      case 'call':
      case 'new': {
        const callee = this.measure(expr.callee);
        flatUpTo = this.flatUpToOf(callee);
        const last = expr.args.length - 1;
        let argsWidth = 0;
        let headWidth = 0;
        for (let i = 0; i <= last; i++) {
          const arg = this.measure(expr.args[i] as Expr);
          flatUpTo = Math.min(flatUpTo, this.flatUpToOf(arg));
          if (i === last) headWidth = argsWidth;
          argsWidth += (i > 0 ? 2 : 0) + this.widthOf(arg);
        }
        const opening = (expr.kind === 'new' ? 4 : 0) + this.widthOf(callee) + 1;
        width = opening + argsWidth + 1;
        // One line when it fits the call limit, or when everything before the last argument
        // fits the line limit (the last one hugs, here on the same line).
        flatUpTo = Math.min(flatUpTo, Math.max(CALL_LIMIT - width, INLINE_LIMIT - (opening + headWidth)));
        break;
      }
      case 'object':
        for (const entry of expr.entries) this.measure(entry.value);
        width = expr.entries.length === 0 ? 2 : Infinity;
        if (expr.entries.length > 0) flatUpTo = NEVER;
        break;
      case 'array': {
        width = expr.items.length === 0 ? 2 : 2 * expr.items.length;
        for (const item of expr.items) {
          const slotOfItem = this.measure(item);
          width += this.widthOf(slotOfItem);
          flatUpTo = Math.min(flatUpTo, this.flatUpToOf(slotOfItem));
        }
        if (expr.items.length > 0) flatUpTo = Math.min(flatUpTo, INLINE_LIMIT - width);
        break;
      }
      case 'conditional': {
        const test = this.measure(expr.test);
        const whenTrue = this.measure(expr.whenTrue);
        const whenFalse = this.measure(expr.whenFalse);
        width = this.widthOf(test) + this.widthOf(whenTrue) + this.widthOf(whenFalse) + 6;
        // The branches sit one level deeper (an `else if` chain stays at the test's level).
        const falseDepth = expr.whenFalse.kind === 'conditional' ? 0 : INDENT.length;
        flatUpTo = Math.min(
          this.flatUpToOf(test),
          this.flatUpToOf(whenTrue) - INDENT.length,
          this.flatUpToOf(whenFalse) - falseDepth,
          INLINE_LIMIT - width,
        );
        break;
      }
      case 'binary': {
        const left = this.measure(expr.left);
        const right = this.measure(expr.right);
        width =
          this.widthOf(left) +
          (binaryParens(expr.left, expr.operator) ? 2 : 0) +
          expr.operator.length +
          2 +
          this.widthOf(right) +
          (binaryParens(expr.right, expr.operator) ? 2 : 0);
        flatUpTo = Math.min(this.flatUpToOf(left), this.flatUpToOf(right));
        break;
      }
      case 'template':
        width = 2;
        for (const part of expr.parts) {
          if (typeof part === 'string') {
            width += templateText(part).length;
            continue;
          }
          const slotOfPart = this.measure(part);
          width += 3 + this.widthOf(slotOfPart);
          flatUpTo = Math.min(flatUpTo, this.flatUpToOf(slotOfPart));
        }
        break;
      case 'arrow': {
        const params = arrowParams(expr.params);
        this.slots.texts[slot] = params;
        const body = this.measure(expr.body);
        width = params.length + 4 + this.widthOf(body) + (expr.body.kind === 'object' ? 2 : 0);
        flatUpTo = this.flatUpToOf(body);
        break;
      }
      case 'as': {
        const type = printType(expr.type);
        this.slots.texts[slot] = type;
        const inner = this.measure(expr.expr);
        width = this.widthOf(inner) + (needsParens(expr.expr) ? 2 : 0) + 4 + type.length;
        flatUpTo = this.flatUpToOf(inner);
        break;
      }
    }
    this.slots.widths[slot] = width;
    this.slots.flatUpTo[slot] = flatUpTo;
    this.slots.ends[slot] = this.filled;
    return slot;
  }

  private widthOf(slot: number): number {
    return this.slots.widths[slot] as number;
  }

  private flatUpToOf(slot: number): number {
    return this.slots.flatUpTo[slot] as number;
  }

  /** The expression at the cursor, at `indent`. */
  private expr(expr: Expr, indent: string): void {
    if (indent.length <= this.flatUpToOf(this.cursor)) this.flat(expr);
    else this.broken(expr, indent);
  }

  /** The one-line form. */
  private flat(expr: Expr): void {
    const slot = this.cursor++;
    switch (expr.kind) {
      case 'identifier':
        this.out += expr.name;
        return;
      case 'literal':
        this.out += this.slots.texts[slot] as string;
        return;
      case 'member':
        this.member(expr, FLAT);
        return;
      case 'index':
        this.flat(expr.object);
        this.out += `[${expr.index}]`;
        return;
      case 'call':
      case 'new':
        if (expr.kind === 'new') this.out += 'new ';
        this.flat(expr.callee);
        this.out += '(';
        for (let i = 0; i < expr.args.length; i++) {
          if (i > 0) this.out += ', ';
          this.flat(expr.args[i] as Expr);
        }
        this.out += ')';
        return;
      case 'object':
        this.out += '{}';
        return;
      case 'array':
        this.out += '[';
        for (let i = 0; i < expr.items.length; i++) {
          if (i > 0) this.out += ', ';
          this.flat(expr.items[i] as Expr);
        }
        this.out += ']';
        return;
      case 'conditional':
        this.flat(expr.test);
        this.out += ' ? ';
        this.flat(expr.whenTrue);
        this.out += ' : ';
        this.flat(expr.whenFalse);
        return;
      default:
        this.shared(expr, slot, FLAT);
    }
  }

  /** The form over several lines (or the hugging form of a call). */
  private broken(expr: Expr, indent: string): void {
    const slot = this.cursor++;
    const inner = indent + INDENT;
    switch (expr.kind) {
      case 'identifier':
        this.out += expr.name;
        return;
      case 'literal':
        this.out += this.slots.texts[slot] as string;
        return;
      case 'member':
        this.member(expr, indent);
        return;
      case 'index':
        this.expr(expr.object, indent);
        this.out += `[${expr.index}]`;
        return;
      case 'call':
      case 'new': {
        if (expr.kind === 'new') this.out += 'new ';
        const hugs = this.hugs(expr, slot + 1, indent);
        this.expr(expr.callee, indent);
        const args = expr.args;
        if (hugs) {
          this.out += '(';
          for (let i = 0; i < args.length; i++) {
            if (i > 0) this.out += ', ';
            this.expr(args[i] as Expr, indent);
          }
          this.out += ')';
          return;
        }
        this.out += '(\n';
        for (let i = 0; i < args.length; i++) {
          if (i > 0) this.out += '\n';
          this.out += inner;
          this.expr(args[i] as Expr, inner);
          this.out += ',';
        }
        this.out += `\n${indent})`;
        return;
      }
      case 'object':
        this.out += '{\n';
        for (let i = 0; i < expr.entries.length; i++) {
          const entry = expr.entries[i] as (typeof expr.entries)[number];
          if (i > 0) this.out += '\n';
          if (entry.comment) this.out += `${inner}// ${commentText(entry.comment)}\n`;
          this.out += `${inner}${propertyKey(entry.key)}: `;
          this.expr(entry.value, inner);
          this.out += ',';
        }
        this.out += `\n${indent}}`;
        return;
      case 'array':
        this.out += '[\n';
        for (let i = 0; i < expr.items.length; i++) {
          if (i > 0) this.out += '\n';
          this.out += inner;
          this.expr(expr.items[i] as Expr, inner);
          this.out += ',';
        }
        this.out += `\n${indent}]`;
        return;
      case 'conditional': {
        this.expr(expr.test, indent);
        this.out += `\n${inner}? `;
        this.expr(expr.whenTrue, inner);
        this.out += `\n${inner}: `;
        this.expr(expr.whenFalse, expr.whenFalse.kind === 'conditional' ? indent : inner);
        return;
      }
      default:
        this.shared(expr, slot, indent);
    }
  }

  /**
   * A call that does not fit on one line keeps its arguments on the call's line when all but
   * the last are one-liners and, with the callee, fit the line limit.
   */
  private hugs(expr: Expr & { kind: 'call' | 'new' }, calleeSlot: number, indent: string): boolean {
    let width =
      indent.length + (expr.kind === 'new' ? 4 : 0) + this.printedLength(expr.callee, calleeSlot, indent) + 1;
    let arg = this.slots.ends[calleeSlot] as number;
    for (let i = 0; i < expr.args.length - 1; i++) {
      if (indent.length > this.flatUpToOf(arg)) return false;
      width += (i > 0 ? 2 : 0) + this.widthOf(arg);
      arg = this.slots.ends[arg] as number;
    }
    return width <= INLINE_LIMIT;
  }

  /** Length of the expression's text at `indent`, newlines and indents included. */
  private printedLength(expr: Expr, slot: number, indent: string): number {
    if (indent.length <= this.flatUpToOf(slot)) return this.widthOf(slot);
    // A callee over several lines (rare): print it aside to count.
    const aside = new Printer(this.slots);
    aside.cursor = slot;
    aside.expr(expr, indent);
    return aside.out.length;
  }

  /** Member access, one-line (FLAT) or laid out at `indent`. */
  private member(expr: Expr & { kind: 'member' }, indent: string | typeof FLAT): void {
    const parens = memberParens(expr.object);
    if (parens) this.out += '(';
    this.part(expr.object, indent);
    this.out += parens ? `).${expr.name}` : `.${expr.name}`;
  }

  /** A sub-expression at the same indent: one-line (FLAT) or laid out at `indent`. */
  private part(expr: Expr, indent: string | typeof FLAT): void {
    if (indent === FLAT) this.flat(expr);
    else this.expr(expr, indent);
  }

  /** Binary, template, arrow and `as`: the same shape on one line or over several. */
  private shared(
    expr: Expr & { kind: 'binary' | 'template' | 'arrow' | 'as' },
    slot: number,
    indent: string | typeof FLAT,
  ): void {
    switch (expr.kind) {
      case 'binary': {
        const leftParens = binaryParens(expr.left, expr.operator);
        const rightParens = binaryParens(expr.right, expr.operator);
        if (leftParens) this.out += '(';
        this.part(expr.left, indent);
        this.out += leftParens ? `) ${expr.operator} ` : ` ${expr.operator} `;
        if (rightParens) this.out += '(';
        this.part(expr.right, indent);
        if (rightParens) this.out += ')';
        return;
      }
      case 'template':
        this.out += '`';
        for (const part of expr.parts) {
          if (typeof part === 'string') {
            this.out += templateText(part);
            continue;
          }
          this.out += '${';
          this.part(part, indent);
          this.out += '}';
        }
        this.out += '`';
        return;
      case 'arrow':
        this.out += `${this.slots.texts[slot] as string} => `;
        if (expr.body.kind === 'object') this.out += '(';
        this.part(expr.body, indent);
        if (expr.body.kind === 'object') this.out += ')';
        return;
      case 'as': {
        const parens = needsParens(expr.expr);
        if (parens) this.out += '(';
        this.part(expr.expr, indent);
        this.out += `${parens ? ')' : ''} as ${this.slots.texts[slot] as string}`;
        return;
      }
    }
  }

  stmt(stmt: Stmt, indent: string): void {
    const inner = indent + INDENT;
    switch (stmt.kind) {
      case 'import': {
        const typePrefix = stmt.typeOnly ? 'type ' : '';
        this.out += stmt.namespace
          ? `${indent}import ${typePrefix}* as ${stmt.namespace} from ${quote(stmt.module)};`
          : `${indent}import ${typePrefix}{ ${(stmt.named ?? []).join(', ')} } from ${quote(stmt.module)};`;
        return;
      }
      case 'const': {
        const type = stmt.type ? `: ${printType(stmt.type)}` : '';
        this.out += `${indent}${exportPrefix(stmt)}const ${stmt.name}${type} = `;
        this.top(stmt.init, indent);
        this.out += ';';
        return;
      }
      case 'expression':
        this.out += indent;
        this.top(stmt.expr, indent);
        this.out += ';';
        return;
      case 'assign':
        this.out += indent;
        this.top(stmt.target, indent);
        this.out += ' = ';
        this.top(stmt.value, indent);
        this.out += ';';
        return;
      case 'comment':
        // Most comments are one line: then commentText is a trim, and there is nothing to split.
        this.out += LINE_TERMINATOR.test(stmt.text)
          ? stmt.text
              .split(LINE_BREAK)
              .map((line) => `${indent}// ${commentText(line)}`.trimEnd())
              .join('\n')
          : `${indent}// ${stmt.text.trim()}`.trimEnd();
        return;
      case 'doc':
        this.doc(stmt.text, indent);
        return;
      case 'blank':
        return;
      case 'if':
        this.out += `${indent}if (`;
        this.top(stmt.test, indent);
        this.out += ') {\n';
        this.block(stmt.body, inner);
        this.out += `\n${indent}}`;
        return;
      case 'forOf':
        this.out += `${indent}for (const ${stmt.binding} of `;
        this.top(stmt.iterable, indent);
        this.out += ') {\n';
        this.block(stmt.body, inner);
        this.out += `\n${indent}}`;
        return;
      case 'typeAlias':
        this.out += `${indent}${exportPrefix(stmt)}type ${stmt.name} = ${printType(stmt.type)};`;
        return;
      case 'interface': {
        const ext = stmt.extends?.length ? ` extends ${stmt.extends.join(', ')}` : '';
        this.out += `${indent}${exportPrefix(stmt)}interface ${stmt.name}${ext} {\n`;
        stmt.members.forEach((m, i) => {
          if (i > 0) this.out += '\n';
          if (m.doc) {
            this.doc(m.doc, inner);
            this.out += '\n';
          }
          this.out += `${inner}readonly ${propertyKey(m.name)}${m.optional ? '?' : ''}: ${printType(m.type)};`;
        });
        this.out += `\n${indent}}`;
        return;
      }
      case 'class': {
        if (stmt.doc) {
          this.doc(stmt.doc, indent);
          this.out += '\n';
        }
        const ext = stmt.extends ? ` extends ${stmt.extends}` : '';
        const params = stmt.constructorParams
          .map((p) => `${p.name}${p.optional ? '?' : ''}: ${printType(p.type)}`)
          .join(', ');
        this.out += `${indent}${exportPrefix(stmt)}class ${stmt.name}${ext} {\n${inner}constructor(${params}) {\n`;
        this.block(stmt.body, inner + INDENT);
        this.out += `\n${inner}}\n${indent}}`;
        return;
      }
    }
  }

  private doc(text: string, indent: string): void {
    const lines = docText(text);
    if (lines.length === 1) {
      this.out += `${indent}/** ${lines[0]} */`;
      return;
    }
    this.out += [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`.trimEnd()), `${indent} */`].join(
      '\n',
    );
  }

  /**
   * Statements one per line; a run of blank statements prints as one blank line. (No other
   * printed text holds an empty line next to another one: user text is escaped or flattened to
   * one line, so blank statements are the only source of blank-line runs.)
   */
  block(stmts: Stmt[], indent: string): void {
    let previousBlank = false;
    for (let i = 0; i < stmts.length; i++) {
      const stmt = stmts[i] as Stmt;
      if (stmt.kind === 'blank' && previousBlank) continue;
      previousBlank = stmt.kind === 'blank';
      if (i > 0) this.out += '\n';
      this.stmt(stmt, indent);
    }
  }
}

const exportPrefix = (stmt: { exported?: boolean }): string => (stmt.exported ? 'export ' : '');

export function printExpr(expr: Expr, indent = ''): string {
  const printer = new Printer();
  printer.top(expr, indent);
  return printer.out;
}

/** A whole module: no blank lines at its start or end, one newline at the end. */
export function printModule(stmts: Stmt[]): string {
  let from = 0;
  let to = stmts.length;
  while (from < to && stmts[from]?.kind === 'blank') from++;
  while (to > from && stmts[to - 1]?.kind === 'blank') to--;
  const printer = new Printer();
  printer.block(from === 0 && to === stmts.length ? stmts : stmts.slice(from, to), '');
  return printer.out + '\n';
}

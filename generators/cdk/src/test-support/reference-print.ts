/**
 * The printer as it was before layouts were measured instead of printed and re-scanned
 * (print.ts): kept only as the reference its tests compare against, byte for byte.
 */
import type { Expr, Literal, Stmt } from '../ts/ast.ts';
import { isIdentifier } from '../ts/ast.ts';
// Escaping and types are not what this reference is for (layout is): they come from the printer.
import { commentText, printType, quote } from '../ts/print.ts';

const INDENT = '  ';
const INLINE_LIMIT = 80;

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

function docText(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029]/).map((line) => line.replace(/\*\//g, '*\\/').trimEnd());
}

function needsParens(expr: Expr): boolean {
  return expr.kind === 'conditional' || expr.kind === 'binary' || expr.kind === 'arrow' || expr.kind === 'as';
}

/**
 * Layouts already printed in one print run, per expression and indent. Calls and arrays print
 * their parts once to try the one-line form and again one level deeper when it does not fit;
 * without this, every nested multi-line level doubled the work below it.
 */
type LayoutCache = Map<Expr, Map<string, string>>;

export function printExpr(expr: Expr, indent = ''): string {
  return print(expr, indent, new Map());
}

function print(expr: Expr, indent: string, cache: LayoutCache): string {
  if (expr.kind === 'literal' || expr.kind === 'identifier') return printUncached(expr, indent, cache);
  let byIndent = cache.get(expr);
  if (!byIndent) cache.set(expr, (byIndent = new Map()));
  let text = byIndent.get(indent);
  if (text === undefined) byIndent.set(indent, (text = printUncached(expr, indent, cache)));
  return text;
}

/** An operand of a binary expression: parenthesized where precedence needs it. */
function binarySide(side: Expr, operator: string, indent: string, cache: LayoutCache): string {
  // `a === b || c !== d` needs no parentheses; mixing `??` with `||` (or nesting those) does.
  const equality = (op: string) => op === '===' || op === '!==';
  const parens =
    needsParens(side) &&
    (side.kind === 'binary' && side.operator === '+'
      ? operator === '+'
      : operator === '+' || !(side.kind === 'binary' && equality(side.operator) && !equality(operator)));
  return parens ? `(${print(side, indent, cache)})` : print(side, indent, cache);
}

function printUncached(expr: Expr, indent: string, cache: LayoutCache): string {
  const inner = indent + INDENT;
  switch (expr.kind) {
    case 'literal':
      return literal(expr.value);
    case 'identifier':
      return expr.name;
    case 'member': {
      const object = print(expr.object, indent, cache);
      return needsParens(expr.object) || expr.object.kind === 'object'
        ? `(${object}).${expr.name}`
        : `${object}.${expr.name}`;
    }
    case 'index':
      return `${print(expr.object, indent, cache)}[${expr.index}]`;
    case 'call':
    case 'new': {
      const callee = print(expr.callee, indent, cache);
      const args = expr.args.map((a) => print(a, indent, cache));
      const prefix = expr.kind === 'new' ? 'new ' : '';
      const oneLine = `${prefix}${callee}(${args.join(', ')})`;
      if (!oneLine.includes('\n') && oneLine.length + indent.length <= INLINE_LIMIT + 20) return oneLine;
      // Only the last argument may span lines ("hugging"); otherwise one argument per line.
      const head = args.slice(0, -1);
      if (
        head.every((a) => !a.includes('\n')) &&
        `${prefix}${callee}(${head.join(', ')}`.length + indent.length <= INLINE_LIMIT
      )
        return oneLine;
      return `${prefix}${callee}(\n${expr.args.map((a) => inner + print(a, inner, cache) + ',').join('\n')}\n${indent})`;
    }
    case 'object': {
      if (expr.entries.length === 0) return '{}';
      const lines = expr.entries.map((e) => {
        const note = e.comment ? `${inner}// ${commentText(e.comment)}\n` : '';
        return `${note}${inner}${propertyKey(e.key)}: ${print(e.value, inner, cache)},`;
      });
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    case 'array': {
      if (expr.items.length === 0) return '[]';
      const items = expr.items.map((i) => print(i, indent, cache));
      const oneLine = `[${items.join(', ')}]`;
      if (!oneLine.includes('\n') && oneLine.length + indent.length <= INLINE_LIMIT) return oneLine;
      return `[\n${expr.items.map((i) => inner + print(i, inner, cache) + ',').join('\n')}\n${indent}]`;
    }
    case 'conditional': {
      const test = print(expr.test, indent, cache);
      const whenTrue = print(expr.whenTrue, inner, cache);
      const whenFalse = print(expr.whenFalse, expr.whenFalse.kind === 'conditional' ? indent : inner, cache);
      const oneLine = `${test} ? ${whenTrue} : ${whenFalse}`;
      if (!oneLine.includes('\n') && oneLine.length + indent.length <= INLINE_LIMIT) return oneLine;
      return `${test}\n${inner}? ${whenTrue}\n${inner}: ${whenFalse}`;
    }
    case 'binary':
      return `${binarySide(expr.left, expr.operator, indent, cache)} ${expr.operator} ${binarySide(expr.right, expr.operator, indent, cache)}`;
    case 'template':
      return (
        '`' +
        expr.parts
          .map((p) => (typeof p === 'string' ? templateText(p) : '${' + print(p, indent, cache) + '}'))
          .join('') +
        '`'
      );
    case 'arrow': {
      const body = print(expr.body, indent, cache);
      const params = expr.params.length === 1 ? expr.params[0] : `(${expr.params.join(', ')})`;
      return expr.body.kind === 'object' ? `${params} => (${body})` : `${params} => ${body}`;
    }
    case 'as':
      return `${needsParens(expr.expr) ? `(${print(expr.expr, indent, cache)})` : print(expr.expr, indent, cache)} as ${printType(expr.type)}`;
  }
}

const exportPrefix = (stmt: { exported?: boolean }): string => (stmt.exported ? 'export ' : '');

function printStmt(stmt: Stmt, indent: string): string {
  const inner = indent + INDENT;
  switch (stmt.kind) {
    case 'import': {
      const typePrefix = stmt.typeOnly ? 'type ' : '';
      if (stmt.namespace)
        return `${indent}import ${typePrefix}* as ${stmt.namespace} from ${quote(stmt.module)};`;
      return `${indent}import ${typePrefix}{ ${(stmt.named ?? []).join(', ')} } from ${quote(stmt.module)};`;
    }
    case 'const': {
      const type = stmt.type ? `: ${printType(stmt.type)}` : '';
      return `${indent}${exportPrefix(stmt)}const ${stmt.name}${type} = ${printExpr(stmt.init, indent)};`;
    }
    case 'expression':
      return `${indent}${printExpr(stmt.expr, indent)};`;
    case 'assign':
      return `${indent}${printExpr(stmt.target, indent)} = ${printExpr(stmt.value, indent)};`;
    case 'comment':
      return stmt.text
        .split(/\r\n|[\r\n\u2028\u2029]/)
        .map((line) => `${indent}// ${commentText(line)}`.trimEnd())
        .join('\n');
    case 'doc': {
      const lines = docText(stmt.text);
      if (lines.length === 1) return `${indent}/** ${lines[0]} */`;
      return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`.trimEnd()), `${indent} */`].join('\n');
    }
    case 'blank':
      return '';
    case 'if':
      return `${indent}if (${printExpr(stmt.test, indent)}) {\n${printBlock(stmt.body, inner)}\n${indent}}`;
    case 'forOf':
      return `${indent}for (const ${stmt.binding} of ${printExpr(stmt.iterable, indent)}) {\n${printBlock(stmt.body, inner)}\n${indent}}`;
    case 'typeAlias':
      return `${indent}${exportPrefix(stmt)}type ${stmt.name} = ${printType(stmt.type)};`;
    case 'interface': {
      const ext = stmt.extends?.length ? ` extends ${stmt.extends.join(', ')}` : '';
      const members = stmt.members.map((m) => {
        const docLine = m.doc ? printStmt({ kind: 'doc', text: m.doc }, inner) + '\n' : '';
        return `${docLine}${inner}readonly ${propertyKey(m.name)}${m.optional ? '?' : ''}: ${printType(m.type)};`;
      });
      return `${indent}${exportPrefix(stmt)}interface ${stmt.name}${ext} {\n${members.join('\n')}\n${indent}}`;
    }
    case 'class': {
      const docLine = stmt.doc ? printStmt({ kind: 'doc', text: stmt.doc }, indent) + '\n' : '';
      const ext = stmt.extends ? ` extends ${stmt.extends}` : '';
      const params = stmt.constructorParams
        .map((p) => `${p.name}${p.optional ? '?' : ''}: ${printType(p.type)}`)
        .join(', ');
      const ctorIndent = inner + INDENT;
      return (
        `${docLine}${indent}${exportPrefix(stmt)}class ${stmt.name}${ext} {\n` +
        `${inner}constructor(${params}) {\n${printBlock(stmt.body, ctorIndent)}\n${inner}}\n${indent}}`
      );
    }
  }
}

function printBlock(stmts: Stmt[], indent: string): string {
  return stmts.map((s) => printStmt(s, indent)).join('\n');
}

/** A whole module; collapses runs of blank lines and ends with one newline. */
export function printModule(stmts: Stmt[]): string {
  return (
    printBlock(stmts, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .trimEnd() + '\n'
  );
}

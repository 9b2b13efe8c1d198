/**
 * A kept resource (other-resource): an imported resource the designer does not model, printed
 * as the `resource "<type>" "<name>"` block it was, from hcl2json's JSON form of its body.
 * Back from JSON to HCL: a string that is one `${...}` interpolation is the bare expression, a
 * string mixing text and interpolations a template, other strings stay strings (hcl2json's
 * `$${` escape read back); a list of objects is a list of nested blocks (hcl2json writes every
 * block so), other lists and objects stay lists and maps. Nothing is added (no tags). A
 * resource kept only in CloudFormation form prints nothing (IMP-01 names it).
 */
import type { KeptRecord } from '@archgen/infra';
import { TERRAFORM_MODULE, type PropertyValue } from '@archgen/model';
import {
  attr,
  block,
  bool,
  comment,
  isKeptExpression,
  list,
  nul,
  num,
  obj,
  raw,
  ref,
  str,
  tpl,
  type BodyItem,
  type Expr,
} from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const TRAVERSAL = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\])*$/;

/** The index just after the `}` closing the interpolation whose `${` ends at `start`, or -1. */
function interpolationEnd(text: string, start: number): number {
  let depth = 1;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

function expression(inner: string): Expr | undefined {
  const text = inner.trim();
  if (TRAVERSAL.test(text)) return ref(text);
  return isKeptExpression(text) ? raw(text) : undefined;
}

/** A string as hcl2json wrote it, as an HCL expression; undefined when it cannot be kept. */
function stringExpr(value: string): Expr | undefined {
  if (!value.includes('${') && !value.includes('%{')) return str(value);
  const parts: (string | Expr)[] = [];
  let literal = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    // "$${" and "%%{" are hcl2json's (HCL's) escapes of a literal "${" / "%{".
    if ((ch === '$' || ch === '%') && value[i + 1] === ch && value[i + 2] === '{') {
      literal += `${ch}{`;
      i += 2;
    } else if (ch === '$' && value[i + 1] === '{') {
      const end = interpolationEnd(value, i + 2);
      if (end < 0) return undefined;
      const expr = expression(value.slice(i + 2, end - 1));
      if (!expr) return undefined;
      if (literal !== '') parts.push(literal);
      literal = '';
      parts.push(expr);
      i = end - 1;
    } else if (ch === '%' && value[i + 1] === '{') {
      // A template directive (%{ if }...): no form here that keeps it.
      return undefined;
    } else literal += ch;
  }
  if (literal !== '') parts.push(literal);
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0];
  return tpl(...parts);
}

const isBlockList = (value: PropertyValue): value is KeptRecord[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item));

function valueExpr(value: PropertyValue, problems: string[], path: string): Expr {
  if (value === null) return nul;
  if (typeof value === 'string') {
    const expr = stringExpr(value);
    if (expr) return expr;
    problems.push(path);
    return str(value);
  }
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return bool(value);
  if (Array.isArray(value)) return list(value.map((item, i) => valueExpr(item, problems, `${path}[${i}]`)));
  return obj(
    Object.keys(value).map((key): [string, Expr] => [
      key,
      valueExpr(value[key]!, problems, `${path}.${key}`),
    ]),
  );
}

/** A block body from hcl2json's object: attributes, then nested blocks, in the source's key order. */
function body(record: KeptRecord, problems: string[], path: string): BodyItem[] {
  const items: BodyItem[] = [];
  for (const key of Object.keys(record)) {
    const value = record[key]!;
    const at = path ? `${path}.${key}` : key;
    if (!IDENTIFIER.test(key)) {
      problems.push(at);
      continue;
    }
    if (isBlockList(value))
      value.forEach((item, i) => items.push(block(key, [], body(item, problems, `${at}[${i}]`))));
    else items.push(attr(key, valueExpr(value, problems, at)));
  }
  return items;
}

export const otherResourceEmitter: ComponentEmitter = {
  // Others refer to it only through its own verbatim arguments, never through the graph.
  references: {},
  emit(c, ctx) {
    const form = c.kept?.terraform;
    if (!form) return;
    const problems: string[] = [];
    const items = body(form.arguments, problems, '');
    const notes = problems.map(
      (path) => `archgen: ${path} could not be kept as an expression and is written as text; check it.`,
    );
    // A module call kept from imported code (its source was not read) stays a module call.
    const isModule = form.type === TERRAFORM_MODULE;
    ctx.add(
      'main.tf',
      block(
        isModule ? 'module' : 'resource',
        isModule ? [c.names.tfName] : [form.type, c.names.tfName],
        [...notes.map((note) => comment(note)), ...items],
        [isModule ? 'Module call kept as imported, unchanged.' : 'Kept as imported, unchanged.'],
      ),
    );
  },
};

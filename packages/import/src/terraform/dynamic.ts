/**
 * `dynamic` blocks expanded into the nested blocks they make, when their `for_each` is known
 * before apply (a variable's default, a tfvars value, a local): a security group's ingress rules
 * or a policy document's statements then read like written ones. Inside `content`, an
 * interpolation that uses only the iterator (`ingress.value.port`) becomes its value; one that
 * also names other blocks (`aws_security_group.web.id`) stays as written, so its references are
 * still found. A collection not known before apply leaves the block as it is, with an info.
 */
import { evaluate, isKnown, splitTemplate, type Scope, type Value } from './expr.ts';

type Body = Record<string, unknown>;

export interface DynamicExpansion {
  body: Body;
  /** Dynamic blocks left as written, by block name (their collection is not known). */
  unexpanded: string[];
}

const isRecord = (v: unknown): v is Body => !!v && typeof v === 'object' && !Array.isArray(v);
const asList = (v: unknown): Body[] => (Array.isArray(v) ? v.filter(isRecord) : isRecord(v) ? [v] : []);

/** More elements than this are not expanded (as for count and for_each). */
const MAX_ELEMENTS = 64;

export function expandDynamicBlocks(body: Body, scope: Scope): DynamicExpansion {
  const unexpanded: string[] = [];
  const expand = (b: Body): Body => {
    const out: Body = {};
    for (const [key, value] of Object.entries(b)) {
      if (key === 'dynamic') continue;
      out[key] = Array.isArray(value) && value.every(isRecord) ? value.map((v) => expand(v as Body)) : value;
    }
    for (const dynamic of asList(b.dynamic))
      for (const [name, specs] of Object.entries(dynamic))
        for (const spec of asList(specs)) {
          const made = instances(name, spec);
          if (!made) {
            unexpanded.push(name);
            continue;
          }
          const existing = Array.isArray(out[name]) ? (out[name] as Body[]) : [];
          out[name] = [...existing, ...made.map(expand)];
        }
    return out;
  };
  const instances = (name: string, spec: Body): Body[] | undefined => {
    const collection = evaluate(spec.for_each, scope);
    if (!isKnown(collection)) return undefined;
    const entries: Array<[Value, Value]> = Array.isArray(collection)
      ? collection.map((v, i) => [i, v])
      : isRecord(collection)
        ? // Terraform iterates a map in lexical key order.
          Object.entries(collection as Record<string, Value>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        : [];
    const iterator = typeof spec.iterator === 'string' && spec.iterator !== '' ? spec.iterator : name;
    const content = asList(spec.content)[0] ?? {};
    return entries
      .slice(0, MAX_ELEMENTS)
      .map(([key, value]) => substitute(content, iterator, { ...scope, each: { key, value } }) as Body);
  };
  return { body: expand(body), unexpanded };
}

/** Interpolations that use only the iterator, replaced by their values (evaluated as `each`). */
function substitute(value: unknown, iterator: string, scope: Scope): unknown {
  if (Array.isArray(value)) return value.map((v) => substitute(v, iterator, scope));
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, iterator, scope)]));
  if (typeof value !== 'string' || !value.includes('${')) return value;
  const name = iterator.replace(/[^\w-]/g, '');
  const uses = () => new RegExp(`(^|[^\\w.-])${name}\\.(key|value)\\b`, 'g');
  const parts = splitTemplate(value);
  const evaluated = parts.map((part) => {
    if (typeof part === 'string' || part.expr.startsWith('%directive') || !uses().test(part.expr))
      return part;
    const v = evaluate(`\${${part.expr.replace(uses(), '$1each.$2')}}`, scope);
    return isKnown(v) ? { value: v } : part;
  });
  // One interpolation and nothing else: its value as it is (a number stays a number).
  if (evaluated.length === 1 && typeof evaluated[0] === 'object' && 'value' in evaluated[0]!)
    return evaluated[0].value;
  return evaluated
    .map((part) =>
      typeof part === 'string'
        ? part.replace(/\$\{/g, () => '$${')
        : 'value' in part
          ? typeof part.value === 'object'
            ? JSON.stringify(part.value)
            : String(part.value)
          : `\${${part.expr}}`,
    )
    .join('');
}

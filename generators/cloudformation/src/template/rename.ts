/**
 * Renames resources of a built template, every reference included (Ref, GetAtt, Sub, DependsOn):
 * how the kept logical ids the lowering decides for a node's parts (infra kept-parts.ts) reach
 * the resources emitters named after their parent. Emitters stay unaware of imported ids.
 */
import { Intrinsic, type TemplateValue } from './intrinsics.ts';
import type { ResourceDefinition, TemplateBuilder } from './builder.ts';

function renameSub(text: string, renames: ReadonlyMap<string, string>): string {
  // ${Id} and ${Id.Attribute}; ${!Literal} is not a reference.
  return text.replace(/\$\{([A-Za-z0-9]+)((?:\.[A-Za-z0-9.]+)?)\}/g, (whole, id: string, rest: string) => {
    const to = renames.get(id);
    return to ? `\${${to}${rest}}` : whole;
  });
}

function renameValue(value: TemplateValue, renames: ReadonlyMap<string, string>): TemplateValue {
  if (value instanceof Intrinsic) {
    const arg = value.argument;
    if (value.fn === 'Ref' && typeof arg === 'string') return new Intrinsic('Ref', renames.get(arg) ?? arg);
    if (value.fn === 'Fn::GetAtt') {
      if (typeof arg === 'string') {
        const [id, ...rest] = arg.split('.');
        const to = renames.get(id!);
        return to ? new Intrinsic('Fn::GetAtt', [to, ...rest].join('.')) : value;
      }
      if (Array.isArray(arg) && typeof arg[0] === 'string') {
        const to = renames.get(arg[0]);
        return to ? new Intrinsic('Fn::GetAtt', [to, ...arg.slice(1)]) : value;
      }
    }
    if (value.fn === 'Fn::Sub') {
      if (typeof arg === 'string') return new Intrinsic('Fn::Sub', renameSub(arg, renames));
      if (Array.isArray(arg) && typeof arg[0] === 'string') {
        // Variables the Sub defines itself shadow resource names.
        const own = arg[1] && typeof arg[1] === 'object' && !(arg[1] instanceof Intrinsic) ? arg[1] : {};
        const visible = new Map([...renames].filter(([id]) => !Object.hasOwn(own, id)));
        return new Intrinsic('Fn::Sub', [
          renameSub(arg[0], visible),
          ...arg.slice(1).map((v) => renameValue(v, renames)),
        ]);
      }
    }
    return new Intrinsic(value.fn, renameValue(arg, renames));
  }
  if (Array.isArray(value)) return value.map((v) => renameValue(v, renames));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: TemplateValue | undefined } = {};
    for (const key of Object.keys(value)) {
      const v = value[key];
      // defineProperty: a kept resource's keys are verbatim (even "__proto__").
      Object.defineProperty(out, key, {
        value: v === undefined ? undefined : renameValue(v, renames),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    // A raw long-form Ref / GetAtt (a kept resource's unknown function wraps one) reads the same.
    return out;
  }
  return value;
}

/** Applies `renames` (old -> new logical id) to the whole template, in place; order is kept. */
export function renameResources(template: TemplateBuilder, renames: ReadonlyMap<string, string>): void {
  if (renames.size === 0) return;
  const entries = [...template.resources];
  template.resources.clear();
  for (const [id, definition] of entries) {
    const renamed: ResourceDefinition = {
      ...definition,
      ...(definition.DependsOn ? { DependsOn: definition.DependsOn.map((d) => renames.get(d) ?? d) } : {}),
      Properties: renameValue(definition.Properties, renames) as ResourceDefinition['Properties'],
      ...(definition.Metadata
        ? { Metadata: renameValue(definition.Metadata, renames) as ResourceDefinition['Metadata'] }
        : {}),
    };
    template.resources.set(renames.get(id) ?? id, renamed);
  }
  const owners = [...template.owners];
  template.owners.clear();
  for (const [id, owner] of owners) template.owners.set(renames.get(id) ?? id, owner);
  for (const [key, comment] of Object.entries(template.comments)) {
    const id = key.startsWith('Resources.') ? key.slice('Resources.'.length) : undefined;
    const to = id !== undefined ? renames.get(id) : undefined;
    if (to) {
      delete template.comments[key];
      template.comments[`Resources.${to}`] = comment;
    }
  }
  for (const [name, output] of template.outputs)
    template.outputs.set(name, { ...output, Value: renameValue(output.Value, renames) });
}

/** The logical ids a value refers to (Ref, GetAtt, Sub), in first-seen order. */
export function referencedIds(value: TemplateValue | undefined, out: string[] = []): string[] {
  const add = (id: string | undefined) => {
    if (id && !id.startsWith('AWS::') && !out.includes(id)) out.push(id);
  };
  if (value === undefined) return out;
  if (value instanceof Intrinsic) {
    const arg = value.argument;
    if (value.fn === 'Ref' && typeof arg === 'string') add(arg);
    else if (value.fn === 'Fn::GetAtt' && typeof arg === 'string') add(arg.split('.')[0]);
    else if (value.fn === 'Fn::GetAtt' && Array.isArray(arg) && typeof arg[0] === 'string') add(arg[0]);
    else if (value.fn === 'Fn::Sub') {
      const text =
        typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : '';
      for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)) add(m[1]);
      if (Array.isArray(arg)) arg.slice(1).forEach((v) => referencedIds(v, out));
    } else referencedIds(arg, out);
  } else if (Array.isArray(value)) value.forEach((v) => referencedIds(v, out));
  else if (value !== null && typeof value === 'object')
    Object.values(value).forEach((v) => referencedIds(v, out));
  return out;
}

/**
 * References inside kept CloudFormation values (imported resources and template sections kept
 * as written): the import decides with it what to keep, the lowering what still resolves.
 */
import type { PropertyValue } from './schema.ts';

const isRecord = (v: unknown): v is { [key: string]: PropertyValue } =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** Every logical name a kept value refers to: Ref, GetAtt, Sub variables, FindInMap, If, Condition. */
export function keptReferences(value: PropertyValue | undefined): {
  refs: Set<string>;
  mappings: Set<string>;
  conditions: Set<string>;
} {
  const refs = new Set<string>();
  const mappings = new Set<string>();
  const conditions = new Set<string>();
  const walk = (v: PropertyValue | undefined): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isRecord(v)) return;
    for (const [key, arg] of Object.entries(v)) {
      if (key === 'Ref' && typeof arg === 'string') refs.add(arg);
      else if (key === 'Fn::GetAtt')
        refs.add(Array.isArray(arg) ? String(arg[0]) : String(arg).split('.')[0]!);
      else if (key === 'Fn::Sub') {
        const [text, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
        const own = isRecord(variables) ? new Set(Object.keys(variables)) : new Set<string>();
        if (typeof text === 'string')
          for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
            const name = m[1]!.trim().split('.')[0]!;
            if (!own.has(name)) refs.add(name);
          }
        walk(variables);
        continue;
      } else if (key === 'Fn::FindInMap' && Array.isArray(arg) && typeof arg[0] === 'string')
        mappings.add(arg[0]);
      else if (key === 'Fn::If' && Array.isArray(arg) && typeof arg[0] === 'string') conditions.add(arg[0]);
      else if (key === 'Condition' && typeof arg === 'string') conditions.add(arg);
      walk(arg);
    }
  };
  walk(value);
  return { refs, mappings, conditions };
}

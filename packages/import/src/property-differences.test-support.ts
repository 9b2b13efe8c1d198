/**
 * How an imported design's properties differ from the design that was exported: per node (matched
 * by id) and environment, the resolved value of each property the inspector shows for it (its
 * `visibleWhen` holds). List items are compared with their fields' defaults filled in, as the
 * lowering reads them. "<node id> <env> <property>: <drawn> -> <imported>", sorted; `*` for the
 * environment when every one differs the same way.
 */
import {
  defaultProperties,
  getService,
  resolveProperties,
  type Design,
  type PropertyValue,
} from '@archgen/model';
import type { PropertyDefinition } from '@archgen/model';

function normalized(p: PropertyDefinition, value: PropertyValue | undefined): string {
  if (p.kind === 'list' && Array.isArray(value)) {
    const defaults = defaultProperties({ properties: p.item });
    return JSON.stringify(
      value.map((item) =>
        item !== null && typeof item === 'object' && !Array.isArray(item) ? { ...defaults, ...item } : item,
      ),
    );
  }
  return JSON.stringify(value);
}

export function propertyDifferences(original: Design, imported: Design): string[] {
  const out: string[] = [];
  for (const n of original.nodes) {
    const twin = imported.nodes.find((m) => m.id === n.id);
    const service = getService(n.type);
    if (!twin || !service) continue;
    for (const { name: env } of original.environments) {
      const a = resolveProperties(original, n, env);
      const b = resolveProperties(imported, twin, env);
      for (const p of service.properties) {
        const when = p.visibleWhen;
        if (when && ![when.equals].flat().some((v) => JSON.stringify(v) === JSON.stringify(a[when.key])))
          continue;
        const [x, y] = [normalized(p, a[p.key]), normalized(p, b[p.key])];
        if (x !== y) out.push(`${n.id} ${env} ${p.key}: ${x} -> ${y}`);
      }
    }
  }
  return everyEnvironment(out, original.environments.length).sort();
}

/** A difference the same in every environment reads once, with `*` for the environment. */
function everyEnvironment(lines: string[], environments: number): string[] {
  const key = (line: string) => line.replace(/^(\S+) \S+ /, '$1 * ');
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(key(line), (counts.get(key(line)) ?? 0) + 1);
  return [...new Set(lines.map((line) => (counts.get(key(line)) === environments ? key(line) : line)))];
}

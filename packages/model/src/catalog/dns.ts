/**
 * Which alias connections (route53-zone -> cloudfront/alb/api-gateway) make a record. Decided here, on the
 * design, so the lowering makes exactly the records the rules do not flag (R53-01).
 */
import type { Connection, Design } from '../design/schema.ts';
import { resolveConnectionProperties, resolveProperties } from '../design/properties.ts';
import { ALIAS_TARGETS } from './services/route53-zone.ts';

export interface AliasRecordPlan {
  connection: Connection;
  zoneId: string;
  targetId: string;
  /** The label before the zone ('' = apex) and the full name. */
  name: string;
  fqdn: string;
  /** Why no record is made: another alias connection of the zone already names `fqdn`. */
  ignored?: string;
}

/** Every alias connection of a hosted zone, by connection id, with its record name. */
export function aliasRecordPlans(design: Design): AliasRecordPlan[] {
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const sorted = [...design.connections].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Map<string, string>();
  const out: AliasRecordPlan[] = [];
  for (const c of sorted) {
    const zone = nodes.get(c.from);
    const target = nodes.get(c.to);
    if (c.kind !== 'alias' || zone?.type !== 'route53-zone' || !target) continue;
    if (!(ALIAS_TARGETS as readonly string[]).includes(target.type)) continue;
    const zoneName = String(resolveProperties(design, zone).zoneName ?? '');
    const name = String(resolveConnectionProperties(design, c).recordName ?? '');
    const fqdn = name ? `${name}.${zoneName}` : zoneName;
    const key = `${zone.id}\u0000${fqdn}`;
    const earlier = taken.get(key);
    if (!earlier) taken.set(key, target.id);
    out.push({
      connection: c,
      zoneId: zone.id,
      targetId: target.id,
      name,
      fqdn,
      ...(earlier ? { ignored: `${fqdn} already names ${nodes.get(earlier)?.name ?? earlier}` } : {}),
    });
  }
  return out;
}

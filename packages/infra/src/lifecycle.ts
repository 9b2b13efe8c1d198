/**
 * The lifecycle rules a bucket has for the objects under a key prefix (the bucket-wide actions
 * stay per environment in the bucket's props): decided once, the same in every environment, in
 * design order. Each becomes one rule with a prefix filter in every target.
 */
import type { PropertyValue } from '@archgen/model';
import type { LowerContext } from './context.ts';
import type { ResolvedPrefixLifecycleRule } from './types.ts';

export function prefixLifecycleRules(value: PropertyValue | undefined): ResolvedPrefixLifecycleRule[] {
  if (!Array.isArray(value)) return [];
  const out: ResolvedPrefixLifecycleRule[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const days = (key: string) => (typeof item[key] === 'number' && item[key] > 0 ? item[key] : 0);
    const prefix = typeof item.prefix === 'string' ? item.prefix : '';
    if (prefix === '' || out.some((r) => r.prefix === prefix)) continue;
    const transitions: ResolvedPrefixLifecycleRule['transitions'] = [];
    if (item.intelligentTiering === true) transitions.push({ storageClass: 'INTELLIGENT_TIERING', days: 0 });
    else if (days('transitionToIaDays') > 0)
      transitions.push({ storageClass: 'STANDARD_IA', days: days('transitionToIaDays') });
    if (days('transitionToGlacierDays') > 0)
      transitions.push({ storageClass: 'GLACIER', days: days('transitionToGlacierDays') });
    const expirationDays = days('expirationDays');
    if (transitions.length === 0 && expirationDays === 0) continue;
    out.push({
      id: `prefix-${out.length + 1}`,
      prefix,
      transitions,
      ...(expirationDays > 0 ? { expirationDays } : {}),
    });
  }
  return out;
}

export function lowerPrefixLifecycleRules(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    if (node.type !== 's3') continue;
    const component = ctx.component(node.id);
    if (!component) continue;
    // The same in every environment (the catalog forbids overrides): the node's own value.
    const rules = prefixLifecycleRules(ctx.props(node).lifecycleRules);
    if (rules.length > 0) component.prefixLifecycleRules = rules;
  }
}

import type { ResolvedComponent } from './types.ts';

/**
 * A value the lowering always resolves for this component: generators read it through this, so
 * its absence (a lowering bug or an incomplete hand-written graph) fails with the component named.
 */
export function requireResolved<T>(value: T | undefined, component: ResolvedComponent, what: string): T {
  if (value === undefined) throw new Error(`${component.type} "${component.id}" has no resolved ${what}`);
  return value;
}

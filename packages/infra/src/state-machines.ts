/**
 * The error handling of each state machine's tasks, decided once for every target: its retries
 * and catches per error name from the design (the catalog's defaults where it sets none).
 * Consecutive rows with the same settings share one Retrier, as ASL writes them; States.ALL stays
 * alone and last, where ASL requires it.
 */
import type { PropertyValue } from '@archgen/model';
import type { LowerContext } from './context.ts';
import type { ResolvedCatcher, ResolvedRetrier } from './types.ts';

const STATES_ALL = 'States.ALL';

function rows(value: PropertyValue | undefined): Record<string, PropertyValue>[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Record<string, PropertyValue> =>
      item !== null && typeof item === 'object' && !Array.isArray(item),
  );
}

const numberOr = (value: PropertyValue | undefined, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** One Retrier per run of rows with equal settings; an error named twice keeps its first row. */
export function retriers(value: PropertyValue | undefined): ResolvedRetrier[] {
  const out: ResolvedRetrier[] = [];
  const seen = new Set<string>();
  for (const row of rows(value)) {
    const error = typeof row.errorName === 'string' ? row.errorName : '';
    if (error === '' || seen.has(error)) continue;
    seen.add(error);
    const retrier = {
      errors: [error],
      maxAttempts: numberOr(row.maxAttempts, 3),
      intervalSeconds: numberOr(row.intervalSeconds, 2),
      backoffRate: numberOr(row.backoffRate, 2),
    };
    const last = out[out.length - 1];
    if (
      last &&
      error !== STATES_ALL &&
      !last.errors.includes(STATES_ALL) &&
      last.maxAttempts === retrier.maxAttempts &&
      last.intervalSeconds === retrier.intervalSeconds &&
      last.backoffRate === retrier.backoffRate
    )
      last.errors.push(error);
    else out.push(retrier);
  }
  return out;
}

/** One Catcher per row, each ending in its own terminal state; an error named twice keeps its first. */
export function catchers(value: PropertyValue | undefined): ResolvedCatcher[] {
  const out: ResolvedCatcher[] = [];
  for (const row of rows(value)) {
    const error = typeof row.errorName === 'string' ? row.errorName : '';
    if (error === '' || out.some((c) => c.error === error)) continue;
    out.push({ error, then: row.then === 'succeed' ? 'succeed' : 'fail', stateName: '' });
  }
  // Names are unique within the definition, the same in every target.
  out.forEach((c, i) => (c.stateName = c.then === 'succeed' ? `Handled${i + 1}` : `Failed${i + 1}`));
  return out;
}

export function lowerStateMachines(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    if (node.type !== 'step-functions') continue;
    const component = ctx.component(node.id);
    if (!component) continue;
    // The same in every environment (the catalog forbids overrides): the node's own values.
    const props = ctx.props(node);
    component.errorHandling = { retries: retriers(props.retries), catches: catchers(props.catches) };
  }
}

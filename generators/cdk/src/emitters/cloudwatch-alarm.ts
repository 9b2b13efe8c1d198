/** User-drawn CloudWatch alarms. */
import type { ComponentEmitter } from './types.ts';
import { comment, lit } from '../ts/ast.ts';

/**
 * A user-drawn alarm. The lowering lists it in `graph.alarms` (metric, dimension, topic); the
 * alarms step emits it, so here it only needs to exist in the ordering.
 */
export const alarmComponentEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const resolved = ctx.graph.alarms.find(
      (a) => a.id === component.id || a.names.logicalId === component.names.logicalId,
    );
    if (!resolved) {
      ctx.add(
        comment(
          `${component.names.logicalId}: the design connects this alarm to nothing it can watch; no alarm is created.`,
        ),
      );
    }
    ctx.register(component.id, { construct: lit(null), attributes: {} });
  },
};

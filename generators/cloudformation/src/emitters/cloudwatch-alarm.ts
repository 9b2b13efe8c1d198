/** A designed alarm: the lowering resolved what it watches and the topic it notifies (CW-01). */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';
import { emitAlarm } from './relationships.ts';

export const cloudwatchAlarmEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
  },
  emit(component, ctx) {
    const alarm = ctx.graph.alarms.find((a) => a.id === component.id);
    if (!alarm) {
      // Not connected to anything to watch: the design's rules report it; there is no metric.
      ctx.omissions.push({
        display: component.names.display,
        reason: 'the alarm watches nothing (connect it to a resource)',
      });
      return;
    }
    emitAlarm(alarm, component.names.logicalId, ctx, component);
  },
};

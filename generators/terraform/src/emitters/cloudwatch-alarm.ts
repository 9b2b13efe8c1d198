/**
 * An alarm node is printed by relationships.ts from the lowering's ResolvedAlarm (same id); a node that
 * watches nothing has no ResolvedAlarm and so no resource.
 */
import { ref } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';

export const cloudwatchAlarmEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_cloudwatch_metric_alarm.${name}.arn`),
    name: (name) => ref(`aws_cloudwatch_metric_alarm.${name}.alarm_name`),
    id: (name) => ref(`aws_cloudwatch_metric_alarm.${name}.id`),
  },
  emit() {},
};

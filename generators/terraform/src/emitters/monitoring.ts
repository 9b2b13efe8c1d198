/** Log groups (named where their writer expects them) and alarms drawn in the design. */
import { attr, ref } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { logGroupName, skip, tags } from './common.ts';

export const logGroupEmitter: ComponentEmitter = {
  refs: (_ctx, c) => {
    const a = `aws_cloudwatch_log_group.${c.names.tfName}`;
    return { arn: ref(`${a}.arn`), name: ref(`${a}.name`), id: ref(`${a}.id`) };
  },
  emit(ctx, c) {
    ctx.add(
      'monitoring.tf',
      ctx.resource('aws_cloudwatch_log_group', c.names.tfName, c, [
        skip('CKV_AWS_158', 'CloudWatch Logs encrypts with its service key; a CMK needs an account-specific key policy'),
        skip('CKV_AWS_338', 'retention comes from the design (CW-01)'),
        attr('name', logGroupName(ctx, c)),
        attr('retention_in_days', ctx.prop(c, 'retentionDays', 30)),
        tags(c.names.display),
      ]),
    );
  },
};

/**
 * An alarm node is printed by alarms.ts from the lowering's ResolvedAlarm (same id); a node that
 * watches nothing has no ResolvedAlarm and so no resource.
 */
export const cloudwatchAlarmEmitter: ComponentEmitter = {
  refs: (_ctx, c) => {
    const a = `aws_cloudwatch_metric_alarm.${c.names.tfName}`;
    return { arn: ref(`${a}.arn`), name: ref(`${a}.alarm_name`), id: ref(`${a}.id`) };
  },
  emit() {},
};

/** Log groups (named where their writer expects them) and alarms drawn in the design. */
import type { ResolvedComponent } from '@archgen/infra';
import { attr, list, obj, ref, str } from '../hcl/ast.ts';
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
 * An alarm node. When the lowering turned it into a ResolvedAlarm (metric, dimension, topic),
 * alarms.ts prints that one; otherwise the node's own metric settings are printed here.
 */
export const cloudwatchAlarmEmitter: ComponentEmitter = {
  refs: (_ctx, c) => {
    const a = `aws_cloudwatch_metric_alarm.${c.names.tfName}`;
    return { arn: ref(`${a}.arn`), name: ref(`${a}.alarm_name`), id: ref(`${a}.id`) };
  },
  emit(ctx, c) {
    if (ctx.graph.alarms.some((a) => a.id === c.id || a.names.tfName === c.names.tfName)) return;
    const topics = ctx.graph.grants
      .filter((g) => g.granteeId === c.id && ctx.findComponent(g.targetId)?.type === 'sns')
      .map((g) => ctx.attribute(g.targetId, 'arn'));
    const watched = ctx.graph.grants
      .map((g) => (g.granteeId === c.id ? ctx.findComponent(g.targetId) : undefined))
      .find((t): t is ResolvedComponent => t !== undefined && t.type !== 'sns');
    const dimension = watched ? WATCHED_DIMENSION[watched.type] : undefined;
    ctx.add(
      'monitoring.tf',
      ctx.resource('aws_cloudwatch_metric_alarm', c.names.tfName, c, [
        attr('alarm_name', ctx.physicalName(c.names.slug, 255)),
        attr('alarm_description', str(c.names.display.slice(0, 1024))),
        attr('namespace', str(watched ? (WATCHED_NAMESPACE[watched.type] ?? 'AWS/Lambda') : 'AWS/Lambda')),
        attr('metric_name', ctx.prop(c, 'metricName', 'Errors')),
        watched && dimension && attr('dimensions', obj([[dimension[0], ctx.attribute(watched.id, dimension[1])]])),
        attr('statistic', ctx.prop(c, 'statistic', 'Sum')),
        attr('period', ctx.prop(c, 'periodSeconds', 300)),
        attr('evaluation_periods', ctx.prop(c, 'evaluationPeriods', 1)),
        attr('threshold', ctx.prop(c, 'threshold', 1)),
        attr('comparison_operator', ctx.prop(c, 'comparison', 'GreaterThanOrEqualToThreshold')),
        attr('treat_missing_data', str('notBreaching')),
        topics.length > 0 && attr('alarm_actions', list(topics)),
        topics.length > 0 && attr('ok_actions', list(topics)),
        tags(c.names.display),
      ]),
    );
  },
};

const WATCHED_NAMESPACE: Record<string, string> = {
  lambda: 'AWS/Lambda',
  sqs: 'AWS/SQS',
  'api-gateway': 'AWS/ApiGateway',
  dynamodb: 'AWS/DynamoDB',
  'step-functions': 'AWS/States',
  'kinesis-stream': 'AWS/Kinesis',
  sns: 'AWS/SNS',
  rds: 'AWS/RDS',
  alb: 'AWS/ApplicationELB',
};

const WATCHED_DIMENSION: Record<string, [string, 'name' | 'arn' | 'id']> = {
  lambda: ['FunctionName', 'name'],
  sqs: ['QueueName', 'name'],
  dynamodb: ['TableName', 'name'],
  'step-functions': ['StateMachineArn', 'arn'],
  'kinesis-stream': ['StreamName', 'name'],
  rds: ['DBInstanceIdentifier', 'id'],
};

/** monitoring.tf: the alarms the lowering derived (DLQ depth, errors), each notifying a topic. */
import type { ResolvedAlarm } from '@archgen/infra';
import { type Expr, attr, block, list, num, obj, str } from '../hcl/ast.ts';
import type { TfContext } from '../context.ts';
import { tags } from './common.ts';

export function emitAlarm(ctx: TfContext, alarm: ResolvedAlarm): void {
  const topicArn = ctx.attribute(alarm.topicId, 'arn');
  const node = ctx.findComponent(alarm.id);
  const acks = node ? ctx.acknowledgements(node) : { leading: [], inner: [] };
  ctx.add(
    'monitoring.tf',
    block(
      'resource',
      ['aws_cloudwatch_metric_alarm', alarm.names.tfName],
      [
        acks.inner,
        attr('alarm_name', ctx.physicalName(alarm.names.slug, 255)),
        attr('alarm_description', str(alarm.description.slice(0, 1024))),
        attr('namespace', str(alarm.namespace)),
        attr('metric_name', str(alarm.metricName)),
        attr(
          'dimensions',
          obj([
            [alarm.dimension.name, ctx.ref(alarm.dimension.ref)],
            ...(alarm.extraDimensions ?? []).map((d): [string, Expr] => [
              d.name,
              'literal' in d.value ? str(d.value.literal) : ctx.ref(d.value),
            ]),
          ]),
        ),
        attr('statistic', str(alarm.statistic)),
        attr('period', num(alarm.periodSeconds)),
        attr('evaluation_periods', num(alarm.evaluationPeriods)),
        attr('threshold', num(alarm.threshold)),
        attr('comparison_operator', str(alarm.comparison)),
        attr('treat_missing_data', str('notBreaching')),
        attr('alarm_actions', list([topicArn])),
        attr('ok_actions', list([topicArn])),
        tags(alarm.names.display),
      ],
      acks.leading,
    ),
  );
}

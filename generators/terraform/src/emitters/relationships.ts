/**
 * What ties components together and so belongs to no one service's emitter: the alarms the
 * lowering derived, and the names one service's resources give another (an ALB's target groups
 * and listeners, a Redis group's IAM user). Service emitters import these, never each other.
 */
import type { ResolvedAlarm, ResolvedComponent, ResolvedRoute } from '@archgen/infra';
import { type Expr, attr, block, list, num, obj, ref, str } from '../hcl/ast.ts';
import type { TfContext } from '../context.ts';
import { tags } from './common.ts';

/** The Terraform name of the target group an ALB route forwards to. */
export function targetGroupName(ctx: TfContext, r: ResolvedRoute): string {
  return `${ctx.component(r.frontDoorId).names.tfName}_${ctx.component(r.targetId).names.tfName}`;
}

/** Whether an ALB serves HTTPS (a certificate is set) rather than HTTP only. */
export function hasCertificate(ctx: TfContext, alb: ResolvedComponent): boolean {
  return ctx.text(alb, 'certificateArn') !== '';
}

/** The listeners of an ALB, which a service must wait for before registering targets. */
export function listeners(ctx: TfContext, alb: ResolvedComponent): Expr[] {
  return [ref(`aws_lb_listener.${alb.names.tfName}_${hasCertificate(ctx, alb) ? 'https' : 'http'}`)];
}

/** The IAM-authenticated application user of a Redis group, as an expression. */
export function redisAppUser(c: ResolvedComponent): Expr {
  return ref(`aws_elasticache_user.${c.names.tfName}_app.user_name`);
}

/** monitoring.tf: an alarm the lowering derived (DLQ depth, errors), notifying its topic. */

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

/**
 * What ties components together and so belongs to no one service's emitter: the alarms the
 * lowering derived, and the names one service's resources give another (an ALB's target groups
 * and listeners, a Redis group's IAM user). Service emitters import these, never each other.
 */
import type {
  EnvValue,
  ResolvedAlarm,
  ResolvedAlbListeners,
  ResolvedComponent,
  ResolvedRoute,
} from '@archgen/infra';
import { type Expr, attr, block, call, list, num, obj, ref, str } from '../hcl/ast.ts';
import type { Presence, TfContext } from '../context.ts';
import { tags } from './common.ts';

/** The Terraform name of the target group an ALB route forwards to (decided by the lowering). */
export function targetGroupName(_ctx: TfContext, r: ResolvedRoute): string {
  if (!r.targetGroup) throw new Error(`Route "${r.id}" has no target group`);
  return r.targetGroup.tfName;
}

/** The listeners the lowering decided for an ALB. */
export function albListeners(alb: ResolvedComponent): ResolvedAlbListeners {
  if (!alb.listeners) throw new Error(`ALB "${alb.id}" has no listeners in the resolved graph`);
  return alb.listeners;
}

/**
 * Where one of an ALB's listeners exists: undefined in no environment, no count in all, else a
 * 0/1 count variable `<alb>_<listener>_count`.
 */
export function listenerPresence(
  ctx: TfContext,
  alb: ResolvedComponent,
  listener: 'https' | 'http_redirect' | 'http',
  present: EnvValue<boolean>,
): Presence | undefined {
  return ctx.presentWhere(
    alb,
    `${listener}_listener_count`,
    `Whether to create the ${listener.replace('_', ' ')} listener`,
    (env) => present.byEnv[env] === true,
  );
}

/** Whether the HTTPS listener exists in some environments only (then port 80 forwards in the others). */
function httpsVaries(ctx: TfContext, alb: ResolvedComponent): boolean {
  const https = albListeners(alb).https;
  return new Set(ctx.environments.map((env) => https.byEnv[env] === true)).size > 1;
}

/** The listener that forwards to the targets (HTTPS, or HTTP where there is no certificate). */
export function forwardingListenerArn(ctx: TfContext, alb: ResolvedComponent): Expr {
  const t = alb.names.tfName;
  if (httpsVaries(ctx, alb))
    return call(
      'one',
      call('concat', ref(`aws_lb_listener.${t}_https[*].arn`), ref(`aws_lb_listener.${t}_http[*].arn`)),
    );
  const https = albListeners(alb).https.byEnv[ctx.environments[0]!] === true;
  return ref(`aws_lb_listener.${t}_${https ? 'https' : 'http'}.arn`);
}

/** The listeners of an ALB, which a service must wait for before registering targets. */
export function listeners(ctx: TfContext, alb: ResolvedComponent): Expr[] {
  const t = alb.names.tfName;
  if (httpsVaries(ctx, alb)) return [ref(`aws_lb_listener.${t}_https`), ref(`aws_lb_listener.${t}_http`)];
  const https = albListeners(alb).https.byEnv[ctx.environments[0]!] === true;
  return [ref(`aws_lb_listener.${t}_${https ? 'https' : 'http'}`)];
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

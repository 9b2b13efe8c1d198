/** EventBridge rule with its targets; every target has a DLQ and a retry policy (MSG-01). */
import type { ResolvedComponent, ResolvedRuleTarget } from '@archgen/infra';
import { type BodyInput, type Expr, attr, binary, block, cond, nul, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { lambdaPermission, retryPolicy, tags } from './common.ts';

const address = (c: ResolvedComponent) => `aws_cloudwatch_event_rule.${c.names.tfName}`;

function emitTarget(
  ctx: TfContext,
  rule: ResolvedComponent,
  t: ResolvedRuleTarget,
  busName: Expr | undefined,
): void {
  const target = ctx.component(t.targetId);
  const name = `${rule.names.tfName}_to_${target.names.tfName}`;
  const fifoQueue = target.type === 'sqs' && ctx.flag(target, 'fifo');
  const role = ctx.graph.roles.find((r) => r.id === t.roleId);
  ctx.add(
    'messaging.tf',
    block(
      'resource',
      ['aws_cloudwatch_event_target', name],
      [
        attr('rule', ref(`${address(rule)}.name`)),
        busName && attr('event_bus_name', busName),
        attr('target_id', str(target.names.slug.slice(0, 64))),
        attr('arn', ctx.attribute(target.id, 'arn')),
        role && attr('role_arn', ctx.roleArn(role)),
        fifoQueue && block('sqs_target', [], [attr('message_group_id', str(t.messageGroupId))]),
        retryPolicy(t.retry),
        t.deadLetterQueueId &&
          block('dead_letter_config', [], [attr('arn', ctx.attribute(t.deadLetterQueueId, 'arn'))]),
      ],
    ),
  );
  if (t.targetKind === 'lambda')
    lambdaPermission(ctx, `${name}_invoke`, target.id, 'events.amazonaws.com', ref(`${address(rule)}.arn`));
}

export const eventRuleEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_cloudwatch_event_rule.${name}.arn`),
    name: (name) => ref(`aws_cloudwatch_event_rule.${name}.name`),
    id: (name) => ref(`aws_cloudwatch_event_rule.${name}.id`),
  },
  emit(c, ctx) {
    const scheduled = ctx.environments.filter((env) => ctx.textIn(c, 'schedule', env) !== '').length;
    // Schedules only run on the default bus, so a scheduled rule stays there.
    const bus = scheduled === ctx.environments.length ? undefined : ctx.findComponent(c.eventBusId);
    let trigger: BodyInput[];
    let busName: Expr | undefined = bus && ctx.attribute(bus.id, 'name');
    if (scheduled === 0) trigger = [attr('event_pattern', ctx.prop(c, 'eventPattern'))];
    else if (scheduled === ctx.environments.length)
      trigger = [attr('schedule_expression', ctx.prop(c, 'schedule'))];
    else {
      // Scheduled in some environments only: there the schedule on the default bus, elsewhere the
      // event pattern on the drawn bus (null leaves an attribute unset).
      const schedule = ctx.prop(c, 'schedule', (v) => (v === '' ? null : v));
      const onPattern = binary(schedule, '==', nul);
      if (busName) busName = cond(onPattern, busName, nul);
      trigger = [
        attr('schedule_expression', schedule),
        attr('event_pattern', cond(onPattern, ctx.prop(c, 'eventPattern'), nul)),
      ];
    }
    ctx.add(
      'messaging.tf',
      ctx.resource('aws_cloudwatch_event_rule', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 64)),
        attr('description', str(c.names.display.slice(0, 512))),
        busName && attr('event_bus_name', busName),
        trigger,
        tags(c.names.display),
      ]),
    );
    for (const t of ctx.graph.ruleTargets.filter((t) => t.ruleId === c.id)) emitTarget(ctx, c, t, busName);
  },
};

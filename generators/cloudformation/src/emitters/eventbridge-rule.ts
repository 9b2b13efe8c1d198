/**
 * An EventBridge rule on its bus (or a schedule on the default bus) with the lowering's targets,
 * each with a DLQ and retries (MSG-01); Lambda targets get an invoke permission scoped to the rule.
 */
import type { ComponentEmitter } from '../context.ts';
import { retryPolicy } from './common.ts';
import { getAtt, ref, type TemplateValue } from '../template/intrinsics.ts';
import { lambdaPermission } from './relationships.ts';

function eventPattern(text: unknown, componentId: string): TemplateValue | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as TemplateValue;
  } catch {
    throw new Error(`eventPattern of ${componentId} is not valid JSON`);
  }
}

export const eventRuleEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
  },
  emit(rule, ctx) {
    const id = rule.names.logicalId;
    const schedule = ctx.value(rule, 'schedule', (v) => (typeof v === 'string' && v !== '' ? v : undefined));
    // A schedule replaces the pattern, on the default bus (the only one schedules run on), in
    // the environments that have one.
    const schedules = ctx.perEnvironment(rule, 'schedule');
    const scheduled = ctx.when(
      Object.fromEntries(
        ctx.environments.map((env) => [env, typeof schedules[env] === 'string' && schedules[env] !== '']),
      ),
    );
    const pattern = ctx.value(rule, 'eventPattern', (v) => eventPattern(v, rule.id));
    const targets = ctx.graph.ruleTargets
      .filter((t) => t.ruleId === rule.id)
      .map((target) => {
        const targetId = ctx.logicalId(target.targetId);
        return {
          Id: targetId.slice(0, 64),
          Arn: ctx.attribute(target.targetId, 'arn'),
          RoleArn: target.roleId ? ctx.roleArn(target.roleId) : undefined,
          DeadLetterConfig: target.deadLetterQueueId
            ? { Arn: ctx.attribute(target.deadLetterQueueId, 'arn') }
            : undefined,
          RetryPolicy: retryPolicy(target.retry),
          // FIFO queues need a message group: one per rule keeps its events in order.
          SqsParameters:
            target.targetKind === 'sqs' && ctx.constant(ctx.component(target.targetId), 'fifo') === true
              ? { MessageGroupId: target.messageGroupId }
              : undefined,
        };
      });
    ctx.template.addResource(id, {
      Type: 'AWS::Events::Rule',
      Metadata: ctx.metadata(rule.acknowledgements),
      Properties: {
        Description: rule.names.display.slice(0, 512),
        EventBusName: ctx.choose(
          scheduled,
          undefined,
          rule.eventBusId ? ref(ctx.logicalId(rule.eventBusId)) : undefined,
        ),
        EventPattern: ctx.choose(scheduled, undefined, pattern),
        ScheduleExpression: schedule,
        State: 'ENABLED',
        Targets: targets.length > 0 ? targets : undefined,
      },
    });
    for (const target of ctx.graph.ruleTargets) {
      if (target.ruleId !== rule.id || target.targetKind !== 'lambda') continue;
      const fn = ctx.logicalId(target.targetId);
      lambdaPermission(ctx, target.targetId, `${fn}InvokeFrom${id}`, 'events.amazonaws.com', {
        arn: getAtt(id, 'Arn'),
      });
    }
  },
};

/** Step Functions state machine: tasks for the functions it invokes, with retries; logs + X-Ray (SFN-01). */
import { DECIDED_PROPS, type ResolvedComponent } from '@archgen/infra';
import { type Expr, attr, block, ref, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { jsonencode, physical, tags } from './common.ts';

const address = (c: ResolvedComponent) => `aws_sfn_state_machine.${c.names.tfName}`;

function definition(ctx: TfContext, c: ResolvedComponent): Expr {
  const handling = c.errorHandling ?? { retries: [], catches: [] };
  const tasks = ctx.graph.grants
    .filter((g) => g.granteeId === c.id && g.access === 'invoke')
    .map((g) => ctx.component(g.targetId));
  const states: Record<string, unknown> = {};
  const stateName = (t: ResolvedComponent, i: number) => `${i + 1} ${t.names.slug}`;
  tasks.forEach((t, i) => {
    states[stateName(t, i)] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: ctx.attribute(t.id, 'arn'), 'Payload.$': '$' },
      OutputPath: '$.Payload',
      ...(handling.retries.length
        ? {
            Retry: handling.retries.map((r) => ({
              ErrorEquals: r.errors,
              IntervalSeconds: r.intervalSeconds,
              MaxAttempts: r.maxAttempts,
              BackoffRate: r.backoffRate,
            })),
          }
        : {}),
      ...(handling.catches.length
        ? { Catch: handling.catches.map((k) => ({ ErrorEquals: [k.error], Next: k.stateName })) }
        : {}),
      ...(i + 1 < tasks.length ? { Next: stateName(tasks[i + 1]!, i + 1) } : { End: true }),
    };
  });
  // The states the catches end in (only with tasks: ASL refuses unreachable states).
  if (tasks.length > 0)
    for (const k of handling.catches)
      states[k.stateName] =
        k.then === 'succeed'
          ? { Type: 'Succeed', Comment: `${k.error} is handled` }
          : {
              Type: 'Fail',
              Comment: `${k.error} after the task's retries`,
              // Fails with the caught error and cause (the catcher's output).
              ErrorPath: '$.Error',
              CausePath: '$.Cause',
            };
  if (tasks.length === 0) {
    // No tasks in the design yet. The state records the role it runs as; referencing an ARN also
    // keeps the definition unknown until apply, so plan makes no ValidateStateMachineDefinition call.
    states['Done'] = {
      Type: 'Pass',
      Result: { workflow: c.names.display, role: ctx.roleArn(ctx.role(c, 'state-machine')) },
      End: true,
    };
  }
  return jsonencode({
    Comment: c.names.display,
    StartAt: tasks.length > 0 ? stateName(tasks[0]!, 0) : 'Done',
    States: states,
  });
}

export const stepFunctionsEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_sfn_state_machine.${name}.arn`),
    name: (name) => ref(`aws_sfn_state_machine.${name}.name`),
    id: (name) => ref(`aws_sfn_state_machine.${name}.id`),
  },
  emit(c, ctx) {
    const logGroup = ctx.logGroupOf(c);
    const level = ctx.prop(c, 'logLevel');
    const includeExecutionData = ctx.prop(c, DECIDED_PROPS.includeExecutionData);
    ctx.add(
      'compute.tf',
      ctx.resource('aws_sfn_state_machine', c.names.tfName, c, [
        attr('name', physical.stateMachine(ctx, c)),
        attr('type', ctx.prop(c, 'workflowType')),
        attr('role_arn', ctx.roleArn(ctx.role(c, 'state-machine'))),
        attr('definition', definition(ctx, c)),
        logGroup &&
          block(
            'logging_configuration',
            [],
            [
              attr('log_destination', tpl(ctx.attribute(logGroup.id, 'arn'), ':*')),
              attr('include_execution_data', includeExecutionData),
              attr('level', level),
            ],
          ),
        block('tracing_configuration', [], [attr('enabled', ctx.prop(c, 'tracing'))]),
        tags(c.names.display),
      ]),
    );
    ctx.output(
      `${c.names.tfName}_arn`,
      ref(`${address(c)}.arn`),
      `ARN of the state machine "${c.names.display}"`,
    );
  },
};

/**
 * A state machine with full logging and X-Ray (SFN-01). Its definition is a starting point: one
 * Task per function it invokes (ARNs through DefinitionSubstitutions) with the retries and catches
 * per error name the lowering resolved, or a single Pass state.
 */
import { DECIDED_PROPS } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref, type TemplateValue } from '../template/intrinsics.ts';

export const stepFunctionsEmitter: ComponentEmitter = {
  references: {
    arn: (id) => ref(id),
    name: (id) => getAtt(id, 'Name'),
  },
  emit(machine, ctx) {
    const id = machine.names.logicalId;
    const role = ctx.roleOf(machine, 'state-machine');
    if (!role) throw new Error(`state machine ${machine.id} has no role`);
    const invoked = ctx.graph.grants
      .filter((g) => g.granteeId === machine.id && g.access === 'invoke')
      .map((g) => g.targetId);
    const substitutions: Record<string, TemplateValue> = {};
    const states: Record<string, TemplateValue> = {};
    const handling = machine.errorHandling ?? { retries: [], catches: [] };
    invoked.forEach((targetId, i) => {
      const name = ctx.logicalId(targetId);
      substitutions[`${name}Arn`] = ctx.attribute(targetId, 'arn');
      states[name] = {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: `\${${name}Arn}`, 'Payload.$': '$' },
        Retry: handling.retries.length
          ? handling.retries.map((r) => ({
              ErrorEquals: r.errors,
              IntervalSeconds: r.intervalSeconds,
              MaxAttempts: r.maxAttempts,
              BackoffRate: r.backoffRate,
            }))
          : undefined,
        Catch: handling.catches.length
          ? handling.catches.map((c) => ({ ErrorEquals: [c.error], Next: c.stateName }))
          : undefined,
        ...(i === invoked.length - 1 ? { End: true } : { Next: ctx.logicalId(invoked[i + 1]!) }),
      };
    });
    // The states the catches end in (only with tasks: ASL refuses unreachable states).
    if (invoked.length > 0)
      for (const c of handling.catches)
        states[c.stateName] =
          c.then === 'succeed'
            ? { Type: 'Succeed', Comment: `${c.error} is handled` }
            : {
                Type: 'Fail',
                Comment: `${c.error} after the task's retries`,
                // Fails with the caught error and cause (the catcher's output).
                ErrorPath: '$.Error',
                CausePath: '$.Cause',
              };
    if (invoked.length === 0) states.Start = { Type: 'Pass', End: true };
    const logLevel = ctx.value(machine, 'logLevel');
    ctx.template.addResource(id, {
      Type: 'AWS::StepFunctions::StateMachine',
      Metadata: ctx.metadata(machine.acknowledgements),
      Properties: {
        StateMachineType: ctx.value(machine, 'workflowType'),
        RoleArn: ctx.roleArn(role.id),
        Definition: {
          Comment: 'Starting point generated from the design: replace with the real workflow',
          StartAt: Object.keys(states)[0]!,
          States: states,
        },
        DefinitionSubstitutions: invoked.length > 0 ? substitutions : undefined,
        LoggingConfiguration: machine.logGroupId
          ? {
              Level: logLevel,
              IncludeExecutionData: ctx.value(machine, DECIDED_PROPS.includeExecutionData),
              Destinations: [
                { CloudWatchLogsLogGroup: { LogGroupArn: getAtt(ctx.logicalId(machine.logGroupId), 'Arn') } },
              ],
            }
          : undefined,
        TracingConfiguration: { Enabled: ctx.value(machine, 'tracing') },
        Tags: ctx.tags(machine.names.display),
      },
    });
    ctx.output(machine, 'Arn', ref(id), 'State machine ARN');
  },
};

/** Step Functions state machines. */
import { DECIDED_PROPS, type ResolvedComponent, type ResolvedGraph } from '@archgen/infra';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, logGroupFor, roleOf } from './common.ts';

function invokedFunctions(graph: ResolvedGraph, component: ResolvedComponent): string[] {
  return graph.grants
    .filter((g) => g.granteeId === component.id && g.access === 'invoke')
    .map((g) => g.targetId)
    .filter((id) => graph.components.some((c) => c.id === id && c.type === 'lambda'));
}

const SFN_LOG_LEVEL: Record<string, string> = { ALL: 'ALL', ERROR: 'ERROR', OFF: 'OFF' };

export const stepFunctionsEmitter: ComponentEmitter = {
  dependencies: (component, graph) => invokedFunctions(graph, component),
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: Step Functions state machine.`);
    const logGroup = logGroupFor(ctx, component);
    const handling = component.errorHandling ?? { retries: [], catches: [] };
    const invoked = invokedFunctions(ctx.graph, component);
    // The states the catches end in, shared by every task (only with tasks: unreachable states fail).
    const ends = invoked.length
      ? handling.catches.map((c) => ({
          errors: arr([lit(c.error)]),
          state:
            c.then === 'succeed'
              ? newExpr(
                  ctx.api('sfn', 'Succeed'),
                  ctx.scope,
                  lit(`${component.names.logicalId}${c.stateName}`),
                  obj({
                    stateName: lit(c.stateName),
                    comment: lit(`${c.error} is handled`),
                  }),
                )
              : newExpr(
                  ctx.api('sfn', 'Fail'),
                  ctx.scope,
                  lit(`${component.names.logicalId}${c.stateName}`),
                  obj({
                    stateName: lit(c.stateName),
                    comment: lit(`${c.error} after the task's retries`),
                    // Fails with the caught error and cause (the catcher's output).
                    errorPath: lit('$.Error'),
                    causePath: lit('$.Cause'),
                  }),
                ),
        }))
      : [];
    // A small starting workflow, as CloudFormation's: each connected function in turn with the
    // design's retries and catches per error name, states named by the function's logical id;
    // a single Pass state named Start when no function is connected.
    let chain: Expr | undefined;
    const endStates = ends.map((end, i) =>
      ctx.declare(`${ctx.variableName(component)}${handling.catches[i]!.stateName}`, end.state),
    );
    for (const fnId of invoked) {
      const target = ctx.component(fnId);
      let task: Expr = newExpr(
        ctx.api('tasks', 'LambdaInvoke'),
        ctx.scope,
        lit(`${component.names.logicalId}Invoke${target.names.logicalId}`),
        obj({
          stateName: lit(target.names.logicalId),
          lambdaFunction: ctx.handle(fnId).construct,
          outputPath: lit('$.Payload'),
        }),
      );
      for (const r of handling.retries)
        task = call(
          member(task, 'addRetry'),
          obj({
            errors: arr(r.errors.map((e) => lit(e))),
            maxAttempts: lit(r.maxAttempts),
            backoffRate: lit(r.backoffRate),
            interval: ctx.duration('seconds', lit(r.intervalSeconds)),
          }),
        );
      ends.forEach((end, i) => {
        task = call(member(task, 'addCatch'), endStates[i]!, obj({ errors: end.errors }));
      });
      chain = chain ? call(member(chain, 'next'), task) : task;
    }
    chain ??= newExpr(
      ctx.api('sfn', 'Pass'),
      ctx.scope,
      lit(`${component.names.logicalId}Start`),
      obj({ stateName: lit('Start') }),
    );
    const machine = ctx.declare(
      name,
      newExpr(
        ctx.api('sfn', 'StateMachine'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          definitionBody: call(ctx.api('sfn', 'DefinitionBody.fromChainable'), chain),
          stateMachineType: ctx.choose(component, 'workflowType', (v) =>
            ctx.api('sfn', v === 'EXPRESS' ? 'StateMachineType.EXPRESS' : 'StateMachineType.STANDARD'),
          ),
          logs: obj({
            destination: logGroup,
            level: ctx.choose(component, 'logLevel', (v) =>
              ctx.api('sfn', `LogLevel.${SFN_LOG_LEVEL[String(v)] ?? 'ALL'}`),
            ),
            includeExecutionData: ctx.value(component, DECIDED_PROPS.includeExecutionData),
          }),
          tracingEnabled: ctx.value(component, 'tracing'),
          role: roleOf(ctx, component, 'state-machine'),
          timeout: ctx.duration('hours', lit(1)),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, machine);
    ctx.register(component.id, {
      construct: machine,
      attributes: { arn: member(machine, 'stateMachineArn'), name: member(machine, 'stateMachineName') },
      grantee: machine,
    });
  },
};

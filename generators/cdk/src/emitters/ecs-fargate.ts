/** ECS Fargate services. */
import type { ComponentEmitter } from './types.ts';
import type { EnvValue, ResolvedComponent, ResolvedStepScalingPolicy } from '@archgen/infra';
import { arr, binary, call, comment, lit, member, newExpr, obj, type Expr } from '../ts/ast.ts';
import { onlyWhere, type StackContext } from '../context.ts';
import {
  acknowledgeDesignRisks,
  flagWhere,
  logGroupFor,
  requireResolved,
  resolvedFlag,
  roleOf,
  securityGroupOf,
  subnetSelection,
  vpcOf,
} from './common.ts';

export const ecsFargateEmitter: ComponentEmitter = {
  // The repository it runs its image from and the file systems it mounts are declared first.
  dependencies: (component) => [
    ...(component.containerImage ? [component.containerImage.repositoryId] : []),
    ...(component.fileSystemMounts ?? []).map((m) => m.fileSystemId),
  ],
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: ECS Fargate service.`);
    const vpc = vpcOf(ctx, component);
    // Spot where the lowering says so; the cluster offers FARGATE_SPOT only then.
    const providers = requireResolved(component.capacityProviders, component, 'capacity providers');
    const spot = resolvedFlag(ctx, component, 'Spot', providers.spot, 'tasks on Fargate Spot');
    const cluster = ctx.declare(
      `${name}Cluster`,
      newExpr(
        ctx.api('ecs', 'Cluster'),
        ctx.scope,
        lit(`${component.names.logicalId}Cluster`),
        obj({
          vpc,
          containerInsightsV2: ctx.choose(component, 'containerInsights', (v) =>
            ctx.api('ecs', v === false ? 'ContainerInsights.DISABLED' : 'ContainerInsights.ENABLED'),
          ),
          enableFargateCapacityProviders: spot ? (spot.test ?? lit(true)) : undefined,
        }),
      ),
    );
    // The catalog admits only Fargate's CPU sizes (as text); the task definition takes a number.
    const cpu = ctx.choose(component, 'cpu', (v) => lit(Number(v)));
    const taskDefinition = ctx.declare(
      `${name}TaskDefinition`,
      newExpr(
        ctx.api('ecs', 'FargateTaskDefinition'),
        ctx.scope,
        lit(`${component.names.logicalId}TaskDefinition`),
        obj({
          cpu,
          memoryLimitMiB: ctx.value(component, 'memoryMiB'),
          taskRole: roleOf(ctx, component, 'task'),
          executionRole: roleOf(ctx, component, 'task-execution'),
          runtimePlatform: obj({
            cpuArchitecture: ctx.api('ecs', 'CpuArchitecture.X86_64'),
            operatingSystemFamily: ctx.api('ecs', 'OperatingSystemFamily.LINUX'),
          }),
        }),
      ),
    );
    const logGroup = logGroupFor(ctx, component);
    const container = ctx.declare(
      `${name}Container`,
      call(
        member(taskDefinition, 'addContainer'),
        lit('app'),
        obj({
          image: component.containerImage
            ? call(
                ctx.api('ecs', 'ContainerImage.fromEcrRepository'),
                ctx.handle(component.containerImage.repositoryId).construct,
                lit(component.containerImage.tag),
              )
            : call(ctx.api('ecs', 'ContainerImage.fromRegistry'), ctx.value(component, 'image')),
          portMappings: arr([obj({ containerPort: ctx.value(component, 'containerPort') })]),
          readonlyRootFilesystem: ctx.value(component, 'readonlyRootFilesystem'),
          logging: call(
            ctx.api('ecs', 'LogDrivers.awsLogs'),
            obj({ streamPrefix: lit(component.names.slug || 'app'), logGroup }),
          ),
        }),
      ),
    );
    // File systems (efs.ts): a volume each, over TLS with the task role's IAM authorization.
    for (const mount of component.fileSystemMounts ?? []) {
      const fileSystem = ctx.handle(mount.fileSystemId);
      ctx.expr(
        call(
          member(taskDefinition, 'addVolume'),
          obj({
            name: lit(mount.volumeName),
            efsVolumeConfiguration: obj({
              fileSystemId: fileSystem.attributes.id,
              transitEncryption: lit('ENABLED'),
              authorizationConfig: obj({
                accessPointId: member(
                  fileSystem.extras![`accessPoint${mount.accessPoint}`]!,
                  'accessPointId',
                ),
                iam: lit('ENABLED'),
              }),
            }),
          }),
        ),
      );
      ctx.expr(
        call(
          member(container, 'addMountPoints'),
          obj({
            containerPath: lit(mount.mountPath),
            sourceVolume: lit(mount.volumeName),
            readOnly: lit(mount.readOnly),
          }),
        ),
      );
    }
    const sg = securityGroupOf(ctx, component);
    const spotStrategies = arr([
      obj({
        capacityProvider: lit('FARGATE'),
        base: lit(providers.onDemandBase),
        weight: lit(providers.onDemandWeight),
      }),
      obj({ capacityProvider: lit('FARGATE_SPOT'), weight: lit(providers.spotWeight) }),
    ]);
    const service = ctx.declare(
      name,
      newExpr(
        ctx.api('ecs', 'FargateService'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          cluster,
          taskDefinition,
          desiredCount: ctx.value(component, 'desiredCount'),
          vpcSubnets: subnetSelection(component),
          securityGroups: sg ? arr([sg]) : undefined,
          assignPublicIp: lit(false),
          circuitBreaker: ctx.choose(component, 'circuitBreaker', (v) =>
            v === false ? lit(undefined) : obj({ enable: lit(true), rollback: lit(true) }),
          ),
          minHealthyPercent: lit(100),
          capacityProviderStrategies: spot ? onlyWhere(spot.test, spotStrategies) : undefined,
        }),
      ),
    );
    // Tasks start only once every mount target is available.
    for (const fileSystemId of new Set((component.fileSystemMounts ?? []).map((m) => m.fileSystemId)))
      ctx.expr(
        call(
          member(member(service, 'node'), 'addDependency'),
          ctx.handle(fileSystemId).extras!.mountTargets!,
        ),
      );
    taskScaling(ctx, component, service);
    if (component.environment.length > 0)
      ctx.acknowledge(
        taskDefinition,
        'AwsSolutions-ECS2',
        'Environment variables hold only resource names and endpoints from connections; credentials go through secrets.',
      );
    acknowledgeDesignRisks(ctx, component, service);
    ctx.register(component.id, {
      construct: service,
      attributes: {
        name: member(service, 'serviceName'),
        arn: member(service, 'serviceArn'),
        clusterName: member(cluster, 'clusterName'),
      },
      grantee: member(taskDefinition, 'taskRole'),
      environmentTarget: container,
      extras: { taskDefinition, container },
    });
  },
};

/** A decided number: a literal, or `config.<name>` where environments differ. */
function decidedNumber(
  ctx: StackContext,
  component: ResolvedComponent,
  name: string,
  value: EnvValue<number>,
): Expr {
  return ctx.chooseResolved(component, name, value, (v) => lit(v as number));
}

/** `threshold + offset` as code: folded where the threshold is one literal. */
function offsetFrom(threshold: Expr, offset: number): Expr {
  if (offset === 0) return threshold;
  if (threshold.kind === 'literal' && typeof threshold.value === 'number')
    return lit(threshold.value + offset);
  return binary('+', threshold, lit(offset));
}

/**
 * A decided step policy as `scaleOnMetric` intervals (absolute CPU values). CDK derives the
 * alarm threshold from the interval next to the zero-change one and each step's bounds relative
 * to it, so one call makes exactly this policy and its alarm (the "Upper" pair scales out, the
 * "Lower" pair in).
 */
function scalingSteps(policy: ResolvedStepScalingPolicy, threshold: Expr): Expr {
  const out = policy.direction === 'out';
  const contiguous = policy.steps.every(
    (s, i) => i === 0 || s.lowerBound === policy.steps[i - 1]!.upperBound,
  );
  const edge = out ? policy.steps[0]!.lowerBound : policy.steps[policy.steps.length - 1]!.upperBound;
  if (!contiguous || edge !== 0)
    throw new Error(`A step policy (scale ${policy.direction}) must start at its alarm threshold`);
  const steps = policy.steps.map((s) =>
    out
      ? obj({ lower: offsetFrom(threshold, s.lowerBound!), change: lit(s.adjustment) })
      : obj({ upper: offsetFrom(threshold, s.upperBound!), change: lit(s.adjustment) }),
  );
  const unchanged = out
    ? obj({ upper: threshold, change: lit(0) })
    : obj({ lower: threshold, change: lit(0) });
  return arr(out ? [unchanged, ...steps] : [...steps, unchanged]);
}

/**
 * Auto scaling as the lowering decided it (taskScaling), per environment: the scalable target and
 * each policy exist only where that environment scales that way (config flags where they differ).
 */
function taskScaling(ctx: StackContext, component: ResolvedComponent, service: Expr): void {
  const decided = requireResolved(component.taskScaling, component, 'task scaling');
  const modeIn = (env: string) => decided.mode.byEnv[env];
  const scalesAt = ctx.graph.environments.filter((env) => modeIn(env) !== 'none');
  const scaled = flagWhere(
    ctx,
    component,
    'AutoScaling',
    'task auto scaling (off where scaling is "none")',
    (env) => scalesAt.includes(env),
  );
  // Inside the scaled block, a policy every scaling environment uses needs no flag of its own.
  const scalesBy = (mode: string, key: string, doc: string) =>
    scalesAt.every((env) => modeIn(env) === mode)
      ? {}
      : flagWhere(ctx, component, key, doc, (env) => modeIn(env) === mode);
  if (!scaled) return;
  ctx.when(scaled.test, () => {
    const scaling = ctx.declare(
      `${ctx.variableName(component)}Scaling`,
      call(
        member(service, 'autoScaleTaskCount'),
        obj({
          minCapacity: ctx.value(component, 'minCount'),
          maxCapacity: ctx.value(component, 'maxCount'),
        }),
      ),
    );
    const tracking = decided.targetTracking;
    const trackingFlag = tracking && scalesBy('target-tracking', 'CpuTracking', 'target tracking on CPU');
    if (tracking && trackingFlag)
      ctx.when(trackingFlag.test, () =>
        ctx.expr(
          call(
            member(scaling, 'scaleOnCpuUtilization'),
            lit('CpuScaling'),
            obj({
              targetUtilizationPercent: decidedNumber(
                ctx,
                component,
                'targetCpuPercent',
                tracking.targetValue,
              ),
              scaleInCooldown: ctx.duration('seconds', lit(tracking.scaleInCooldownSeconds)),
              scaleOutCooldown: ctx.duration('seconds', lit(tracking.scaleOutCooldownSeconds)),
            }),
          ),
        ),
      );
    const step = decided.step;
    const stepFlag = step && scalesBy('step', 'StepScaling', 'step scaling on CPU alarms');
    if (step && stepFlag)
      ctx.when(stepFlag.test, () => {
        for (const policy of [step.scaleOut, step.scaleIn]) {
          const alarm = policy.alarm;
          const direction = policy.direction === 'out' ? 'Out' : 'In';
          const threshold = decidedNumber(ctx, component, `cpuScale${direction}Threshold`, alarm.threshold);
          ctx.expr(
            call(
              member(scaling, 'scaleOnMetric'),
              lit(`CpuScale${direction}`),
              obj({
                metric: call(
                  member(service, 'metricCpuUtilization'),
                  obj({
                    period: ctx.duration('seconds', lit(alarm.periodSeconds)),
                    statistic: lit(alarm.statistic),
                  }),
                ),
                scalingSteps: scalingSteps(policy, threshold),
                adjustmentType: ctx.api('appscaling', 'AdjustmentType.CHANGE_IN_CAPACITY'),
                metricAggregationType: ctx.api('appscaling', 'MetricAggregationType.AVERAGE'),
                cooldown: ctx.duration('seconds', lit(policy.cooldownSeconds)),
                evaluationPeriods: lit(alarm.evaluationPeriods),
              }),
            ),
          );
        }
      });
    const scheduled = decided.scheduled;
    const scheduledFlag =
      scheduled && scalesBy('scheduled', 'ScheduledScaling', 'scheduled scaling (business hours)');
    if (scheduled && scheduledFlag)
      ctx.when(scheduledFlag.test, () => {
        ctx.add(
          comment(
            'Scheduled scaling (UTC): the desired count on weekdays, the minimum at nights and weekends.',
          ),
        );
        for (const action of scheduled)
          ctx.expr(
            call(
              member(scaling, 'scaleOnSchedule'),
              lit(action.name),
              obj({
                schedule: call(ctx.api('appscaling', 'Schedule.expression'), lit(action.schedule)),
                minCapacity: decidedNumber(ctx, component, `${action.name}MinCapacity`, action.minCapacity),
                maxCapacity: decidedNumber(ctx, component, `${action.name}MaxCapacity`, action.maxCapacity),
              }),
            ),
          );
      });
  });
}

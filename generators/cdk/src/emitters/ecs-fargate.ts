/** ECS Fargate services. */
import type { ComponentEmitter } from './types.ts';
import { arr, call, comment, lit, member, newExpr, obj } from '../ts/ast.ts';
import { onlyWhere } from '../context.ts';
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
    // Auto scaling per environment: the scalable target and each policy exist only where that
    // environment scales that way (config flags where environments differ).
    const scalingIn = (env: string) => ctx.valueIn(component, 'scaling', env);
    const scalesAt = ctx.graph.environments.filter((env) => scalingIn(env) !== 'none');
    const scaled = flagWhere(
      ctx,
      component,
      'AutoScaling',
      'task auto scaling (off where scaling is "none")',
      (env) => scalesAt.includes(env),
    );
    // Inside the scaled block, a policy every scaling environment uses needs no flag of its own.
    const scalesBy = (mode: string, key: string, doc: string) =>
      scalesAt.every((env) => scalingIn(env) === mode)
        ? {}
        : flagWhere(ctx, component, key, doc, (env) => scalingIn(env) === mode);
    if (scaled)
      ctx.when(scaled.test, () => {
        const scaling = ctx.declare(
          `${name}Scaling`,
          call(
            member(service, 'autoScaleTaskCount'),
            obj({
              minCapacity: ctx.value(component, 'minCount'),
              maxCapacity: ctx.value(component, 'maxCount'),
            }),
          ),
        );
        const tracking = scalesBy('target-tracking', 'CpuTracking', 'target tracking on CPU');
        if (tracking)
          ctx.when(tracking.test, () =>
            ctx.expr(
              call(
                member(scaling, 'scaleOnCpuUtilization'),
                lit('CpuScaling'),
                obj({ targetUtilizationPercent: ctx.value(component, 'targetCpuPercent') }),
              ),
            ),
          );
        const step = scalesBy('step', 'StepScaling', 'step scaling on CPU alarms');
        if (step)
          ctx.when(step.test, () =>
            ctx.expr(
              call(
                member(scaling, 'scaleOnMetric'),
                lit('CpuStepScaling'),
                obj({
                  metric: call(member(service, 'metricCpuUtilization')),
                  adjustmentType: ctx.api('appscaling', 'AdjustmentType.CHANGE_IN_CAPACITY'),
                  scalingSteps: arr([
                    obj({ upper: lit(20), change: lit(-1) }),
                    obj({ lower: ctx.value(component, 'targetCpuPercent'), change: lit(1) }),
                    obj({ lower: lit(90), change: lit(3) }),
                  ]),
                }),
              ),
            ),
          );
        const scheduled = scalesBy('scheduled', 'ScheduledScaling', 'scheduled scaling (business hours)');
        if (scheduled)
          ctx.when(scheduled.test, () => {
            ctx.add(comment('Business hours (UTC): full capacity from 07:00, minimum from 19:00.'));
            ctx.expr(
              call(
                member(scaling, 'scaleOnSchedule'),
                lit('ScaleUpMornings'),
                obj({
                  schedule: call(
                    ctx.api('appscaling', 'Schedule.cron'),
                    obj({ hour: lit('7'), minute: lit('0') }),
                  ),
                  minCapacity: ctx.value(component, 'maxCount'),
                }),
              ),
            );
            ctx.expr(
              call(
                member(scaling, 'scaleOnSchedule'),
                lit('ScaleDownEvenings'),
                obj({
                  schedule: call(
                    ctx.api('appscaling', 'Schedule.cron'),
                    obj({ hour: lit('19'), minute: lit('0') }),
                  ),
                  minCapacity: ctx.value(component, 'minCount'),
                }),
              ),
            );
          });
      });
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

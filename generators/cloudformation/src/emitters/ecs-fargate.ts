/**
 * ECS Fargate service in its own cluster (Container Insights), one container with awslogs, a
 * read-only root file system, separate task and execution roles (ECS-01/02), no public IP in
 * private subnets, a deployment circuit breaker (ECS-04), Fargate Spot where chosen, and
 * task-level auto scaling as the lowering decided it: target tracking, step (a scale-out and a
 * scale-in policy, each with its CPU alarm) or scheduled.
 */
import { requireResolved, type EnvValue, type ResolvedComponent } from '@archgen/infra';
import { toPascalCase, type ComponentEmitter, type EmitContext, type Flag } from '../context.ts';
import { getAtt, join, ref, sub } from '../template/intrinsics.ts';
import { albListenersFor, targetGroupId } from './relationships.ts';
import { efsAccessPointId, efsMountTargetIds } from './common.ts';

export const CONTAINER_NAME = 'app';

export const clusterId = (service: ResolvedComponent): string => `${service.names.logicalId}Cluster`;

/** The task auto scaling the lowering decided (taskScaling), printed as it is. */
function autoScaling(service: ResolvedComponent, ctx: EmitContext): void {
  const id = service.names.logicalId;
  const scaling = requireResolved(service.taskScaling, service, 'task scaling');
  const mode = ctx.byEnvironmentOf(scaling.mode);
  const scalesBy = (holds: (m: string) => boolean): Flag =>
    ctx.when(Object.fromEntries(Object.entries(mode).map(([env, m]) => [env, holds(m)])));
  const scaled = scalesBy((m) => m !== 'none');
  if (scaled === false) return;
  const condition = (flag: Flag) => (typeof flag === 'string' ? flag : undefined);
  // A decided number: a literal, or a parameter where environments differ.
  const number = (value: EnvValue<number>, name: string, description: string) =>
    ctx.byEnvironment(ctx.byEnvironmentOf(value), {
      parameter: `${id}${name}`,
      description: `${description} of ${service.names.display}`,
      group: service.names.display,
    });
  const scheduled = scalesBy((m) => m === 'scheduled');
  const target = ctx.template.addResource(`${id}ScalableTarget`, {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Condition: condition(scaled),
    Properties: {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: sub(`service/\${${clusterId(service)}}/\${${id}.Name}`),
      MinCapacity: ctx.value(service, 'minCount'),
      MaxCapacity: ctx.value(service, 'maxCount'),
      ScheduledActions: scaling.scheduled
        ? ctx.choose(
            scheduled,
            scaling.scheduled.map((action) => ({
              ScheduledActionName: action.name,
              Schedule: action.schedule,
              ScalableTargetAction: {
                MinCapacity: number(
                  action.minCapacity,
                  `${toPascalCase(action.name)}MinCapacity`,
                  `Minimum tasks from ${action.name}`,
                ),
                MaxCapacity: number(
                  action.maxCapacity,
                  `${toPascalCase(action.name)}MaxCapacity`,
                  `Maximum tasks from ${action.name}`,
                ),
              },
            })),
            undefined,
          )
        : undefined,
    },
  });
  const tracking = scaling.targetTracking;
  if (tracking) {
    ctx.template.addResource(`${id}CpuTracking`, {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Condition: condition(scalesBy((m) => m === 'target-tracking')),
      Properties: {
        PolicyName: 'cpu-target-tracking',
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: ref(target),
        TargetTrackingScalingPolicyConfiguration: {
          PredefinedMetricSpecification: { PredefinedMetricType: tracking.predefinedMetric },
          TargetValue: number(tracking.targetValue, 'TargetCpuPercent', 'Target CPU'),
          ScaleInCooldown: tracking.scaleInCooldownSeconds,
          ScaleOutCooldown: tracking.scaleOutCooldownSeconds,
        },
      },
    });
  }
  if (scaling.step) {
    const step = condition(scalesBy((m) => m === 'step'));
    for (const policy of [scaling.step.scaleOut, scaling.step.scaleIn]) {
      const direction = policy.direction === 'out' ? 'Out' : 'In';
      const policyId = ctx.template.addResource(`${id}CpuScale${direction}Policy`, {
        Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
        Condition: step,
        Properties: {
          PolicyName: `cpu-scale-${policy.direction}`,
          PolicyType: 'StepScaling',
          ScalingTargetId: ref(target),
          StepScalingPolicyConfiguration: {
            AdjustmentType: policy.adjustmentType,
            Cooldown: policy.cooldownSeconds,
            MetricAggregationType: policy.metricAggregationType,
            StepAdjustments: policy.steps.map((s) => ({
              MetricIntervalLowerBound: s.lowerBound,
              MetricIntervalUpperBound: s.upperBound,
              ScalingAdjustment: s.adjustment,
            })),
          },
        },
      });
      const alarm = policy.alarm;
      ctx.template.addResource(`${id}CpuScale${direction}Alarm`, {
        Type: 'AWS::CloudWatch::Alarm',
        Condition: step,
        Properties: {
          AlarmDescription:
            `Scales ${service.names.display} ${policy.direction} when its CPU is ${policy.direction === 'out' ? 'high' : 'low'}`.slice(
              0,
              1024,
            ),
          Namespace: alarm.namespace,
          MetricName: alarm.metricName,
          Dimensions: [
            { Name: 'ClusterName', Value: ref(clusterId(service)) },
            { Name: 'ServiceName', Value: getAtt(id, 'Name') },
          ],
          Statistic: alarm.statistic,
          Period: alarm.periodSeconds,
          EvaluationPeriods: alarm.evaluationPeriods,
          Threshold: number(
            alarm.threshold,
            `CpuScale${direction}Threshold`,
            `CPU % that scales ${policy.direction}`,
          ),
          ComparisonOperator: alarm.comparison,
          AlarmActions: [ref(policyId)],
        },
      });
    }
  }
}

export const ecsFargateEmitter: ComponentEmitter = {
  references: {
    arn: (id) => ref(id),
    name: (id) => getAtt(id, 'Name'),
    clusterName: (_id, service) => ref(clusterId(service)),
  },
  emit(service, ctx) {
    const id = service.names.logicalId;
    if (!service.placement) throw new Error(`Fargate service ${service.id} has no subnet placement`);
    const taskRole = ctx.roleOf(service, 'task');
    const executionRole = ctx.roleOf(service, 'task-execution');
    if (!executionRole) throw new Error(`Fargate service ${service.id} has no execution role`);
    const providers = requireResolved(service.capacityProviders, service, 'capacity providers');
    const spot = ctx.when(ctx.byEnvironmentOf(providers.spot));

    ctx.template.addResource(clusterId(service), {
      Type: 'AWS::ECS::Cluster',
      Properties: {
        ClusterSettings: [
          {
            Name: 'containerInsights',
            Value: ctx.value(service, 'containerInsights', (on) => (on === true ? 'enabled' : 'disabled'))!,
          },
        ],
        CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
        Tags: ctx.tags(`${service.names.display} cluster`),
      },
    });

    const containerPort = ctx.constant(service, 'containerPort') as number;
    const environment = service.environment.map((variable) => ({
      Name: variable.name,
      Value: 'literal' in variable.value ? variable.value.literal : ctx.ref(variable.value),
    }));
    const mounts = service.fileSystemMounts ?? [];
    ctx.template.addResource(`${id}TaskDefinition`, {
      Type: 'AWS::ECS::TaskDefinition',
      Metadata: ctx.metadata(
        [],
        ctx.flag(service, 'readonlyRootFilesystem') === true
          ? []
          : [
              {
                id: 'CKV_AWS_336',
                reason:
                  'The design gives the container a writable root file system in some environments (readonlyRootFilesystem)',
              },
            ],
      ),
      Properties: {
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: ctx.value(service, 'cpu', (cpu) => String(cpu)),
        Memory: ctx.value(service, 'memoryMiB', (memory) => String(memory)),
        RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'X86_64' },
        ExecutionRoleArn: ctx.roleArn(executionRole.id),
        TaskRoleArn: taskRole ? ctx.roleArn(taskRole.id) : undefined,
        ContainerDefinitions: [
          {
            Name: CONTAINER_NAME,
            Image: service.containerImage
              ? join('', [
                  ctx.attribute(service.containerImage.repositoryId, 'url'),
                  `:${service.containerImage.tag}`,
                ])
              : ctx.value(service, 'image'),
            Essential: true,
            Privileged: false,
            ReadonlyRootFilesystem: ctx.value(service, 'readonlyRootFilesystem'),
            PortMappings: [{ ContainerPort: containerPort, Protocol: 'tcp' }],
            Environment: environment.length > 0 ? environment : undefined,
            MountPoints: mounts.length
              ? mounts.map((m) => ({
                  SourceVolume: m.volumeName,
                  ContainerPath: m.mountPath,
                  ReadOnly: m.readOnly,
                }))
              : undefined,
            LogConfiguration: service.logGroupId
              ? {
                  LogDriver: 'awslogs',
                  Options: {
                    'awslogs-group': ref(ctx.logicalId(service.logGroupId)),
                    'awslogs-region': ref('AWS::Region'),
                    'awslogs-stream-prefix': CONTAINER_NAME,
                  },
                }
              : undefined,
          },
        ],
        // File systems (efs.ts): over TLS with the task role's IAM authorization.
        Volumes: mounts.length
          ? mounts.map((m) => ({
              Name: m.volumeName,
              EFSVolumeConfiguration: {
                FilesystemId: ctx.attribute(m.fileSystemId, 'id'),
                TransitEncryption: 'ENABLED',
                AuthorizationConfig: {
                  AccessPointId: ref(efsAccessPointId(ctx.logicalId(m.fileSystemId), m.accessPoint)),
                  IAM: 'ENABLED',
                },
              },
            }))
          : undefined,
        Tags: ctx.tags(service.names.display),
      },
    });

    const routes = ctx.graph.routes.filter((r) => r.kind === 'alb-target' && r.targetId === service.id);
    const listeners = routes.flatMap((route) => albListenersFor(ctx.component(route.frontDoorId), ctx));
    const dependsOn = [
      ...new Set([
        ...listeners,
        ...mounts.flatMap((m) => efsMountTargetIds(ctx, ctx.component(m.fileSystemId))),
      ]),
    ];
    ctx.template.addResource(id, {
      Type: 'AWS::ECS::Service',
      // The target group must belong to a load balancer (through its listener) first; tasks mount
      // file systems only once their mount targets are available.
      DependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      Metadata: ctx.metadata(service.acknowledgements),
      Properties: {
        Cluster: ref(clusterId(service)),
        TaskDefinition: ref(`${id}TaskDefinition`),
        DesiredCount: ctx.value(service, 'desiredCount'),
        CapacityProviderStrategy: ctx.choose(
          spot,
          [
            { CapacityProvider: 'FARGATE', Base: providers.onDemandBase, Weight: providers.onDemandWeight },
            { CapacityProvider: 'FARGATE_SPOT', Weight: providers.spotWeight },
          ],
          [{ CapacityProvider: 'FARGATE', Weight: 1 }],
        ),
        NetworkConfiguration: {
          AwsvpcConfiguration: {
            AssignPublicIp: 'DISABLED',
            Subnets: ctx.subnetIds(service.placement.vpcId, service.placement.tier),
            SecurityGroups: ctx.securityGroupIds(service),
          },
        },
        DeploymentConfiguration: {
          MinimumHealthyPercent: 100,
          MaximumPercent: 200,
          DeploymentCircuitBreaker: ctx.value(service, 'circuitBreaker', (on) => ({
            Enable: on === true,
            Rollback: on === true,
          })),
        },
        HealthCheckGracePeriodSeconds: routes.length > 0 ? 60 : undefined,
        LoadBalancers:
          routes.length > 0
            ? routes.map((route) => ({
                ContainerName: CONTAINER_NAME,
                ContainerPort: route.port ?? containerPort,
                TargetGroupArn: ref(targetGroupId(ctx, route)),
              }))
            : undefined,
        EnableECSManagedTags: true,
        PropagateTags: 'SERVICE',
        Tags: ctx.tags(service.names.display),
      },
    });
    autoScaling(service, ctx);
  },
};

/**
 * ECS Fargate service in its own cluster (Container Insights), one container with awslogs, a
 * read-only root file system, separate task and execution roles (ECS-01/02), no public IP in
 * private subnets, a deployment circuit breaker (ECS-04), Fargate Spot where chosen, and
 * task-level auto scaling: target tracking, step (with its CPU alarm) or scheduled.
 */
import { requireResolved, type ResolvedComponent } from '@archgen/infra';
import type { ComponentEmitter, EmitContext, Flag } from '../context.ts';
import { getAtt, join, ref, sub } from '../template/intrinsics.ts';
import { albListenersFor, targetGroupId } from './relationships.ts';
import { efsAccessPointId, efsMountTargetIds } from './common.ts';

export const CONTAINER_NAME = 'app';

export const clusterId = (service: ResolvedComponent): string => `${service.names.logicalId}Cluster`;

function scalingFlag(service: ResolvedComponent, ctx: EmitContext, mode: string): Flag {
  return ctx.when(
    Object.fromEntries(
      Object.entries(ctx.perEnvironment(service, 'scaling')).map(([env, m]) => [env, m === mode]),
    ),
  );
}

function autoScaling(service: ResolvedComponent, ctx: EmitContext): void {
  const id = service.names.logicalId;
  const scaled = ctx.when(
    Object.fromEntries(
      Object.entries(ctx.perEnvironment(service, 'scaling')).map(([env, m]) => [env, m !== 'none']),
    ),
  );
  if (scaled === false) return;
  const condition = (flag: Flag) => (typeof flag === 'string' ? flag : undefined);
  const scheduled = scalingFlag(service, ctx, 'scheduled');
  const target = ctx.template.addResource(`${id}ScalableTarget`, {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Condition: condition(scaled),
    Properties: {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: sub(`service/\${${clusterId(service)}}/\${${id}.Name}`),
      MinCapacity: ctx.value(service, 'minCount'),
      MaxCapacity: ctx.value(service, 'maxCount'),
      // Business hours at full size, nights and weekends at the minimum.
      ScheduledActions: ctx.choose(
        scheduled,
        [
          {
            ScheduledActionName: 'business-hours',
            Schedule: 'cron(0 7 ? * MON-FRI *)',
            ScalableTargetAction: {
              MinCapacity: ctx.value(service, 'desiredCount'),
              MaxCapacity: ctx.value(service, 'maxCount'),
            },
          },
          {
            ScheduledActionName: 'off-hours',
            Schedule: 'cron(0 19 ? * MON-FRI *)',
            ScalableTargetAction: {
              MinCapacity: ctx.value(service, 'minCount'),
              MaxCapacity: ctx.value(service, 'minCount'),
            },
          },
        ],
        undefined,
      ),
    },
  });
  const tracking = scalingFlag(service, ctx, 'target-tracking');
  if (tracking !== false) {
    ctx.template.addResource(`${id}CpuTracking`, {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Condition: condition(tracking),
      Properties: {
        PolicyName: 'cpu-target-tracking',
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: ref(target),
        TargetTrackingScalingPolicyConfiguration: {
          PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
          TargetValue: ctx.value(service, 'targetCpuPercent'),
          ScaleInCooldown: 120,
          ScaleOutCooldown: 60,
        },
      },
    });
  }
  const step = scalingFlag(service, ctx, 'step');
  if (step !== false) {
    const policy = ctx.template.addResource(`${id}CpuStepScaling`, {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Condition: condition(step),
      Properties: {
        PolicyName: 'cpu-step-scaling',
        PolicyType: 'StepScaling',
        ScalingTargetId: ref(target),
        StepScalingPolicyConfiguration: {
          AdjustmentType: 'ChangeInCapacity',
          Cooldown: 60,
          MetricAggregationType: 'Average',
          StepAdjustments: [
            { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
            { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
          ],
        },
      },
    });
    ctx.template.addResource(`${id}CpuHighAlarm`, {
      Type: 'AWS::CloudWatch::Alarm',
      Condition: condition(step),
      Properties: {
        AlarmDescription: `Scales out ${service.names.display} when CPU is high`.slice(0, 1024),
        Namespace: 'AWS/ECS',
        MetricName: 'CPUUtilization',
        Dimensions: [
          { Name: 'ClusterName', Value: ref(clusterId(service)) },
          { Name: 'ServiceName', Value: getAtt(id, 'Name') },
        ],
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 3,
        Threshold: ctx.value(service, 'targetCpuPercent'),
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [ref(policy)],
      },
    });
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

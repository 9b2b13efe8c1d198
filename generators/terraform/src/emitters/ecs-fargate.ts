/**
 * ECS Fargate service: its own cluster (Container Insights), a task definition with awslogs,
 * read-only root FS and separate task/execution roles (ECS-01/02), the service in private subnets
 * with the circuit breaker (ECS-04), ALB target groups, and task-level auto scaling.
 */
import type { EnvValue, ResolvedComponent } from '@archgen/infra';
import { compareIds, requireResolved } from '@archgen/infra';
import {
  type BodyItem,
  type Expr,
  attr,
  block,
  call,
  list,
  literal,
  num,
  ref,
  str,
  tpl,
} from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import {
  efsAccessPointAddress,
  efsMountTargets,
  jsonencode,
  physical,
  placementSubnets,
  tags,
} from './common.ts';
import { listeners, targetGroupName } from './relationships.ts';

const service = (c: ResolvedComponent) => `aws_ecs_service.${c.names.tfName}`;
const cluster = (c: ResolvedComponent) => `aws_ecs_cluster.${c.names.tfName}`;

function containerDefinitions(ctx: TfContext, c: ResolvedComponent): Expr {
  const logGroup = ctx.logGroupOf(c);
  const environment = [...c.environment]
    .sort((a, b) => compareIds(a.name, b.name))
    // ECS takes environment values as strings only (a port is a number in Terraform).
    .map((v) => ({
      name: v.name,
      value: 'literal' in v.value ? v.value.literal : call('tostring', ctx.ref(v.value)),
    }));
  return jsonencode([
    {
      name: 'app',
      image: c.containerImage
        ? tpl(ctx.attribute(c.containerImage.repositoryId, 'url'), `:${c.containerImage.tag}`)
        : ctx.prop(c, 'image'),
      essential: true,
      portMappings: [{ containerPort: ctx.prop(c, 'containerPort'), protocol: 'tcp' }],
      readonlyRootFilesystem: ctx.prop(c, 'readonlyRootFilesystem'),
      privileged: false,
      environment,
      ...(c.fileSystemMounts?.length
        ? {
            mountPoints: c.fileSystemMounts.map((m) => ({
              sourceVolume: m.volumeName,
              containerPath: m.mountPath,
              readOnly: m.readOnly,
            })),
          }
        : {}),
      ...(logGroup
        ? {
            logConfiguration: {
              logDriver: 'awslogs',
              options: {
                'awslogs-group': ctx.attribute(logGroup.id, 'name'),
                'awslogs-region': ref('var.region'),
                'awslogs-stream-prefix': 'app',
              },
            },
          }
        : {}),
    },
  ]);
}

/**
 * Auto scaling as the lowering decided it (taskScaling): the scalable target exists where the
 * environment scales at all, each policy (and a step policy's alarm) where it scales that way
 * (`count` where they differ).
 */
function scaling(ctx: TfContext, c: ResolvedComponent): void {
  const decided = requireResolved(c.taskScaling, c, 'task scaling');
  const modeIn = (env: string) => decided.mode.byEnv[env];
  const scaled = ctx.presentWhere(
    c,
    'auto_scaling_count',
    'Whether to create auto scaling',
    (env) => modeIn(env) !== 'none',
  );
  if (!scaled) return;
  // A policy every scaling environment uses exists where the target does (the same count).
  const scalesAt = ctx.environments.filter((env) => modeIn(env) !== 'none');
  const scaledBy = (mode: string, name: string) =>
    scalesAt.every((env) => modeIn(env) === mode)
      ? scaled
      : ctx.presentWhere(
          c,
          name,
          `Whether to create ${name.replace(/_count$/, '').replace(/_/g, ' ')}`,
          (env) => modeIn(env) === mode,
        );
  // A decided number: a literal, or a variable where environments differ.
  const number = (value: EnvValue<number>, name: string, description: string) =>
    ctx.derived(c, name, description, (env) => value.byEnv[env] ?? null);
  const t = c.names.tfName;
  // Policies exist only where the target does, so `[0]` is there whenever they read it.
  const target = `aws_appautoscaling_target.${t}${scaled.count ? '[0]' : ''}`;
  const scalable = [
    attr('service_namespace', ref(`${target}.service_namespace`)),
    attr('resource_id', ref(`${target}.resource_id`)),
    attr('scalable_dimension', ref(`${target}.scalable_dimension`)),
  ];
  ctx.add(
    'compute.tf',
    block(
      'resource',
      ['aws_appautoscaling_target', t],
      [
        attr('count', scaled.count),
        attr('service_namespace', str('ecs')),
        attr('resource_id', tpl('service/', ref(`${cluster(c)}.name`), '/', ref(`${service(c)}.name`))),
        attr('scalable_dimension', str('ecs:service:DesiredCount')),
        attr('min_capacity', ctx.prop(c, 'minCount')),
        attr('max_capacity', ctx.prop(c, 'maxCount')),
      ],
    ),
  );
  const tracking = decided.targetTracking;
  const trackingPresence = tracking && scaledBy('target-tracking', 'cpu_target_tracking_count');
  if (tracking && trackingPresence) {
    ctx.add(
      'compute.tf',
      block(
        'resource',
        ['aws_appautoscaling_policy', `${t}_cpu`],
        [
          attr('count', trackingPresence.count),
          attr('name', tpl(ref(`${service(c)}.name`), '-cpu')),
          attr('policy_type', str('TargetTrackingScaling')),
          scalable,
          block(
            'target_tracking_scaling_policy_configuration',
            [],
            [
              attr('target_value', number(tracking.targetValue, 'target_cpu_percent', 'Target CPU')),
              attr('scale_in_cooldown', num(tracking.scaleInCooldownSeconds)),
              attr('scale_out_cooldown', num(tracking.scaleOutCooldownSeconds)),
              block(
                'predefined_metric_specification',
                [],
                [attr('predefined_metric_type', str(tracking.predefinedMetric))],
              ),
            ],
          ),
        ],
      ),
    );
  }
  const step = decided.step && scaledBy('step', 'step_scaling_count');
  if (decided.step && step) {
    for (const policy of [decided.step.scaleOut, decided.step.scaleIn]) {
      const name = `${t}_cpu_scale_${policy.direction}`;
      const alarm = policy.alarm;
      ctx.add(
        'compute.tf',
        block(
          'resource',
          ['aws_appautoscaling_policy', name],
          [
            attr('count', step.count),
            attr('name', tpl(ref(`${service(c)}.name`), `-cpu-scale-${policy.direction}`)),
            attr('policy_type', str('StepScaling')),
            scalable,
            block(
              'step_scaling_policy_configuration',
              [],
              [
                attr('adjustment_type', str(policy.adjustmentType)),
                attr('cooldown', num(policy.cooldownSeconds)),
                attr('metric_aggregation_type', str(policy.metricAggregationType)),
                ...policy.steps.map((s) =>
                  block(
                    'step_adjustment',
                    [],
                    [
                      s.lowerBound !== undefined && attr('metric_interval_lower_bound', num(s.lowerBound)),
                      s.upperBound !== undefined && attr('metric_interval_upper_bound', num(s.upperBound)),
                      attr('scaling_adjustment', num(s.adjustment)),
                    ],
                  ),
                ),
              ],
            ),
          ],
        ),
        block(
          'resource',
          ['aws_cloudwatch_metric_alarm', name],
          [
            attr('count', step.count),
            attr('alarm_name', tpl(ref(`${service(c)}.name`), `-cpu-scale-${policy.direction}`)),
            attr(
              'alarm_description',
              str(
                `Scales ${c.names.display} ${policy.direction} when its CPU is ${policy.direction === 'out' ? 'high' : 'low'}`.slice(
                  0,
                  1024,
                ),
              ),
            ),
            attr('namespace', str(alarm.namespace)),
            attr('metric_name', str(alarm.metricName)),
            attr(
              'dimensions',
              literal({ ClusterName: ref(`${cluster(c)}.name`), ServiceName: ref(`${service(c)}.name`) }),
            ),
            attr('statistic', str(alarm.statistic)),
            attr('period', num(alarm.periodSeconds)),
            attr('evaluation_periods', num(alarm.evaluationPeriods)),
            attr(
              'threshold',
              number(
                alarm.threshold,
                `cpu_scale_${policy.direction}_threshold`,
                `CPU % that scales ${policy.direction}`,
              ),
            ),
            attr('comparison_operator', str(alarm.comparison)),
            attr(
              'alarm_actions',
              list([ref(`aws_appautoscaling_policy.${name}${step.count ? '[0]' : ''}.arn`)]),
            ),
          ],
        ),
      );
    }
  }
  const scheduled = decided.scheduled && scaledBy('scheduled', 'scheduled_scaling_count');
  if (decided.scheduled && scheduled) {
    decided.scheduled.forEach((action, i) => {
      const name = action.name.replace(/-/g, '_');
      ctx.add(
        'compute.tf',
        block(
          'resource',
          ['aws_appautoscaling_scheduled_action', `${t}_${name}`],
          [
            attr('count', scheduled.count),
            attr('name', str(action.name)),
            scalable,
            attr('schedule', str(action.schedule)),
            block(
              'scalable_target_action',
              [],
              [
                attr(
                  'min_capacity',
                  number(action.minCapacity, `${name}_min_capacity`, `Minimum tasks from ${action.name}`),
                ),
                attr(
                  'max_capacity',
                  number(action.maxCapacity, `${name}_max_capacity`, `Maximum tasks from ${action.name}`),
                ),
              ],
            ),
          ],
          i === 0
            ? ['Scheduled scaling (UTC): the desired count on weekdays, the minimum at nights and weekends.']
            : [],
        ),
      );
    });
  }
}

/**
 * The lowering's split: FARGATE alone where there is no Spot; elsewhere the first tasks on FARGATE
 * and the rest weighted towards FARGATE_SPOT.
 */
function capacityProviderStrategy(ctx: TfContext, c: ResolvedComponent): BodyItem[] {
  const providers = requireResolved(c.capacityProviders, c, 'capacity providers');
  const spotIn = (env: string) => providers.spot.byEnv[env] === true;
  const onDemand = block(
    'capacity_provider_strategy',
    [],
    [
      attr('capacity_provider', str('FARGATE')),
      ctx.environments.some(spotIn) &&
        attr(
          'base',
          ctx.derived(c, 'on_demand_base', 'Base count of FARGATE tasks', (env) =>
            spotIn(env) ? providers.onDemandBase : 0,
          ),
        ),
      attr('weight', num(providers.onDemandWeight)),
    ],
  );
  if (!ctx.environments.some(spotIn)) return [onDemand];
  const spotBody = (weight: Expr) => [attr('capacity_provider', str('FARGATE_SPOT')), attr('weight', weight)];
  if (ctx.environments.every(spotIn))
    return [onDemand, block('capacity_provider_strategy', [], spotBody(num(providers.spotWeight)))];
  const weights = ctx.derived(c, 'spot_weight', 'FARGATE_SPOT weight, [] for no Spot,', (env) =>
    spotIn(env) ? [providers.spotWeight] : [],
  );
  return [
    onDemand,
    block(
      'dynamic',
      ['capacity_provider_strategy'],
      [attr('for_each', weights), block('content', [], spotBody(ref('capacity_provider_strategy.value')))],
    ),
  ];
}

export const ecsFargateEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_ecs_service.${name}.id`),
    id: (name) => ref(`aws_ecs_service.${name}.id`),
    name: (name) => ref(`aws_ecs_service.${name}.name`),
    clusterName: (name) => ref(`aws_ecs_cluster.${name}.name`),
  },
  emit(c, ctx) {
    const t = c.names.tfName;
    const routes = ctx.graph.routes.filter((r) => r.kind === 'alb-target' && r.targetId === c.id);
    // `lifecycle` cannot differ per environment: where any environment scales, auto scaling owns
    // the running count (an environment without scaling keeps the count it was created with).
    const scaled = ctx.some(c, 'scaling', (m) => m !== 'none');
    ctx.add(
      'compute.tf',
      block(
        'resource',
        ['aws_ecs_cluster', t],
        [
          attr('name', physical.ecs(ctx, c)),
          block(
            'setting',
            [],
            [
              attr('name', str('containerInsights')),
              attr(
                'value',
                ctx.prop(
                  c,
                  'containerInsights',
                  (v) => (v === false ? 'disabled' : 'enabled'),
                  `${t}_container_insights`,
                ),
              ),
            ],
          ),
          tags(c.names.display),
        ],
      ),
      block(
        'resource',
        ['aws_ecs_cluster_capacity_providers', t],
        [
          attr('cluster_name', ref(`${cluster(c)}.name`)),
          attr('capacity_providers', literal(['FARGATE', 'FARGATE_SPOT'])),
        ],
      ),
      block(
        'resource',
        ['aws_ecs_task_definition', t],
        [
          attr('family', physical.ecs(ctx, c)),
          attr('requires_compatibilities', literal(['FARGATE'])),
          attr('network_mode', str('awsvpc')),
          attr('cpu', ctx.prop(c, 'cpu')),
          attr(
            'memory',
            ctx.prop(c, 'memoryMiB', (v) => String(v)),
          ),
          attr('execution_role_arn', ctx.roleArn(ctx.role(c, 'task-execution'))),
          attr('task_role_arn', ctx.roleArn(ctx.role(c, 'task'))),
          attr('container_definitions', containerDefinitions(ctx, c)),
          block(
            'runtime_platform',
            [],
            [attr('operating_system_family', str('LINUX')), attr('cpu_architecture', str('X86_64'))],
          ),
          // File systems (efs.ts): over TLS with the task role's IAM authorization.
          ...(c.fileSystemMounts ?? []).map((m) =>
            block(
              'volume',
              [],
              [
                attr('name', str(m.volumeName)),
                block(
                  'efs_volume_configuration',
                  [],
                  [
                    attr('file_system_id', ctx.attribute(m.fileSystemId, 'id')),
                    attr('transit_encryption', str('ENABLED')),
                    block(
                      'authorization_config',
                      [],
                      [
                        attr(
                          'access_point_id',
                          ref(
                            `${efsAccessPointAddress(ctx.component(m.fileSystemId).names.tfName, m.accessPoint)}.id`,
                          ),
                        ),
                        attr('iam', str('ENABLED')),
                      ],
                    ),
                  ],
                ),
              ],
            ),
          ),
          tags(c.names.display),
        ],
      ),
      ctx.resource('aws_ecs_service', t, c, [
        attr('name', physical.ecs(ctx, c)),
        attr('cluster', ref(`${cluster(c)}.id`)),
        attr('task_definition', ref(`aws_ecs_task_definition.${t}.arn`)),
        attr('desired_count', ctx.prop(c, 'desiredCount')),
        attr('propagate_tags', str('SERVICE')),
        attr('enable_ecs_managed_tags', literal(true)),
        capacityProviderStrategy(ctx, c),
        block(
          'network_configuration',
          [],
          [
            attr('subnets', placementSubnets(ctx, c)),
            attr('security_groups', list([ctx.securityGroupOf(c)])),
            attr('assign_public_ip', literal(false)),
          ],
        ),
        block(
          'deployment_circuit_breaker',
          [],
          [attr('enable', ctx.prop(c, 'circuitBreaker')), attr('rollback', ctx.prop(c, 'circuitBreaker'))],
        ),
        routes.map((r) =>
          block(
            'load_balancer',
            [],
            [
              attr('target_group_arn', ref(`aws_lb_target_group.${targetGroupName(ctx, r)}.arn`)),
              attr('container_name', str('app')),
              attr('container_port', ctx.prop(c, 'containerPort')),
            ],
          ),
        ),
        attr(
          'depends_on',
          list([
            ref(`aws_ecs_cluster_capacity_providers.${t}`),
            ...routes.flatMap((r) => listeners(ctx, ctx.component(r.frontDoorId))),
            // Tasks mount only once every mount target is available.
            ...[...new Set((c.fileSystemMounts ?? []).map((m) => m.fileSystemId))].map((id) =>
              efsMountTargets(ctx, id),
            ),
          ]),
        ),
        // Auto scaling owns the running count once the service exists.
        scaled && block('lifecycle', [], [attr('ignore_changes', list([ref('desired_count')]))]),
        tags(c.names.display),
      ]),
    );
    scaling(ctx, c);
    ctx.output(`${t}_service`, ref(`${service(c)}.name`), `Name of the ECS service "${c.names.display}"`);
  },
};

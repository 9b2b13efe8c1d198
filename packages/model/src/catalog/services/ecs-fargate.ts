import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  bool,
  checkLogRetention,
  checkMinDesiredMax,
  choice,
  logRetentionDaysProperty,
  num,
  reader,
  text,
  securityGroup,
  ALB_TARGET,
} from '../define.ts';

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** Memory sizes (MiB) Fargate accepts for each task CPU value, from AWS's task size table. */
export const FARGATE_MEMORY_BY_CPU: Readonly<Record<string, readonly number[]>> = {
  '256': [512, 1024, 2048],
  '512': range(1024, 4096, 1024),
  '1024': range(2048, 8192, 1024),
  '2048': range(4096, 16384, 1024),
  '4096': range(8192, 30720, 1024),
  '8192': range(16384, 61440, 4096),
  '16384': range(32768, 122880, 8192),
};

/**
 * Scaling resources per mode: the target, plus a policy (target tracking), or a scale-out and a
 * scale-in policy with an alarm each (step).
 */
const FARGATE_SCALING_RESOURCES: Readonly<Record<string, number>> = {
  'target-tracking': 2,
  step: 5,
  scheduled: 1,
  none: 0,
};

export function isValidFargateSize(cpu: string, memoryMiB: number): boolean {
  return FARGATE_MEMORY_BY_CPU[cpu]?.includes(memoryMiB) ?? false;
}

function describeMemory(cpu: string): string {
  const sizes = FARGATE_MEMORY_BY_CPU[cpu] ?? [];
  if (sizes.length <= 3) return sizes.join(', ');
  const step = sizes[1]! - sizes[0]!;
  return `${sizes[0]} to ${sizes[sizes.length - 1]} in steps of ${step}`;
}

const properties = [
  text('image', 'Container image', 'public.ecr.aws/nginx/nginx:stable', {
    maxLength: 512,
    pattern: '^[a-z0-9][a-z0-9._/:@-]*$',
    patternHint:
      'must be an image reference like public.ecr.aws/org/name:tag or <account>.dkr.ecr.<region>.amazonaws.com/name@sha256:...',
    help: 'Pin a tag or digest; "latest" makes deployments unrepeatable.',
  }),
  choice(
    'cpu',
    'Task CPU',
    '512',
    [
      ['256', '0.25 vCPU'],
      ['512', '0.5 vCPU'],
      ['1024', '1 vCPU'],
      ['2048', '2 vCPU'],
      ['4096', '4 vCPU'],
      ['8192', '8 vCPU'],
      ['16384', '16 vCPU'],
    ],
    { help: 'CPU units for the whole task (1024 = 1 vCPU). Each value allows only certain memory sizes.' },
  ),
  num('memoryMiB', 'Task memory', 1024, {
    unit: 'MiB',
    integer: true,
    min: 512,
    max: 122880,
    help: 'Must pair with the CPU: 0.25 vCPU takes 512-2048 MiB, 0.5 vCPU 1-4 GiB, 1 vCPU 2-8 GiB, 2 vCPU 4-16 GiB, 4 vCPU 8-30 GiB in 1 GiB steps; 8 vCPU 16-60 GiB in 4 GiB steps; 16 vCPU 32-120 GiB in 8 GiB steps.',
  }),
  num('containerPort', 'Container port', 8080, {
    sameInEveryEnvironment: true,
    integer: true,
    min: 1,
    max: 65535,
    help: 'Port the container listens on; the ALB target group forwards here. Use a port above 1024 so the container can run as a non-root user.',
  }),
  num('desiredCount', 'Desired tasks', 2, {
    integer: true,
    min: 0,
    max: 1000,
    help: 'Tasks running at deployment; with 2 or more, ECS spreads them over AZs so one AZ can fail.',
  }),
  num('minCount', 'Minimum tasks', 2, {
    integer: true,
    min: 0,
    max: 1000,
    help: 'Lower bound for auto scaling.',
  }),
  num('maxCount', 'Maximum tasks', 10, {
    integer: true,
    min: 1,
    max: 1000,
    help: 'Upper bound for auto scaling; also caps what a traffic spike can cost.',
  }),
  choice(
    'scaling',
    'Auto scaling',
    'target-tracking',
    [
      ['target-tracking', 'Target tracking on CPU'],
      ['step', 'Step scaling on CPU alarms'],
      ['scheduled', 'Scheduled (business hours)'],
      ['none', 'None (fixed count)'],
    ],
    { help: 'Target tracking keeps average CPU near the target and suits most services.' },
  ),
  num('targetCpuPercent', 'Target CPU', 60, {
    unit: '%',
    integer: true,
    min: 10,
    max: 90,
    help: 'Average CPU utilisation target tracking aims for; step scaling adds tasks at or above it and removes one at or below half of it. Lower leaves more headroom for spikes.',
    visibleWhen: { key: 'scaling', equals: ['target-tracking', 'step'] },
  }),
  bool('spot', 'Fargate Spot', false, {
    help: 'Runs tasks on spare capacity at up to 70% off; tasks can be stopped with two minutes notice. Good for dev and for queue workers.',
  }),
  bool('readonlyRootFilesystem', 'Read-only root filesystem', true, {
    help: 'Stops an attacker (or a bug) from writing to the container image filesystem; mount a volume for scratch space.',
  }),
  bool('containerInsights', 'Container Insights', true, {
    help: 'Per-task CPU, memory and network metrics on the cluster.',
  }),
  bool('circuitBreaker', 'Deployment circuit breaker', true, {
    help: 'Stops a deployment whose tasks keep failing to start and rolls back to the last working version.',
  }),
  logRetentionDaysProperty(),
];

export const ecsFargate: ServiceDefinition = {
  type: 'ecs-fargate',
  displayName: 'ECS Fargate service',
  abbreviations: ['ecs'],
  keywords: ['fargate', 'container', 'containers', 'docker', 'task', 'serverless containers'],
  category: 'Containers',
  icon: 'ecs-fargate',
  description:
    'Long-running containers without servers to manage: an ECS service keeps the desired number of tasks running across AZs in private subnets, behind a load balancer, with task-level auto scaling.',
  placements: ['private'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const issues: PropertyIssue[] = [];
    const cpu = p.str('cpu');
    const memory = p.num('memoryMiB');
    if (!isValidFargateSize(cpu, memory))
      issues.push({
        path: 'memoryMiB',
        message: `Fargate does not offer ${memory} MiB with ${cpu} CPU units; choose ${describeMemory(cpu)} MiB`,
      });
    issues.push(
      ...checkMinDesiredMax(
        { min: p.num('minCount'), desired: p.num('desiredCount'), max: p.num('maxCount') },
        { min: 'minCount', desired: 'desiredCount', max: 'maxCount' },
        'tasks',
      ),
    );
    issues.push(...checkLogRetention(props));
    return issues;
  },
  accepts: [
    { kind: 'traffic', from: ['alb'], meaning: 'forwards HTTP :8080 to', stackResources: ALB_TARGET },
    WATCHED_BY_ALARM,
  ],
  listener: { port: 8080, protocol: 'http' },
  // Security group, task and execution roles, cluster, task definition, service, log group, and the
  // scaling: a scalable target, with a policy (target tracking) or two policies and alarms (step).
  stackResources: (input) => ({
    count: securityGroup(input) + 6 + (FARGATE_SCALING_RESOURCES[String(input.props.scaling)] ?? 0),
  }),
};

/**
 * ECS Fargate task auto scaling, decided once for every target: target tracking on CPU, step
 * scaling on two CPU alarms (one adds tasks, one removes them), or a business-hours schedule.
 * Generators print these numbers; they choose none of their own.
 */
import type { PropertyValue } from '@archgen/model';
import type { LowerContext } from './context.ts';
import type {
  EnvValue,
  ResolvedComponent,
  ResolvedScheduledAction,
  ResolvedStepScalingPolicy,
  ResolvedTaskScaling,
  TaskScalingMode,
} from './types.ts';

const MODES: readonly TaskScalingMode[] = ['none', 'target-tracking', 'step', 'scheduled'];

/** Target tracking: add tasks within a minute, remove them only after two quiet minutes. */
export const TARGET_TRACKING_COOLDOWNS = {
  scaleInCooldownSeconds: 120,
  scaleOutCooldownSeconds: 60,
} as const;

/**
 * Step scaling, shaped like AWS's own target tracking alarms: scale out after 3 minutes at or
 * above the target CPU (one task, three once CPU is 20 points above it), scale in one task after
 * 15 minutes at or below half the target. Half, because removing one of two tasks at most
 * doubles the load per task, which then stays under the scale-out threshold (no flapping).
 */
export const STEP_SCALING = {
  periodSeconds: 60,
  scaleOut: { evaluationPeriods: 3, cooldownSeconds: 60, largeStepAbove: 20, small: 1, large: 3 },
  scaleIn: { evaluationPeriods: 15, cooldownSeconds: 300, adjustment: -1 },
} as const;

/**
 * Scheduled scaling (UTC): weekday mornings raise the floor to the desired count, weekday
 * evenings pin the service to its minimum until the next weekday morning (nights and weekends).
 */
export const BUSINESS_HOURS = {
  start: { name: 'business-hours', schedule: 'cron(0 7 ? * MON-FRI *)' },
  end: { name: 'off-hours', schedule: 'cron(0 19 ? * MON-FRI *)' },
} as const;

function numbers(ctx: LowerContext, component: ResolvedComponent, key: string): EnvValue<number> {
  return ctx.envValue(
    ctx.envs.map((env) => {
      const v: PropertyValue | undefined = component.props[key]?.byEnv[env];
      if (typeof v !== 'number') throw new Error(`Fargate service "${component.id}" has no number "${key}"`);
      return v;
    }),
  );
}

function modeOf(ctx: LowerContext, component: ResolvedComponent): EnvValue<TaskScalingMode> {
  return ctx.envValue(
    ctx.envs.map((env) => {
      const v = component.props.scaling?.byEnv[env];
      const mode = MODES.find((m) => m === v);
      if (!mode) throw new Error(`Fargate service "${component.id}" has no scaling mode in ${env}`);
      return mode;
    }),
  );
}

function stepPolicies(
  ctx: LowerContext,
  targetCpu: EnvValue<number>,
): { scaleOut: ResolvedStepScalingPolicy; scaleIn: ResolvedStepScalingPolicy } {
  const { periodSeconds, scaleOut, scaleIn } = STEP_SCALING;
  const alarm = {
    namespace: 'AWS/ECS',
    metricName: 'CPUUtilization',
    statistic: 'Average',
    periodSeconds,
  } as const;
  return {
    scaleOut: {
      direction: 'out',
      adjustmentType: 'ChangeInCapacity',
      cooldownSeconds: scaleOut.cooldownSeconds,
      metricAggregationType: 'Average',
      steps: [
        { lowerBound: 0, upperBound: scaleOut.largeStepAbove, adjustment: scaleOut.small },
        { lowerBound: scaleOut.largeStepAbove, adjustment: scaleOut.large },
      ],
      alarm: {
        ...alarm,
        evaluationPeriods: scaleOut.evaluationPeriods,
        threshold: targetCpu,
        comparison: 'GreaterThanOrEqualToThreshold',
      },
    },
    scaleIn: {
      direction: 'in',
      adjustmentType: 'ChangeInCapacity',
      cooldownSeconds: scaleIn.cooldownSeconds,
      metricAggregationType: 'Average',
      steps: [{ upperBound: 0, adjustment: scaleIn.adjustment }],
      alarm: {
        ...alarm,
        evaluationPeriods: scaleIn.evaluationPeriods,
        threshold: ctx.envValue(ctx.envs.map((env) => Math.floor(targetCpu.byEnv[env]! / 2))),
        comparison: 'LessThanOrEqualToThreshold',
      },
    },
  };
}

function scheduledActions(ctx: LowerContext, component: ResolvedComponent): ResolvedScheduledAction[] {
  const minCount = numbers(ctx, component, 'minCount');
  return [
    {
      ...BUSINESS_HOURS.start,
      minCapacity: numbers(ctx, component, 'desiredCount'),
      maxCapacity: numbers(ctx, component, 'maxCount'),
    },
    // Without a scaling policy only a lower maximum brings the running count down.
    { ...BUSINESS_HOURS.end, minCapacity: minCount, maxCapacity: minCount },
  ];
}

export function taskScalingOf(ctx: LowerContext, component: ResolvedComponent): ResolvedTaskScaling {
  const mode = modeOf(ctx, component);
  const uses = (m: TaskScalingMode) => Object.values(mode.byEnv).includes(m);
  const targetCpu = () => numbers(ctx, component, 'targetCpuPercent');
  return {
    mode,
    ...(uses('target-tracking')
      ? {
          targetTracking: {
            predefinedMetric: 'ECSServiceAverageCPUUtilization',
            targetValue: targetCpu(),
            ...TARGET_TRACKING_COOLDOWNS,
          },
        }
      : {}),
    ...(uses('step') ? { step: stepPolicies(ctx, targetCpu()) } : {}),
    ...(uses('scheduled') ? { scheduled: scheduledActions(ctx, component) } : {}),
  };
}

/** Fargate task scaling, decided once: step policies, their alarms and the schedule, per environment. */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import type { ResolvedGraph } from './types.ts';

const component = (graph: ResolvedGraph, id: string) => {
  const c = graph.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
};

describe('task scaling', () => {
  const graph = lowerDesign(
    design('Scaling')
      .environments('dev', 'prod')
      .vpc({ azCount: 2 })
      .node('ecs-fargate', {
        id: 'api',
        name: 'API',
        tier: 'private',
        properties: { scaling: 'step', targetCpuPercent: 70 },
      })
      .override('dev', 'api', { scaling: 'none' })
      .override('prod', 'api', { targetCpuPercent: 61 })
      .node('ecs-fargate', {
        id: 'worker',
        name: 'Worker',
        tier: 'private',
        properties: { scaling: 'scheduled', minCount: 1, desiredCount: 3, maxCount: 8 },
      })
      .override('dev', 'worker', { scaling: 'target-tracking' })
      .build(),
  );

  it('step scaling adds tasks at the target CPU and removes one at half of it, each with its own alarm', () => {
    const scaling = component(graph, 'api').taskScaling!;
    expect(scaling.mode.byEnv).toEqual({ dev: 'none', prod: 'step' });
    expect(scaling.targetTracking).toBeUndefined();
    expect(scaling.scheduled).toBeUndefined();
    const { scaleOut, scaleIn } = scaling.step!;
    expect(scaleOut.steps).toEqual([
      { lowerBound: 0, upperBound: 20, adjustment: 1 },
      { lowerBound: 20, adjustment: 3 },
    ]);
    expect(scaleOut.alarm).toMatchObject({
      metricName: 'CPUUtilization',
      statistic: 'Average',
      periodSeconds: 60,
      evaluationPeriods: 3,
      threshold: { byEnv: { dev: 70, prod: 61 }, varies: true },
      comparison: 'GreaterThanOrEqualToThreshold',
    });
    expect(scaleIn.steps).toEqual([{ upperBound: 0, adjustment: -1 }]);
    expect(scaleIn.cooldownSeconds).toBeGreaterThan(scaleOut.cooldownSeconds);
    expect(scaleIn.alarm).toMatchObject({
      evaluationPeriods: 15,
      threshold: { byEnv: { dev: 35, prod: 30 }, varies: true },
      comparison: 'LessThanOrEqualToThreshold',
    });
  });

  it('scheduled scaling runs the desired count on weekdays and the minimum at nights and weekends', () => {
    const scaling = component(graph, 'worker').taskScaling!;
    expect(scaling.mode.byEnv).toEqual({ dev: 'target-tracking', prod: 'scheduled' });
    expect(scaling.targetTracking).toMatchObject({
      targetValue: { byEnv: { dev: 60, prod: 60 } },
      scaleInCooldownSeconds: 120,
      scaleOutCooldownSeconds: 60,
    });
    expect(scaling.step).toBeUndefined();
    expect(
      scaling.scheduled!.map((a) => [a.name, a.schedule, a.minCapacity.byEnv.prod, a.maxCapacity.byEnv.prod]),
    ).toEqual([
      ['business-hours', 'cron(0 7 ? * MON-FRI *)', 3, 8],
      ['off-hours', 'cron(0 19 ? * MON-FRI *)', 1, 1],
    ]);
  });
});

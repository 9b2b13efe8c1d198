import { describe, expect, it } from 'vitest';
import { design, parseDesign, type Design } from '@archgen/model';
import { estimateCost } from './cost.ts';
import { costSuggestions, type CostTactic } from './suggestions.ts';

const tactics = (d: Design, env: string, nodeId: string): CostTactic[] =>
  costSuggestions(d, env)
    .filter((s) => s.nodeId === nodeId)
    .map((s) => s.tactic)
    .sort();

/** Applying a suggestion's properties as env overrides lowers the estimate by exactly its saving. */
function expectSavingsReprice(d: Design, env: string): void {
  const baseline = estimateCost(d, env).total;
  for (const s of costSuggestions(d, env)) {
    expect(s.monthlySaving).toBeGreaterThan(0);
    if (!s.properties) continue;
    const changed = structuredClone(d);
    const environment = changed.environments.find((e) => e.name === env)!;
    environment.overrides[s.nodeId] = { ...environment.overrides[s.nodeId], ...s.properties };
    // The change is a valid design, not just a cheaper number.
    expect(parseDesign(changed).ok).toBe(true);
    expect(Math.round((baseline - estimateCost(changed, env).total) * 100)).toBe(
      Math.round(s.monthlySaving * 100),
    );
  }
}

function webApp(): Design {
  return design('Shop')
    .vpc()
    .node('users', { id: 'users' })
    .node('nat-gateway', { id: 'nat' })
    .node('alb', { id: 'web' })
    .node('ecs-fargate', { id: 'api' })
    .node('ecs-fargate', { id: 'worker' })
    .node('ec2-asg', { id: 'batch' })
    .node('s3', { id: 'bucket' })
    .node('aurora', { id: 'db', properties: { capacity: 'provisioned' } })
    .connect('users', 'web', 'traffic')
    .connect('web', 'api', 'traffic')
    .connect('web', 'batch', 'traffic')
    .build();
}

describe('costSuggestions', () => {
  it('offers the non-production tactics in dev, each with a saving that re-pricing confirms', () => {
    const d = webApp();
    expect(tactics(d, 'dev', 'api')).toEqual(['scale-to-zero', 'spot']);
    expect(tactics(d, 'dev', 'batch')).toEqual(['spot']);
    expect(tactics(d, 'dev', 'nat')).toEqual(['single-nat-gateway']);
    expect(tactics(d, 'dev', 'db')).toEqual(['aurora-serverless-min-capacity']);
    expect(tactics(d, 'dev', 'bucket')).toEqual(['s3-intelligent-tiering', 's3-lifecycle']);
    expectSavingsReprice(d, 'dev');
    expectSavingsReprice(d, 'staging');
  });

  it('offers no bucket-wide lifecycle to a bucket that already moves objects by key prefix', () => {
    const d = design('Prefixed')
      .node('s3', {
        id: 'bucket',
        properties: { lifecycleRules: [{ prefix: 'raw/', transitionToIaDays: 30 }] },
      })
      .build();
    expect(tactics(d, 'dev', 'bucket')).toEqual([]);
  });

  it('in production: Savings Plans for steady Fargate, spot only for workers, no dev-only tactics', () => {
    const d = webApp();
    expect(tactics(d, 'prod', 'api')).toEqual(['savings-plan']);
    // The worker serves no traffic: interruption only delays queued work.
    expect(tactics(d, 'prod', 'worker')).toEqual(['savings-plan', 'spot']);
    expect(tactics(d, 'prod', 'batch')).toEqual([]);
    expect(tactics(d, 'prod', 'nat')).toEqual([]);
    expect(tactics(d, 'prod', 'db')).toEqual([]);
    expect(tactics(d, 'prod', 'bucket')).toEqual(['s3-intelligent-tiering', 's3-lifecycle']);
    expectSavingsReprice(d, 'prod');
    const plan = costSuggestions(d, 'prod').find((s) => s.tactic === 'savings-plan' && s.nodeId === 'api')!;
    expect(plan.properties).toBeUndefined();
    // 20% off the two always-on tasks' compute (logs are not covered).
    const compute = estimateCost(d, 'prod')
      .nodes.find((n) => n.nodeId === 'api')!
      .lines.filter((l) => l.label.startsWith('Fargate'));
    expect(plan.monthlySaving).toBeCloseTo(compute.reduce((s, l) => s + l.monthly, 0) * 0.2, 1);
  });

  it('does not suggest what is already done', () => {
    const d = design('Done')
      .vpc()
      .node('nat-gateway', { id: 'nat', properties: { mode: 'single' } })
      .node('ecs-fargate', { id: 'api', properties: { spot: true, scaling: 'scheduled', minCount: 0 } })
      .node('ec2-asg', { id: 'asg', properties: { useSpot: true } })
      .node('s3', { id: 'logs', properties: { transitionToIaDays: 30 } })
      .node('s3', { id: 'data', properties: { intelligentTiering: true } })
      .node('aurora', { id: 'db', properties: { minAcu: 0 } })
      .build();
    expect(costSuggestions(d, 'dev')).toEqual([]);
    // Spot tasks are not covered by Savings Plans.
    expect(tactics(d, 'prod', 'api')).toEqual([]);
  });

  it('drops tactics that would not save anything under the usage assumptions', () => {
    const d = design('Short-lived')
      .vpc()
      .node('s3', { id: 'tmp' })
      .node('aurora', { id: 'db' })
      .usage('tmp', { objectLifetimeDays: 20 })
      .build();
    // Objects gone before 30 days: neither tiering nor lifecycle moves any bytes.
    expect(tactics(d, 'dev', 'tmp')).toEqual([]);
    // Serverless v2 busy around the clock: a lower minimum never applies.
    expect(tactics(d, 'dev', 'db')).toEqual([]);
    d.usage.db = { activeHoursPerMonth: 160 };
    expect(tactics(d, 'dev', 'db')).toEqual(['aurora-serverless-min-capacity']);
    expectSavingsReprice(d, 'dev');
  });

  it('a second per-AZ NAT node in the same VPC keeps the gateways: no saving from changing one', () => {
    const d = design('Two NATs')
      .vpc()
      .node('nat-gateway', { id: 'a' })
      .node('nat-gateway', { id: 'b' })
      .build();
    expect(costSuggestions(d, 'dev').filter((s) => s.tactic === 'single-nat-gateway')).toEqual([]);
    const one = design('One NAT').vpc().node('nat-gateway', { id: 'a' }).build();
    expect(tactics(one, 'dev', 'a')).toEqual(['single-nat-gateway']);
  });

  it('sorts by saving, largest first', () => {
    const savings = costSuggestions(webApp(), 'dev').map((s) => s.monthlySaving);
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
    expect(savings.length).toBeGreaterThan(4);
  });
});

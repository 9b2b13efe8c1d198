import type { Finding, FixAction, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';

export const NET_06: Rule = {
  id: 'NET-06',
  title: 'Every VPC spans at least two availability zones in every environment',
  pillar: 'reliability',
  severity: 'high',
  equivalents: ['E3680'],
  check(ctx) {
    const findings: Finding[] = [];
    for (const vpc of ctx.design.vpcs) {
      const actions: FixAction[] = [];
      if (vpc.azCount < 2) actions.push({ kind: 'set-vpc', vpcId: vpc.id, key: 'azCount', value: 2 });
      const thinEnvs: string[] = [];
      for (const env of ctx.design.environments) {
        const override = env.overrides[vpc.id]?.azCount;
        if (typeof override === 'number' && override < 2) {
          actions.push({
            kind: 'set-env-override',
            env: env.name,
            targetId: vpc.id,
            key: 'azCount',
            value: 2,
          });
          if (ctx.environments.includes(env.name)) thinEnvs.push(env.name);
        }
      }
      if (vpc.azCount >= 2 && thinEnvs.length === 0) continue;
      findings.push(
        makeFinding(
          NET_06,
          { kind: 'vpc', id: vpc.id },
          vpc.azCount < 2
            ? `${vpc.name} spans only ${vpc.azCount} availability zone`
            : `${vpc.name} spans only one availability zone in ${thinEnvs.join(', ')}`,
          'Load balancers, DB subnet groups and ECS services need subnets in two AZs; one AZ failing would take the whole system down.',
          { title: 'Use two availability zones', actions },
        ),
      );
    }
    return findings;
  },
};

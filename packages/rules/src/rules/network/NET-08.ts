import type { Finding, FixAction, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';

export const NET_08: Rule = {
  id: 'NET-08',
  title: 'VPC flow logs are on in every environment',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['AwsSolutions-VPC7', 'CKV2_AWS_11', 'AVD-AWS-0178'],
  check(ctx) {
    const findings: Finding[] = [];
    const why =
      'Without flow logs there is no record of who talked to what, which an incident investigation needs first.';
    for (const vpc of ctx.design.vpcs) {
      const overridden = (env: string) =>
        ctx.design.environments.find((e) => e.name === env)?.overrides[vpc.id]?.flowLogs;
      const off = ctx.environments.filter((env) => (overridden(env) ?? vpc.flowLogs) === false);
      if (off.length === 0) continue;
      if (off.length === ctx.environments.length) {
        // Off everywhere: turn it on in the VPC and in every environment that switches it off.
        const actions: FixAction[] = [];
        if (vpc.flowLogs === false)
          actions.push({ kind: 'set-vpc', vpcId: vpc.id, key: 'flowLogs', value: true });
        for (const env of ctx.design.environments)
          if (env.overrides[vpc.id]?.flowLogs === false)
            actions.push({
              kind: 'set-env-override',
              env: env.name,
              targetId: vpc.id,
              key: 'flowLogs',
              value: true,
            });
        findings.push(
          makeFinding(NET_08, { kind: 'vpc', id: vpc.id }, `${vpc.name} has no flow logs`, why, {
            title: 'Turn on flow logs',
            actions,
          }),
        );
        continue;
      }
      for (const env of off)
        findings.push(
          makeFinding(
            NET_08,
            { kind: 'vpc', id: vpc.id },
            `${vpc.name} has no flow logs in ${env}`,
            why,
            {
              title: 'Turn on flow logs',
              actions: [{ kind: 'set-env-override', env, targetId: vpc.id, key: 'flowLogs', value: true }],
            },
            env,
          ),
        );
    }
    return findings;
  },
};

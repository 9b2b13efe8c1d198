import type { Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';

export const NET_08: Rule = {
  id: 'NET-08',
  title: 'VPC flow logs are on',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['AwsSolutions-VPC7', 'CKV2_AWS_11', 'AVD-AWS-0178'],
  check: (ctx) =>
    ctx.design.vpcs
      .filter((vpc) => vpc.flowLogs === false)
      .map((vpc) =>
        makeFinding(
          NET_08,
          { kind: 'vpc', id: vpc.id },
          `${vpc.name} has no flow logs`,
          'Without flow logs there is no record of who talked to what, which an incident investigation needs first.',
          {
            title: 'Turn on flow logs',
            actions: [{ kind: 'set-vpc', vpcId: vpc.id, key: 'flowLogs', value: true }],
          },
        ),
      ),
};

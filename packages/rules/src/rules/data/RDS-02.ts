import type { Rule } from '../../types.ts';
import { checkNodes, flag, num } from '../../rule-kit.ts';

export const RDS_02: Rule = {
  id: 'RDS-02',
  title: 'Production databases survive an AZ failure (Multi-AZ, or an Aurora reader)',
  pillar: 'reliability',
  severity: 'high',
  equivalents: ['AwsSolutions-RDS3', 'CKV_AWS_157'],
  check: (ctx) => [
    ...checkNodes(ctx, RDS_02, ['rds'], 'production', (node, props) =>
      flag(props, 'multiAz') === true
        ? undefined
        : {
            message: `${node.name} runs in a single AZ`,
            why: 'A single-AZ instance is down for the whole AZ outage or hardware failure; Multi-AZ fails over to a standby in about a minute.',
            fixTitle: 'Turn on Multi-AZ',
            set: { multiAz: true },
          },
    ),
    ...checkNodes(ctx, RDS_02, ['aurora'], 'production', (node, props) =>
      (num(props, 'readers') ?? 0) >= 1
        ? undefined
        : {
            message: `${node.name} has no reader to fail over to`,
            why: 'Without a reader in another AZ, Aurora must create a new writer after a failure, which takes minutes instead of seconds.',
            fixTitle: 'Add one reader',
            set: { readers: 1 },
          },
    ),
  ],
};

import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const KIN_01: Rule = {
  id: 'KIN-01',
  title: 'Data streams are encrypted',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['AwsSolutions-KDS1', 'CKV_AWS_43', 'AVD-AWS-0064'],
  check: (ctx) =>
    checkNodes(ctx, KIN_01, ['kinesis-stream'], 'all', (node, props) =>
      flag(props, 'encryption') === false
        ? {
            message: `${node.name} stores records unencrypted`,
            why: 'Records stay in the stream for the whole retention period; server-side encryption keeps them unreadable at rest.',
            fixTitle: 'Encrypt the stream',
            set: { encryption: true },
          }
        : undefined,
    ),
};

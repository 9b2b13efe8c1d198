import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const KMS_01: Rule = {
  id: 'KMS-01',
  title: 'Customer managed keys rotate automatically',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['AwsSolutions-KMS5', 'CKV_AWS_7', 'AWS-0065'],
  check: (ctx) =>
    checkNodes(ctx, KMS_01, ['kms-key'], 'all', (node, props) =>
      flag(props, 'enableKeyRotation') === false
        ? {
            message: `${node.name} never rotates its key material`,
            why: 'Without rotation one key material encrypts everything for as long as the key lives; yearly rotation limits how much data a leaked or broken key exposes, and old data stays readable.',
            fixTitle: 'Turn on automatic rotation',
            set: { enableKeyRotation: true },
          }
        : undefined,
    ),
};

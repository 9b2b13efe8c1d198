import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const SNS_01: Rule = {
  id: 'SNS-01',
  title: 'Topics are encrypted with KMS',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['CKV_AWS_26', 'AwsSolutions-SNS3'],
  check: (ctx) =>
    checkNodes(ctx, SNS_01, ['sns'], 'all', (node, props) =>
      flag(props, 'kmsEncryption') === false
        ? {
            message: `${node.name} stores messages unencrypted`,
            why: 'Messages rest on disk until delivered; KMS encryption keeps them (and who may read them) under a key policy.',
            fixTitle: 'Encrypt with KMS',
            set: { kmsEncryption: true },
          }
        : undefined,
    ),
};

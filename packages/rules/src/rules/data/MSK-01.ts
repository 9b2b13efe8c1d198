import type { Rule } from '../../types.ts';
import { checkNodes } from '../../rule-kit.ts';

export const MSK_01: Rule = {
  id: 'MSK-01',
  title: 'MSK clients connect over TLS only',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['AwsSolutions-MSK2', 'CKV_AWS_81', 'AVD-AWS-0073'],
  check: (ctx) =>
    checkNodes(ctx, MSK_01, ['msk-cluster'], 'all', (node, props) =>
      props.encryptionInTransit !== undefined && props.encryptionInTransit !== 'TLS'
        ? {
            message: `${node.name} accepts plaintext connections from clients`,
            why: 'Records and credentials sent in plaintext can be read by anything on the network path; TLS costs little CPU on current brokers.',
            fixTitle: 'Allow TLS only',
            set: { encryptionInTransit: 'TLS' },
          }
        : undefined,
    ),
};

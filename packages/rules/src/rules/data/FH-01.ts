import type { Rule } from '../../types.ts';
import { checkNodes, flag, incomingOf } from '../../rule-kit.ts';

export const FH_01: Rule = {
  id: 'FH-01',
  title: 'Direct-put Firehose streams encrypt records',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['AwsSolutions-KDF1', 'CKV_AWS_240'],
  check: (ctx) =>
    checkNodes(ctx, FH_01, ['firehose'], 'all', (node, props) =>
      // A stream source encrypts the records itself (KIN-01); Firehose then takes no SSE setting.
      flag(props, 'encryption') === false && incomingOf(ctx, node.id, ['event-source']).length === 0
        ? {
            message: `${node.name} holds records unencrypted while it buffers them`,
            why: 'Producers put records straight into the stream; server-side encryption keeps them unreadable at rest until they reach the bucket.',
            fixTitle: 'Encrypt the stream',
            set: { encryption: true },
          }
        : undefined,
    ),
};

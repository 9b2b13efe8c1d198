import type { Rule } from '../../types.ts';
import { checkNodes, derivedId, newNode } from '../../rule-kit.ts';

export const CT_03: Rule = {
  id: 'CT-03',
  title: 'CloudTrail encrypts its log files with a customer managed key',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['CKV_AWS_35', 'AWS-0015'],
  check: (ctx) =>
    checkNodes(ctx, CT_03, ['cloudtrail'], 'all', (node) => {
      const encrypted = (ctx.outgoing.get(node.id) ?? []).some(
        (c) => c.kind === 'encrypt-with' && ctx.nodesById.get(c.to)?.type === 'kms-key',
      );
      if (encrypted) return undefined;
      const key = ctx.nodesOfType('kms-key')[0];
      const problem = {
        message: `${node.name} encrypts its log files only with S3's own key`,
        why: 'Anyone who can read the bucket can read the account’s audit trail. With a customer managed key, reading it also takes kms:Decrypt on that key, which the key policy controls and CloudTrail records.',
      };
      // A key already drawn: connecting it is a person's choice (one key or one per purpose).
      if (key)
        return {
          ...problem,
          fixTitle: `Connect ${node.name} to ${key.name} ("encrypts with")`,
        };
      return {
        ...problem,
        fixTitle: 'Add a KMS key and encrypt the trail with it',
        actions: [
          {
            kind: 'add-node',
            node: newNode('kms-key', derivedId('key', node.id), `${node.name} key`),
            connectFrom: node.id,
            connectionKind: 'encrypt-with',
          },
        ],
      };
    }),
};

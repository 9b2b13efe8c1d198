import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const EFS_01: Rule = {
  id: 'EFS-01',
  title: 'EFS file systems are encrypted at rest',
  pillar: 'security',
  severity: 'high',
  equivalents: ['AwsSolutions-EFS1', 'CKV_AWS_42'],
  check: (ctx) =>
    checkNodes(ctx, EFS_01, ['efs'], 'all', (node, props) =>
      // A drawn key (encrypt-with) encrypts it whatever the switch says.
      flag(props, 'encrypted') === false &&
      !(ctx.outgoing.get(node.id) ?? []).some((c) => c.kind === 'encrypt-with')
        ? {
            message: `${node.name} stores files unencrypted`,
            why: 'Encryption at rest can only be chosen when a file system is created; turning it on later means copying every file to a new one.',
            fixTitle: 'Encrypt it at rest',
            set: { encrypted: true },
          }
        : undefined,
    ),
};

import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const NEP_01: Rule = {
  id: 'NEP-01',
  title: 'Graph databases are encrypted and use IAM authentication',
  pillar: 'security',
  severity: 'high',
  equivalents: ['AwsSolutions-N4', 'AwsSolutions-N5', 'CKV_AWS_44', 'CKV_AWS_359'],
  check: (ctx) =>
    checkNodes(ctx, NEP_01, ['neptune'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (flag(props, 'storageEncrypted') === false)
        problems.push({
          code: 'encryption',
          message: `${node.name} stores its data unencrypted`,
          why: 'Encryption can only be chosen at creation; unencrypted storage and snapshots expose the graph at rest.',
          fixTitle: 'Encrypt the storage',
          set: { storageEncrypted: true },
        });
      if (flag(props, 'iamAuth') === false)
        problems.push({
          code: 'iam',
          message: `${node.name} lets any client that reaches it query without IAM authentication`,
          why: 'Neptune has no passwords: without IAM authentication network access alone grants full access to the graph.',
          fixTitle: 'Turn on IAM authentication',
          set: { iamAuth: true },
        });
      return problems;
    }),
};

import type { Rule } from '../../types.ts';
import { SQL_DATABASE_TYPES, checkNodes, flag } from '../../rule-kit.ts';

export const RDS_05: Rule = {
  id: 'RDS-05',
  title: 'Databases accept IAM authentication',
  pillar: 'security',
  severity: 'low',
  equivalents: ['AwsSolutions-RDS6', 'CKV_AWS_161'],
  check: (ctx) =>
    checkNodes(ctx, RDS_05, SQL_DATABASE_TYPES, 'all', (node, props) =>
      flag(props, 'iamAuth') === false
        ? {
            message: `${node.name} does not accept IAM authentication`,
            why: 'IAM authentication gives short-lived tokens tied to a role instead of long-lived passwords that must be rotated and shared.',
            fixTitle: 'Turn on IAM authentication',
            set: { iamAuth: true },
          }
        : undefined,
    ),
};

import type { Rule } from '../../types.ts';
import { SQL_DATABASE_TYPES, backupPlanNote, checkNodes, flag, num } from '../../rule-kit.ts';

export const RDS_03: Rule = {
  id: 'RDS-03',
  title: 'Databases keep backups for more than a day and are protected from deletion in production',
  pillar: 'reliability',
  severity: 'high',
  equivalents: ['AwsSolutions-RDS10', 'CKV_AWS_133', 'CKV_AWS_293'],
  check: (ctx) => [
    ...checkNodes(ctx, RDS_03, SQL_DATABASE_TYPES, 'all', (node, props) => {
      const days = num(props, 'backupRetentionDays');
      return days !== undefined && days <= 1
        ? {
            code: 'backups',
            message: `${node.name} keeps backups for ${days === 0 ? 'no days (backups off)' : '1 day'}`,
            why: `Corruption or a bad migration is often noticed days later; with a day of backups there is nothing left to restore.${backupPlanNote(ctx, node.id)}`,
            fixTitle: 'Keep backups for 7 days',
            set: { backupRetentionDays: 7 },
          }
        : undefined;
    }),
    ...checkNodes(ctx, RDS_03, SQL_DATABASE_TYPES, 'production', (node, props) =>
      flag(props, 'deletionProtection') === false
        ? {
            code: 'deletion',
            message: `${node.name} can be deleted without turning off deletion protection`,
            why: 'A stack update or a stray command can delete a production database; deletion protection makes that a deliberate two-step act.',
            fixTitle: 'Turn on deletion protection',
            set: { deletionProtection: true },
          }
        : undefined,
    ),
  ],
};

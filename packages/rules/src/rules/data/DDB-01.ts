import type { Rule } from '../../types.ts';
import { backupPlanNote, checkNodes, flag } from '../../rule-kit.ts';

export const DDB_01: Rule = {
  id: 'DDB-01',
  title: 'Tables have point-in-time recovery',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: ['AwsSolutions-DDB3', 'CKV_AWS_28'],
  check: (ctx) =>
    checkNodes(ctx, DDB_01, ['dynamodb'], 'all', (node, props) =>
      flag(props, 'pointInTimeRecovery') === false
        ? {
            message: `${node.name} has no point-in-time recovery`,
            why: `A bad deploy or a mistaken delete cannot be undone without it; PITR restores the table to any second of the last 35 days.${backupPlanNote(ctx, node.id)}`,
            fixTitle: 'Enable point-in-time recovery',
            set: { pointInTimeRecovery: true },
          }
        : undefined,
    ),
};

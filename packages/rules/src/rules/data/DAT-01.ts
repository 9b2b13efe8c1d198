import type { Rule } from '../../types.ts';
import { checkNodes } from '../../rule-kit.ts';

/** The stateful services with an `onDelete` choice, and those that can keep a final snapshot. */
const STATEFUL = ['aurora', 'dynamodb', 'neptune', 'opensearch', 'rds', 's3', 'timestream'] as const;
const SNAPSHOTS: ReadonlySet<string> = new Set(['aurora', 'neptune', 'rds']);

export const DAT_01: Rule = {
  id: 'DAT-01',
  title: 'Databases, tables and buckets in production are kept when their stack deletes them',
  pillar: 'reliability',
  severity: 'high',
  // Deletion protection of RDS instances and clusters: the part of "kept" these tools check.
  equivalents: ['AwsSolutions-RDS10', 'CKV_AWS_139', 'CKV_AWS_293'],
  check: (ctx) =>
    checkNodes(ctx, DAT_01, STATEFUL, 'production', (node, props) => {
      if (props.onDelete !== 'delete') return undefined;
      const snapshot = SNAPSHOTS.has(node.type);
      return {
        message: `${node.name} is deleted with its data when the stack or configuration removes it`,
        why: 'A renamed resource, a refactor or a stray destroy deletes production data for good; a retain policy (Terraform prevent_destroy) and deletion protection turn that into a deliberate act, and a final snapshot keeps the data.',
        fixTitle: snapshot ? 'Keep a final snapshot when deleted' : 'Retain it when deleted',
        set: { onDelete: snapshot ? 'snapshot' : 'retain' },
      };
    }),
};

import type { Rule } from '../../types.ts';
import { SQL_DATABASE_TYPES, checkNodes, flag } from '../../rule-kit.ts';

export const RDS_01: Rule = {
  id: 'RDS-01',
  title: 'Database storage is encrypted',
  pillar: 'security',
  severity: 'high',
  equivalents: ['AwsSolutions-RDS2', 'CKV_AWS_16'],
  check: (ctx) =>
    checkNodes(ctx, RDS_01, SQL_DATABASE_TYPES, 'all', (node, props) =>
      flag(props, 'storageEncrypted') === false
        ? {
            message: `${node.name} stores its data unencrypted`,
            why: 'Encryption can only be chosen when the database is created; unencrypted storage, snapshots and replicas expose data at rest.',
            fixTitle: 'Encrypt the storage',
            set: { storageEncrypted: true },
          }
        : undefined,
    ),
};

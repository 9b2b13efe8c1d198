import type { Rule } from '../../types.ts';
import {
  COMPUTE_TYPES,
  SQL_DATABASE_TYPES,
  checkNodes,
  derivedId,
  flag,
  incomingOf,
  newNode,
  outgoingOf,
} from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const RDS_04: Rule = {
  id: 'RDS-04',
  title: 'Database clients get credentials from Secrets Manager or IAM authentication',
  pillar: 'security',
  severity: 'critical',
  equivalents: ['F23', 'W2501'],
  check: (ctx) =>
    checkNodes(ctx, RDS_04, SQL_DATABASE_TYPES, 'all', (db, props) => {
      if (flag(props, 'iamAuth') === true) return undefined;
      const problems: NodeProblem[] = [];
      for (const c of incomingOf(ctx, db.id, ['traffic'])) {
        const client = ctx.nodesById.get(c.from);
        if (!client || !COMPUTE_TYPES.includes(client.type)) continue;
        const readsSecret = outgoingOf(ctx, client.id, ['read']).some(
          (r) => ctx.nodesById.get(r.to)?.type === 'secret',
        );
        if (readsSecret) continue;
        const secret = newNode('secret', derivedId('secret', db.id), `${db.name} credentials`, null, {
          description: `Credentials ${client.name} uses for ${db.name}`,
        });
        problems.push({
          code: client.id,
          message: `${client.name} connects to ${db.name} with neither IAM authentication nor a secret`,
          why: 'Without IAM auth or a Secrets Manager secret, the password ends up in plaintext configuration or environment variables.',
          fixTitle: `Give ${client.name} a Secrets Manager secret`,
          actions: [{ kind: 'add-node', node: secret, connectFrom: client.id, connectionKind: 'read' }],
        });
      }
      return problems;
    }),
};

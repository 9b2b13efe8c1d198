import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';

export const KMS_02: Rule = {
  id: 'KMS-02',
  title: 'A resource is encrypted with one KMS key',
  pillar: 'security',
  severity: 'low',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    const byId = [...ctx.design.connections].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const keyed = new Set<string>();
    for (const c of byId) {
      if (c.kind !== 'encrypt-with' || ctx.nodesById.get(c.to)?.type !== 'kms-key') continue;
      if (!keyed.has(c.from)) {
        keyed.add(c.from);
        continue;
      }
      const from = ctx.nodesById.get(c.from);
      const to = ctx.nodesById.get(c.to);
      findings.push(
        makeFinding(
          KMS_02,
          connectionTarget(c),
          `${from?.name ?? c.from} is already encrypted with another key; this connection to ${to?.name ?? c.to} is ignored`,
          'Data at rest has one key: the lowering uses the first encrypt-with connection (by id) and creates nothing for the others.',
          { title: 'Remove the connection', actions: [{ kind: 'remove-connection', connectionId: c.id }] },
        ),
      );
    }
    return findings;
  },
};

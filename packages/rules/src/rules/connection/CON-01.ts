import { allowedConnectionKinds, findAcceptedConnection, getService } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';

export const CON_01: Rule = {
  id: 'CON-01',
  title: 'Connections join existing nodes with a kind the catalog allows',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    const remove = (id: string) => ({
      title: 'Remove the connection',
      actions: [{ kind: 'remove-connection' as const, connectionId: id }],
    });
    for (const c of ctx.design.connections) {
      const from = ctx.nodesById.get(c.from);
      const to = ctx.nodesById.get(c.to);
      if (!from || !to) {
        findings.push(
          makeFinding(
            CON_01,
            connectionTarget(c),
            `Connection ${c.id} points at a node that is not in the design ("${!from ? c.from : c.to}")`,
            'A connection to a missing node cannot become a security group rule or a grant.',
            remove(c.id),
          ),
        );
        continue;
      }
      // Internet traffic is SG-01's concern: it explains what may face the internet.
      if (from.type === 'users' && c.kind === 'traffic') continue;
      if (findAcceptedConnection(from.type, to.type, c.kind)) continue;
      const allowed = allowedConnectionKinds(from.type, to.type);
      const toName = getService(to.type)?.displayName ?? to.type;
      findings.push(
        makeFinding(
          CON_01,
          connectionTarget(c),
          `${from.name} cannot have a "${c.kind}" connection to ${to.name} (${toName})` +
            (allowed.length > 0 ? `; allowed: ${allowed.join(', ')}` : ''),
          'Every connection becomes infrastructure (an ingress rule, a grant, a subscription); this pair has no meaning the generators can build.',
          remove(c.id),
        ),
      );
    }
    return findings;
  },
};

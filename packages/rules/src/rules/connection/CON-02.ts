import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';
import { listenerPorts } from './listener-ports.ts';

export const CON_02: Rule = {
  id: 'CON-02',
  title: "Traffic connections use the target's listener port",
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.design.connections) {
      if (c.kind !== 'traffic' || c.port === undefined) continue;
      const from = ctx.nodesById.get(c.from);
      const to = ctx.nodesById.get(c.to);
      // Internet traffic ports are SG-01's concern.
      if (!from || !to || from.type === 'users') continue;
      const ports = listenerPorts(to, ctx.props(to));
      if (ports.length === 0 || ports.includes(c.port)) continue;
      findings.push(
        makeFinding(
          CON_02,
          connectionTarget(c),
          `${from.name} sends traffic to ${to.name} on port ${c.port}, but ${to.name} listens on ${ports.join(' or ')}`,
          'The security group rule opens the connection port; traffic to the real listener port would be dropped.',
          {
            title: `Use port ${ports[0]}`,
            actions: [{ kind: 'set-connection', connectionId: c.id, port: ports[0]! }],
          },
        ),
      );
    }
    return findings;
  },
};

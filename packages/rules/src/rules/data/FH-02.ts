import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';

/**
 * A Firehose stream has one source and one destination: the lowering uses the first (by id)
 * kinesis-stream event source and the first bucket it writes to, and ignores the others.
 */
export const FH_02: Rule = {
  id: 'FH-02',
  title: 'A Firehose stream reads one stream and delivers to one bucket',
  pillar: 'reliability',
  severity: 'low',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    const byId = [...ctx.design.connections].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const seen = new Set<string>();
    for (const c of byId) {
      const from = ctx.nodesById.get(c.from);
      const to = ctx.nodesById.get(c.to);
      if (!from || !to) continue;
      const source = c.kind === 'event-source' && to.type === 'firehose' && from.type === 'kinesis-stream';
      const destination = c.kind === 'write' && from.type === 'firehose' && to.type === 's3';
      if (!source && !destination) continue;
      const key = `${source ? 'source' : 'destination'} ${source ? to.id : from.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      const stream = source ? to : from;
      findings.push(
        makeFinding(
          FH_02,
          connectionTarget(c),
          source
            ? `${stream.name} already reads another stream; this connection from ${from.name} is ignored`
            : `${stream.name} already delivers to another bucket; this connection to ${to.name} is ignored`,
          'A Firehose stream has exactly one source and one destination: the generated code uses the first connection (by id) and creates nothing for this one.',
          { title: 'Remove the connection', actions: [{ kind: 'remove-connection', connectionId: c.id }] },
        ),
      );
    }
    return findings;
  },
};

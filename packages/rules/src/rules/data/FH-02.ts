import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';

type Role = 'source' | 'bucket' | 'domain';

/**
 * A Firehose stream has one source and one destination: the lowering uses the first (by id)
 * kinesis-stream event source, the first bucket and the first OpenSearch domain it writes to,
 * and ignores the others. A bucket beside a domain is no second destination: it keeps the
 * documents the domain refuses.
 */
export const FH_02: Rule = {
  id: 'FH-02',
  title: 'A Firehose stream reads one stream and delivers to one bucket or domain',
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
      const role: Role | undefined =
        c.kind === 'event-source' && to.type === 'firehose' && from.type === 'kinesis-stream'
          ? 'source'
          : c.kind === 'write' && from.type === 'firehose' && to.type === 's3'
            ? 'bucket'
            : c.kind === 'write' && from.type === 'firehose' && to.type === 'opensearch'
              ? 'domain'
              : undefined;
      if (!role) continue;
      const stream = role === 'source' ? to : from;
      const key = `${role} ${stream.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      const message =
        role === 'source'
          ? `${stream.name} already reads another stream; this connection from ${from.name} is ignored`
          : role === 'bucket'
            ? `${stream.name} already delivers to another bucket; this connection to ${to.name} is ignored`
            : `${stream.name} already delivers to another OpenSearch domain; this connection to ${to.name} is ignored`;
      findings.push(
        makeFinding(
          FH_02,
          connectionTarget(c),
          message,
          'A Firehose stream has exactly one source and one destination (an OpenSearch domain, with a bucket for the documents it refuses): the generated code uses the first connection (by id) and creates nothing for this one.',
          { title: 'Remove the connection', actions: [{ kind: 'remove-connection', connectionId: c.id }] },
        ),
      );
    }
    return findings;
  },
};

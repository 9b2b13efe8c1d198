import type { Rule } from '../../types.ts';
import {
  SQL_DATABASE_TYPES,
  checkNodes,
  derivedId,
  incomingOf,
  newNode,
  outgoingOf,
} from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

/** Front doors whose requests make a path read-heavy. */
const FRONT_DOORS = new Set(['api-gateway', 'alb', 'cloudfront']);

export const PERF_01: Rule = {
  id: 'PERF-01',
  title: 'Request paths that read a database have a cache',
  pillar: 'performance',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, PERF_01, ['lambda', 'ecs-fargate', 'ec2-asg', 'eks'], 'all', (node) => {
      const servesRequests = incomingOf(ctx, node.id, ['invoke', 'traffic']).some((c) =>
        FRONT_DOORS.has(ctx.nodesById.get(c.from)?.type ?? ''),
      );
      if (!servesRequests) return undefined;
      const targets = outgoingOf(ctx, node.id, ['traffic']).map((c) => ctx.nodesById.get(c.to));
      if (targets.some((t) => t?.type === 'elasticache')) return undefined;
      const db = targets.find((t) => t && SQL_DATABASE_TYPES.includes(t.type));
      if (!db) return undefined;
      const problem: NodeProblem = {
        message: `${node.name} answers requests from ${db.name} with no cache in front`,
        why: 'Repeated reads of the same rows cost database capacity and latency; a Redis cache serves them in about a millisecond.',
        fixTitle: 'Add an ElastiCache cache',
      };
      if (db.placement)
        problem.actions = [
          {
            kind: 'add-node',
            node: newNode('elasticache', derivedId('cache', db.id), `${db.name} cache`, {
              vpcId: db.placement.vpcId,
              tier: 'isolated',
            }),
            connectFrom: node.id,
            connectionKind: 'traffic',
          },
        ];
      return problem;
    }),
};

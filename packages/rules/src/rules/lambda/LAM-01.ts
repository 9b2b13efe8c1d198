import type { Rule } from '../../types.ts';
import { SQL_DATABASE_TYPES, checkNodes, incomingOf, num, outgoingOf } from '../../rule-kit.ts';

const QUEUE_SOURCES = new Set(['sqs', 'kinesis-stream', 'dynamodb']);

export const LAM_01: Rule = {
  id: 'LAM-01',
  title: 'Queue consumers and database callers have reserved concurrency',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: ['CKV_AWS_115', 'W92'],
  check: (ctx) =>
    checkNodes(ctx, LAM_01, ['lambda'], 'all', (node, props) => {
      if ((num(props, 'reservedConcurrency') ?? -1) >= 0) return undefined;
      const callsDatabase = outgoingOf(ctx, node.id, ['traffic']).some((c) =>
        SQL_DATABASE_TYPES.includes(ctx.nodesById.get(c.to)?.type ?? ''),
      );
      const consumesQueue = incomingOf(ctx, node.id, ['event-source']).some((c) =>
        QUEUE_SOURCES.has(ctx.nodesById.get(c.from)?.type ?? ''),
      );
      if (!callsDatabase && !consumesQueue) return undefined;
      return {
        message: `${node.name} ${callsDatabase ? 'calls a database' : 'consumes a queue or stream'} without reserved concurrency`,
        why: callsDatabase
          ? 'A burst of invocations opens one database connection each and can exhaust the connection limit; reserved concurrency caps it.'
          : 'A backlog scales the consumer up to the account limit, starving every other function; reserved concurrency caps it.',
        fixTitle: 'Reserve 10 concurrent executions',
        set: { reservedConcurrency: 10 },
      };
    }),
};

import type { Rule } from '../../types.ts';
import { checkNodes, incomingOf, num } from '../../rule-kit.ts';

const MIN_API_MEMORY_MB = 128;

export const PERF_02: Rule = {
  id: 'PERF-02',
  title: 'Functions on request paths have more than 128 MB',
  pillar: 'performance',
  severity: 'medium',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, PERF_02, ['lambda'], 'all', (node, props) => {
      const memory = num(props, 'memorySize');
      if (memory === undefined || memory > MIN_API_MEMORY_MB) return undefined;
      const api = incomingOf(ctx, node.id, ['invoke'])
        .map((c) => ctx.nodesById.get(c.from))
        .find((n) => n?.type === 'api-gateway' || n?.type === 'alb');
      if (!api) return undefined;
      return {
        message: `${node.name} answers ${api.name} with only ${memory} MB`,
        why: 'Lambda gives CPU in proportion to memory; at 128 MB cold starts and responses are slow, and the faster run often costs no more.',
        fixTitle: 'Use 512 MB',
        set: { memorySize: 512 },
      };
    }),
};

import type { Rule } from '../../types.ts';
import { checkNodes, incomingOf, num } from '../../rule-kit.ts';

const API_GATEWAY_TIMEOUT_SECONDS = 29;

export const APIG_03: Rule = {
  id: 'APIG-03',
  title: 'Functions behind API Gateway time out within its 29-second limit',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, APIG_03, ['lambda'], 'all', (node, props) => {
      const api = incomingOf(ctx, node.id, ['invoke'])
        .map((c) => ctx.nodesById.get(c.from))
        .find((n) => n?.type === 'api-gateway');
      const timeout = num(props, 'timeoutSeconds');
      if (!api || timeout === undefined || timeout <= API_GATEWAY_TIMEOUT_SECONDS) return undefined;
      return {
        message: `${node.name} may run ${timeout} s, but ${api.name} gives up after ${API_GATEWAY_TIMEOUT_SECONDS} s`,
        why: 'The caller gets a 504 while the function keeps running and billing; long work belongs behind a queue or a state machine.',
        fixTitle: `Time out after ${API_GATEWAY_TIMEOUT_SECONDS} s`,
        set: { timeoutSeconds: API_GATEWAY_TIMEOUT_SECONDS },
      };
    }),
};

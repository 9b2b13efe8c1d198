import type { Rule } from '../../types.ts';
import { acrossEnvironments, incomingOf, num } from '../../rule-kit.ts';
import type { Problem } from '../../rule-kit.ts';

const MAX_VISIBILITY_SECONDS = 43200;

export const SQS_04: Rule = {
  id: 'SQS-04',
  title: "A queue's visibility timeout is at least six times its consumer's timeout",
  pillar: 'reliability',
  severity: 'high',
  equivalents: ['E3505'],
  check(ctx) {
    const pairs = ctx.nodesOfType('lambda').flatMap((fn) =>
      incomingOf(ctx, fn.id, ['event-source'])
        .map((c) => ctx.nodesById.get(c.from))
        .filter((q) => q?.type === 'sqs')
        .map((queue) => ({ queue: queue!, fn })),
    );
    if (pairs.length === 0) return [];
    return acrossEnvironments(ctx, SQS_04, 'all', (env) =>
      pairs.flatMap(({ queue, fn }): Problem[] => {
        const visibility = num(ctx.props(queue, env), 'visibilityTimeoutSeconds') ?? 30;
        const timeout = num(ctx.props(fn, env), 'timeoutSeconds') ?? 3;
        if (visibility >= 6 * timeout) return [];
        const needed = Math.min(MAX_VISIBILITY_SECONDS, 6 * timeout);
        return [
          {
            target: { kind: 'node', id: queue.id },
            code: fn.id,
            message: `${queue.name} hides a message for ${visibility} s, less than 6 x the ${timeout} s timeout of ${fn.name}`,
            why: 'If a message reappears while the function still works on it, it is processed twice; AWS recommends six times the function timeout.',
            fixTitle: `Set the visibility timeout to ${needed} s`,
            set: { visibilityTimeoutSeconds: needed },
          },
        ];
      }),
    );
  },
};

import type { Rule } from '../../types.ts';
import { acrossEnvironments, num } from '../../rule-kit.ts';
import type { Problem } from '../../rule-kit.ts';
import { deadLetterRedrive } from '@archgen/model';

const DEFAULT_RETENTION_SECONDS = 345600;
const MAX_RETENTION_SECONDS = 1209600;

function days(seconds: number): string {
  const d = seconds / 86400;
  return Number.isInteger(d) ? `${d} days` : `${seconds} s`;
}

export const SQS_05: Rule = {
  id: 'SQS-05',
  title: 'A dead-letter queue keeps messages longer than the queue that feeds it',
  pillar: 'reliability',
  severity: 'medium',
  // No linter sees both queues' retention; AWS's redrive guidance is the reference.
  equivalents: [],
  check(ctx) {
    const pairs = [...deadLetterRedrive(ctx.design).redrive].flatMap(([from, to]) => {
      const source = ctx.nodesById.get(from);
      const dlq = ctx.nodesById.get(to);
      return source && dlq ? [{ source, dlq }] : [];
    });
    if (pairs.length === 0) return [];
    return acrossEnvironments(ctx, SQS_05, 'all', (env) =>
      pairs.flatMap(({ source, dlq }): Problem[] => {
        const sourceRetention = num(ctx.props(source, env), 'retentionSeconds') ?? DEFAULT_RETENTION_SECONDS;
        const dlqRetention = num(ctx.props(dlq, env), 'retentionSeconds') ?? DEFAULT_RETENTION_SECONDS;
        if (dlqRetention > sourceRetention) return [];
        const fixable = sourceRetention < MAX_RETENTION_SECONDS;
        return [
          {
            target: { kind: 'node', id: dlq.id },
            code: source.id,
            message: `${dlq.name} keeps messages ${days(dlqRetention)}, not longer than the ${days(sourceRetention)} of ${source.name} it is the dead-letter queue of`,
            why: 'A message keeps its original enqueue time when it moves to the dead-letter queue, so it expires there when the source retention runs out and may be gone before anyone looks at it.',
            fixTitle: fixable
              ? `Keep messages in ${dlq.name} for 14 days`
              : `Shorten the retention of ${source.name}`,
            ...(fixable ? { set: { retentionSeconds: MAX_RETENTION_SECONDS } } : {}),
          },
        ];
      }),
    );
  },
};

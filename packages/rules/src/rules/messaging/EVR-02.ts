import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';
import { scheduleProblems } from '@archgen/model';

/** rate(1 minutes) -> rate(1 minute), rate(5 minute) -> rate(5 minutes). */
function repairRate(schedule: string): string | undefined {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(schedule.trim());
  if (!match || Number(match[1]) < 1) return undefined;
  const value = Number(match[1]);
  return `rate(${value} ${match[2]}${value === 1 ? '' : 's'})`;
}

export const EVR_02: Rule = {
  id: 'EVR-02',
  title: 'Schedule expressions are ones EventBridge accepts',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  breaksGeneratedCode: {
    reason: 'EventBridge refuses the rule (PutRule) when its schedule expression is invalid',
  },
  check: (ctx) =>
    checkNodes(ctx, EVR_02, ['eventbridge-rule'], 'all', (node, props) => {
      const schedule = text(props, 'schedule') ?? '';
      const problems = scheduleProblems(schedule);
      if (problems.length === 0) return undefined;
      const repaired = repairRate(schedule);
      return {
        message: `${node.name}'s schedule "${schedule.trim()}" is not valid: ${problems.join('; ')}`,
        why: 'EventBridge refuses the rule at deploy time, so the scheduled job never runs.',
        ...(repaired && repaired !== schedule.trim()
          ? { fixTitle: `Write it as ${repaired}`, set: { schedule: repaired } }
          : { fixTitle: 'Correct the schedule, e.g. rate(5 minutes) or cron(0 12 * * ? *)' }),
      };
    }),
};

import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';
import { EVENT_ENVELOPE_FIELDS, eventPatternProblems } from '@archgen/model';

/** `{"source": "x"}` -> `{"source": ["x"]}`, the one mistake with an obvious repair. */
function wrapEnvelopeStrings(pattern: string): string | undefined {
  try {
    const parsed = JSON.parse(pattern) as Record<string, unknown>;
    let changed = false;
    for (const field of EVENT_ENVELOPE_FIELDS)
      if (typeof parsed[field] === 'string') {
        parsed[field] = [parsed[field]];
        changed = true;
      }
    return changed && eventPatternProblems(JSON.stringify(parsed)).length === 0
      ? JSON.stringify(parsed)
      : undefined;
  } catch {
    return undefined;
  }
}

export const EVR_01: Rule = {
  id: 'EVR-01',
  title: 'Event patterns are ones EventBridge accepts',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  breaksGeneratedCode: { reason: 'EventBridge refuses the rule (PutRule) when its event pattern is invalid' },
  check: (ctx) =>
    checkNodes(ctx, EVR_01, ['eventbridge-rule'], 'all', (node, props) => {
      const pattern = (text(props, 'eventPattern') ?? '').trim();
      if (pattern === '') return undefined;
      const problems = eventPatternProblems(pattern);
      if (problems.length === 0) return undefined;
      const first = problems[0]!;
      const repaired = wrapEnvelopeStrings(pattern);
      return {
        message: `${node.name}'s event pattern is not valid: ${first.path} ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
        why: 'EventBridge refuses the rule at deploy time, and no event reaches its targets until the pattern is fixed.',
        ...(repaired
          ? { fixTitle: 'Put the values in lists', set: { eventPattern: repaired } }
          : { fixTitle: `Correct the event pattern at ${first.path}` }),
      };
    }),
};

import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, flag, makeFinding } from '../../rule-kit.ts';

/** Connections that make an alarm notify a topic: an alarm node's action, a dead-letter alarm's. */
const ALARM_ACTIONS = new Set(['publish', 'notify']);

export const CW_02: Rule = {
  id: 'CW-02',
  title: 'Alarms notify a standard SNS topic',
  pillar: 'operational-excellence',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.design.connections) {
      if (!ALARM_ACTIONS.has(c.kind)) continue;
      const from = ctx.nodesById.get(c.from);
      const topic = ctx.nodesById.get(c.to);
      if (!from || topic?.type !== 'sns') continue;
      if (c.kind === 'publish' && from.type !== 'cloudwatch-alarm') continue;
      if (flag(ctx.props(topic), 'fifo') !== true) continue;
      findings.push(
        makeFinding(
          CW_02,
          connectionTarget(c),
          c.kind === 'publish'
            ? `${from.name} notifies ${topic.name}, a FIFO topic`
            : `${from.name} sends its dead-letter queue alarms to ${topic.name}, a FIFO topic`,
          'CloudWatch alarm actions cannot publish to an SNS FIFO topic: the alarm fires and nobody hears of it.',
          {
            title: `Make ${topic.name} a standard topic`,
            actions: [{ kind: 'set-property', nodeId: topic.id, key: 'fifo', value: false }],
          },
        ),
      );
    }
    return findings;
  },
};

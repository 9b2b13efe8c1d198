import type { Rule } from '../../types.ts';
import { checkNodes, derivedId, newNode, outgoingOf } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const CW_01: Rule = {
  id: 'CW-01',
  title: 'Alarms notify someone and watch a resource',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['CKV_AWS_319', 'CKV_AWS_66'],
  check: (ctx) =>
    checkNodes(ctx, CW_01, ['cloudwatch-alarm'], 'all', (node) => {
      const problems: NodeProblem[] = [];
      const notifies = outgoingOf(ctx, node.id, ['publish']).some(
        (c) => ctx.nodesById.get(c.to)?.type === 'sns',
      );
      if (!notifies)
        problems.push({
          code: 'action',
          message: `${node.name} notifies nobody when it fires`,
          why: 'An alarm without an action changes colour on a dashboard nobody watches; an SNS topic reaches the on-call person.',
          fixTitle: 'Notify an SNS topic',
          actions: [
            {
              kind: 'add-node',
              node: newNode('sns', derivedId('alerts', node.id), `${node.name} alerts`),
              connectFrom: node.id,
              connectionKind: 'publish',
            },
          ],
        });
      if (outgoingOf(ctx, node.id, ['read']).length === 0)
        problems.push({
          code: 'watch',
          message: `${node.name} watches no resource`,
          why: 'An alarm is built from the metric of the resource it watches; connect it to that resource.',
          fixTitle: 'Connect the alarm to the resource it watches',
        });
      return problems;
    }),
};

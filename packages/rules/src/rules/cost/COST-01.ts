import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const COST_01: Rule = {
  id: 'COST-01',
  title: 'Non-production Fargate services use Fargate Spot',
  pillar: 'cost',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, COST_01, ['ecs-fargate'], 'non-production', (node, props) =>
      flag(props, 'spot') === true
        ? undefined
        : {
            message: `${node.name} runs on regular Fargate`,
            why: 'Fargate Spot costs up to 70% less; an occasional interruption is fine outside production.',
            fixTitle: 'Use Fargate Spot',
            set: { spot: true },
          },
    ),
};

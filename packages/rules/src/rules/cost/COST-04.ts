import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

const SPOT_KEY: Record<string, string> = { 'ec2-asg': 'useSpot', eks: 'spot' };

export const COST_04: Rule = {
  id: 'COST-04',
  title: 'Non-production EC2 capacity uses Spot instances',
  pillar: 'cost',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, COST_04, Object.keys(SPOT_KEY), 'non-production', (node, props) => {
      const key = SPOT_KEY[node.type]!;
      return flag(props, key) === true
        ? undefined
        : {
            message: `${node.name} runs on On-Demand instances`,
            why: 'Spot instances cost up to 90% less; stateless capacity outside production tolerates the occasional interruption.',
            fixTitle: 'Use Spot instances',
            set: { [key]: true },
          };
    }),
};

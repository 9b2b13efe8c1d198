import type { Rule } from '../../types.ts';
import { checkNodes, num, text } from '../../rule-kit.ts';

const NON_PRODUCTION_MAX_MIN_ACU = 1;

export const COST_02: Rule = {
  id: 'COST-02',
  title: 'Non-production Aurora Serverless scales down to a small minimum',
  pillar: 'cost',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, COST_02, ['aurora'], 'non-production', (node, props) => {
      const minAcu = num(props, 'minAcu');
      if (
        text(props, 'capacity') !== 'serverless-v2' ||
        minAcu === undefined ||
        minAcu <= NON_PRODUCTION_MAX_MIN_ACU
      )
        return undefined;
      return {
        message: `${node.name} never scales below ${minAcu} ACU`,
        why: 'The minimum capacity is billed every hour even when idle; a non-production cluster can idle at 0.5 ACU.',
        fixTitle: 'Scale down to 0.5 ACU',
        set: { minAcu: 0.5 },
      };
    }),
};

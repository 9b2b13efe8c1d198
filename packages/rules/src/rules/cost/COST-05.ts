import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const COST_05: Rule = {
  id: 'COST-05',
  title: 'Non-production databases run single-AZ',
  pillar: 'cost',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, COST_05, ['rds'], 'non-production', (node, props) =>
      flag(props, 'multiAz') === true
        ? {
            message: `${node.name} pays for a Multi-AZ standby`,
            why: 'The standby doubles the instance cost; outside production a short outage is usually acceptable.',
            fixTitle: 'Run single-AZ',
            set: { multiAz: false },
          }
        : undefined,
    ),
};

import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';

export const COST_03: Rule = {
  id: 'COST-03',
  title: 'Non-production VPCs share one NAT gateway',
  pillar: 'cost',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, COST_03, ['nat-gateway'], 'non-production', (node, props) =>
      text(props, 'mode') === 'per-az'
        ? {
            message: `${node.name} deploys a NAT gateway in every AZ`,
            why: 'Each NAT gateway is billed by the hour; outside production one shared gateway is enough.',
            fixTitle: 'Share one NAT gateway',
            set: { mode: 'single' },
          }
        : undefined,
    ),
};

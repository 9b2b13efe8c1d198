import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const R53_03: Rule = {
  id: 'R53-03',
  title: 'A private hosted zone has a VPC to answer in',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check: (ctx) =>
    ctx.design.vpcs.length > 0
      ? []
      : checkNodes(ctx, R53_03, ['route53-zone'], 'all', (node, props) =>
          flag(props, 'private') === true
            ? {
                message: `${node.name} is private but the design has no VPC: it is created as a public zone`,
                why: 'A private zone answers only inside the VPCs it is associated with; with none, the lowering makes it public so it can exist at all.',
                fixTitle: 'Make the zone public',
                set: { private: false },
              }
            : undefined,
        ),
};

import type { Rule } from '../../types.ts';
import { checkNodes, moveToTier, tierLabel, text } from '../../rule-kit.ts';

export const NET_01: Rule = {
  id: 'NET-01',
  title: 'Internet-facing ALBs in public subnets, internal ALBs in private subnets',
  pillar: 'security',
  severity: 'high',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, NET_01, ['alb'], 'all', (node, props) => {
      if (!node.placement) return undefined;
      const internetFacing = text(props, 'scheme') !== 'internal';
      const expected = internetFacing ? 'public' : 'private';
      if (node.placement.tier === expected) return undefined;
      const move = moveToTier(ctx, node, expected);
      return {
        message: `${node.name} is ${internetFacing ? 'internet-facing' : 'internal'} but sits in the ${tierLabel(node.placement.tier)}`,
        why: internetFacing
          ? 'An internet-facing load balancer needs a route to the internet gateway, which only public subnets have.'
          : 'An internal load balancer in a public subnet sits next to the internet gateway for no reason; keep it private.',
        fixTitle: `Move to ${tierLabel(expected)}`,
        actions: move ? [move] : [],
      };
    }),
};

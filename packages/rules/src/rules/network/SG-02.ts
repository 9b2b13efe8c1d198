import type { Rule } from '../../types.ts';
import { COMPUTE_TYPES, connectionTarget, makeFinding, text } from '../../rule-kit.ts';

export const SG_02: Rule = {
  id: 'SG-02',
  title: 'Compute egress stays inside the VPC: internal calls go to internal load balancers',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['CKV_AWS_382', 'CKV2_AWS_12', 'AVD-AWS-0104'],
  check: (ctx) =>
    ctx.design.connections
      .filter((c) => {
        const from = ctx.nodesById.get(c.from);
        const to = ctx.nodesById.get(c.to);
        return (
          c.kind === 'traffic' &&
          from !== undefined &&
          to?.type === 'alb' &&
          COMPUTE_TYPES.includes(from.type) &&
          text(ctx.props(to), 'scheme') !== 'internal'
        );
      })
      .map((c) => {
        const from = ctx.nodesById.get(c.from)!;
        const to = ctx.nodesById.get(c.to)!;
        return makeFinding(
          SG_02,
          connectionTarget(c),
          `${from.name} calls ${to.name}, an internet-facing load balancer`,
          `The call leaves through the NAT gateway and comes back from the internet, so ${from.name}'s security group must allow egress to anywhere instead of to one security group.`,
          { title: 'Call an internal load balancer instead', actions: [] },
        );
      }),
};

import type { Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';

export const NET_05: Rule = {
  id: 'NET-05',
  title: 'Public subnets exist only when something needs the internet gateway',
  pillar: 'security',
  severity: 'high',
  equivalents: ['CKV_AWS_130', 'W33', 'AVD-AWS-0164'],
  check: (ctx) =>
    ctx.design.vpcs
      .filter((vpc) => {
        const nodes = ctx.nodesInVpc(vpc.id);
        // An empty VPC is still being drawn.
        return (
          vpc.tiers.includes('public') &&
          nodes.length > 0 &&
          !nodes.some((n) => n.placement?.tier === 'public')
        );
      })
      .map((vpc) =>
        makeFinding(
          NET_05,
          { kind: 'vpc', id: vpc.id },
          `${vpc.name} has public subnets with a route to the internet gateway, but nothing is placed in them`,
          'Unused public subnets are attack surface: anything launched there later is one setting away from a public IP.',
          { title: `Remove the public tier from ${vpc.name}`, actions: [] },
        ),
      ),
};

import type { Finding, Rule } from '../../types.ts';
import { acrossEnvironments, derivedId, makeFinding, newNode, text } from '../../rule-kit.ts';

export const NET_03: Rule = {
  id: 'NET-03',
  title: 'Private subnets reach the internet through NAT gateways, one per AZ in production',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: ['CKV2_AWS_35'],
  check(ctx) {
    const findings: Finding[] = [];
    for (const vpc of ctx.design.vpcs) {
      const nodes = ctx.nodesInVpc(vpc.id);
      const privateNodes = nodes.filter((n) => n.placement?.tier === 'private');
      if (privateNodes.length === 0) continue;
      if (nodes.some((n) => n.type === 'nat-gateway' && n.placement?.tier === 'public')) continue;
      // VPC endpoints instead of NAT: the workloads reach AWS services privately by design (the
      // NAT-cost finding COST-06 suggests exactly this); nothing on the internet is reachable.
      if (privateNodes.some((n) => n.type === 'vpc-endpoint')) continue;
      const nat = newNode('nat-gateway', derivedId('nat', vpc.id), `${vpc.name} NAT`, {
        vpcId: vpc.id,
        tier: 'public',
      });
      findings.push(
        makeFinding(
          NET_03,
          { kind: 'vpc', id: vpc.id },
          `${vpc.name} has workloads in its private subnets (${privateNodes[0]!.name}${privateNodes.length > 1 ? ', ...' : ''}) but no NAT gateway`,
          'Private subnets route to the internet only through a NAT gateway in a public subnet; without one, image pulls and AWS API calls fail.',
          vpc.tiers.includes('public')
            ? { title: 'Add a NAT gateway', actions: [{ kind: 'add-node', node: nat }] }
            : { title: `Add a public tier with a NAT gateway to ${vpc.name}`, actions: [] },
        ),
      );
    }
    const nats = ctx.nodesOfType('nat-gateway');
    findings.push(
      ...acrossEnvironments(ctx, NET_03, 'production', (env) =>
        nats
          .filter((nat) => text(ctx.props(nat, env), 'mode') === 'single')
          .map((nat) => ({
            target: { kind: 'node' as const, id: nat.id },
            message: `${nat.name} is one shared NAT gateway for every AZ`,
            why: 'When the AZ holding the only NAT gateway fails, private subnets in the other AZs lose their route out too.',
            fixTitle: 'Use one NAT gateway per AZ',
            set: { mode: 'per-az' },
          })),
      ),
    );
    return findings;
  },
};

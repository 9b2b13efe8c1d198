import type { Finding, Rule } from '../../types.ts';
import { COMPUTE_TYPES, makeFinding, newNode, nodeTarget } from '../../rule-kit.ts';

/** The data stores a free gateway endpoint serves, and the connection kinds that move their data. */
const GATEWAY_SERVICES: Readonly<Record<string, string>> = { s3: 'S3', dynamodb: 'DynamoDB' };
const DATA_KINDS = new Set(['read', 'write', 'read-write']);

export const COST_06: Rule = {
  id: 'COST-06',
  title: 'Private compute reaches S3 and DynamoDB through a gateway endpoint, not the NAT gateway',
  pillar: 'cost',
  severity: 'low',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const nat of ctx.nodesOfType('nat-gateway')) {
      const vpcId = nat.placement?.vpcId;
      if (!vpcId) continue;
      const inVpc = ctx.nodesInVpc(vpcId);
      const endpoints = new Set(
        inVpc
          .filter((n) => n.type === 'vpc-endpoint' && n.placement?.tier === 'private')
          .filter((n) => ctx.props(n).endpointType !== 'interface')
          .map((n) => String(ctx.props(n).service)),
      );
      // Compute in the private tier (egress through this NAT) moving data to or from each store.
      const needed = new Set<string>();
      for (const node of inVpc) {
        if (node.placement?.tier !== 'private' || !COMPUTE_TYPES.includes(node.type)) continue;
        for (const c of ctx.outgoing.get(node.id) ?? []) {
          const target = ctx.nodesById.get(c.to);
          if (target && DATA_KINDS.has(c.kind) && GATEWAY_SERVICES[target.type]) needed.add(target.type);
        }
      }
      for (const service of [...needed].sort()) {
        if (endpoints.has(service)) continue;
        const name = GATEWAY_SERVICES[service]!;
        findings.push(
          makeFinding(
            COST_06,
            nodeTarget(nat),
            `Private compute reaches ${name} through ${nat.name}`,
            `The NAT gateway bills every GB it processes; a gateway endpoint for ${name} routes that traffic inside AWS for free and keeps it off the internet path.`,
            {
              title: `Add a ${name} gateway endpoint`,
              actions: [
                {
                  kind: 'add-node',
                  node: newNode(
                    'vpc-endpoint',
                    `${service}-endpoint`,
                    `${name} endpoint`,
                    {
                      vpcId,
                      tier: 'private',
                    },
                    { endpointType: 'gateway', service },
                  ),
                },
              ],
            },
          ),
        );
      }
    }
    return findings;
  },
};

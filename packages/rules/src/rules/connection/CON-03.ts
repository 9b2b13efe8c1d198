import type { Finding, FixAction, Rule } from '../../types.ts';
import { COMPUTE_TYPES, VPC_DATABASE_TYPES, connectionTarget, makeFinding } from '../../rule-kit.ts';

export const CON_03: Rule = {
  id: 'CON-03',
  title: 'Compute reaches its databases from inside the same VPC',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.design.connections) {
      if (c.kind !== 'traffic') continue;
      const from = ctx.nodesById.get(c.from);
      const to = ctx.nodesById.get(c.to);
      if (!from || !to || !COMPUTE_TYPES.includes(from.type) || !VPC_DATABASE_TYPES.includes(to.type))
        continue;
      const dbVpc = to.placement ? ctx.vpcsById.get(to.placement.vpcId) : undefined;
      if (!dbVpc || from.placement?.vpcId === dbVpc.id) continue;
      const move: FixAction[] = dbVpc.tiers.includes('private')
        ? [{ kind: 'move-node', nodeId: from.id, vpcId: dbVpc.id, tier: 'private' }]
        : [];
      const fromVpc = from.placement ? ctx.vpcsById.get(from.placement.vpcId) : undefined;
      findings.push(
        makeFinding(
          CON_03,
          connectionTarget(c),
          fromVpc
            ? `${from.name} (in ${fromVpc.name}) connects to ${to.name}, which is in ${dbVpc.name}`
            : `${from.name} is outside any VPC and cannot reach ${to.name} in ${dbVpc.name}`,
          'A database in an isolated subnet is reachable only from inside its VPC; the security group rule needs both ends in that VPC.',
          { title: `Move ${from.name} to the private subnet of ${dbVpc.name}`, actions: move },
        ),
      );
    }
    return findings;
  },
};

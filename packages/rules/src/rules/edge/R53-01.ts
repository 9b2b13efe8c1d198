import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';
import { aliasRecordPlans } from '@archgen/model';

export const R53_01: Rule = {
  id: 'R53-01',
  title: 'A record name in a hosted zone names one resource',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const plan of aliasRecordPlans(ctx.design)) {
      if (!plan.ignored) continue;
      const target = ctx.nodesById.get(plan.targetId);
      findings.push(
        makeFinding(
          R53_01,
          connectionTarget(plan.connection),
          `${plan.fqdn} does not name ${target?.name ?? plan.targetId}: ${plan.ignored}`,
          'A name has one alias record; the lowering keeps the first connection (by id) and makes nothing for this one. Give it its own record name.',
          {
            title: 'Remove the connection',
            actions: [{ kind: 'remove-connection', connectionId: plan.connection.id }],
          },
        ),
      );
    }
    return findings;
  },
};

import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';
import { webAclProtections } from '@archgen/model';

export const WAF_02: Rule = {
  id: 'WAF-02',
  title: 'A web ACL protects only what it can be attached to',
  pillar: 'security',
  severity: 'medium',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const p of webAclProtections(ctx.design)) {
      if (!p.ignored) continue;
      const acl = ctx.nodesById.get(p.aclId);
      const target = ctx.nodesById.get(p.targetId);
      findings.push(
        makeFinding(
          WAF_02,
          connectionTarget(p.connection),
          `${target?.name ?? p.targetId} is not protected by ${acl?.name ?? p.aclId}: ${p.ignored}`,
          'The drawing shows a protection the deployed resources do not have: the generated code attaches nothing through this connection. Use a REST API, a regional ACL for load balancers and APIs, one ACL per resource.',
          {
            title: 'Remove the connection',
            actions: [{ kind: 'remove-connection', connectionId: p.connection.id }],
          },
        ),
      );
    }
    return findings;
  },
};

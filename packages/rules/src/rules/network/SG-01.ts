import type { Finding, FixAction, Rule } from '../../types.ts';
import { connectionTarget, makeFinding, moveToTier, text } from '../../rule-kit.ts';

/** The only services internet users may send traffic to. */
const FRONT_DOORS = new Set(['alb', 'cloudfront', 'api-gateway']);
const WEB_PORTS = [443, 80];

export const SG_01: Rule = {
  id: 'SG-01',
  title: 'Internet traffic reaches only a public front door on 80/443',
  pillar: 'security',
  severity: 'critical',
  equivalents: ['AwsSolutions-EC23', 'CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260', 'AVD-AWS-0107'],
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.design.connections) {
      const from = ctx.nodesById.get(c.from);
      const to = ctx.nodesById.get(c.to);
      if (c.kind !== 'traffic' || !from || !to || from.type !== 'users') continue;
      const target = connectionTarget(c);
      if (!FRONT_DOORS.has(to.type)) {
        findings.push(
          makeFinding(
            SG_01,
            target,
            `Internet users send traffic straight to ${to.name}`,
            'A security group open to 0.0.0.0/0 on an application or data node exposes it to the whole internet; only a load balancer, CloudFront or API Gateway should face users.',
            { title: 'Remove the connection', actions: [{ kind: 'remove-connection', connectionId: c.id }] },
          ),
        );
        continue;
      }
      if (to.type === 'alb' && text(ctx.props(to), 'scheme') === 'internal') {
        const actions: FixAction[] = [
          { kind: 'set-property', nodeId: to.id, key: 'scheme', value: 'internet-facing' },
        ];
        const move = moveToTier(ctx, to, 'public');
        if (to.placement && to.placement.tier !== 'public' && move) actions.push(move);
        findings.push(
          makeFinding(
            SG_01,
            target,
            `Internet users send traffic to ${to.name}, an internal load balancer`,
            'Reaching an internal load balancer from the internet needs a CIDR rule on a load balancer that is not meant to be public.',
            { title: 'Make the load balancer internet-facing', actions },
          ),
        );
        continue;
      }
      if (c.port !== undefined && !WEB_PORTS.includes(c.port))
        findings.push(
          makeFinding(
            SG_01,
            target,
            `Internet users reach ${to.name} on port ${c.port}`,
            'The only ingress open to 0.0.0.0/0 should be HTTPS (and HTTP that redirects to it); any other port widens the public surface.',
            {
              title: 'Use port 443',
              actions: [{ kind: 'set-connection', connectionId: c.id, port: 443, protocol: 'https' }],
            },
          ),
        );
    }
    return findings;
  },
};

import type { Rule } from '../../types.ts';
import { acrossEnvironments, nodeTarget, outgoingOf, text } from '../../rule-kit.ts';
import type { Problem } from '../../rule-kit.ts';
import { drawnCertificateOf } from '@archgen/model';

export const CF_01: Rule = {
  id: 'CF-01',
  title: 'CloudFront serves custom domains over HTTPS and reaches origins over HTTPS',
  pillar: 'security',
  severity: 'high',
  equivalents: ['CKV_AWS_34', 'CKV_AWS_174', 'AwsSolutions-CFR4', 'AwsSolutions-CFR5'],
  check(ctx) {
    const distributions = ctx.nodesOfType('cloudfront');
    if (distributions.length === 0) return [];
    // Reads the origin's properties too, so it evaluates each environment in full.
    return acrossEnvironments(ctx, CF_01, 'all', (env) =>
      distributions.flatMap((node) => {
        const props = ctx.props(node, env);
        const problems: Problem[] = [];
        // A drawn ACM certificate (a certificate connection) or a certificate ARN.
        const certified = (id: string, p: typeof props) =>
          Boolean(text(p, 'certificateArn')) || drawnCertificateOf(ctx.design, id) !== undefined;
        if (text(props, 'aliases') && !certified(node.id, props))
          problems.push({
            target: nodeTarget(node),
            code: 'alias-certificate',
            message: `${node.name} has custom domain names but no certificate for them`,
            why: 'Viewers on a custom domain can only use HTTPS with an ACM certificate (in us-east-1) that covers the names.',
            fixTitle: 'Connect an ACM certificate (in us-east-1), or set the ARN of an existing one',
          });
        const originIds = new Set(outgoingOf(ctx, node.id, ['route', 'traffic']).map((c) => c.to));
        for (const originId of originIds) {
          const origin = ctx.nodesById.get(originId);
          if (origin?.type !== 'alb' || certified(origin.id, ctx.props(origin, env))) continue;
          problems.push({
            target: nodeTarget(node),
            code: `origin-${origin.id}`,
            message: `${node.name} reaches its origin ${origin.name} over plain HTTP`,
            why: 'Between CloudFront and the load balancer requests cross the internet; without a certificate on the origin they travel in clear text.',
            fixTitle: `Give ${origin.name} a certificate`,
          });
        }
        return problems;
      }),
    );
  },
};

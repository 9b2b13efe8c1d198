import type { Rule } from '../../types.ts';
import { checkNodes, outgoingOf, text } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const CF_01: Rule = {
  id: 'CF-01',
  title: 'CloudFront serves custom domains over HTTPS and reaches origins over HTTPS',
  pillar: 'security',
  severity: 'high',
  equivalents: ['CKV_AWS_34', 'CKV_AWS_174', 'AwsSolutions-CFR4', 'AwsSolutions-CFR5'],
  check: (ctx) =>
    checkNodes(ctx, CF_01, ['cloudfront'], 'all', (node, props, env) => {
      const problems: NodeProblem[] = [];
      if (text(props, 'aliases') && !text(props, 'certificateArn'))
        problems.push({
          code: 'alias-certificate',
          message: `${node.name} has custom domain names but no certificate for them`,
          why: 'Viewers on a custom domain can only use HTTPS with an ACM certificate (in us-east-1) that covers the names.',
          fixTitle: 'Request an ACM certificate in us-east-1 and set its ARN',
        });
      for (const c of outgoingOf(ctx, node.id, ['route', 'traffic'])) {
        const origin = ctx.nodesById.get(c.to);
        if (origin?.type !== 'alb' || text(ctx.props(origin, env), 'certificateArn')) continue;
        problems.push({
          code: `origin-${origin.id}`,
          message: `${node.name} reaches its origin ${origin.name} over plain HTTP`,
          why: 'Between CloudFront and the load balancer requests cross the internet; without a certificate on the origin they travel in clear text.',
          fixTitle: `Give ${origin.name} a certificate`,
        });
      }
      return problems;
    }),
};

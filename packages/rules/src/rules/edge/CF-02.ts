import type { Rule } from '../../types.ts';
import { checkNodes, flag, incomingOf } from '../../rule-kit.ts';

export const CF_02: Rule = {
  id: 'CF-02',
  title: 'Buckets behind CloudFront stay private (Origin Access Control)',
  pillar: 'security',
  severity: 'high',
  equivalents: ['AwsSolutions-CFR7', 'CKV2_AWS_46'],
  check: (ctx) =>
    checkNodes(ctx, CF_02, ['s3'], 'all', (node, props) => {
      const distribution = incomingOf(ctx, node.id, ['route'])
        .map((c) => ctx.nodesById.get(c.from))
        .find((n) => n?.type === 'cloudfront');
      if (!distribution || flag(props, 'blockPublicAccess') !== false) return undefined;
      return {
        message: `${node.name} is served by ${distribution.name} but allows public access`,
        why: 'With Origin Access Control only CloudFront can read the bucket; a public bucket lets clients bypass the CDN, its WAF and its logs.',
        fixTitle: 'Block public access',
        set: { blockPublicAccess: true },
      };
    }),
};

import type { Rule } from '../../types.ts';
import { checkNodes, derivedId, incomingOf, newNode } from '../../rule-kit.ts';

/** Names that say a bucket serves a website to browsers. */
const STATIC_SITE_NAME = /\b(web ?site|site|static|assets|frontend|front-end|spa|web)\b/i;

export const PERF_03: Rule = {
  id: 'PERF-03',
  title: 'Static sites are served through CloudFront',
  pillar: 'performance',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, PERF_03, ['s3'], 'all', (node) => {
      if (!STATIC_SITE_NAME.test(node.name)) return undefined;
      if (incomingOf(ctx, node.id, ['route']).some((c) => ctx.nodesById.get(c.from)?.type === 'cloudfront'))
        return undefined;
      return {
        message: `${node.name} looks like a static site but is not served through CloudFront`,
        why: 'CloudFront caches the files at edge locations near users, adds HTTPS on a custom domain and keeps the bucket private.',
        fixTitle: 'Serve it through CloudFront',
        actions: [
          {
            kind: 'add-node',
            node: newNode('cloudfront', derivedId('cdn', node.id), `${node.name} CDN`),
            connectTo: node.id,
            connectionKind: 'route',
          },
        ],
      };
    }),
};

import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';

/** Deprecated runtimes and the supported runtime of the same language to move to. */
const DEPRECATED_RUNTIMES: Record<string, string> = {
  'nodejs12.x': 'nodejs22.x',
  'nodejs14.x': 'nodejs22.x',
  'nodejs16.x': 'nodejs22.x',
  'nodejs18.x': 'nodejs22.x',
  'python3.6': 'python3.13',
  'python3.7': 'python3.13',
  'python3.8': 'python3.13',
  java8: 'java21',
  'go1.x': 'provided.al2023',
};

export const LAM_03: Rule = {
  id: 'LAM-03',
  title: 'Functions use a supported runtime',
  pillar: 'operational-excellence',
  severity: 'high',
  equivalents: ['AwsSolutions-L1', 'CKV_AWS_363', 'E2531'],
  check: (ctx) =>
    checkNodes(ctx, LAM_03, ['lambda'], 'all', (node, props) => {
      // An image function's image brings its runtime: the property does not apply.
      const runsImage = (ctx.outgoing.get(node.id) ?? []).some(
        (c) => c.kind === 'read' && ctx.nodesById.get(c.to)?.type === 'ecr-repository',
      );
      if (runsImage) return undefined;
      const runtime = text(props, 'runtime') ?? '';
      const replacement = DEPRECATED_RUNTIMES[runtime];
      if (!replacement) return undefined;
      return {
        message: `${node.name} uses the deprecated runtime ${runtime}`,
        why: 'Deprecated runtimes get no security patches, and AWS blocks creating and then updating functions on them.',
        fixTitle: `Upgrade to ${replacement}`,
        set: { runtime: replacement },
      };
    }),
};

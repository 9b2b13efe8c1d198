import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';

export const SUS_01: Rule = {
  id: 'SUS-01',
  title: 'Functions run on arm64 (Graviton)',
  pillar: 'sustainability',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, SUS_01, ['lambda'], 'all', (node, props) =>
      text(props, 'architecture') === 'x86_64'
        ? {
            message: `${node.name} runs on x86_64`,
            why: 'arm64 functions use less energy and cost 20% less per GB-second; most runtimes need no code change.',
            fixTitle: 'Run on arm64',
            set: { architecture: 'arm64' },
          }
        : undefined,
    ),
};

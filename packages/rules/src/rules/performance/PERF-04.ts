import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';
import { INSTANCE_TYPE_KEYS, gravitonEquivalent, isPreviousGeneration } from './instance-types.ts';

export const PERF_04: Rule = {
  id: 'PERF-04',
  title: 'No previous-generation instance types',
  pillar: 'performance',
  severity: 'medium',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, PERF_04, Object.keys(INSTANCE_TYPE_KEYS), 'all', (node, props) => {
      const key = INSTANCE_TYPE_KEYS[node.type]!;
      // Aurora Serverless has no instance class to choose.
      if (node.type === 'aurora' && text(props, 'capacity') === 'serverless-v2') return undefined;
      const type = text(props, key);
      if (!type || !isPreviousGeneration(type)) return undefined;
      const replacement = gravitonEquivalent(type);
      return {
        message: `${node.name} uses the previous-generation type ${type}`,
        why: 'Older generations cost more per unit of work, are slower and are being retired; current types are faster for less.',
        fixTitle: replacement ? `Use ${replacement}` : 'Choose a current-generation type',
        ...(replacement ? { set: { [key]: replacement } } : {}),
      };
    }),
};

import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';
import {
  INSTANCE_TYPE_KEYS,
  gravitonEquivalent,
  isGraviton,
  isPreviousGeneration,
} from '../performance/instance-types.ts';

export const SUS_02: Rule = {
  id: 'SUS-02',
  title: 'Instances run on Graviton',
  pillar: 'sustainability',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, SUS_02, Object.keys(INSTANCE_TYPE_KEYS), 'all', (node, props) => {
      const key = INSTANCE_TYPE_KEYS[node.type]!;
      if (node.type === 'aurora' && text(props, 'capacity') === 'serverless-v2') return undefined;
      const type = text(props, key);
      // Previous-generation types are PERF-04's finding, whose fix also moves to Graviton.
      if (!type || isGraviton(type) || isPreviousGeneration(type)) return undefined;
      const replacement = gravitonEquivalent(type);
      if (!replacement) return undefined;
      return {
        message: `${node.name} runs on ${type}, not Graviton`,
        why: 'Graviton instances use up to 60% less energy for the same work and cost about 20% less.',
        fixTitle: `Use ${replacement}`,
        set: { [key]: replacement },
      };
    }),
};

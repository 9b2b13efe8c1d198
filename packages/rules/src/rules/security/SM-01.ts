import type { Rule } from '../../types.ts';
import { checkNodes, num } from '../../rule-kit.ts';

export const SM_01: Rule = {
  id: 'SM-01',
  title: 'Secrets rotate on a schedule',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['AwsSolutions-SMG4', 'CKV2_AWS_57'],
  check: (ctx) =>
    checkNodes(ctx, SM_01, ['secret'], 'all', (node, props) =>
      num(props, 'rotationDays') === 0
        ? {
            message: `${node.name} is never rotated`,
            why: 'A leaked secret that never rotates stays valid forever; scheduled rotation limits how long a leak is useful.',
            fixTitle: 'Rotate every 30 days',
            set: { rotationDays: 30 },
          }
        : undefined,
    ),
};

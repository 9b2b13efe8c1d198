import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const CT_02: Rule = {
  id: 'CT-02',
  title: 'CloudTrail records every region',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['CKV_AWS_67', 'AWS-0014'],
  check: (ctx) =>
    checkNodes(ctx, CT_02, ['cloudtrail'], 'all', (node, props) =>
      flag(props, 'multiRegion') === false
        ? {
            message: `${node.name} records API calls in one region only`,
            why: 'Activity in the regions a trail does not record (a stolen key starting instances far away) leaves no trace; a multi-region trail costs nothing more for management events.',
            fixTitle: 'Record every region',
            set: { multiRegion: true },
          }
        : undefined,
    ),
};

import type { Rule } from '../../types.ts';
import { checkNodes } from '../../rule-kit.ts';

/** The tag the fix selects by: teams tag what they want backed up. */
const FIX_TAG = 'backup=true';

export const BAK_01: Rule = {
  id: 'BAK-01',
  title: 'A backup plan backs something up',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, BAK_01, ['backup-plan'], 'all', (node, props) => {
      const connected = (ctx.outgoing.get(node.id) ?? []).some((c) => c.kind === 'back-up');
      const tag = typeof props.selectionTag === 'string' ? props.selectionTag.trim() : '';
      if (connected || tag !== '') return undefined;
      return {
        message: `${node.name} selects nothing to back up`,
        why: 'A plan without a selection runs no backup job: nothing is protected, yet the drawing says it is. Connect it to the databases, tables and buckets it backs up ("backs up"), or select resources by tag.',
        fixTitle: `Back up every resource tagged ${FIX_TAG}`,
        set: { selectionTag: FIX_TAG },
      };
    }),
};

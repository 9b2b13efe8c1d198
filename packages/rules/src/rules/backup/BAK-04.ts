import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const BAK_04: Rule = {
  id: 'BAK-04',
  title: 'Buckets a backup plan backs up are versioned',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, BAK_04, ['s3'], 'all', (node, props) => {
      const plan = (ctx.incoming.get(node.id) ?? []).find(
        (c) => c.kind === 'back-up' && ctx.nodesById.get(c.from)?.type === 'backup-plan',
      );
      if (!plan || flag(props, 'versioned') !== false) return undefined;
      const planName = ctx.nodesById.get(plan.from)?.name ?? plan.from;
      return {
        message: `${planName} backs up ${node.name}, which is not versioned`,
        why: 'AWS Backup refuses to back up a bucket without versioning: every backup job of the plan fails for it, and nothing says so until a restore is needed.',
        fixTitle: 'Turn on versioning',
        set: { versioned: true },
      };
    }),
};

import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';

export const EFS_02: Rule = {
  id: 'EFS-02',
  title: 'Production EFS file systems are backed up automatically',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: ['CKV2_AWS_18'],
  check: (ctx) =>
    // 'default' means on in production: only an explicit "off" leaves it without backups there.
    checkNodes(ctx, EFS_02, ['efs'], 'production', (node, props) =>
      text(props, 'automaticBackups') === 'off'
        ? {
            message: `${node.name} has no automatic backups`,
            why: 'EFS keeps no earlier versions of a file: a deleted directory or a bad deploy that overwrites files is lost without a backup.',
            fixTitle: 'Turn on automatic backups',
            set: { automaticBackups: 'on' },
          }
        : undefined,
    ),
};

import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const CT_01: Rule = {
  id: 'CT-01',
  title: 'CloudTrail validates its log files',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['CKV_AWS_36', 'AWS-0016'],
  check: (ctx) =>
    checkNodes(ctx, CT_01, ['cloudtrail'], 'all', (node, props) =>
      flag(props, 'logFileValidation') === false
        ? {
            message: `${node.name} does not validate its log files`,
            why: 'Without digest files nobody can show that a log file was not changed or deleted after CloudTrail delivered it, which is what an audit trail is for.',
            fixTitle: 'Turn on log file validation',
            set: { logFileValidation: true },
          }
        : undefined,
    ),
};

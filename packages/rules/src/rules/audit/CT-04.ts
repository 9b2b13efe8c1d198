import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const CT_04: Rule = {
  id: 'CT-04',
  title: 'CloudTrail delivers to CloudWatch Logs',
  pillar: 'operational-excellence',
  severity: 'low',
  equivalents: ['CKV2_AWS_10', 'AWS-0162'],
  check: (ctx) =>
    checkNodes(ctx, CT_04, ['cloudtrail'], 'all', (node, props) =>
      flag(props, 'cloudWatchLogs') === false
        ? {
            message: `${node.name} writes to S3 only`,
            why: 'Files in S3 are read after the fact; in CloudWatch Logs, metric filters and alarms can page someone when the root user signs in or a security group opens.',
            fixTitle: 'Deliver to CloudWatch Logs',
            set: { cloudWatchLogs: true },
          }
        : undefined,
    ),
};

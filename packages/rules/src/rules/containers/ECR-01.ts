import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const ECR_01: Rule = {
  id: 'ECR-01',
  title: 'ECR repositories scan images on push',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['CKV_AWS_163'],
  check: (ctx) =>
    checkNodes(ctx, ECR_01, ['ecr-repository'], 'all', (node, props) =>
      flag(props, 'scanOnPush') === false
        ? {
            message: `${node.name} does not scan pushed images`,
            why: 'Basic scanning is free and reports known CVEs in every image before a task runs it; without it a vulnerable base image goes unnoticed.',
            fixTitle: 'Scan on push',
            set: { scanOnPush: true },
          }
        : undefined,
    ),
};

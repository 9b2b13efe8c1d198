import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const S3_02: Rule = {
  id: 'S3-02',
  title: 'Buckets are versioned and log access',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['AwsSolutions-S1', 'CKV_AWS_18', 'CKV_AWS_21'],
  check: (ctx) =>
    checkNodes(ctx, S3_02, ['s3'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (flag(props, 'versioned') === false)
        problems.push({
          code: 'versioning',
          message: `${node.name} keeps no object versions`,
          why: 'Without versioning an overwrite or delete is final; versions let a bad write or ransomware be rolled back.',
          fixTitle: 'Turn on versioning',
          set: { versioned: true },
        });
      if (flag(props, 'accessLogs') !== true)
        problems.push({
          code: 'logs',
          message: `${node.name} writes no access logs`,
          why: 'Server access logs record who read or changed which object, which audits and incident response depend on.',
          fixTitle: 'Turn on access logs',
          set: { accessLogs: true },
        });
      return problems;
    }),
};

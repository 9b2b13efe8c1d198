import type { Rule } from '../../types.ts';
import { checkNodes, flag, num } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const S3_03: Rule = {
  id: 'S3-03',
  title: 'Buckets tier or expire old data and abort incomplete uploads',
  pillar: 'cost',
  severity: 'low',
  equivalents: ['CKV2_AWS_61', 'CKV_AWS_300'],
  check: (ctx) =>
    checkNodes(ctx, S3_03, ['s3'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      const lifecycle =
        flag(props, 'intelligentTiering') === true ||
        ['transitionToIaDays', 'transitionToGlacierDays', 'expirationDays'].some(
          (k) => (num(props, k) ?? 0) > 0,
        );
      if (!lifecycle)
        problems.push({
          code: 'lifecycle',
          message: `${node.name} keeps every object in S3 Standard forever`,
          why: 'Data that is rarely read costs up to 95% less in infrequent-access or archive tiers; Intelligent-Tiering moves it automatically.',
          fixTitle: 'Use Intelligent-Tiering',
          set: { intelligentTiering: true },
        });
      if (num(props, 'abortIncompleteUploadDays') === 0)
        problems.push({
          code: 'multipart',
          message: `${node.name} keeps parts of abandoned multipart uploads`,
          why: 'Parts of uploads that never completed are invisible in listings yet billed until deleted.',
          fixTitle: 'Abort incomplete uploads after 7 days',
          set: { abortIncompleteUploadDays: 7 },
        });
      return problems;
    }),
};

import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const ATH_01: Rule = {
  id: 'ATH-01',
  title: 'Athena workgroups encrypt results and enforce their configuration',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['AwsSolutions-ATH1', 'CKV_AWS_82', 'AVD-AWS-0006', 'AVD-AWS-0007'],
  check: (ctx) =>
    checkNodes(ctx, ATH_01, ['athena-workgroup'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (flag(props, 'resultsEncryption') === false)
        problems.push({
          code: 'encryption',
          message: `${node.name} writes query results unencrypted`,
          why: 'Query results are copies of the scanned data sitting in S3; they need the same protection as the source.',
          fixTitle: 'Encrypt query results',
          set: { resultsEncryption: true },
        });
      if (flag(props, 'enforceConfiguration') === false)
        problems.push({
          code: 'enforce',
          message: `${node.name} lets each query override its settings`,
          why: 'Unless the workgroup enforces its configuration, a client can write results unencrypted or to another bucket.',
          fixTitle: 'Enforce the workgroup configuration',
          set: { enforceConfiguration: true },
        });
      return problems;
    }),
};

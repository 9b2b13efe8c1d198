import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const LAM_04: Rule = {
  id: 'LAM-04',
  title: 'Functions have X-Ray tracing and structured logs',
  pillar: 'operational-excellence',
  severity: 'low',
  equivalents: ['Serverless-LambdaTracing', 'CKV_AWS_50'],
  check: (ctx) =>
    checkNodes(ctx, LAM_04, ['lambda'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (flag(props, 'tracing') === false)
        problems.push({
          code: 'tracing',
          message: `${node.name} has X-Ray tracing turned off`,
          why: 'Traces show where a slow or failing request spends its time across services; without them latency is guesswork.',
          fixTitle: 'Turn on X-Ray tracing',
          set: { tracing: true },
        });
      if (flag(props, 'structuredLogging') === false)
        problems.push({
          code: 'logging',
          message: `${node.name} writes unstructured logs`,
          why: 'JSON logs with a correlation id can be queried with Logs Insights; plain text cannot be filtered reliably.',
          fixTitle: 'Turn on structured JSON logging',
          set: { structuredLogging: true },
        });
      return problems;
    }),
};

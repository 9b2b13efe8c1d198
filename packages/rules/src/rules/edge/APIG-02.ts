import type { Rule } from '../../types.ts';
import { checkNodes, flag, text } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const APIG_02: Rule = {
  id: 'APIG-02',
  title: 'API stages log access, trace with X-Ray and validate requests',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['AwsSolutions-APIG1', 'AwsSolutions-APIG2', 'AwsSolutions-APIG6', 'CKV_AWS_76'],
  check: (ctx) =>
    checkNodes(ctx, APIG_02, ['api-gateway'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (flag(props, 'accessLogs') === false)
        problems.push({
          code: 'logs',
          message: `${node.name} writes no access logs`,
          why: 'Access logs record each caller, route, status and latency: the first thing to read when an API misbehaves.',
          fixTitle: 'Turn on access logs',
          set: { accessLogs: true },
        });
      if (flag(props, 'tracing') === false)
        problems.push({
          code: 'tracing',
          message: `${node.name} has X-Ray tracing turned off`,
          why: 'Traces follow a request from the API into its integrations and show where time and errors come from.',
          fixTitle: 'Turn on X-Ray tracing',
          set: { tracing: true },
        });
      // Request validation is a REST API feature; HTTP APIs have none to turn on.
      if (text(props, 'apiType') === 'rest' && flag(props, 'requestValidation') === false)
        problems.push({
          code: 'validation',
          message: `${node.name} passes requests on without validating them`,
          why: 'Validating parameters and bodies at the API rejects malformed input before it costs an invocation or reaches the code.',
          fixTitle: 'Validate requests',
          set: { requestValidation: true },
        });
      return problems;
    }),
};

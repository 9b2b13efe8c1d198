import type { Rule } from '../../types.ts';
import { checkNodes, flag, text } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const SFN_01: Rule = {
  id: 'SFN-01',
  title: 'State machines log ALL events and trace with X-Ray',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['AwsSolutions-SF1', 'AwsSolutions-SF2', 'CKV_AWS_284', 'CKV_AWS_285'],
  check: (ctx) =>
    checkNodes(ctx, SFN_01, ['step-functions'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      const level = text(props, 'logLevel');
      if (level !== undefined && level !== 'ALL')
        problems.push({
          code: 'logging',
          message: `${node.name} logs ${level === 'OFF' ? 'nothing' : 'only errors'}`,
          why: 'Execution history expires; logging ALL events keeps the inputs and outputs of each state for debugging.',
          fixTitle: 'Log ALL events',
          set: { logLevel: 'ALL' },
        });
      if (flag(props, 'tracing') === false)
        problems.push({
          code: 'tracing',
          message: `${node.name} has X-Ray tracing turned off`,
          why: 'Traces connect each state to the Lambda and service calls it makes, showing where an execution slowed or failed.',
          fixTitle: 'Turn on X-Ray tracing',
          set: { tracing: true },
        });
      return problems;
    }),
};

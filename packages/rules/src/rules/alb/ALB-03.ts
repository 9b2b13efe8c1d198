import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const ALB_03: Rule = {
  id: 'ALB-03',
  title: 'Load balancers write access logs',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['AwsSolutions-ELB2', 'CKV_AWS_91'],
  check: (ctx) =>
    checkNodes(ctx, ALB_03, ['alb'], 'all', (node, props) =>
      flag(props, 'accessLogs') === true
        ? undefined
        : {
            message: `${node.name} writes no access logs`,
            why: 'Access logs are the record of every request: needed to debug errors and to investigate abuse.',
            fixTitle: 'Turn on access logs',
            set: { accessLogs: true },
          },
    ),
};

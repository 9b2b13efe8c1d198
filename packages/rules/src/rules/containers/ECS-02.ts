import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const ECS_02: Rule = {
  id: 'ECS-02',
  title: 'Fargate services have Container Insights',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['AwsSolutions-ECS4', 'AwsSolutions-ECS7', 'CKV_AWS_65'],
  check: (ctx) =>
    checkNodes(ctx, ECS_02, ['ecs-fargate'], 'all', (node, props) =>
      flag(props, 'containerInsights') === false
        ? {
            message: `${node.name} has Container Insights turned off`,
            why: 'Container Insights gives per-task CPU, memory and restart metrics; without them a struggling service is invisible until it fails.',
            fixTitle: 'Turn on Container Insights',
            set: { containerInsights: true },
          }
        : undefined,
    ),
};

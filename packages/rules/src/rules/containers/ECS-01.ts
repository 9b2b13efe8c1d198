import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const ECS_01: Rule = {
  id: 'ECS-01',
  title: 'Fargate tasks run with a read-only root file system',
  pillar: 'security',
  severity: 'high',
  equivalents: ['AwsSolutions-ECS2', 'AVD-AWS-0036', 'CKV_AWS_334', 'CKV_AWS_336'],
  check: (ctx) =>
    checkNodes(ctx, ECS_01, ['ecs-fargate'], 'all', (node, props) =>
      flag(props, 'readonlyRootFilesystem') === false
        ? {
            message: `${node.name} lets its container write to the root file system`,
            why: 'A writable root file system lets an attacker who gets in plant tools or tamper with the application; write to mounted volumes instead.',
            fixTitle: 'Make the root file system read-only',
            set: { readonlyRootFilesystem: true },
          }
        : undefined,
    ),
};

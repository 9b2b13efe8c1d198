import type { Rule } from '../../types.ts';
import { checkNodes, flag, num, text } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const ECS_04: Rule = {
  id: 'ECS-04',
  title: 'Production services run two or more tasks and roll back failed deployments',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: [],
  check: (ctx) => [
    ...checkNodes(ctx, ECS_04, ['ecs-fargate'], 'production', (node, props): NodeProblem | undefined => {
      const desired = num(props, 'desiredCount') ?? 0;
      const min = num(props, 'minCount') ?? desired;
      const scales = text(props, 'scaling') !== 'none';
      const lowest = scales ? Math.min(min, desired) : desired;
      if (lowest >= 2) return undefined;
      return {
        code: 'count',
        message: `${node.name} can run as few as ${lowest} task${lowest === 1 ? '' : 's'}`,
        why: 'With one task, a task or AZ failure (or a deployment) takes the service down; two tasks spread across AZs keep it up.',
        fixTitle: 'Run at least two tasks',
        set: scales
          ? { desiredCount: Math.max(2, desired), minCount: Math.max(2, min) }
          : { desiredCount: 2 },
      };
    }),
    ...checkNodes(ctx, ECS_04, ['ecs-fargate'], 'all', (node, props) =>
      flag(props, 'circuitBreaker') === false
        ? {
            code: 'circuit-breaker',
            message: `${node.name} has no deployment circuit breaker`,
            why: 'Without the circuit breaker a deployment whose tasks keep crashing never stops or rolls back.',
            fixTitle: 'Turn on the deployment circuit breaker',
            set: { circuitBreaker: true },
          }
        : undefined,
    ),
  ],
};

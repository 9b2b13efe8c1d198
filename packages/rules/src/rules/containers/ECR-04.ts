import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';

/** Compute that runs one image: a Fargate task's container, an image function. EKS nodes pull any. */
const ONE_IMAGE = new Set(['ecs-fargate', 'lambda']);

export const ECR_04: Rule = {
  id: 'ECR-04',
  title: 'A Fargate service or Lambda function runs its image from one repository',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    const running = new Map<string, string>();
    for (const c of ctx.design.connections) {
      if (c.kind !== 'read') continue;
      const compute = ctx.nodesById.get(c.from);
      const repository = ctx.nodesById.get(c.to);
      if (!compute || !ONE_IMAGE.has(compute.type) || repository?.type !== 'ecr-repository') continue;
      // The lowering runs the first repository's image (in design order): a later one runs nothing.
      const first = running.get(compute.id);
      if (first === undefined) {
        running.set(compute.id, repository.name);
        continue;
      }
      findings.push(
        makeFinding(
          ECR_04,
          connectionTarget(c),
          `${compute.name} already runs its image from ${first}; ${repository.name} does not become its image`,
          compute.type === 'lambda'
            ? 'An image function runs one image: only the first repository connection becomes its code, and Lambda may pull from no other.'
            : 'The service’s task runs one container image: only the first repository connection becomes its image (the others only let the task role pull).',
          {
            title: 'Remove this connection',
            actions: [{ kind: 'remove-connection', connectionId: c.id }],
          },
        ),
      );
    }
    return findings;
  },
};

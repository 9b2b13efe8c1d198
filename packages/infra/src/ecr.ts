/**
 * ECR repositories (ecr-repository nodes) and the images compute runs from them. Decided once
 * here for every target: the lifecycle rules (expire untagged images after N days, keep the last
 * N images), the encryption, and for each Fargate service connected with "read" the image it runs
 * (repository and tag). Pulls are made by the ECS agent with the task's execution role, so the
 * pull grant a Fargate service gets moves there from the task role; EKS nodes pull with the node
 * role, which is where grants already go.
 */
import { resolveConnectionProperties } from '@archgen/model';
import type { LowerContext } from './context.ts';
import type { ResolvedEcrLifecycleRule } from './types.ts';

/** The first environment's whole number for a property that is the same in every environment. */
function wholeNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/** ECR's lifecycle rules: the "any" rule must have the highest priority number. */
export function ecrLifecycleRules(
  untaggedExpiryDays: number,
  keepLastImages: number,
): ResolvedEcrLifecycleRule[] {
  const rules: ResolvedEcrLifecycleRule[] = [];
  if (untaggedExpiryDays > 0)
    rules.push({
      priority: rules.length + 1,
      description: `Expire untagged images after ${untaggedExpiryDays} days`,
      tagStatus: 'untagged',
      countType: 'sinceImagePushed',
      countNumber: untaggedExpiryDays,
    });
  if (keepLastImages > 0)
    rules.push({
      priority: rules.length + 1,
      description: `Keep the last ${keepLastImages} images`,
      tagStatus: 'any',
      countType: 'imageCountMoreThan',
      countNumber: keepLastImages,
    });
  return rules;
}

/**
 * The lifecycle policy document as ECR stores it, keys in the order CDK renders them, so the
 * three targets print the same text.
 */
export function ecrLifecyclePolicy(rules: readonly ResolvedEcrLifecycleRule[]): object {
  return {
    rules: rules.map((r) => ({
      rulePriority: r.priority,
      description: r.description,
      selection: {
        tagStatus: r.tagStatus,
        countType: r.countType,
        countNumber: r.countNumber,
        ...(r.countType === 'sinceImagePushed' ? { countUnit: 'days' } : {}),
      },
      action: { type: 'expire' },
    })),
  };
}

export function lowerEcrRepositories(ctx: LowerContext): void {
  const first = ctx.envs[0]!;
  for (const node of ctx.nodes) {
    if (node.type !== 'ecr-repository') continue;
    const component = ctx.component(node.id);
    if (!component) continue;
    component.ecrRepository = {
      lifecycleRules: ecrLifecycleRules(
        wholeNumber(component.props.untaggedExpiryDays?.byEnv[first]),
        wholeNumber(component.props.keepLastImages?.byEnv[first]),
      ),
      encryption: component.props.encryption?.byEnv[first] === 'KMS' ? 'KMS' : 'AES256',
    };
  }
  for (const connection of ctx.connections) {
    if (connection.kind !== 'read') continue;
    const source = ctx.component(connection.from);
    const target = ctx.component(connection.to);
    if (source?.type !== 'ecs-fargate' || target?.type !== 'ecr-repository') continue;
    // A service runs one image: the first repository connection (in design order) names it.
    if (source.containerImage) continue;
    const props = resolveConnectionProperties(ctx.design, connection);
    source.containerImage = {
      repositoryId: target.id,
      tag: typeof props.tag === 'string' && props.tag !== '' ? props.tag : 'latest',
      connectionId: connection.id,
    };
    const executionRole = `${source.id}.execution-role`;
    for (const grant of ctx.grants)
      if (grant.granteeId === source.id && grant.targetId === target.id) grant.roleId = executionRole;
  }
}

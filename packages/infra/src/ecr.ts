/**
 * ECR repositories (ecr-repository nodes) and the images compute runs from them. Decided once
 * here for every target: the lifecycle rules (expire untagged images after N days, keep the last
 * N images), the encryption, and for each Fargate service or Lambda function connected with
 * "read" the image it runs (repository and tag). Pulls are made by the ECS agent with the task's
 * execution role, so the pull grant a Fargate service gets moves there from the task role; EKS
 * nodes pull with the node role, which is where grants already go. Lambda pulls an image
 * function's image with its service principal, not the function's role: the role gets nothing
 * and the repository policy admits lambda.amazonaws.com instead.
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

/** Lambda's service principal, which pulls an image function's image (not the function's role). */
export const LAMBDA_SERVICE_PRINCIPAL = 'lambda.amazonaws.com';

/**
 * What the repository policy lets a pulling service do: the actions CDK's
 * lambda.DockerImageCode.fromEcr grants it (repository.grantPull), in the order CDK renders them
 * (sorted), so all three targets print the same statement. AWS's "Lambda container image
 * permissions" need BatchGetImage and GetDownloadUrlForLayer; BatchCheckLayerAvailability only
 * reads whether layers exist.
 */
export const SERVICE_PULL_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
] as const;

/**
 * The repository policy document admitting the pulling services, as CDK renders it (keys in its
 * order, no Resource: a repository policy applies to its repository), so the three targets print
 * the same text; undefined when no service pulls with its own principal.
 */
export type EcrRepositoryPolicy = {
  Statement: { Action: string[]; Effect: 'Allow'; Principal: { Service: string | string[] } }[];
  Version: '2012-10-17';
};

export function ecrRepositoryPolicy(pullingServices: readonly string[]): EcrRepositoryPolicy | undefined {
  if (pullingServices.length === 0) return undefined;
  return {
    Statement: [
      {
        Action: [...SERVICE_PULL_ACTIONS],
        Effect: 'Allow',
        Principal: { Service: pullingServices.length === 1 ? pullingServices[0]! : [...pullingServices] },
      },
    ],
    Version: '2012-10-17',
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
      pullingServices: [],
    };
  }
  for (const connection of ctx.connections) {
    if (connection.kind !== 'read') continue;
    const source = ctx.component(connection.from);
    const target = ctx.component(connection.to);
    if (target?.type !== 'ecr-repository') continue;
    if (source?.type !== 'ecs-fargate' && source?.type !== 'lambda') continue;
    // A service or function runs one image: the first repository connection (in design order)
    // names it; a later one runs nothing (ECR-04 says so).
    if (source.containerImage) continue;
    const props = resolveConnectionProperties(ctx.design, connection);
    source.containerImage = {
      repositoryId: target.id,
      tag: typeof props.tag === 'string' && props.tag !== '' ? props.tag : 'latest',
      connectionId: connection.id,
    };
    if (source.type === 'lambda') {
      const pulling = target.ecrRepository?.pullingServices;
      if (pulling && !pulling.includes(LAMBDA_SERVICE_PRINCIPAL)) pulling.push(LAMBDA_SERVICE_PRINCIPAL);
      continue;
    }
    const executionRole = `${source.id}.execution-role`;
    for (const grant of ctx.grants)
      if (grant.granteeId === source.id && grant.targetId === target.id) grant.roleId = executionRole;
  }
  // A function's role never pulls (Lambda does, as itself): no ECR grant on it, for any repository.
  const kept = ctx.grants.filter(
    (g) =>
      !(
        ctx.component(g.granteeId)?.type === 'lambda' && ctx.component(g.targetId)?.type === 'ecr-repository'
      ),
  );
  ctx.grants.splice(0, ctx.grants.length, ...kept);
}

/**
 * ECR repository: ecr.Repository with the lowering's lifecycle rules (CDK renders the same policy
 * text the other targets print), encryption, scan on push and tag mutability per environment, and
 * the removal policy protection.ts decided.
 */
import type { ComponentEmitter } from './types.ts';
import { arr, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, protectionPolicy } from './common.ts';

export const ecrRepositoryEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const decided = component.ecrRepository;
    if (!decided) throw new Error(`ecr-repository "${component.id}" has no resolved repository`);
    ctx.section(`${component.names.logicalId}: ECR repository.`);
    const repository = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('ecr', 'Repository'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          imageScanOnPush: ctx.value(component, 'scanOnPush'),
          imageTagMutability: ctx.choose(component, 'tagMutability', (v) =>
            ctx.api('ecr', `TagMutability.${v === 'MUTABLE' ? 'MUTABLE' : 'IMMUTABLE'}`),
          ),
          encryption: ctx.api(
            'ecr',
            decided.encryption === 'KMS' ? 'RepositoryEncryption.KMS' : 'RepositoryEncryption.AES_256',
          ),
          lifecycleRules: decided.lifecycleRules.length
            ? arr(
                decided.lifecycleRules.map((rule) =>
                  obj({
                    rulePriority: lit(rule.priority),
                    description: lit(rule.description),
                    tagStatus: ctx.api(
                      'ecr',
                      rule.tagStatus === 'untagged' ? 'TagStatus.UNTAGGED' : 'TagStatus.ANY',
                    ),
                    maxImageAge:
                      rule.countType === 'sinceImagePushed'
                        ? ctx.duration('days', lit(rule.countNumber))
                        : undefined,
                    maxImageCount:
                      rule.countType === 'imageCountMoreThan' ? lit(rule.countNumber) : undefined,
                  }),
                ),
              )
            : undefined,
          removalPolicy: protectionPolicy(ctx, component),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, repository);
    ctx.register(component.id, {
      construct: repository,
      attributes: {
        arn: member(repository, 'repositoryArn'),
        name: member(repository, 'repositoryName'),
        url: member(repository, 'repositoryUri'),
      },
      grantee: repository,
    });
  },
};

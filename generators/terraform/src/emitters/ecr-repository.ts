/**
 * ECR repository: aws_ecr_repository (scan on push and tag mutability per environment, the
 * lowering's encryption) and, when the design expires images, aws_ecr_lifecycle_policy with the
 * policy text the lowering decided; aws_ecr_repository_policy admitting the services that pull as
 * themselves (Lambda for image functions), when some do. Destroying a repository that holds images fails (no
 * force_delete), as in the other targets.
 */
import { ecrLifecyclePolicy, ecrRepositoryPolicy } from '@archgen/infra';
import { attr, block, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { protectionLifecycle, tags } from './common.ts';

export const ecrRepositoryEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_ecr_repository.${name}.arn`),
    name: (name) => ref(`aws_ecr_repository.${name}.name`),
    url: (name) => ref(`aws_ecr_repository.${name}.repository_url`),
  },
  emit(c, ctx) {
    const decided = c.ecrRepository;
    if (!decided) throw new Error(`ecr-repository "${c.id}" has no resolved repository`);
    const t = c.names.tfName;
    ctx.add(
      'compute.tf',
      ctx.resource('aws_ecr_repository', t, c, [
        attr('name', ctx.physicalName(c.names.slug, 256)),
        attr('image_tag_mutability', ctx.prop(c, 'tagMutability')),
        block('image_scanning_configuration', [], [attr('scan_on_push', ctx.prop(c, 'scanOnPush'))]),
        block('encryption_configuration', [], [attr('encryption_type', str(decided.encryption))]),
        tags(c.names.display),
        protectionLifecycle(c),
      ]),
    );
    if (decided.lifecycleRules.length > 0)
      ctx.add(
        'compute.tf',
        block(
          'resource',
          ['aws_ecr_lifecycle_policy', t],
          [
            attr('repository', ref(`aws_ecr_repository.${t}.name`)),
            attr('policy', str(JSON.stringify(ecrLifecyclePolicy(decided.lifecycleRules)))),
          ],
        ),
      );
    const policy = ecrRepositoryPolicy(decided.pullingServices);
    if (policy)
      ctx.add(
        'compute.tf',
        block(
          'resource',
          ['aws_ecr_repository_policy', t],
          [
            attr('repository', ref(`aws_ecr_repository.${t}.name`)),
            attr('policy', str(JSON.stringify(policy))),
          ],
        ),
      );
    ctx.output(
      `${t}_repository_url`,
      ref(`aws_ecr_repository.${t}.repository_url`),
      `Push images for "${c.names.display}" here`,
    );
  },
};

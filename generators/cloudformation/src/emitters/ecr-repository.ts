/**
 * ECR repository: AWS::ECR::Repository with scan on push and tag mutability per environment, the
 * lowering's encryption and lifecycle policy text, the repository policy admitting the services
 * that pull as themselves (Lambda), and protection.ts's deletion policy.
 */
import { ecrLifecyclePolicy, ecrRepositoryPolicy } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';
import { deletionPolicies } from './common.ts';

export const ecrRepositoryEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
    url: (id) => getAtt(id, 'RepositoryUri'),
  },
  emit(repository, ctx) {
    const decided = repository.ecrRepository;
    if (!decided) throw new Error(`ecr-repository "${repository.id}" has no resolved repository`);
    ctx.template.addResource(repository.names.logicalId, {
      Type: 'AWS::ECR::Repository',
      ...deletionPolicies(repository),
      Metadata: ctx.metadata(repository.acknowledgements),
      Properties: {
        ImageScanningConfiguration: { ScanOnPush: ctx.value(repository, 'scanOnPush') },
        ImageTagMutability: ctx.value(repository, 'tagMutability'),
        EncryptionConfiguration: { EncryptionType: decided.encryption },
        LifecyclePolicy:
          decided.lifecycleRules.length > 0
            ? { LifecyclePolicyText: JSON.stringify(ecrLifecyclePolicy(decided.lifecycleRules)) }
            : undefined,
        RepositoryPolicyText: ecrRepositoryPolicy(decided.pullingServices),
        Tags: ctx.tags(repository.names.display),
      },
    });
  },
};

import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';

export const ECR_02: Rule = {
  id: 'ECR-02',
  title: 'Production ECR repositories have immutable tags',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['CKV_AWS_51'],
  check: (ctx) =>
    checkNodes(ctx, ECR_02, ['ecr-repository'], 'production', (node, props) =>
      text(props, 'tagMutability') === 'MUTABLE'
        ? {
            message: `${node.name} lets a push move an existing tag`,
            why: 'With mutable tags the image a task runs can change under the same tag: a scaling event or a rollback may start an untested image, and an attacker with push rights can replace a deployed one.',
            fixTitle: 'Make tags immutable',
            set: { tagMutability: 'IMMUTABLE' },
          }
        : undefined,
    ),
};

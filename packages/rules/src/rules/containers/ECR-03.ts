import type { Rule } from '../../types.ts';
import { checkNodes, num } from '../../rule-kit.ts';

export const ECR_03: Rule = {
  id: 'ECR-03',
  title: 'ECR repositories expire old images',
  pillar: 'cost',
  severity: 'low',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, ECR_03, ['ecr-repository'], 'all', (node, props) =>
      num(props, 'keepLastImages') === 0 && num(props, 'untaggedExpiryDays') === 0
        ? {
            message: `${node.name} keeps every image it is ever pushed`,
            why: 'Every build adds an image billed per GB-month forever; a lifecycle policy that keeps the last images and expires untagged ones keeps the bill flat and the vulnerability reports short.',
            fixTitle: 'Keep the last 30 images, expire untagged after 14 days',
            set: { keepLastImages: 30, untaggedExpiryDays: 14 },
          }
        : undefined,
    ),
};

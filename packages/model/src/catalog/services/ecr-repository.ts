import type { ServiceDefinition } from '../types.ts';
import { WATCHED_BY_ALARM, bool, choice, num, onDeleteProperty, text } from '../define.ts';

/**
 * Compute that runs a container image from the repository ("runs its image from"). A Lambda
 * function connected so is an image function: the image brings its runtime and handler.
 */
export const IMAGE_PULLERS = ['ecs-fargate', 'eks', 'lambda'] as const;

export const ecrRepository: ServiceDefinition = {
  type: 'ecr-repository',
  displayName: 'ECR repository',
  abbreviations: ['ecr'],
  keywords: [
    'container registry',
    'registry',
    'docker registry',
    'image repository',
    'container image',
    'docker image',
    'elastic container registry',
  ],
  category: 'Compute',
  icon: 'ecr-repository',
  description:
    'A private registry repository for container images, scanned on push, with immutable tags and a lifecycle policy that keeps the last images and expires untagged ones. Connect a Fargate service to run its image from here (its execution role gets exactly the pull permissions), or a Lambda function to make it an image function (the repository policy lets Lambda pull; the function’s role gets nothing); EKS nodes pull with their node role.',
  placements: ['regional'],
  properties: [
    bool('scanOnPush', 'Scan on push', true, {
      help: 'Basic scanning checks every pushed image for known vulnerabilities (ECR-01).',
    }),
    choice(
      'tagMutability',
      'Tags',
      'IMMUTABLE',
      [
        ['IMMUTABLE', 'Immutable (a tag always names the same image)'],
        ['MUTABLE', 'Mutable (a push can move a tag)'],
      ],
      {
        help: 'Immutable tags make a deployed tag mean one image forever, so a rollback or a new task runs what was tested (ECR-02 in production).',
      },
    ),
    num('keepLastImages', 'Keep last images', 30, {
      integer: true,
      min: 0,
      max: 1000,
      sameInEveryEnvironment: true,
      help: 'Older images are expired by the lifecycle policy; 0 keeps all (ECR-03 when untagged images are kept too).',
    }),
    num('untaggedExpiryDays', 'Expire untagged after', 14, {
      unit: 'days',
      integer: true,
      min: 0,
      max: 3650,
      sameInEveryEnvironment: true,
      help: 'Untagged images (left behind when a tag moves or a build pushes by digest) are deleted after this many days; 0 keeps them.',
    }),
    choice(
      'encryption',
      'Encryption',
      'AES256',
      [
        ['AES256', 'AES-256 (ECR managed)'],
        ['KMS', 'KMS (aws/ecr key)'],
      ],
      {
        sameInEveryEnvironment: true,
        help: 'ECR encrypts every image at rest; KMS puts its use in CloudTrail. A repository’s encryption cannot change after creation.',
      },
    ),
    onDeleteProperty(false),
  ],
  accepts: [
    {
      kind: 'read',
      from: IMAGE_PULLERS,
      meaning: 'runs its image from',
      properties: [
        text('tag', 'Image tag', 'v1', {
          pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$',
          patternHint: 'an image tag: letters, digits, "_", "." and "-", at most 128',
          help: 'The tag the Fargate task or the Lambda function runs, as your pipeline pushes it (a release or commit id; immutable repositories refuse a second push of a tag). Lambda resolves the tag to a digest when the function is deployed: push the image first, and update the function to run a new push of the same tag.',
        }),
      ],
      // Fargate's pull statement lands on the execution role's existing policy; Lambda's in the
      // repository's own policy (a property of the repository in CloudFormation).
      stackResources: { count: 0 },
    },
    WATCHED_BY_ALARM,
  ],
  refusalHint:
    'connect the Fargate service, Lambda function or EKS cluster to the repository ("runs its image from").',
  stackResources: () => ({ count: 1 }),
};

/** An image function: a DockerImageFunction from the repository (fromEcr writes the repository policy). */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from './index.ts';

describe('image functions', () => {
  const files = generateCdk(
    lowerDesign(
      design('Images')
        .node('ecr-repository', { id: 'images', name: 'Images' })
        .node('lambda', { id: 'fn', name: 'Fn' })
        .node('lambda', { id: 'zip', name: 'Zip' })
        .connect('fn', 'images', 'read', { properties: { tag: 'build-4' } })
        .build(),
    ),
  );
  const stack = files['lib/images-stack.ts']!;
  const fn = stack.slice(stack.indexOf("new lambda.DockerImageFunction(this, 'Fn'"));
  const props = fn.slice(0, fn.indexOf('});'));

  it('runs the image at the tag, without runtime or handler', () => {
    expect(props).toContain("lambda.DockerImageCode.fromEcr(images, {\n        tagOrDigest: 'build-4',");
    expect(props).not.toMatch(/runtime:|handler:/);
    expect(stack).toContain("new lambda.Function(this, 'Zip'");
  });

  it('acknowledges no runtime finding cdk-nag cannot make on an image function', () => {
    // The zip function's only.
    expect(stack.match(/AwsSolutions-L1/g)).toHaveLength(1);
  });
});

/** An image function: package type Image from the repository's URL, and the repository policy first. */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateTerraform } from './index.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('image functions', () => {
  const files = generateTerraform(
    lowerDesign(
      design('Images')
        .node('ecr-repository', { id: 'images', name: 'Images' })
        .node('lambda', { id: 'fn', name: 'Fn' })
        .connect('fn', 'images', 'read', { properties: { tag: 'build-4' } })
        .build(),
    ),
  );
  const compute = squash(files['compute.tf']!);
  const fn = compute.slice(compute.indexOf('resource "aws_lambda_function" "fn"'));
  const fnBlock = fn.slice(0, fn.indexOf('resource "', 10));

  it('runs the image at the tag, without runtime, handler or artifact', () => {
    expect(fnBlock).toContain('package_type = "Image"');
    expect(fnBlock).toContain('image_uri = "${aws_ecr_repository.images.repository_url}:build-4"');
    expect(fnBlock).not.toMatch(/\b(runtime|handler|s3_bucket|s3_key) =/);
    expect(files['variables.tf'] ?? '').not.toContain('artifact');
    // Without the policy Lambda would write one of its own when it creates the function.
    expect(fnBlock).toContain('depends_on = [aws_ecr_repository_policy.images]');
  });

  it('admits Lambda in the repository policy', () => {
    expect(compute).toContain(
      squash(`resource "aws_ecr_repository_policy" "images" {
        repository = aws_ecr_repository.images.name`),
    );
    expect(compute).toContain('\\"Principal\\":{\\"Service\\":\\"lambda.amazonaws.com\\"}');
  });
});

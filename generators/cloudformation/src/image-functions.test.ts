/** An image function: package type Image from the repository's URI, and the repository policy admitting Lambda. */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { ecrRepositoryPolicy, lowerDesign } from '@archgen/infra';
import { generateCloudFormation } from './generate.ts';
import { parseTemplate } from './template/yaml.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('image functions', () => {
  const graph = lowerDesign(
    design('Images')
      .node('ecr-repository', { id: 'images', name: 'Images' })
      .node('ecr-repository', { id: 'unused', name: 'Unused' })
      .node('lambda', { id: 'fn', name: 'Fn', properties: { runtime: 'java21' } })
      .node('lambda', { id: 'zip', name: 'Zip' })
      .connect('fn', 'images', 'read', { properties: { tag: 'build-4' } })
      .build(),
  );
  const template = parseTemplate(generateCloudFormation(graph)['template.yaml']!) as {
    Resources: Record<string, Resource>;
    Parameters?: Record<string, unknown>;
  };
  const r = (id: string) => template.Resources[id]!.Properties;

  it('runs the image at the tag, without runtime, handler or code parameters', () => {
    expect(r('Fn')).toMatchObject({
      PackageType: 'Image',
      Code: { ImageUri: { 'Fn::Join': ['', [{ 'Fn::GetAtt': 'Images.RepositoryUri' }, ':build-4']] } },
    });
    expect(r('Fn')).not.toHaveProperty('Runtime');
    expect(r('Fn')).not.toHaveProperty('Handler');
    // A Java zip function would need its artifact's bucket and key.
    expect(Object.keys(template.Parameters ?? {}).filter((p) => p.startsWith('FnCode'))).toEqual([]);
    expect(r('Zip')).toMatchObject({ Runtime: 'nodejs22.x', Handler: 'index.handler' });
    expect(r('Zip')).not.toHaveProperty('PackageType');
  });

  it('lets Lambda pull through the repository policy, only on the repository it runs', () => {
    expect(r('Images').RepositoryPolicyText).toEqual(ecrRepositoryPolicy(['lambda.amazonaws.com']));
    expect(r('Unused')).not.toHaveProperty('RepositoryPolicyText');
  });
});

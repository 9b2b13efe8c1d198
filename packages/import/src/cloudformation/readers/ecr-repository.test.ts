import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';
import { lifecycleNumbers } from './ecr-repository.ts';

const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);

const POLICY = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countNumber: 7, countUnit: 'days' },
      action: { type: 'expire' },
    },
    {
      rulePriority: 2,
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 50 },
      action: { type: 'expire' },
    },
  ],
});

describe('ecr-repository reader', () => {
  it("reads the lifecycle policy's keep-last and untagged-expiry rules; 0 without them", () => {
    expect(lifecycleNumbers(POLICY)).toEqual({ keepLast: 50, untaggedDays: 7 });
    expect(lifecycleNumbers(undefined)).toEqual({ keepLast: 0, untaggedDays: 0 });
    expect(lifecycleNumbers('not json')).toEqual({ keepLast: 0, untaggedDays: 0 });
  });

  const r = run({
    Images: {
      Type: 'AWS::ECR::Repository',
      DeletionPolicy: 'Retain',
      Properties: {
        ImageScanningConfiguration: { ScanOnPush: true },
        ImageTagMutability: 'IMMUTABLE',
        LifecyclePolicy: { LifecyclePolicyText: POLICY },
      },
    },
    Task: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        RequiresCompatibilities: ['FARGATE'],
        ContainerDefinitions: [{ Name: 'app', Image: { 'Fn::Sub': '${Images.RepositoryUri}:release-3' } }],
      },
    },
    Service: {
      Type: 'AWS::ECS::Service',
      Properties: { LaunchType: 'FARGATE', TaskDefinition: { Ref: 'Task' } },
    },
  });

  it('reads scanning, tags, lifecycle and deletion policy', () => {
    expect(r.design.nodes.find((n) => n.id === 'Images')).toMatchObject({
      type: 'ecr-repository',
      properties: {
        scanOnPush: true,
        tagMutability: 'IMMUTABLE',
        keepLastImages: 50,
        untaggedExpiryDays: 7,
        encryption: 'AES256',
        onDelete: 'retain',
      },
    });
  });

  it('draws the Fargate service running its image, with the tag', () => {
    expect(r.design.connections).toMatchObject([
      { from: 'Service', to: 'Images', kind: 'read', properties: { tag: 'release-3' } },
    ]);
  });
});

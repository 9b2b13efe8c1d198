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

describe('image functions', () => {
  const uri = {
    'Fn::Join': ['', [{ 'Fn::GetAtt': ['Images', 'RepositoryUri'] }, ':build-7']],
  };
  const r = run({
    Images: { Type: 'AWS::ECR::Repository', Properties: {} },
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: { Statement: [] } },
    },
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        PackageType: 'Image',
        Code: { ImageUri: uri },
        Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
      },
    },
    // A zip function whose code names the repository otherwise runs no image from it.
    Zip: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Code: { ZipFile: 'exports.handler = async () => {};' },
        Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
      },
    },
    Sam: {
      Type: 'AWS::Serverless::Function',
      Properties: { PackageType: 'Image', ImageUri: { 'Fn::Sub': '${Images.RepositoryUri}:v2' } },
    },
  });

  it('draws the function running the repository’s image, with the tag (SAM: ImageUri on the function)', () => {
    expect(r.design.connections.filter((c) => c.to === 'Images')).toMatchObject([
      { from: 'Fn', to: 'Images', kind: 'read', properties: { tag: 'build-7' } },
      { from: 'Sam', to: 'Images', kind: 'read', properties: { tag: 'v2' } },
    ]);
  });
});

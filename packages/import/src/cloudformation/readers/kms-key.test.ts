import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';
import { aliasOf } from './kms-key.ts';

const run = (resources: Record<string, unknown>, metadata?: unknown) =>
  importCloudFormation([
    {
      path: 'template.json',
      text: JSON.stringify({ ...(metadata ? { Metadata: metadata } : {}), Resources: resources }),
    },
  ]);
const bucket = (key: string) => ({
  Type: 'AWS::S3::Bucket',
  Properties: {
    BucketEncryption: {
      ServerSideEncryptionConfiguration: [
        {
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] },
          },
        },
      ],
    },
  },
});

describe('kms-key reader', () => {
  it('reads the alias without the stack-name prefix archgen adds', () => {
    expect(aliasOf({ 'Fn::Sub': 'alias/${AWS::StackName}-data-key' })).toBe('data-key');
    expect(aliasOf('alias/orders')).toBe('orders');
    expect(aliasOf({ 'Fn::Join': ['', ['alias/', 'x']] })).toBeUndefined();
  });

  it('reads a key two stores use as a node they encrypt with, its alias a part', () => {
    const r = run({
      Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, PendingWindowInDays: 7 } },
      KeyAlias: {
        Type: 'AWS::KMS::Alias',
        Properties: { AliasName: 'alias/data', TargetKeyId: { Ref: 'Key' } },
      },
      A: bucket('Key'),
      B: bucket('Key'),
    });
    const key = r.design.nodes.find((n) => n.id === 'Key')!;
    expect(key).toMatchObject({
      type: 'kms-key',
      properties: { alias: 'data', enableKeyRotation: true, pendingWindowDays: 7 },
      logicalIds: { self: 'Key', kmsAlias: 'KeyAlias' },
    });
    expect(r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`).sort()).toEqual([
      'A encrypt-with Key',
      'B encrypt-with Key',
    ]);
  });

  it("reads AWS's defaults where the template says nothing (no rotation, 30 days)", () => {
    const r = run({ Key: { Type: 'AWS::KMS::Key', Properties: {} } });
    expect(r.design.nodes.find((n) => n.id === 'Key')!.properties).toEqual({
      enableKeyRotation: false,
      pendingWindowDays: 30,
    });
  });

  it("keeps a bucket's own key a part of the bucket, unless the layout draws it", () => {
    const resources = { Key: { Type: 'AWS::KMS::Key', Properties: {} }, A: bucket('Key') };
    expect(run(resources).report.resources.find((e) => e.sourceId === 'Key')!.outcome).toMatchObject({
      kind: 'part-of',
      nodeId: 'A',
    });
    const drawn = run(resources, { 'Archgen::Layout': { nodes: { Key: { id: 'key' }, A: { id: 'a' } } } });
    expect(drawn.design.nodes.find((n) => n.id === 'key')!.type).toBe('kms-key');
    expect(drawn.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`)).toEqual([
      'a encrypt-with key',
    ]);
  });
});

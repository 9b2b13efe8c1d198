/**
 * The AWS decisions of the lowering (issue 10 item 1), printed by CloudFormation as CDK and
 * Terraform print them: a created key for "kms", the design's public access, the web ACL where
 * WAF is on and the redrive count of each environment.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCloudFormation } from './generate.ts';
import { parseTemplate } from './template/yaml.ts';

// Templates are free-form JSON: tests index into them at will.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const files = generateCloudFormation(
  lowerDesign(
    design('Decisions')
      .region('us-east-1')
      .environments('dev', 'prod')
      .vpc()
      .node('sqs', { id: 'jobs', name: 'Jobs', properties: { encryption: 'kms', deadLetterQueue: false } })
      .node('s3', { id: 'files', name: 'Files', properties: { encryption: 'kms' } })
      .node('rds', { id: 'db', name: 'Orders db', tier: 'public', properties: { publiclyAccessible: true } })
      .node('aurora', { id: 'cluster', name: 'Cluster', tier: 'isolated' })
      .node('cloudfront', { id: 'cdn', name: 'Site cdn', properties: { waf: false } })
      .node('sqs', { id: 'q', name: 'Q', properties: { maxReceiveCount: 3 } })
      .override('prod', 'db', { publiclyAccessible: false })
      .override('prod', 'cdn', { waf: true })
      .override('prod', 'q', { maxReceiveCount: 10 })
      .build(),
  ),
);
const template = parseTemplate(files['template.yaml']!) as unknown as { Resources: Record<string, Json> };
const resources = template.Resources;
const parameters = (env: string) =>
  Object.fromEntries(
    (JSON.parse(files[`parameters/${env}.json`]!) as { ParameterKey: string; ParameterValue: string }[]).map(
      (p) => [p.ParameterKey, p.ParameterValue],
    ),
  );

describe("CloudFormation prints the lowering's AWS decisions", () => {
  it('a queue with encryption "kms" uses its own rotated key (AWS::KMS::Key), not SSE-SQS', () => {
    expect(resources.Jobs.Properties.KmsMasterKeyId).toEqual({ Ref: 'JobsKey' });
    expect(resources.Jobs.Properties.SqsManagedSseEnabled).toBeUndefined();
    expect(resources.JobsKey.Type).toBe('AWS::KMS::Key');
    expect(resources.JobsKey.Properties).toMatchObject({ EnableKeyRotation: true, PendingWindowInDays: 30 });
  });

  it('a bucket with encryption "kms" names its own key, not the AWS managed aws/s3', () => {
    const rule = resources.Files.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
    expect(rule.ServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'aws:kms',
      KMSMasterKeyID: { 'Fn::GetAtt': 'FilesKey.Arn' },
    });
    expect(resources.FilesKey.Type).toBe('AWS::KMS::Key');
  });

  it("PubliclyAccessible is the design's value in each environment (was always false)", () => {
    expect(resources.ClusterWriter.Properties.PubliclyAccessible).toBe(false);
    expect(resources.OrdersDb.Properties.PubliclyAccessible).toEqual({ Ref: 'OrdersDbPubliclyAccessible' });
    expect(parameters('dev').OrdersDbPubliclyAccessible).toBe('true');
    expect(parameters('prod').OrdersDbPubliclyAccessible).toBe('false');
  });

  it('creates the CloudFront web ACL where WAF is on', () => {
    expect(resources.SiteCdnWebAcl).toMatchObject({ Type: 'AWS::WAFv2::WebACL', Condition: 'IsProd' });
    expect(resources.SiteCdnWebAcl.Properties.Scope).toBe('CLOUDFRONT');
    expect(resources.SiteCdn.Properties.DistributionConfig.WebACLId).toEqual({
      'Fn::If': ['IsProd', { 'Fn::GetAtt': 'SiteCdnWebAcl.Arn' }, { Ref: 'AWS::NoValue' }],
    });
  });

  it("maxReceiveCount follows each environment's value", () => {
    expect(resources.Q.Properties.RedrivePolicy.maxReceiveCount).toEqual({ Ref: 'QMaxReceiveCount' });
    expect(parameters('dev').QMaxReceiveCount).toBe('3');
    expect(parameters('prod').QMaxReceiveCount).toBe('10');
  });
});

describe('tables', () => {
  it('DynamoDB: deletion protection on, encrypted under aws/dynamodb (CDK protected it, CloudFormation did not)', () => {
    const t = parseTemplate(
      generateCloudFormation(
        lowerDesign(design('T').environments('prod').node('dynamodb', { id: 't', name: 'Orders' }).build()),
      )['template.yaml']!,
    ) as unknown as { Resources: Record<string, Json> };
    expect(t.Resources.Orders.Properties).toMatchObject({
      SSESpecification: { SSEEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });
});

describe("OpenSearch zones, the lowering's per environment", () => {
  const search = generateCloudFormation(
    lowerDesign(
      design('Search')
        .environments('dev', 'prod')
        .vpc({ azCount: 3 })
        .node('opensearch', {
          id: 'search',
          name: 'Search',
          tier: 'private',
          properties: { zoneAwareness: true, instanceCount: 2 },
        })
        .override('dev', 'search', { instanceCount: 1 })
        .override('prod', 'search', { instanceCount: 6 })
        .build(),
    ),
  );
  const domain = (parseTemplate(search['template.yaml']!) as unknown as { Resources: Record<string, Json> })
    .Resources.Search.Properties;
  const params = (env: string) =>
    Object.fromEntries(
      (
        JSON.parse(search[`parameters/${env}.json`]!) as { ParameterKey: string; ParameterValue: string }[]
      ).map((p) => [p.ParameterKey, p.ParameterValue]),
    );

  it('a single-node domain is not zone aware even where the design says so (it was, with one subnet)', () => {
    expect(domain.ClusterConfig.ZoneAwarenessEnabled).toEqual({ Ref: 'SearchZoneAware' });
    expect(params('dev').SearchZoneAware).toBe('false');
    expect(params('prod').SearchZoneAware).toBe('true');
  });
});

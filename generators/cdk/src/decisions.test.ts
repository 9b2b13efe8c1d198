/**
 * The AWS decisions of the lowering (issue 10 item 1), printed by the CDK app as Terraform and
 * CloudFormation print them: a created key for "kms", the design's public access, the web ACL
 * where WAF is on and the redrive count of each environment.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from './index.ts';

const squash = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/([({[]) /g, '$1')
    .replace(/ ([)}\]])/g, '$1');

const files = generateCdk(
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
const stack = squash(files['lib/decisions-stack.ts'] ?? '');
const config = squash(files['lib/config.ts'] ?? '');

describe("the CDK app prints the lowering's AWS decisions", () => {
  it('a queue and a bucket with encryption "kms" get their own rotated keys', () => {
    expect(stack).toContain("const jobsKey = new kms.Key(this, 'JobsKey', {enableKeyRotation: true,");
    expect(stack).toContain('encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: jobsKey,');
    expect(stack).toContain("const filesKey = new kms.Key(this, 'FilesKey', {enableKeyRotation: true,");
    expect(stack).toContain('encryption: s3.BucketEncryption.KMS, encryptionKey: filesKey,');
  });

  it("publiclyAccessible is the design's value per environment; Aurora instances say false", () => {
    expect(stack).toContain('publiclyAccessible: config.ordersDbPubliclyAccessible');
    expect(config).toMatch(/ordersDbPubliclyAccessible: true,.*ordersDbPubliclyAccessible: false,/);
    expect(stack).toMatch(/ClusterInstance\.serverlessV2\('writer', \{publiclyAccessible: false,?\}\)/);
  });

  it('creates the CloudFront web ACL (us-east-1) and attaches it where WAF is on', () => {
    expect(stack).toContain("new wafv2.CfnWebACL(this, 'SiteCdnWebAcl', {scope: 'CLOUDFRONT'");
    expect(stack).toContain('webAclId: config.siteCdnWebAcl ? siteCdnWebAcl.attrArn : undefined');
    expect(config).toMatch(/siteCdnWebAcl: false,.*siteCdnWebAcl: true,/);
  });

  it("maxReceiveCount follows each environment's value", () => {
    expect(stack).toContain('maxReceiveCount: config.qMaxReceiveCount');
    expect(config).toMatch(/qMaxReceiveCount: 3,.*qMaxReceiveCount: 10,/);
  });
});

describe('shared AWS constants', () => {
  it('a REST API deploys the stage CloudFormation and Terraform deploy (and CloudFront requests)', () => {
    const rest = generateCdk(
      lowerDesign(
        design('Rest')
          .node('api-gateway', { id: 'api', name: 'Orders api', properties: { apiType: 'rest' } })
          .node('lambda', { id: 'fn', name: 'Handler' })
          .connect('api', 'fn', 'route')
          .build(),
      ),
    );
    expect(squash(rest['lib/rest-stack.ts'] ?? '')).toContain("deployOptions: {stageName: 'api',");
  });
});

describe('tables', () => {
  it('DynamoDB: deletion protection on, encrypted under aws/dynamodb (not the key DynamoDB owns)', () => {
    const t = generateCdk(
      lowerDesign(design('T').environments('prod').node('dynamodb', { id: 't', name: 'Orders' }).build()),
    );
    const code = squash(t['lib/t-stack.ts'] ?? '');
    expect(code).toContain(
      'encryption: dynamodb.TableEncryptionV2.awsManagedKey(), deletionProtection: true,',
    );
  });
});

/**
 * A bucket that receives access logs (S3 server access logs, ALB or CloudFront logs). It has no
 * access logs of its own (that would never end) and keeps logs for a year.
 */
import { requireResolved, type ResolvedComponent } from '@archgen/infra';
import type { EmitContext, Flag, Suppression } from '../context.ts';
import { getAtt, ref, sub, type TemplateValue } from '../template/intrinsics.ts';
import { denyInsecureTransport } from './common.ts';

/**
 * The log bucket the lowering decided for `owner` (absent: it logs nowhere), created where `flag`
 * holds. Returns its logical id.
 */
export function logBucket(ctx: EmitContext, owner: ResolvedComponent, flag: Flag): string | undefined {
  const decided = owner.accessLogBucket;
  if (flag === false || !decided) return undefined;
  const condition = typeof flag === 'string' ? flag : undefined;
  const id = decided.logicalId;
  const display = owner.names.display;
  const source = decided.deliveredBy;
  const { lifecycle } = decided;
  const reason =
    'Log bucket: logging its own access would recurse; its objects are the access logs of ' + display;
  const suppressions: Suppression[] = [
    { id: 'CKV_AWS_18', reason },
    { id: 'CNAG W35', reason },
  ];
  ctx.template.addResource(id, {
    Type: 'AWS::S3::Bucket',
    Condition: condition,
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Metadata: ctx.metadata([], suppressions),
    Properties: {
      // ALB log delivery supports SSE-S3 only; CloudFront standard logs need ACLs.
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: decided.objectOwnership }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: decided.versioned ? 'Enabled' : 'Suspended' },
      LifecycleConfiguration: {
        Rules: [
          {
            Id: 'expire-logs',
            Status: 'Enabled',
            ExpirationInDays: lifecycle.expirationDays,
            NoncurrentVersionExpiration: { NoncurrentDays: lifecycle.noncurrentExpirationDays },
          },
          {
            Id: 'abort-incomplete-uploads',
            Status: 'Enabled',
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: lifecycle.abortIncompleteUploadDays },
          },
        ],
      },
      Tags: ctx.tags(`${display} logs`),
    },
  });
  const statements: TemplateValue[] = [
    denyInsecureTransport('s3:*', [getAtt(id, 'Arn'), sub(`\${${id}.Arn}/*`)]),
  ];
  if (source === 's3') {
    statements.push({
      Sid: 'ServerAccessLogs',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: sub(`\${${id}.Arn}/*`),
      Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } },
    });
  } else if (source === 'alb') {
    // Who delivers in each environment's region, as the lowering decided.
    const delivery = requireResolved(decided.albLogDelivery, owner, 'ALB log delivery');
    const principals: Record<string, TemplateValue> = {};
    for (const env of ctx.environments) {
      const by = delivery[env]!;
      principals[env] =
        'account' in by
          ? { AWS: sub(`arn:\${AWS::Partition}:iam::${by.account}:root`) }
          : { Service: by.service };
    }
    statements.push({
      Sid: 'LoadBalancerLogs',
      Effect: 'Allow',
      Principal: ctx.byEnvironment(principals, {
        parameter: `${id}Principal`,
        description: `Who delivers ${display}'s load balancer logs`,
        group: display,
        literals: true,
      })!,
      Action: 's3:PutObject',
      Resource: sub(`\${${id}.Arn}/${decided.prefix}/AWSLogs/\${AWS::AccountId}/*`),
    });
  }
  ctx.template.addResource(`${id}Policy`, {
    Type: 'AWS::S3::BucketPolicy',
    Condition: condition,
    Properties: { Bucket: ref(id), PolicyDocument: { Version: '2012-10-17', Statement: statements } },
  });
  return id;
}

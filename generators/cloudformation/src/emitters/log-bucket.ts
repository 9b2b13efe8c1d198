/**
 * A bucket that receives access logs (S3 server access logs, ALB or CloudFront logs). It has no
 * access logs of its own (that would never end) and keeps logs for a year.
 */
import { regionOf, type ResolvedComponent } from '@archgen/infra';
import type { EmitContext, Flag, Suppression } from '../context.ts';
import { getAtt, ref, sub, type TemplateValue } from '../template/intrinsics.ts';
import { denyInsecureTransport } from './common.ts';

/** Regions older than August 2022 deliver ALB logs from an ELB account, not the service principal. */
const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021',
  'us-east-2': '033677994240',
  'us-west-1': '027434742980',
  'us-west-2': '797873946194',
  'af-south-1': '098369216593',
  'ap-east-1': '754344448648',
  'ap-southeast-3': '589379963580',
  'ap-south-1': '718504428378',
  'ap-northeast-3': '383597477331',
  'ap-northeast-2': '600734575887',
  'ap-southeast-1': '114774131450',
  'ap-southeast-2': '783225319266',
  'ap-northeast-1': '582318560864',
  'ca-central-1': '985666609251',
  'eu-central-1': '054676820928',
  'eu-west-1': '156460612806',
  'eu-west-2': '652711504416',
  'eu-south-1': '635631232127',
  'eu-west-3': '009996457667',
  'eu-north-1': '897822967062',
  'me-south-1': '076674570225',
  'sa-east-1': '507241528517',
};

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
    // Who delivers depends on the region each environment deploys into (graph.regions).
    const principals: Record<string, TemplateValue> = {};
    for (const env of ctx.environments) {
      const account = ELB_LOG_ACCOUNTS[regionOf(ctx.graph, env)];
      principals[env] = account
        ? { AWS: sub(`arn:\${AWS::Partition}:iam::${account}:root`) }
        : { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' };
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
      Resource: sub(`\${${id}.Arn}/AWSLogs/\${AWS::AccountId}/*`),
    });
  }
  ctx.template.addResource(`${id}Policy`, {
    Type: 'AWS::S3::BucketPolicy',
    Condition: condition,
    Properties: { Bucket: ref(id), PolicyDocument: { Version: '2012-10-17', Statement: statements } },
  });
  return id;
}

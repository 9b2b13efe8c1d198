/**
 * S3 bucket: encryption, Block Public Access, TLS-only policy (S3-01), versioning and access logs
 * (S3-02), lifecycle rules (S3-03), notifications (through EventBridge) to the functions, queues
 * and topics the design connects, and read access for CloudFront distributions (OAC, CF-02).
 */
import {
  DECIDED_PROPS,
  type ResolvedBucketNotification,
  type ResolvedPrefixLifecycleRule,
} from '@archgen/infra';
import type { PropertyValue } from '@archgen/model';
import type { ComponentEmitter, EmitContext } from '../context.ts';
import { getAtt, ref, sub, type TemplateValue } from '../template/intrinsics.ts';
import { deletionPolicies, denyInsecureTransport, retryPolicy } from './common.ts';
import { logBucket } from './log-bucket.ts';
import { componentKey, lambdaPermission } from './relationships.ts';

function lifecycleRules(
  props: Record<string, PropertyValue>,
  prefixed: readonly ResolvedPrefixLifecycleRule[],
): TemplateValue[] | undefined {
  const days = (key: string) => (typeof props[key] === 'number' ? (props[key] as number) : 0);
  const rules: TemplateValue[] = [];
  if (days('abortIncompleteUploadDays') > 0) {
    rules.push({
      Id: 'abort-incomplete-uploads',
      Status: 'Enabled',
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: days('abortIncompleteUploadDays') },
    });
  }
  const transitions: TemplateValue[] = [];
  if (props.intelligentTiering === true)
    transitions.push({ StorageClass: 'INTELLIGENT_TIERING', TransitionInDays: 0 });
  else if (days('transitionToIaDays') > 0)
    transitions.push({
      StorageClass: 'STANDARD_IA',
      TransitionInDays: Math.max(30, days('transitionToIaDays')),
    });
  if (days('transitionToGlacierDays') > 0)
    transitions.push({ StorageClass: 'GLACIER', TransitionInDays: days('transitionToGlacierDays') });
  if (transitions.length > 0)
    rules.push({ Id: 'transition-to-cheaper-storage', Status: 'Enabled', Transitions: transitions });
  if (days('expirationDays') > 0)
    rules.push({ Id: 'expire-objects', Status: 'Enabled', ExpirationInDays: days('expirationDays') });
  const noncurrent = days(DECIDED_PROPS.noncurrentVersionExpirationDays);
  if (noncurrent > 0)
    rules.push({
      Id: 'expire-noncurrent-versions',
      Status: 'Enabled',
      NoncurrentVersionExpiration: { NoncurrentDays: noncurrent },
    });
  // The lowering's rules for key prefixes, the same in every environment.
  for (const rule of prefixed)
    rules.push({
      Id: rule.id,
      Status: 'Enabled',
      Prefix: rule.prefix,
      Transitions: rule.transitions.length
        ? rule.transitions.map((t) => ({ StorageClass: t.storageClass, TransitionInDays: t.days }))
        : undefined,
      ExpirationInDays: rule.expirationDays,
    });
  return rules.length > 0 ? rules : undefined;
}

export const s3Emitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
    domainName: (id) => getAtt(id, 'RegionalDomainName'),
  },
  emit(bucket, ctx) {
    const id = bucket.names.logicalId;
    const accessLogs = ctx.flag(bucket, 'accessLogs');
    const logs = logBucket(ctx, bucket, accessLogs);

    // Notifications travel through EventBridge: the bucket only turns events on, and one rule per
    // target delivers them. S3's own notification configuration would make the bucket wait for
    // each target's permission or policy, which closes a cycle as soon as the target reads the bucket.
    const notifications = (ctx.graph.bucketNotifications ?? []).filter((n) => n.bucketId === bucket.id);
    const eventBridge = ctx.flag(bucket, 'eventNotifications');
    // SSE-S3 or the bucket's own key, as the lowering decided; CloudFront (OAC) must decrypt.
    const servedByCloudFront = ctx.graph.routes.some(
      (r) => r.kind === 'cloudfront-origin' && r.targetId === bucket.id,
    );
    const key = componentKey(ctx, bucket, {
      services: servedByCloudFront ? ['cloudfront.amazonaws.com'] : [],
    });
    const perEnvProps = Object.fromEntries(
      ctx.environments.map((env) => [
        env,
        Object.fromEntries(
          Object.entries(bucket.props).map(([key, value]) => [key, value.byEnv[env] ?? null]),
        ),
      ]),
    );
    const lifecycle = Object.fromEntries(
      ctx.environments.map((env) => {
        const rules = lifecycleRules(perEnvProps[env]!, bucket.prefixLifecycleRules ?? []);
        return [env, rules ? { Rules: rules } : undefined];
      }),
    );
    ctx.template.addResource(id, {
      Type: 'AWS::S3::Bucket',
      ...deletionPolicies(bucket),
      Metadata: ctx.metadata(bucket.acknowledgements),
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            ctx.choose(
              key ? key.used : false,
              key && {
                ServerSideEncryptionByDefault: {
                  SSEAlgorithm: 'aws:kms',
                  KMSMasterKeyID: key.arn,
                },
                BucketKeyEnabled: true,
              },
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            )!,
          ],
        },
        PublicAccessBlockConfiguration: ctx.value(bucket, 'blockPublicAccess', (on) =>
          on === true
            ? {
                BlockPublicAcls: true,
                BlockPublicPolicy: true,
                IgnorePublicAcls: true,
                RestrictPublicBuckets: true,
              }
            : undefined,
        ),
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: ctx.value(bucket, 'versioned', (on) => ({
          Status: on === true ? 'Enabled' : 'Suspended',
        })),
        LoggingConfiguration: logs
          ? ctx.choose(
              accessLogs,
              { DestinationBucketName: ref(logs), LogFilePrefix: bucket.accessLogBucket!.prefix },
              undefined,
            )
          : undefined,
        LifecycleConfiguration: ctx.byEnvironment(lifecycle, {
          parameter: `${id}Lifecycle`,
          description: `lifecycle of ${bucket.names.display}`,
          group: bucket.names.display,
        }),
        NotificationConfiguration: ctx.choose(
          eventBridge,
          { EventBridgeConfiguration: { EventBridgeEnabled: true } },
          undefined,
        ),
        Tags: ctx.tags(bucket.names.display),
      },
    });

    const statements: TemplateValue[] = [];
    const tls = ctx.flag(bucket, 'enforceTls');
    const tlsStatement = ctx.choose(
      tls,
      denyInsecureTransport('s3:*', [getAtt(id, 'Arn'), sub(`\${${id}.Arn}/*`)]),
      undefined,
    );
    if (tlsStatement) statements.push(tlsStatement);
    for (const route of ctx.graph.routes) {
      if (route.kind !== 'cloudfront-origin' || route.targetId !== bucket.id) continue;
      const distribution = ctx.logicalId(route.frontDoorId);
      statements.push({
        Sid: `ReadFrom${distribution}`,
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: sub(`\${${id}.Arn}/*`),
        Condition: {
          StringEquals: {
            'AWS:SourceArn': sub(
              `arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${distribution}}`,
            ),
          },
        },
      });
    }
    // Trails and recorders that write here: what CloudTrail's and Config's guides ask for.
    for (const delivery of bucket.logDeliveries ?? []) {
      const source = ctx.component(delivery.sourceId);
      const objects = sub(`\${${id}.Arn}/${delivery.prefix}/AWSLogs/\${AWS::AccountId}/*`);
      if (delivery.service === 'cloudtrail') {
        const trailArn = sub(
          `arn:\${AWS::Partition}:cloudtrail:\${AWS::Region}:\${AWS::AccountId}:trail/\${AWS::StackName}-${source.names.slug}`,
        );
        const principal = { Service: 'cloudtrail.amazonaws.com' };
        statements.push(
          {
            Sid: `CloudTrailAclCheck${source.names.logicalId}`,
            Effect: 'Allow',
            Principal: principal,
            Action: 's3:GetBucketAcl',
            Resource: getAtt(id, 'Arn'),
            Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
          },
          {
            Sid: `CloudTrailWrite${source.names.logicalId}`,
            Effect: 'Allow',
            Principal: principal,
            Action: 's3:PutObject',
            Resource: objects,
            Condition: {
              StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn },
            },
          },
        );
      } else {
        const principal = { Service: 'config.amazonaws.com' };
        const account = { 'aws:SourceAccount': ref('AWS::AccountId') };
        statements.push(
          {
            Sid: `ConfigAclCheck${source.names.logicalId}`,
            Effect: 'Allow',
            Principal: principal,
            Action: ['s3:GetBucketAcl', 's3:ListBucket'],
            Resource: getAtt(id, 'Arn'),
            Condition: { StringEquals: account },
          },
          {
            Sid: `ConfigWrite${source.names.logicalId}`,
            Effect: 'Allow',
            Principal: principal,
            Action: 's3:PutObject',
            Resource: objects,
            Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...account } },
          },
        );
      }
    }
    if (statements.length > 0) {
      ctx.template.addResource(`${id}Policy`, {
        Type: 'AWS::S3::BucketPolicy',
        Properties: { Bucket: ref(id), PolicyDocument: { Version: '2012-10-17', Statement: statements } },
      });
    }
    for (const notification of notifications) emitNotificationRule(notification, ctx);
    ctx.output(bucket, 'Name', ref(id), 'Bucket name');
  },
};

function emitNotificationRule(notification: ResolvedBucketNotification, ctx: EmitContext): void {
  const id = notification.rule.logicalId;
  const bucket = ctx.logicalId(notification.bucketId);
  const targetLogicalId = ctx.logicalId(notification.targetId);
  ctx.template.addResource(id, {
    Type: 'AWS::Events::Rule',
    Properties: {
      Description: `Object events of ${ctx.component(notification.bucketId).names.display}`.slice(0, 512),
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': notification.detailTypes,
        detail: { bucket: { name: [ref(bucket)] } },
      },
      State: 'ENABLED',
      Targets: [
        {
          Id: targetLogicalId.slice(0, 64),
          Arn: ctx.attribute(notification.targetId, 'arn'),
          RetryPolicy: retryPolicy(notification.retry),
          SqsParameters:
            notification.targetKind === 'sqs' &&
            ctx.constant(ctx.component(notification.targetId), 'fifo') === true
              ? { MessageGroupId: notification.messageGroupId }
              : undefined,
        },
      ],
    },
  });
  if (notification.targetKind === 'lambda') {
    lambdaPermission(
      ctx,
      notification.targetId,
      `${targetLogicalId}InvokeFrom${id}`,
      'events.amazonaws.com',
      {
        arn: getAtt(id, 'Arn'),
      },
    );
  }
}

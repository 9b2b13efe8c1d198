/** S3 buckets. */
import type { ResolvedComponent } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, lit, member, newExpr, obj, thisExpr } from '../ts/ast.ts';
import { accessLogsBucket, acknowledgeDesignRisks, encryptionKey, removalPolicy, withKey } from './common.ts';

function lifecycleRule(ctx: StackContext, component: ResolvedComponent): Expr | undefined {
  const days = (key: string) => (ctx.has(component, key) ? ctx.num(component, key) : 0);
  const transitions: Expr[] = [];
  if (ctx.has(component, 'intelligentTiering') && ctx.bool(component, 'intelligentTiering'))
    transitions.push(
      obj({
        storageClass: ctx.api('s3', 'StorageClass.INTELLIGENT_TIERING'),
        transitionAfter: ctx.duration('days', lit(0)),
      }),
    );
  if (days('transitionToIaDays') > 0)
    transitions.push(
      obj({
        storageClass: ctx.api('s3', 'StorageClass.INFREQUENT_ACCESS'),
        transitionAfter: ctx.duration('days', lit(days('transitionToIaDays'))),
      }),
    );
  if (days('transitionToGlacierDays') > 0)
    transitions.push(
      obj({
        storageClass: ctx.api('s3', 'StorageClass.GLACIER'),
        transitionAfter: ctx.duration('days', lit(days('transitionToGlacierDays'))),
      }),
    );
  const expiration = days('expirationDays');
  const abort = days('abortIncompleteUploadDays');
  if (!transitions.length && expiration <= 0 && abort <= 0) return undefined;
  return obj({
    id: lit('archgen-lifecycle'),
    transitions: transitions.length ? arr(transitions) : undefined,
    expiration: expiration > 0 ? ctx.duration('days', lit(expiration)) : undefined,
    abortIncompleteMultipartUploadAfter: abort > 0 ? ctx.duration('days', lit(abort)) : undefined,
    noncurrentVersionExpiration: ctx.bool(component, 'versioned') ? ctx.duration('days', lit(90)) : undefined,
  });
}

export const s3Emitter: ComponentEmitter = {
  emit(component, ctx) {
    const key = encryptionKey(ctx, component);
    const logs = ctx.any(component, 'accessLogs') ? accessLogsBucket(ctx) : undefined;
    const rule = lifecycleRule(ctx, component);
    const eventBridge = ctx.has(component, 'eventNotifications') && ctx.bool(component, 'eventNotifications');
    if (eventBridge) ctx.usesBucketNotifications = true;
    const bucket = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('s3', 'Bucket'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          blockPublicAccess: ctx.choose(component, 'blockPublicAccess', (v) =>
            v === true ? ctx.api('s3', 'BlockPublicAccess.BLOCK_ALL') : lit(undefined),
          ),
          enforceSSL: ctx.value(component, 'enforceTls'),
          encryption: withKey(
            key,
            ctx.api('s3', 'BucketEncryption.KMS'),
            ctx.api('s3', 'BucketEncryption.S3_MANAGED'),
          ),
          encryptionKey: key?.key,
          bucketKeyEnabled: withKey(key, lit(true), undefined),
          versioned: ctx.value(component, 'versioned'),
          lifecycleRules: rule ? arr([rule]) : undefined,
          serverAccessLogsBucket: logs
            ? ctx.choose(component, 'accessLogs', (v) => (v === true ? logs : lit(undefined)))
            : undefined,
          serverAccessLogsPrefix: logs ? lit(`${component.names.slug}/`) : undefined,
          eventBridgeEnabled: eventBridge ? lit(true) : undefined,
          removalPolicy: removalPolicy(ctx, 'RETAIN'),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, bucket);
    ctx.register(component.id, {
      construct: bucket,
      attributes: {
        arn: member(bucket, 'bucketArn'),
        name: member(bucket, 'bucketName'),
        domainName: member(bucket, 'bucketRegionalDomainName'),
        url: member(bucket, 'bucketWebsiteUrl'),
      },
    });
  },
};

/** S3 buckets. */
import { DECIDED_PROPS, type ResolvedComponent } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, binary, cond, lit, member, newExpr, obj } from '../ts/ast.ts';
import { onlyWhere } from '../context.ts';
import {
  accessLogBucket,
  acknowledgeDesignRisks,
  encryptionKey,
  protectionPolicy,
  withKey,
} from './common.ts';

/** Items of which some exist only where a config test holds: `test ? [a, b] : [a]`. */
function arrayWhere(items: { item: Expr; test?: Expr }[]): Expr | undefined {
  const build = (i: number, kept: Expr[]): Expr | undefined => {
    const next = items[i];
    if (!next) return kept.length ? arr(kept) : undefined;
    if (!next.test) return build(i + 1, [...kept, next.item]);
    const withItem = build(i + 1, [...kept, next.item]) as Expr;
    const without = build(i + 1, kept);
    return cond(next.test, withItem, without ?? lit(undefined));
  };
  return build(0, []);
}

const CDK_STORAGE_CLASS = {
  STANDARD_IA: 'INFREQUENT_ACCESS',
  GLACIER: 'GLACIER',
  INTELLIGENT_TIERING: 'INTELLIGENT_TIERING',
} as const;

/**
 * The bucket's lifecycle rule (as `lifecycleRules`), then its rules for key prefixes. Each action is on in the environments whose days are > 0
 * (config leaves the days unset elsewhere), so dev can expire objects that prod keeps.
 */
function lifecycleRules(ctx: StackContext, component: ResolvedComponent): Expr | undefined {
  const days = (key: string) =>
    ctx.has(component, key) ? ctx.optional(component, key, (d) => typeof d === 'number' && d > 0) : undefined;
  const transitions: { item: Expr; test?: Expr }[] = [];
  const tiering = ctx.flag(component, 'intelligentTiering');
  if (tiering)
    transitions.push({
      item: obj({
        storageClass: ctx.api('s3', 'StorageClass.INTELLIGENT_TIERING'),
        transitionAfter: ctx.duration('days', lit(0)),
      }),
      test: tiering.test,
    });
  for (const [key, storageClass] of [
    ['transitionToIaDays', 'INFREQUENT_ACCESS'],
    ['transitionToGlacierDays', 'GLACIER'],
  ] as const) {
    const after = days(key);
    if (after)
      transitions.push({
        item: obj({
          storageClass: ctx.api('s3', `StorageClass.${storageClass}`),
          transitionAfter: ctx.duration('days', after.value),
        }),
        test: after.test,
      });
  }
  const expiration = days('expirationDays');
  const abort = days('abortIncompleteUploadDays');
  const noncurrent = days(DECIDED_PROPS.noncurrentVersionExpirationDays);
  const actions = [...transitions, expiration, abort, noncurrent].filter((a) => a !== undefined);
  // The lowering's rules for key prefixes, the same in every environment.
  const prefixed = (component.prefixLifecycleRules ?? []).map((r) =>
    obj({
      id: lit(r.id),
      prefix: lit(r.prefix),
      transitions: r.transitions.length
        ? arr(
            r.transitions.map((t) =>
              obj({
                storageClass: ctx.api('s3', `StorageClass.${CDK_STORAGE_CLASS[t.storageClass]}`),
                transitionAfter: ctx.duration('days', lit(t.days)),
              }),
            ),
          )
        : undefined,
      expiration: r.expirationDays !== undefined ? ctx.duration('days', lit(r.expirationDays)) : undefined,
    }),
  );
  if (!actions.length) return prefixed.length ? arr(prefixed) : undefined;
  const rule = obj({
    id: lit('archgen-lifecycle'),
    transitions: arrayWhere(transitions),
    expiration: expiration && onlyWhere(expiration.test, ctx.duration('days', expiration.value)),
    abortIncompleteMultipartUploadAfter: abort && onlyWhere(abort.test, ctx.duration('days', abort.value)),
    noncurrentVersionExpiration:
      noncurrent && onlyWhere(noncurrent.test, ctx.duration('days', noncurrent.value)),
  });
  // A rule needs an action: where every action is off in some environment, the rule is too.
  const always = actions.some((a) => !a.test);
  const tests = actions.map((a) => a.test).filter((t): t is Expr => t !== undefined);
  return always
    ? arr([rule, ...prefixed])
    : cond(
        tests.reduce((l, r) => binary('||', l, r)),
        arr([rule, ...prefixed]),
        prefixed.length ? arr(prefixed) : lit(undefined),
      );
}

export const s3Emitter: ComponentEmitter = {
  emit(component, ctx) {
    const key = encryptionKey(ctx, component);
    const logs = accessLogBucket(ctx, component);
    const rule = lifecycleRules(ctx, component);
    // EventBridge notifications where the environment sends them (config.ts where they vary).
    const eventBridge = ctx.flag(component, 'eventNotifications');
    if (eventBridge) ctx.usesBucketNotifications = true;
    const bucket = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('s3', 'Bucket'),
        ctx.scope,
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
          lifecycleRules: rule,
          serverAccessLogsBucket: logs?.bucket,
          serverAccessLogsPrefix: logs ? lit(component.accessLogBucket!.prefix) : undefined,
          eventBridgeEnabled: eventBridge ? (eventBridge.test ?? lit(true)) : undefined,
          // Never autoDeleteObjects: a bucket that still holds objects is not deleted (DESTROY fails).
          removalPolicy: protectionPolicy(ctx, component),
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

/**
 * A private, encrypted, TLS-only bucket with the split aws_s3_bucket_* resources: the S3 emitter's
 * buckets and the access log buckets of ALB and CloudFront.
 */
import {
  type BodyInput,
  type BodyItem,
  type Expr,
  attr,
  block,
  cond,
  literal,
  list,
  nul,
  ref,
  str,
  tpl,
} from '../hcl/ast.ts';
import type { ResolvedAccessLogBucket, ResolvedComponent } from '@archgen/infra';
import type { Presence, TfContext } from '../context.ts';
import { denyInsecureTransport, jsonencode, tags } from './common.ts';

/** An enabled lifecycle rule over the whole bucket (empty filter) with these actions. */
/** A lifecycle rule for every object, or for those under `prefix`. */
export function lifecycleRule(id: string, actions: BodyInput[], prefix?: string): BodyItem {
  return block(
    'rule',
    [],
    [
      attr('id', str(id)),
      attr('status', str('Enabled')),
      block('filter', [], prefix === undefined ? [] : [attr('prefix', str(prefix))]),
      ...actions,
    ],
  );
}

/**
 * An attribute of bucket `name`: `[count.index]` from the bucket's own resources when it exists in
 * some environments only (`within`), `[0]` from elsewhere (blocks that exist where it does).
 */
export function bucketAttribute(
  name: string,
  attribute: string,
  presence?: Presence,
  from: 'within' | 'outside' = 'outside',
): Expr {
  const at = presence?.count ? (from === 'within' ? '[count.index]' : '[0]') : '';
  return ref(`aws_s3_bucket.${name}${at}.${attribute}`);
}

/** `customer` where the bucket's key is used, `otherwise` elsewhere. */
function kmsOr(kms: false | { where: true | Expr }, customer: Expr, otherwise: Expr): Expr {
  if (kms === false) return otherwise;
  return kms.where === true ? customer : cond(kms.where, customer, otherwise);
}

export function emitBucket(
  ctx: TfContext,
  name: string,
  display: string,
  options: {
    prefix: Expr;
    /** The bucket's customer managed key and where it is used (true = every environment). */
    kms: false | { arn: Expr; where: true | Expr };
    versioned: Expr;
    extraComments?: BodyItem[];
    leading?: string[];
    policyStatements?: unknown[];
    /** For access log buckets: the lowering's decision (ownership, lifecycle). */
    logBucket?: ResolvedAccessLogBucket;
    /** The bucket's lifecycle block (prevent_destroy where the lowering keeps it). */
    lifecycle?: BodyItem;
    /** Where the bucket exists when not in every environment (an access log bucket). */
    presence?: Presence;
  },
): void {
  const logBucket = options.logBucket;
  const bucket = bucketAttribute(name, 'id', options.presence, 'within');
  const arn = bucketAttribute(name, 'arn', options.presence, 'within');
  const count = options.presence?.count && attr('count', options.presence.count);
  ctx.add(
    'data.tf',
    block(
      'resource',
      ['aws_s3_bucket', name],
      [
        count,
        options.extraComments,
        attr('bucket_prefix', options.prefix),
        // Never empties a bucket to delete it: a bucket holding objects stays (the provider's default, said out loud).
        attr('force_destroy', literal(false)),
        tags(display),
        options.lifecycle,
      ],
      options.leading ?? [],
    ),
    block(
      'resource',
      ['aws_s3_bucket_public_access_block', name],
      [
        count,
        attr('bucket', bucket),
        attr('block_public_acls', literal(true)),
        attr('block_public_policy', literal(true)),
        attr('ignore_public_acls', literal(true)),
        attr('restrict_public_buckets', literal(true)),
      ],
    ),
    block(
      'resource',
      ['aws_s3_bucket_ownership_controls', name],
      [
        count,
        attr('bucket', bucket),
        block(
          'rule',
          [],
          [attr('object_ownership', str(logBucket?.objectOwnership ?? 'BucketOwnerEnforced'))],
        ),
      ],
    ),
    block(
      'resource',
      ['aws_s3_bucket_versioning', name],
      [
        count,
        attr('bucket', bucket),
        block('versioning_configuration', [], [attr('status', options.versioned)]),
      ],
    ),
    block(
      'resource',
      ['aws_s3_bucket_server_side_encryption_configuration', name],
      [
        count,
        attr('bucket', bucket),
        block(
          'rule',
          [],
          [
            block(
              'apply_server_side_encryption_by_default',
              [],
              [
                attr('sse_algorithm', kmsOr(options.kms, str('aws:kms'), str('AES256'))),
                options.kms && attr('kms_master_key_id', kmsOr(options.kms, options.kms.arn, nul)),
              ],
            ),
            options.kms && attr('bucket_key_enabled', kmsOr(options.kms, literal(true), literal(false))),
          ],
        ),
      ],
    ),
    block(
      'resource',
      ['aws_s3_bucket_policy', name],
      [
        count,
        attr('bucket', bucket),
        attr(
          'policy',
          jsonencode({
            Version: '2012-10-17',
            Statement: [
              denyInsecureTransport('s3:*', [arn, tpl(arn, '/*')]),
              ...(options.policyStatements ?? []),
            ],
          }),
        ),
        attr('depends_on', list([ref(`aws_s3_bucket_public_access_block.${name}`)])),
      ],
    ),
  );
  if (logBucket) {
    const { lifecycle } = logBucket;
    ctx.add(
      'data.tf',
      block(
        'resource',
        ['aws_s3_bucket_lifecycle_configuration', name],
        [
          count,
          attr('bucket', bucket),
          lifecycleRule('expire-logs', [
            block('expiration', [], [attr('days', literal(lifecycle.expirationDays))]),
            block(
              'noncurrent_version_expiration',
              [],
              [attr('noncurrent_days', literal(lifecycle.noncurrentExpirationDays))],
            ),
          ]),
          lifecycleRule('abort-incomplete-uploads', [
            block(
              'abort_incomplete_multipart_upload',
              [],
              [attr('days_after_initiation', literal(lifecycle.abortIncompleteUploadDays))],
            ),
          ]),
        ],
      ),
    );
  }
}

/** Where a source's access log bucket exists: the environments that log, as the lowering decided. */
export function accessLogPresence(ctx: TfContext, c: ResolvedComponent): Presence | undefined {
  const enabled = c.accessLogBucket?.enabled;
  return ctx.presentWhere(
    c,
    'access_logs_count',
    'Whether access logs are written (and their bucket exists)',
    (env) => enabled?.byEnv[env] === true,
  );
}

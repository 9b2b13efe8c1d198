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
import type { ResolvedAccessLogBucket } from '@archgen/infra';
import type { TfContext } from '../context.ts';
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
  },
): void {
  const logBucket = options.logBucket;
  const bucket = ref(`aws_s3_bucket.${name}.id`);
  const arn = ref(`aws_s3_bucket.${name}.arn`);
  ctx.add(
    'data.tf',
    block(
      'resource',
      ['aws_s3_bucket', name],
      [
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
      [attr('bucket', bucket), block('versioning_configuration', [], [attr('status', options.versioned)])],
    ),
    block(
      'resource',
      ['aws_s3_bucket_server_side_encryption_configuration', name],
      [
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

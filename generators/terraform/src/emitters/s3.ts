/**
 * S3 bucket with the split aws_s3_bucket_* resources: public access block, versioning, SSE,
 * lifecycle, TLS-only policy (plus CloudFront OAC read), and EventBridge rules forwarding its
 * notifications to functions, queues and topics.
 */
import {
  DECIDED_PROPS,
  requireResolved,
  type ResolvedBucketNotification,
  type ResolvedComponent,
} from '@archgen/infra';
import {
  type BodyInput,
  type BodyItem,
  type Expr,
  attr,
  block,
  call,
  index,
  literal,
  list,
  num,
  obj,
  ref,
  str,
  tpl,
} from '../hcl/ast.ts';
import { type ComponentEmitter, type TfContext, snake } from '../context.ts';
import {
  componentKey,
  lambdaPermission,
  protectionLifecycle,
  retryPolicy,
  skip,
  usesCustomerKey,
} from './common.ts';
import { accessLogPresence, bucketAttribute, emitBucket, lifecycleRule } from './buckets.ts';

const address = (c: ResolvedComponent) => `aws_s3_bucket.${c.names.tfName}`;

/** A trail's name at most (CloudTrail's limit), as the trail's emitter cuts it too. */
const TRAIL_NAME_MAX = 128;

function versioningStatus(ctx: TfContext, c: ResolvedComponent): Expr {
  return ctx.prop(
    c,
    'versioned',
    (v) => (v === false ? 'Suspended' : 'Enabled'),
    `${c.names.tfName}_versioning_status`,
  );
}

/**
 * A lifecycle action that exists in the environments where its days are > 0: a plain block when
 * that is every environment, a dynamic block over a per-environment list otherwise.
 */
function dayAction(
  ctx: TfContext,
  c: ResolvedComponent,
  key: string,
  type: string,
  body: (days: Expr) => BodyInput[],
): BodyInput {
  if (!ctx.some(c, key, (v) => typeof v === 'number' && v > 0)) return undefined;
  if (!ctx.varies(c, key)) return block(type, [], body(ctx.prop(c, key)));
  const days = ctx.derived(c, snake(key), key, (env) => {
    const v = ctx.numIn(c, key, env);
    return v > 0 ? [v] : [];
  });
  return block('dynamic', [type], [attr('for_each', days), block('content', [], body(ref(`${type}.value`)))]);
}

/**
 * The first transition: into Intelligent-Tiering at once where the environment tiers, else to
 * Standard-IA after the design's days; a dynamic block when environments differ on tiering.
 */
function firstTransition(
  ctx: TfContext,
  c: ResolvedComponent,
  tieringIn: (env: string) => boolean,
): BodyInput {
  const ia = (days: Expr) => [attr('days', days), attr('storage_class', str('STANDARD_IA'))];
  const tiered = ctx.environments.map(tieringIn);
  if (!tiered.includes(false))
    return block('transition', [], [attr('days', num(0)), attr('storage_class', str('INTELLIGENT_TIERING'))]);
  if (!tiered.includes(true)) return dayAction(ctx, c, 'transitionToIaDays', 'transition', ia);
  const transitions = ctx.derived(c, 'first_transition', 'First storage class transition', (env) => {
    if (tieringIn(env)) return [{ days: 0, storage_class: 'INTELLIGENT_TIERING' }];
    const days = ctx.numIn(c, 'transitionToIaDays', env);
    return days > 0 ? [{ days, storage_class: 'STANDARD_IA' }] : [];
  });
  return block(
    'dynamic',
    ['transition'],
    [
      attr('for_each', transitions),
      block(
        'content',
        [],
        [
          attr('days', ref('transition.value.days')),
          attr('storage_class', ref('transition.value.storage_class')),
        ],
      ),
    ],
  );
}

function lifecycle(ctx: TfContext, c: ResolvedComponent): void {
  const tieringIn = (env: string) => ctx.flagIn(c, 'intelligentTiering', env);
  const tiering = ctx.environments.some(tieringIn);
  const positive = (key: string) => ctx.some(c, key, (v) => typeof v === 'number' && v > 0);
  const rules: BodyItem[] = [];
  if (positive('abortIncompleteUploadDays'))
    rules.push(
      lifecycleRule('abort-incomplete-uploads', [
        dayAction(ctx, c, 'abortIncompleteUploadDays', 'abort_incomplete_multipart_upload', (days) => [
          attr('days_after_initiation', days),
        ]),
      ]),
    );
  const transitions = tiering || ['transitionToIaDays', 'transitionToGlacierDays'].some(positive);
  if (!transitions && positive('expirationDays') && ctx.varies(c, 'expirationDays')) {
    // Only an expiration, and not in every environment: the whole rule exists where it does (a
    // rule without an action is refused).
    const days = ctx.derived(c, snake('expirationDays'), 'expirationDays', (env) => {
      const v = ctx.numIn(c, 'expirationDays', env);
      return v > 0 ? [v] : [];
    });
    rules.push(
      block(
        'dynamic',
        ['rule'],
        [
          attr('for_each', days),
          block(
            'content',
            [],
            [
              attr('id', str('storage-classes')),
              attr('status', str('Enabled')),
              block('filter', [], []),
              block('expiration', [], [attr('days', ref('rule.value'))]),
            ],
          ),
        ],
      ),
    );
  } else if (transitions || positive('expirationDays')) {
    const actions = [
      firstTransition(ctx, c, tieringIn),
      dayAction(ctx, c, 'transitionToGlacierDays', 'transition', (days) => [
        attr('days', days),
        attr('storage_class', str('GLACIER')),
      ]),
      dayAction(ctx, c, 'expirationDays', 'expiration', (days) => [attr('days', days)]),
    ];
    // The rule exists where the environment has an action (a rule without one is refused).
    const acts = (env: string) =>
      tieringIn(env) ||
      ['transitionToIaDays', 'transitionToGlacierDays', 'expirationDays'].some(
        (key) => ctx.numIn(c, key, env) > 0,
      );
    const presence = ctx.presentWhere(
      c,
      'storage_classes_rule_count',
      'Whether objects change storage class or expire',
      acts,
    );
    if (presence?.count)
      rules.push(
        ctx.presentBlock('rule', presence, [
          attr('id', str('storage-classes')),
          attr('status', str('Enabled')),
          block('filter', [], []),
          ...actions,
        ]),
      );
    else rules.push(lifecycleRule('storage-classes', actions));
  }
  if (positive(DECIDED_PROPS.noncurrentVersionExpirationDays))
    rules.push(
      lifecycleRule('expire-noncurrent-versions', [
        dayAction(
          ctx,
          c,
          DECIDED_PROPS.noncurrentVersionExpirationDays,
          'noncurrent_version_expiration',
          (days) => [attr('noncurrent_days', days)],
        ),
      ]),
    );
  // The lowering's rules for key prefixes, the same in every environment.
  for (const rule of c.prefixLifecycleRules ?? [])
    rules.push(
      lifecycleRule(
        rule.id,
        [
          ...rule.transitions.map((t) =>
            block('transition', [], [attr('days', num(t.days)), attr('storage_class', str(t.storageClass))]),
          ),
          rule.expirationDays !== undefined &&
            block('expiration', [], [attr('days', num(rule.expirationDays))]),
        ],
        rule.prefix,
      ),
    );
  if (rules.length === 0) return;
  ctx.add(
    'data.tf',
    block(
      'resource',
      ['aws_s3_bucket_lifecycle_configuration', c.names.tfName],
      [attr('bucket', ref(`${address(c)}.id`)), rules],
    ),
  );
}

/**
 * The bucket sends its events to EventBridge (where the design asks for it, and always when it
 * notifies anyone), and one rule per notified function, queue or topic forwards them, as the
 * lowering decided for every target.
 */
function notifications(ctx: TfContext, c: ResolvedComponent): void {
  const forwarded = (ctx.graph.bucketNotifications ?? []).filter((n) => n.bucketId === c.id);
  if (forwarded.length === 0 && !ctx.some(c, 'eventNotifications', (v) => v === true)) return;
  ctx.add(
    'data.tf',
    block(
      'resource',
      ['aws_s3_bucket_notification', c.names.tfName],
      [attr('bucket', ref(`${address(c)}.id`)), attr('eventbridge', ctx.prop(c, 'eventNotifications'))],
    ),
  );
  for (const n of forwarded) notificationRule(ctx, c, n);
}

function notificationRule(ctx: TfContext, bucket: ResolvedComponent, n: ResolvedBucketNotification): void {
  const target = ctx.component(n.targetId);
  const rule = `aws_cloudwatch_event_rule.${n.rule.tfName}`;
  const fifoQueue = target.type === 'sqs' && ctx.flag(target, 'fifo');
  ctx.add(
    'data.tf',
    block(
      'resource',
      ['aws_cloudwatch_event_rule', n.rule.tfName],
      [
        attr('name', ctx.physicalName(`${bucket.names.slug}-to-${target.names.slug}`, 64)),
        attr('description', str(`Object events of ${bucket.names.display}`.slice(0, 512))),
        attr(
          'event_pattern',
          call(
            'jsonencode',
            obj({
              source: literal(['aws.s3']),
              'detail-type': literal(n.detailTypes),
              detail: obj({ bucket: obj({ name: list([ref(`${address(bucket)}.id`)]) }) }),
            }),
          ),
        ),
      ],
    ),
  );
  ctx.add(
    'data.tf',
    block(
      'resource',
      ['aws_cloudwatch_event_target', n.rule.tfName],
      [
        attr('rule', ref(`${rule}.name`)),
        attr('target_id', str(target.names.slug.slice(0, 64))),
        attr('arn', ctx.attribute(target.id, 'arn')),
        fifoQueue && block('sqs_target', [], [attr('message_group_id', str(n.messageGroupId))]),
        retryPolicy(n.retry),
      ],
    ),
  );
  if (n.targetKind === 'lambda')
    lambdaPermission(ctx, `${n.rule.tfName}_invoke`, target.id, 'events.amazonaws.com', ref(`${rule}.arn`));
}

/**
 * What CloudTrail's and Config's guides ask of a bucket they write to. The account comes from the
 * ARN of the writer's role (no lookup at plan time); a trail without one (no CloudWatch Logs) is
 * matched by its name in any account, and its files may go under any account's folder.
 */
function logDeliveryStatements(ctx: TfContext, c: ResolvedComponent): unknown[] {
  return (c.logDeliveries ?? []).flatMap((delivery): unknown[] => {
    const source = ctx.component(delivery.sourceId);
    const roleId = source.trail?.logsRoleId ?? source.configRecorder?.roleId;
    const role = roleId ? ctx.graph.roles.find((r) => r.id === roleId) : undefined;
    const account = role ? index(call('split', str(':'), ctx.roleArn(role)), num(4)) : str('*');
    const objects = tpl(ref(`${address(c)}.arn`), `/${delivery.prefix}/AWSLogs/`, account, '/*');
    const id = source.names.logicalId;
    if (delivery.service === 'config') {
      const principal = { Service: 'config.amazonaws.com' };
      return [
        {
          Sid: `ConfigAclCheck${id}`,
          Effect: 'Allow',
          Principal: principal,
          Action: ['s3:GetBucketAcl', 's3:ListBucket'],
          Resource: ref(`${address(c)}.arn`),
          Condition: { StringEquals: { 'aws:SourceAccount': account } },
        },
        {
          Sid: `ConfigWrite${id}`,
          Effect: 'Allow',
          Principal: principal,
          Action: 's3:PutObject',
          Resource: objects,
          Condition: {
            StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': account },
          },
        },
      ];
    }
    const trailArn = tpl(
      'arn:aws:cloudtrail:',
      ref('var.region'),
      ':',
      account,
      ':trail/',
      ctx.physicalName(source.names.slug, TRAIL_NAME_MAX),
    );
    const matches = role ? 'StringEquals' : 'ArnLike';
    const principal = { Service: 'cloudtrail.amazonaws.com' };
    return [
      {
        Sid: `CloudTrailAclCheck${id}`,
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:GetBucketAcl',
        Resource: ref(`${address(c)}.arn`),
        Condition: { [matches]: { 'aws:SourceArn': trailArn } },
      },
      {
        Sid: `CloudTrailWrite${id}`,
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:PutObject',
        Resource: objects,
        Condition: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' },
          [matches]: { 'aws:SourceArn': trailArn },
        },
      },
    ];
  });
}

export const s3Emitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_s3_bucket.${name}.arn`),
    name: (name) => ref(`aws_s3_bucket.${name}.id`),
    id: (name) => ref(`aws_s3_bucket.${name}.id`),
    domainName: (name) => ref(`aws_s3_bucket.${name}.bucket_regional_domain_name`),
  },
  emit(c, ctx) {
    const distributions = ctx.graph.routes.filter(
      (r) => r.kind === 'cloudfront-origin' && r.targetId === c.id,
    );
    const accessLogs = accessLogPresence(ctx, c);
    const ack = ctx.acknowledgements(c);
    const comments: BodyItem[] = [...ack.inner];
    if (!accessLogs || accessLogs.count)
      comments.push(skip('CKV_AWS_18', 'access logging is off in the design (S3-02)'));
    comments.push(
      skip('CKV_AWS_144', 'cross-region replication is a disaster-recovery decision outside this design'),
    );
    const customer = usesCustomerKey(ctx, c);
    if (customer !== true) comments.push(skip('CKV_AWS_145', 'SSE-S3 encryption chosen in the design'));
    if (ctx.some(c, 'eventNotifications', (v) => v !== true))
      comments.push(skip('CKV2_AWS_62', 'event notifications are off in the design'));
    emitBucket(ctx, c.names.tfName, c.names.display, {
      prefix: tpl(ctx.physicalName(c.names.slug, 36), '-'),
      kms:
        customer === false
          ? false
          : {
              // CloudFront reads objects through Origin Access Control, so it must decrypt.
              arn: componentKey(
                ctx,
                c,
                `${c.names.tfName}_bucket`,
                distributions.length > 0 ? ['cloudfront.amazonaws.com'] : [],
              ),
              where: customer,
            },
      versioned: versioningStatus(ctx, c),
      extraComments: comments,
      leading: ack.leading,
      lifecycle: protectionLifecycle(c),
      policyStatements: [
        ...distributions.map((r, i) => ({
          Sid: `AllowCloudFrontRead${i}`,
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: tpl(ref(`${address(c)}.arn`), '/*'),
          Condition: { StringEquals: { 'AWS:SourceArn': ctx.attribute(r.frontDoorId, 'arn') } },
        })),
        ...logDeliveryStatements(ctx, c),
      ],
    });
    if (accessLogs) {
      const logs = `${c.names.tfName}_access_logs`;
      emitBucket(ctx, logs, `${c.names.display} access logs`, {
        prefix: tpl(ctx.physicalName(`${c.names.slug}-logs`, 36), '-'),
        kms: false,
        versioned: literal('Enabled'),
        logBucket: requireResolved(c.accessLogBucket, c, 'access log bucket'),
        presence: accessLogs,
        extraComments: [skip('CKV_AWS_18', 'this is the access log bucket; logging it would recurse')],
        leading: ['trivy:ignore:AVD-AWS-0089'],
        policyStatements: [
          {
            Sid: 'AllowServerAccessLogs',
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: tpl(bucketAttribute(logs, 'arn', accessLogs, 'within'), '/*'),
            Condition: { ArnLike: { 'aws:SourceArn': ref(`${address(c)}.arn`) } },
          },
        ],
      });
      ctx.add(
        'data.tf',
        block(
          'resource',
          ['aws_s3_bucket_logging', c.names.tfName],
          [
            accessLogs.count && attr('count', accessLogs.count),
            attr('bucket', ref(`${address(c)}.id`)),
            attr('target_bucket', bucketAttribute(logs, 'id', accessLogs, 'within')),
            attr('target_prefix', str(requireResolved(c.accessLogBucket, c, 'access log bucket').prefix)),
          ],
        ),
      );
    }
    lifecycle(ctx, c);
    notifications(ctx, c);
    ctx.output(
      `${c.names.tfName}_bucket`,
      ref(`${address(c)}.id`),
      `Name of the bucket "${c.names.display}"`,
    );
  },
};

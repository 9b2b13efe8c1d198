/**
 * Lambda function. The code artifact comes from S3 (var.artifact_bucket + a key per function),
 * so plan needs no local file and no extra provider; README and tfvars say what to upload. An
 * image function (the lowering's containerImage) runs the repository's image instead: package
 * type Image, no runtime, handler or artifact.
 * Event source mappings for the queues/streams that trigger it live here too.
 */
import type { ResolvedComponent, ResolvedEventSource } from '@archgen/infra';
import { compareIds } from '@archgen/infra';
import { type Expr, attr, block, call, index, list, literal, num, obj, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { efsMountTargets, physical, placementSubnets, skip, tags } from './common.ts';

const address = (c: ResolvedComponent) => `aws_lambda_function.${c.names.tfName}`;

export function environmentVariables(ctx: TfContext, c: ResolvedComponent): Expr | undefined {
  if (c.environment.length === 0) return undefined;
  const sorted = [...c.environment].sort((a, b) => compareIds(a.name, b.name));
  return obj(
    sorted.map((v): [string, Expr] => [
      v.name,
      'literal' in v.value ? str(v.value.literal) : ctx.ref(v.value),
    ]),
  );
}

function emitEventSource(ctx: TfContext, fn: ResolvedComponent, e: ResolvedEventSource): void {
  const source = ctx.component(e.sourceId);
  const stream = e.sourceKind !== 'sqs';
  ctx.add(
    'compute.tf',
    block(
      'resource',
      ['aws_lambda_event_source_mapping', `${source.names.tfName}_to_${fn.names.tfName}`],
      [
        attr(
          'event_source_arn',
          ctx.attribute(source.id, e.sourceKind === 'dynamodb-stream' ? 'streamArn' : 'arn'),
        ),
        attr('function_name', ref(`${address(fn)}.arn`)),
        attr('batch_size', literal(e.batchSize)),
        e.maxBatchingWindowSeconds > 0 &&
          attr('maximum_batching_window_in_seconds', literal(e.maxBatchingWindowSeconds)),
        stream && attr('starting_position', str(e.startingPosition ?? 'LATEST')),
        e.sourceKind === 'sqs' && attr('function_response_types', literal(['ReportBatchItemFailures'])),
        e.sourceKind === 'msk' && attr('topics', literal([e.topic ?? ''])),
        e.sourceAccess &&
          block(
            'source_access_configuration',
            [],
            [
              attr('type', str(e.sourceAccess.type)),
              attr('uri', ctx.attribute(e.sourceAccess.secretId, 'arn')),
            ],
          ),
      ],
    ),
  );
}

/** The S3 bucket and key variables of a function deployed from a package (not an image function). */
function artifactVariables(ctx: TfContext, c: ResolvedComponent): { bucket: Expr; key: Expr } {
  const bucket = ctx.variable({
    name: 'artifact_bucket',
    type: 'string',
    description: 'S3 bucket holding the Lambda deployment packages (upload them before apply)',
    byEnv: Object.fromEntries(
      ctx.environments.map((env) => [env, str(`replace-me-${ctx.graph.design.slug}-${env}-artifacts`)]),
    ),
  });
  const key = ctx.variable({
    name: `${c.names.tfName}_artifact_key`,
    type: 'string',
    description: `S3 key of the deployment package (zip) of ${c.names.display}, in var.artifact_bucket`,
    default: str(`${c.names.slug}.zip`),
  });
  return { bucket, key };
}

/** Whether SNS, EventBridge or S3 invoke the function asynchronously (LAM-02). */
function invokedAsynchronously(ctx: TfContext, c: ResolvedComponent): boolean {
  return (
    ctx.graph.subscriptions.some((s) => s.subscriberId === c.id) ||
    ctx.graph.ruleTargets.some((t) => t.targetId === c.id) ||
    (ctx.graph.bucketNotifications ?? []).some((n) => n.targetId === c.id)
  );
}

export const lambdaEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_lambda_function.${name}.arn`),
    name: (name) => ref(`aws_lambda_function.${name}.function_name`),
    id: (name) => ref(`aws_lambda_function.${name}.id`),
  },
  referencesByName: {
    name: (_name, c, ctx) => physical.lambda(ctx, c),
    arn: (_name, c, ctx) => {
      // Partition and account from the function's role, which depends on nothing: unlike the
      // function's own ARN it cannot close a cycle, and it needs no AWS call at plan time.
      const roleArn = ctx.roleArn(ctx.role(c, 'function'));
      const arnPart = (n: number) => index(call('split', str(':'), roleArn), num(n));
      return tpl(
        'arn:',
        arnPart(1),
        ':lambda:',
        ref('var.region'),
        ':',
        arnPart(4),
        ':function:',
        physical.lambda(ctx, c),
      );
    },
  },
  emit(c, ctx) {
    const role = ctx.role(c, 'function');
    const logGroup = ctx.logGroupOf(c);
    const env = environmentVariables(ctx, c);
    const unreserved = ctx.some(c, 'reservedConcurrency', (v) => typeof v === 'number' && v < 0);
    const dlq = ctx.findComponent(c.functionDeadLetterQueueId);
    const mount = c.fileSystemMounts?.[0];
    const image = c.containerImage;
    const dependsOn = [
      // The role's policy before the function: Lambda checks sqs:SendMessage on a DLQ when it
      // creates the function, and mounts a file system with the policy's Client* permissions.
      ...((dlq || mount) && role.statements.length > 0
        ? [ref(`aws_iam_role_policy.${role.names.tfName}`)]
        : []),
      ...(mount ? [efsMountTargets(ctx, mount.fileSystemId)] : []),
      // The repository policy before the function: without it Lambda would try to write its own.
      ...(image ? [ref(`aws_ecr_repository_policy.${ctx.component(image.repositoryId).names.tfName}`)] : []),
    ];
    const artifact = image ? undefined : artifactVariables(ctx, c);
    ctx.add(
      'compute.tf',
      ctx.resource('aws_lambda_function', c.names.tfName, c, [
        skip('CKV_AWS_272', 'code signing needs a signing profile outside this design'),
        skip('CKV_AWS_173', 'environment variables hold resource names only, never secrets (LAM-05)'),
        !c.placement &&
          skip('CKV_AWS_117', 'this function calls only AWS APIs and is not placed in a VPC by the design'),
        unreserved &&
          skip('CKV_AWS_115', 'reserved concurrency is unset in the design (for some environments)'),
        !dlq &&
          skip(
            'CKV_AWS_116',
            invokedAsynchronously(ctx, c)
              ? 'failed asynchronous deliveries go to the DLQ of the subscription or rule target (MSG-01)'
              : 'invoked synchronously or by an event source mapping; failures stay in the source',
          ),
        attr('function_name', physical.lambda(ctx, c)),
        attr('description', str(c.names.display.slice(0, 256))),
        attr('role', ctx.roleArn(role)),
        image && attr('package_type', str('Image')),
        image && attr('image_uri', tpl(ctx.attribute(image.repositoryId, 'url'), `:${image.tag}`)),
        !image && attr('runtime', ctx.prop(c, 'runtime')),
        !image && attr('handler', ctx.prop(c, 'handler')),
        attr('architectures', list([ctx.prop(c, 'architecture')])),
        attr('memory_size', ctx.prop(c, 'memorySize')),
        attr('timeout', ctx.prop(c, 'timeoutSeconds')),
        attr('reserved_concurrent_executions', ctx.prop(c, 'reservedConcurrency')),
        artifact && attr('s3_bucket', artifact.bucket),
        artifact && attr('s3_key', artifact.key),
        block(
          'tracing_config',
          [],
          [
            attr(
              'mode',
              ctx.prop(
                c,
                'tracing',
                (v) => (v === false ? 'PassThrough' : 'Active'),
                `${c.names.tfName}_tracing_mode`,
              ),
            ),
          ],
        ),
        logGroup &&
          block(
            'logging_config',
            [],
            [
              attr(
                'log_format',
                ctx.prop(
                  c,
                  'structuredLogging',
                  (v) => (v === false ? 'Text' : 'JSON'),
                  `${c.names.tfName}_log_format`,
                ),
              ),
              attr('log_group', ctx.attribute(logGroup.id, 'name')),
            ],
          ),
        env && block('environment', [], [attr('variables', env)]),
        c.placement &&
          block(
            'vpc_config',
            [],
            [
              attr('subnet_ids', placementSubnets(ctx, c)),
              attr('security_group_ids', list([ctx.securityGroupOf(c)])),
            ],
          ),
        dlq && block('dead_letter_config', [], [attr('target_arn', ctx.attribute(dlq.id, 'arn'))]),
        // The file system it mounts (efs.ts), through its access point.
        mount &&
          block(
            'file_system_config',
            [],
            [
              attr(
                'arn',
                ctx.ref({
                  componentId: mount.fileSystemId,
                  attribute: 'accessPointArn',
                  part: mount.accessPoint,
                }),
              ),
              attr('local_mount_path', str(mount.mountPath)),
            ],
          ),
        tags(c.names.display),
        // The policies Lambda checks come first; a file system is mounted only once a mount target is available.
        dependsOn.length > 0 && attr('depends_on', list(dependsOn)),
      ]),
    );
    for (const e of ctx.graph.eventSources.filter((e) => e.functionId === c.id)) emitEventSource(ctx, c, e);
    ctx.output(
      `${c.names.tfName}_name`,
      ref(`${address(c)}.function_name`),
      `Name of the function "${c.names.display}"`,
    );
  },
};

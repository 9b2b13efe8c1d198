/**
 * AWS Config recorder, delivery channel and AWS managed rules (CDK has L1s only). Config refuses
 * a delivery channel or a rule before the recorder exists, and checks the bucket's policy when
 * the channel is made, so both wait; CloudFormation starts the recorder once the channel exists.
 */
import type { ComponentEmitter } from './types.ts';
import { arr, call, lit, member, newExpr, obj, template } from '../ts/ast.ts';
import { acknowledgeDesignRisks, requireResolved } from './common.ts';

/** "S3_BUCKET_PUBLIC_READ_PROHIBITED" -> "S3BucketPublicReadProhibited", for construct ids. */
const pascal = (id: string) =>
  id
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

export const configRecorderEmitter: ComponentEmitter = {
  dependencies: (component) => (component.configRecorder ? [component.configRecorder.bucketId] : []),
  emit(component, ctx) {
    const decided = requireResolved(component.configRecorder, component, 'Config recorder');
    const role = ctx.roles.get(decided.roleId);
    if (!role) throw new Error(`config-recorder "${component.id}" has no role`);
    const id = component.names.logicalId;
    const name = ctx.variableName(component);
    const bucket = ctx.handle(decided.bucketId).construct;
    const recorder = ctx.declare(
      name,
      newExpr(
        ctx.api('awsconfig', 'CfnConfigurationRecorder'),
        ctx.scope,
        lit(id),
        obj({
          name: ctx.physicalName(component),
          roleArn: member(role, 'roleArn'),
          recordingGroup: obj({
            allSupported: ctx.value(component, 'allSupported'),
            includeGlobalResourceTypes: ctx.value(component, 'includeGlobalResources'),
          }),
        }),
      ),
    );
    // What Config's guide asks of the bucket: check its ACL, list it, write under the prefix.
    const account = { 'aws:SourceAccount': member(ctx.scope, 'account') };
    const principals = arr([newExpr(ctx.api('iam', 'ServicePrincipal'), lit('config.amazonaws.com'))]);
    const statement = (sid: string, actions: string[], resource: ReturnType<typeof lit>, extra = {}) =>
      newExpr(
        ctx.api('iam', 'PolicyStatement'),
        obj({
          sid: lit(`${sid}${id}`),
          principals,
          actions: arr(actions.map((a) => lit(a))),
          resources: arr([resource]),
          conditions: obj({ StringEquals: obj({ ...extra, ...account }) }),
        }),
      );
    ctx.expr(
      call(
        member(bucket, 'addToResourcePolicy'),
        statement('ConfigAclCheck', ['s3:GetBucketAcl', 's3:ListBucket'], member(bucket, 'bucketArn')),
      ),
    );
    ctx.expr(
      call(
        member(bucket, 'addToResourcePolicy'),
        statement(
          'ConfigWrite',
          ['s3:PutObject'],
          call(
            member(bucket, 'arnForObjects'),
            template(`${decided.prefix}/AWSLogs/`, member(ctx.scope, 'account'), '/*'),
          ),
          { 's3:x-amz-acl': lit('bucket-owner-full-control') },
        ),
      ),
    );
    const channel = ctx.declare(
      `${name}DeliveryChannel`,
      newExpr(
        ctx.api('awsconfig', 'CfnDeliveryChannel'),
        ctx.scope,
        lit(`${id}DeliveryChannel`),
        obj({
          name: ctx.physicalName(component),
          s3BucketName: member(bucket, 'bucketName'),
          s3KeyPrefix: lit(decided.prefix),
          configSnapshotDeliveryProperties: obj({
            deliveryFrequency: ctx.value(component, 'deliveryFrequency'),
          }),
        }),
      ),
    );
    ctx.expr(call(member(channel, 'addDependency'), recorder));
    // The bucket with its policy (a child of the bucket construct).
    ctx.expr(call(member(member(channel, 'node'), 'addDependency'), bucket));
    for (const rule of decided.rules) {
      const configRule = ctx.declare(
        `${name}${pascal(rule)}`,
        newExpr(
          ctx.api('awsconfig', 'CfnConfigRule'),
          ctx.scope,
          lit(`${id}${pascal(rule)}`),
          obj({
            configRuleName: ctx.physicalName(component, `-${rule.toLowerCase().replaceAll('_', '-')}`),
            source: obj({ owner: lit('AWS'), sourceIdentifier: lit(rule) }),
          }),
        ),
      );
      ctx.expr(call(member(configRule, 'addDependency'), recorder));
    }
    acknowledgeDesignRisks(ctx, component, recorder);
    ctx.register(component.id, {
      construct: recorder,
      attributes: { name: member(recorder, 'ref') },
    });
  },
};

/**
 * CloudTrail trail: logs to its bucket under its prefix (the bucket's policy, written with the
 * bucket, admits it; CloudTrail checks that policy when the trail is created, so the trail waits
 * for it) and, with CloudWatch Logs, to its log group through its role. Data events as decided.
 */
import { requireResolved } from '@archgen/infra';
import { attr, block, list, literal, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

/** The trail's name, which its bucket's policy also names (aws:SourceArn). */
export const TRAIL_NAME_MAX = 128;

export const cloudtrailEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_cloudtrail.${name}.arn`),
    name: (name) => ref(`aws_cloudtrail.${name}.name`),
  },
  emit(c, ctx) {
    const decided = requireResolved(c.trail, c, 'CloudTrail trail');
    const bucket = ctx.component(decided.bucketId);
    const role = decided.logsRoleId ? ctx.graph.roles.find((r) => r.id === decided.logsRoleId) : undefined;
    const dataResource = (type: string, values: string) =>
      block('data_resource', [], [attr('type', str(type)), attr('values', list([str(values)]))]);
    ctx.add(
      'data.tf',
      ctx.resource('aws_cloudtrail', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, TRAIL_NAME_MAX)),
        attr('s3_bucket_name', ctx.attribute(bucket.id, 'name')),
        attr('s3_key_prefix', str(decided.prefix)),
        attr('is_multi_region_trail', ctx.prop(c, 'multiRegion')),
        attr('include_global_service_events', ctx.prop(c, 'includeGlobalServiceEvents')),
        attr('enable_log_file_validation', ctx.prop(c, 'logFileValidation')),
        attr('enable_logging', literal(true)),
        c.encryption?.keyId && attr('kms_key_id', ctx.attribute(c.encryption.keyId, 'arn')),
        role &&
          c.logGroupId &&
          attr('cloud_watch_logs_group_arn', tpl(ctx.attribute(c.logGroupId, 'arn'), ':*')),
        role && attr('cloud_watch_logs_role_arn', ctx.roleArn(role)),
        block(
          'event_selector',
          [],
          [
            attr('read_write_type', ctx.prop(c, 'managementEvents')),
            attr('include_management_events', literal(true)),
            decided.s3DataEvents && dataResource('AWS::S3::Object', 'arn:aws:s3'),
            decided.lambdaDataEvents && dataResource('AWS::Lambda::Function', 'arn:aws:lambda'),
          ],
        ),
        attr(
          'depends_on',
          list([
            ref(`aws_s3_bucket_policy.${bucket.names.tfName}`),
            ...(role && role.statements.length > 0 ? [ref(`aws_iam_role_policy.${role.names.tfName}`)] : []),
            // CloudTrail checks that the key policy admits it when the trail is created.
            ...(c.encryption?.keyId
              ? [ref(`aws_kms_key_policy.${ctx.component(c.encryption.keyId).names.tfName}`)]
              : []),
          ]),
        ),
        tags(c.names.display),
      ]),
    );
  },
};

/**
 * Firehose stream: direct put or reading its Kinesis stream, delivering to its bucket, or to an
 * OpenSearch domain with the bucket for the documents it refuses, with the role, prefixes, log
 * stream and (for a domain in a VPC) network the lowering decided. Firehose checks the role's
 * permissions when the stream is created, so the stream waits for the role's policy.
 */
import { requireResolved } from '@archgen/infra';
import { attr, block, list, literal, num, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

export const firehoseEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_kinesis_firehose_delivery_stream.${name}.arn`),
    name: (name) => ref(`aws_kinesis_firehose_delivery_stream.${name}.name`),
    id: (name) => ref(`aws_kinesis_firehose_delivery_stream.${name}.id`),
  },
  emit(c, ctx) {
    const decided = requireResolved(c.firehose, c, 'Firehose stream');
    const role = ctx.graph.roles.find((r) => r.id === decided.roleId);
    if (!role) throw new Error(`firehose "${c.id}" has no role`);
    const roleArn = ctx.roleArn(role);
    const logging = c.logGroupId && decided.logStreamName ? c.logGroupId : undefined;
    const logStream = `${c.names.tfName}_errors`;
    if (logging)
      ctx.add(
        'data.tf',
        ctx.resource('aws_cloudwatch_log_stream', logStream, c, [
          attr('name', str(decided.logStreamName!)),
          attr('log_group_name', ctx.attribute(logging, 'name')),
        ]),
      );
    const cloudWatchLogging = block(
      'cloudwatch_logging_options',
      [],
      logging
        ? [
            attr('enabled', literal(true)),
            attr('log_group_name', ctx.attribute(logging, 'name')),
            attr('log_stream_name', ref(`aws_cloudwatch_log_stream.${logStream}.name`)),
          ]
        : [attr('enabled', literal(false))],
    );
    const buffering = [
      attr('buffering_size', ctx.prop(c, 'bufferSizeMb')),
      attr('buffering_interval', ctx.prop(c, 'bufferIntervalSeconds')),
    ];
    // The bucket's part: the destination itself, or the OpenSearch destination's backup.
    const bucket = [
      attr('role_arn', roleArn),
      attr('bucket_arn', ctx.attribute(decided.bucketId, 'arn')),
      decided.prefix !== '' && attr('prefix', str(decided.prefix)),
      decided.errorOutputPrefix !== '' && attr('error_output_prefix', str(decided.errorOutputPrefix)),
      attr('compression_format', ctx.prop(c, 'compression')),
      ...buffering,
      cloudWatchLogging,
    ];
    const search = decided.destination === 'opensearch' ? decided.opensearch : undefined;
    ctx.add(
      'data.tf',
      ctx.resource('aws_kinesis_firehose_delivery_stream', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 64)),
        attr('destination', str(search ? 'opensearch' : 'extended_s3')),
        decided.sourceStreamId &&
          block(
            'kinesis_source_configuration',
            [],
            [
              attr('kinesis_stream_arn', ctx.attribute(decided.sourceStreamId, 'arn')),
              attr('role_arn', roleArn),
            ],
          ),
        decided.encryption &&
          block(
            'server_side_encryption',
            [],
            [attr('enabled', literal(true)), attr('key_type', str('AWS_OWNED_CMK'))],
          ),
        search
          ? block(
              'opensearch_configuration',
              [],
              [
                attr('domain_arn', ctx.attribute(search.domainId, 'arn')),
                attr('role_arn', roleArn),
                attr('index_name', str(search.indexName)),
                attr('index_rotation_period', str(search.indexRotation)),
                ...buffering,
                attr('retry_duration', num(search.retrySeconds)),
                attr('s3_backup_mode', str(search.backupMode)),
                block('s3_configuration', [], bucket),
                search.vpc &&
                  block(
                    'vpc_config',
                    [],
                    [
                      attr('subnet_ids', ctx.subnetIds(search.vpc.vpcId, search.vpc.tier)),
                      attr('security_group_ids', list([ctx.securityGroupOf(c)])),
                      attr('role_arn', roleArn),
                    ],
                  ),
                cloudWatchLogging,
              ],
            )
          : block('extended_s3_configuration', [], bucket),
        role.statements.length > 0 &&
          attr('depends_on', list([ref(`aws_iam_role_policy.${role.names.tfName}`)])),
        tags(c.names.display),
      ]),
    );
  },
};

/** Timestream database (+ a table with the retention settings), Kinesis stream, Athena workgroup. */
import { attr, binary, block, literal, num, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

export const timestreamEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_timestreamwrite_database.${name}.arn`),
    name: (name) => ref(`aws_timestreamwrite_database.${name}.database_name`),
    id: (name) => ref(`aws_timestreamwrite_database.${name}.id`),
  },
  emit(c, ctx) {
    const db = `aws_timestreamwrite_database.${c.names.tfName}`;
    ctx.add(
      'data.tf',
      ctx.resource('aws_timestreamwrite_database', c.names.tfName, c, [
        attr('database_name', ctx.physicalName(c.names.slug, 256)),
        tags(c.names.display),
      ]),
      block(
        'resource',
        ['aws_timestreamwrite_table', c.names.tfName],
        [
          attr('database_name', ref(`${db}.database_name`)),
          attr('table_name', str('events')),
          block(
            'retention_properties',
            [],
            [
              attr('memory_store_retention_period_in_hours', ctx.prop(c, 'memoryRetentionHours')),
              attr('magnetic_store_retention_period_in_days', ctx.prop(c, 'magneticRetentionDays')),
            ],
          ),
          tags(c.names.display),
        ],
        ["Retention is a table setting in Timestream; the design's retention applies to this default table."],
      ),
    );
  },
};

export const kinesisEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_kinesis_stream.${name}.arn`),
    name: (name) => ref(`aws_kinesis_stream.${name}.name`),
    id: (name) => ref(`aws_kinesis_stream.${name}.id`),
  },
  emit(c, ctx) {
    const provisionedIn = (env: string) => ctx.textIn(c, 'mode', env) === 'provisioned';
    const encrypted = ctx.flag(c, 'encryption');
    ctx.add(
      'data.tf',
      ctx.resource('aws_kinesis_stream', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 128)),
        ctx.environments.some(provisionedIn) &&
          attr(
            'shard_count',
            ctx.derived(c, 'shard_count', 'Shards', (env) =>
              provisionedIn(env) ? ctx.numIn(c, 'shards', env) : null,
            ),
          ),
        attr('retention_period', ctx.prop(c, 'retentionHours')),
        attr('encryption_type', str(encrypted ? 'KMS' : 'NONE')),
        encrypted && attr('kms_key_id', str('alias/aws/kinesis')),
        block(
          'stream_mode_details',
          [],
          [
            attr(
              'stream_mode',
              ctx.prop(
                c,
                'mode',
                (v) => (v === 'provisioned' ? 'PROVISIONED' : 'ON_DEMAND'),
                `${c.names.tfName}_stream_mode`,
              ),
            ),
          ],
        ),
        tags(c.names.display),
      ]),
    );
  },
};

export const athenaEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_athena_workgroup.${name}.arn`),
    name: (name) => ref(`aws_athena_workgroup.${name}.name`),
    id: (name) => ref(`aws_athena_workgroup.${name}.id`),
  },
  emit(c, ctx) {
    const results = ctx.findComponent(c.outputBucketId);
    const encrypted = ctx.flag(c, 'resultsEncryption');
    ctx.add(
      'data.tf',
      ctx.resource('aws_athena_workgroup', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 128)),
        attr('description', str(c.names.display.slice(0, 1024))),
        block(
          'configuration',
          [],
          [
            attr('enforce_workgroup_configuration', ctx.prop(c, 'enforceConfiguration')),
            attr('publish_cloudwatch_metrics_enabled', literal(true)),
            attr(
              'bytes_scanned_cutoff_per_query',
              binary(ctx.prop(c, 'bytesScannedCutoffGb'), '*', num(1073741824)),
            ),
            (results || encrypted) &&
              block(
                'result_configuration',
                [],
                [
                  results &&
                    attr(
                      'output_location',
                      tpl('s3://', ctx.attribute(results.id, 'name'), '/athena-results/'),
                    ),
                  encrypted &&
                    block('encryption_configuration', [], [attr('encryption_option', str('SSE_S3'))]),
                ],
              ),
          ],
        ),
        tags(c.names.display),
      ]),
    );
  },
};

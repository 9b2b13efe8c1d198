/** Kinesis data stream: on-demand or provisioned per environment, KMS-encrypted per design. */
import { attr, block, ref } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

export const kinesisEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_kinesis_stream.${name}.arn`),
    name: (name) => ref(`aws_kinesis_stream.${name}.name`),
    id: (name) => ref(`aws_kinesis_stream.${name}.id`),
  },
  emit(c, ctx) {
    const provisionedIn = (env: string) => ctx.textIn(c, 'mode', env) === 'provisioned';
    const encrypted = ctx.some(c, 'encryption', (on) => on === true);
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
        attr(
          'encryption_type',
          ctx.prop(
            c,
            'encryption',
            (on) => (on === true ? 'KMS' : 'NONE'),
            `${c.names.tfName}_encryption_type`,
          ),
        ),
        encrypted &&
          attr(
            'kms_key_id',
            ctx.prop(
              c,
              'encryption',
              (on) => (on === true ? 'alias/aws/kinesis' : null),
              `${c.names.tfName}_kms_key_id`,
            ),
          ),
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

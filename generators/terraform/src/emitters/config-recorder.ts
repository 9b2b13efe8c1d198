/**
 * AWS Config recorder, its delivery channel, its status (recording on) and AWS managed rules.
 * Config refuses a delivery channel or a rule before the recorder exists, checks the bucket's
 * policy (written with the bucket) when the channel is made, and starts recording only once a
 * channel exists: the resources wait for each other in that order.
 */
import { requireResolved } from '@archgen/infra';
import { attr, block, list, literal, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

export const configRecorderEmitter: ComponentEmitter = {
  references: {
    name: (name) => ref(`aws_config_configuration_recorder.${name}.name`),
    id: (name) => ref(`aws_config_configuration_recorder.${name}.id`),
  },
  emit(c, ctx) {
    const decided = requireResolved(c.configRecorder, c, 'Config recorder');
    const name = c.names.tfName;
    const bucket = ctx.component(decided.bucketId);
    const role = ctx.graph.roles.find((r) => r.id === decided.roleId);
    if (!role) throw new Error(`config-recorder "${c.id}" has no role`);
    const recorder = `aws_config_configuration_recorder.${name}`;
    ctx.add(
      'data.tf',
      ctx.resource('aws_config_configuration_recorder', name, c, [
        attr('name', ctx.physicalName(c.names.slug, 256)),
        attr('role_arn', ctx.roleArn(role)),
        block(
          'recording_group',
          [],
          [
            attr('all_supported', ctx.prop(c, 'allSupported')),
            attr('include_global_resource_types', ctx.prop(c, 'includeGlobalResources')),
          ],
        ),
      ]),
    );
    ctx.add(
      'data.tf',
      block(
        'resource',
        ['aws_config_delivery_channel', name],
        [
          attr('name', ctx.physicalName(c.names.slug, 256)),
          attr('s3_bucket_name', ctx.attribute(bucket.id, 'name')),
          attr('s3_key_prefix', str(decided.prefix)),
          block(
            'snapshot_delivery_properties',
            [],
            [attr('delivery_frequency', ctx.prop(c, 'deliveryFrequency'))],
          ),
          attr('depends_on', list([ref(recorder), ref(`aws_s3_bucket_policy.${bucket.names.tfName}`)])),
        ],
      ),
    );
    ctx.add(
      'data.tf',
      block(
        'resource',
        ['aws_config_configuration_recorder_status', name],
        [
          attr('name', ref(`${recorder}.name`)),
          attr('is_enabled', literal(true)),
          attr('depends_on', list([ref(`aws_config_delivery_channel.${name}`)])),
        ],
      ),
    );
    for (const rule of decided.rules)
      ctx.add(
        'data.tf',
        block(
          'resource',
          ['aws_config_config_rule', `${name}_${rule.toLowerCase()}`],
          [
            attr('name', ctx.physicalName(`${c.names.slug}-${rule.toLowerCase().replaceAll('_', '-')}`, 128)),
            block('source', [], [attr('owner', str('AWS')), attr('source_identifier', str(rule))]),
            attr('depends_on', list([ref(`aws_config_configuration_recorder_status.${name}`)])),
            tags(`${c.names.display} ${rule}`),
          ],
        ),
      );
  },
};

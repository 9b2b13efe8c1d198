/** Log group, named where its writer expects it, with the retention and key the design chose. */
import { attr, cond, list, nul, ref, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { componentKey, logGroupName, skip, tags, usesCustomerKey } from './common.ts';

export const logGroupEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_cloudwatch_log_group.${name}.arn`),
    name: (name) => ref(`aws_cloudwatch_log_group.${name}.name`),
    id: (name) => ref(`aws_cloudwatch_log_group.${name}.id`),
  },
  emit(c, ctx) {
    const customer = usesCustomerKey(ctx, c);
    const cmk = customer !== false;
    const arnOfKey = cmk
      ? componentKey(ctx, c, `${c.names.tfName}_logs`, [tpl('logs.', ref('var.region'), '.amazonaws.com')], {
          actions: [
            'kms:Encrypt*',
            'kms:Decrypt*',
            'kms:ReEncrypt*',
            'kms:GenerateDataKey*',
            'kms:Describe*',
          ],
          condition: ({ partition, region, account }) => ({
            ArnLike: {
              'kms:EncryptionContext:aws:logs:arn': tpl(
                'arn:',
                partition,
                ':logs:',
                region,
                ':',
                account,
                ':log-group:*',
              ),
            },
          }),
        })
      : undefined;
    const drawn = ctx.findComponent(c.encryption?.keyId);
    const keyPolicy = ref(`aws_kms_key_policy.${drawn ? drawn.names.tfName : `${c.names.tfName}_logs`}`);
    const key = arnOfKey && typeof customer !== 'boolean' ? cond(customer, arnOfKey, nul) : arnOfKey;
    ctx.add(
      'monitoring.tf',
      ctx.resource('aws_cloudwatch_log_group', c.names.tfName, c, [
        !cmk &&
          skip('CKV_AWS_158', 'CloudWatch Logs encrypts with its service key; the design asks for no CMK'),
        skip('CKV_AWS_338', 'retention comes from the design (CW-01)'),
        attr('name', logGroupName(ctx, c)),
        attr('retention_in_days', ctx.prop(c, 'retentionDays')),
        attr('kms_key_id', key),
        // CloudWatch Logs checks the key policy when the group is created.
        cmk && attr('depends_on', list([keyPolicy])),
        tags(c.names.display),
      ]),
    );
  },
};

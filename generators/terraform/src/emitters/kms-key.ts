/**
 * A drawn customer managed key (kms-key), its policy and its alias, as the lowering decided them.
 * The account administers the key, so the roles' IAM grants on it apply; the services that write
 * for the components it encrypts (CloudWatch Logs, SNS, EventBridge, ...) use it. The account id
 * and region come from the key's own ARN, so plan needs no AWS lookup.
 */
import { attr, block, call, index, num, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { keyPolicy, resolvedValue, tags } from './common.ts';

export const kmsKeyEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_kms_key.${name}.arn`),
    id: (name) => ref(`aws_kms_key.${name}.key_id`),
  },
  emit(c, ctx) {
    const key = c.kmsKey;
    if (!key) throw new Error(`kms-key "${c.id}" has no resolved key`);
    const name = c.names.tfName;
    const arnPart = (i: number) => index(call('split', str(':'), ref(`aws_kms_key.${name}.arn`)), num(i));
    const statements: unknown[] = [
      {
        Sid: 'AccountAdministers',
        Effect: 'Allow',
        Principal: { AWS: tpl('arn:', arnPart(1), ':iam::', arnPart(4), ':root') },
        Action: 'kms:*',
        Resource: '*',
      },
    ];
    if (key.servicePrincipals.length > 0)
      statements.push({
        Sid: 'ServicesEncrypt',
        Effect: 'Allow',
        Principal: {
          Service: key.servicePrincipals.map((p) =>
            p.regional ? tpl(`${p.service}.`, arnPart(3), '.amazonaws.com') : `${p.service}.amazonaws.com`,
          ),
        },
        Action: [...key.serviceActions],
        Resource: '*',
      });
    if (key.describingServices.length > 0)
      statements.push({
        Sid: 'ServicesDescribe',
        Effect: 'Allow',
        Principal: { Service: key.describingServices.map((p) => `${p.service}.amazonaws.com`) },
        Action: 'kms:DescribeKey',
        Resource: '*',
      });
    ctx.add(
      'security.tf',
      ctx.resource('aws_kms_key', name, c, [
        attr('description', str(key.description.slice(0, 8192))),
        attr(
          'enable_key_rotation',
          resolvedValue(ctx, c, 'enable_key_rotation', 'Automatic rotation', key.enableKeyRotation),
        ),
        attr(
          'deletion_window_in_days',
          resolvedValue(
            ctx,
            c,
            'deletion_window_in_days',
            'Deletion waiting period in days',
            key.pendingWindowDays,
          ),
        ),
        tags(c.names.display),
      ]),
      keyPolicy(name, statements),
      block(
        'resource',
        ['aws_kms_alias', name],
        [
          attr('name', tpl('alias/', ref('local.name_prefix'), `-${key.aliasSuffix}`)),
          attr('target_key_id', ref(`aws_kms_key.${name}.key_id`)),
        ],
      ),
    );
  },
};

/** Cognito user pool: strong password policy, MFA per design, deletion protection. */
import type { ResolvedComponent } from '@archgen/infra';
import { attr, block, literal, num, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

const MFA: Record<string, string> = { off: 'OFF', optional: 'OPTIONAL', required: 'ON' };
const address = (c: ResolvedComponent) => `aws_cognito_user_pool.${c.names.tfName}`;

export const cognitoEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_cognito_user_pool.${name}.arn`),
    id: (name) => ref(`aws_cognito_user_pool.${name}.id`),
    name: (name) => ref(`aws_cognito_user_pool.${name}.name`),
    endpoint: (name) => ref(`aws_cognito_user_pool.${name}.endpoint`),
  },
  emit(c, ctx) {
    // Authenticator apps are a second factor only where MFA is not off (a dynamic block where
    // environments differ), as CloudFormation's EnabledMfas.
    const softwareToken = ctx.presence(c, 'mfa', (v) => v !== 'off', 'software_token_mfa_count');
    ctx.add(
      'security.tf',
      ctx.resource('aws_cognito_user_pool', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 128)),
        attr('deletion_protection', str('ACTIVE')),
        attr('username_attributes', literal(['email'])),
        attr('auto_verified_attributes', literal(['email'])),
        attr(
          'mfa_configuration',
          ctx.prop(c, 'mfa', (v) => MFA[String(v)] ?? 'OPTIONAL', `${c.names.tfName}_mfa_configuration`),
        ),
        softwareToken &&
          ctx.presentBlock('software_token_mfa_configuration', softwareToken, [
            attr('enabled', literal(true)),
          ]),
        block(
          'password_policy',
          [],
          [
            attr('minimum_length', ctx.prop(c, 'passwordMinLength')),
            attr('require_lowercase', literal(true)),
            attr('require_uppercase', literal(true)),
            attr('require_numbers', literal(true)),
            attr('require_symbols', literal(true)),
            attr('temporary_password_validity_days', num(3)),
          ],
        ),
        block(
          'account_recovery_setting',
          [],
          [block('recovery_mechanism', [], [attr('name', str('verified_email')), attr('priority', num(1))])],
        ),
        ctx.some(c, 'advancedSecurity', (v) => v === true) &&
          block(
            'user_pool_add_ons',
            [],
            [
              attr(
                'advanced_security_mode',
                ctx.prop(
                  c,
                  'advancedSecurity',
                  (v) => (v === true ? 'ENFORCED' : 'OFF'),
                  `${c.names.tfName}_advanced_security_mode`,
                ),
              ),
            ],
          ),
        tags(c.names.display),
      ]),
    );
    ctx.output(`${c.names.tfName}_id`, ref(`${address(c)}.id`), `ID of the user pool "${c.names.display}"`);
  },
};

/** Cognito user pool: email sign-in, strong password policy, MFA as designed, advanced security. */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';

const MFA: Record<string, string> = { off: 'OFF', optional: 'OPTIONAL', required: 'ON' };

export const cognitoEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    id: (id) => ref(id),
    name: (id) => getAtt(id, 'ProviderName'),
  },
  emit(pool, ctx) {
    const advancedSecurity = ctx.flag(pool, 'advancedSecurity');
    ctx.template.addResource(pool.names.logicalId, {
      Type: 'AWS::Cognito::UserPool',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Metadata: ctx.metadata(pool.acknowledgements),
      Properties: {
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        MfaConfiguration: ctx.value(pool, 'mfa', (mode) => MFA[String(mode)] ?? 'OFF'),
        EnabledMfas: ctx.value(pool, 'mfa', (mode) => (mode === 'off' ? undefined : ['SOFTWARE_TOKEN_MFA'])),
        Policies: {
          PasswordPolicy: {
            MinimumLength: ctx.value(pool, 'passwordMinLength'),
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            TemporaryPasswordValidityDays: 3,
          },
        },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        // Threat protection (advanced security) is a Plus tier feature.
        UserPoolTier: ctx.choose(advancedSecurity, 'PLUS', 'ESSENTIALS'),
        UserPoolAddOns: { AdvancedSecurityMode: ctx.choose(advancedSecurity, 'ENFORCED', 'OFF')! },
        UserPoolTags: ctx.tagMap(pool.names.display),
      },
    });
    ctx.output(pool, 'Id', ref(pool.names.logicalId), 'User pool id');
  },
};

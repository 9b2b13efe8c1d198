/** Cognito user pools. */
import type { ComponentEmitter } from './types.ts';
import { binary, call, eq, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, removalPolicy } from './common.ts';
import { onlyWhere } from '../context.ts';

const MFA: Record<string, string> = { off: 'OFF', optional: 'OPTIONAL', required: 'REQUIRED' };

export const cognitoEmitter: ComponentEmitter = {
  emit(component, ctx) {
    // MFA per environment: config holds each one's cognito.Mfa member where they differ.
    const mfaModes = new Set(ctx.values(component, 'mfa'));
    const mfa = ctx.choose(component, 'mfa', (mode) =>
      ctx.api('cognito', `Mfa.${MFA[String(mode)] ?? 'REQUIRED'}`),
    );
    // Threat protection (the Plus plan) per environment.
    const advanced = ctx.flag(component, 'advancedSecurity');
    const pool = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('cognito', 'UserPool'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          selfSignUpEnabled: lit(false),
          signInAliases: obj({ email: lit(true) }),
          mfa,
          // CDK enables no factor where MFA is OFF, so one value serves every environment.
          mfaSecondFactor:
            mfaModes.size === 1 && mfaModes.has('off') ? undefined : obj({ sms: lit(false), otp: lit(true) }),
          passwordPolicy: obj({
            minLength: ctx.value(component, 'passwordMinLength'),
            requireLowercase: lit(true),
            requireUppercase: lit(true),
            requireDigits: lit(true),
            requireSymbols: lit(true),
          }),
          accountRecovery: ctx.api('cognito', 'AccountRecovery.EMAIL_ONLY'),
          featurePlan: ctx.choose(component, 'advancedSecurity', (on) =>
            ctx.api('cognito', on === true ? 'FeaturePlan.PLUS' : 'FeaturePlan.ESSENTIALS'),
          ),
          standardThreatProtectionMode: advanced
            ? onlyWhere(advanced.test, ctx.api('cognito', 'StandardThreatProtectionMode.FULL_FUNCTION'))
            : undefined,
          removalPolicy: removalPolicy(ctx, 'RETAIN'),
        }),
      ),
    );
    const client = ctx.declare(
      `${ctx.variableName(component)}Client`,
      call(
        member(pool, 'addClient'),
        lit('Client'),
        obj({ authFlows: obj({ userSrp: lit(true) }), generateSecret: lit(false) }),
      ),
    );
    // COG2 (MFA not required): acknowledged in the environments that do not require it.
    const required = mfaModes.has('required');
    if (!required || mfaModes.size > 1)
      ctx.when(required ? binary('!==', mfa, ctx.api('cognito', 'Mfa.REQUIRED')) : undefined, () =>
        ctx.acknowledge(
          pool,
          'AwsSolutions-COG2',
          mfaModes.size === 1
            ? `MFA is "${String([...mfaModes][0])}" in the design (property mfa).`
            : "MFA is not required in this environment, by the design's per-environment setting (property mfa).",
        ),
      );
    if (!advanced || advanced.test)
      ctx.when(advanced?.test && eq(advanced.test, lit(false)), () => {
        for (const rule of ['AwsSolutions-COG3', 'AwsSolutions-COG8'])
          ctx.acknowledge(
            pool,
            rule,
            'Threat protection (Plus feature plan) is off in the design (property advancedSecurity).',
          );
      });
    acknowledgeDesignRisks(ctx, component, pool);
    ctx.register(component.id, {
      construct: pool,
      attributes: {
        arn: member(pool, 'userPoolArn'),
        id: member(pool, 'userPoolId'),
        name: member(pool, 'userPoolId'),
      },
      extras: { client },
    });
  },
};

/** Secrets, Cognito user pools, log groups, user-drawn CloudWatch alarms and NAT gateways. */
import type { ResolvedComponent, ResolvedGraph } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import { call, comment, lit, member, newExpr, obj, template, thisExpr } from '../ts/ast.ts';
import { acknowledgeDesignRisks, kmsKey, removalPolicy, retentionDays } from './common.ts';

/** The database (or cache) whose credentials this secret holds, if the lowering derived it for one. */
export function databaseOfSecret(graph: ResolvedGraph, secret: ResolvedComponent): ResolvedComponent | undefined {
  return graph.components.find((c) => c.secretId === secret.id);
}

export const secretEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const database = databaseOfSecret(ctx.graph, component);
    const isCache = database?.type === 'elasticache';
    const description = ctx.has(component, 'description') ? ctx.str(component, 'description') : '';
    const generateSecretString = database
      ? isCache
        ? obj({ excludePunctuation: lit(true), passwordLength: lit(64) })
        : obj({
            secretStringTemplate: lit(JSON.stringify({ username: 'dbadmin' })),
            generateStringKey: lit('password'),
            excludePunctuation: lit(true),
            passwordLength: lit(32),
          })
      : undefined;
    const secret = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('secretsmanager', 'Secret'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          description: lit((description || component.names.display).slice(0, 2048)),
          generateSecretString,
        }),
      ),
    );
    const rotationDays = ctx.has(component, 'rotationDays') ? ctx.num(component, 'rotationDays') : 0;
    if (database && !isCache) {
      ctx.add(comment(`Rotated by ${database.names.logicalId} below (hosted rotation needs the database's network).`));
    } else if (rotationDays > 0) {
      ctx.acknowledge(
        secret,
        'AwsSolutions-SMG4',
        isCache
          ? 'ElastiCache AUTH tokens rotate through modify-replication-group, which has no hosted rotation; rotate with a custom function.'
          : `Application secret: rotation every ${rotationDays} days needs an application-specific function (secret.addRotationSchedule).`,
      );
    }
    acknowledgeDesignRisks(ctx, component, secret);
    ctx.register(component.id, {
      construct: secret,
      attributes: { arn: member(secret, 'secretArn'), name: member(secret, 'secretName') },
    });
  },
};

export const logGroupEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const kms = ctx.bool(component, 'kmsEncryption');
    const key = kms ? kmsKey(ctx, component, 'Encryption key') : undefined;
    if (key)
      ctx.expr(
        call(member(key, 'grantEncryptDecrypt'), newExpr(ctx.api('iam', 'ServicePrincipal'), template('logs.', member(thisExpr, 'region'), '.amazonaws.com'))),
      );
    const logGroup = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('logs', 'LogGroup'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          retention: ctx.choose(component, 'retentionDays', (v) => retentionDays(ctx, v)),
          encryptionKey: key,
          removalPolicy: removalPolicy(ctx, 'RETAIN'),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, logGroup);
    ctx.register(component.id, {
      construct: logGroup,
      attributes: { arn: member(logGroup, 'logGroupArn'), name: member(logGroup, 'logGroupName') },
    });
  },
};

const MFA: Record<string, string> = { off: 'OFF', optional: 'OPTIONAL', required: 'REQUIRED' };

export const cognitoEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const mfa = ctx.str(component, 'mfa');
    const advanced = ctx.bool(component, 'advancedSecurity');
    const pool = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('cognito', 'UserPool'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          selfSignUpEnabled: lit(false),
          signInAliases: obj({ email: lit(true) }),
          mfa: ctx.api('cognito', `Mfa.${MFA[mfa] ?? 'REQUIRED'}`),
          mfaSecondFactor: mfa === 'off' ? undefined : obj({ sms: lit(false), otp: lit(true) }),
          passwordPolicy: obj({
            minLength: ctx.value(component, 'passwordMinLength'),
            requireLowercase: lit(true),
            requireUppercase: lit(true),
            requireDigits: lit(true),
            requireSymbols: lit(true),
          }),
          accountRecovery: ctx.api('cognito', 'AccountRecovery.EMAIL_ONLY'),
          featurePlan: ctx.api('cognito', advanced ? 'FeaturePlan.PLUS' : 'FeaturePlan.ESSENTIALS'),
          standardThreatProtectionMode: advanced ? ctx.api('cognito', 'StandardThreatProtectionMode.FULL_FUNCTION') : undefined,
          removalPolicy: removalPolicy(ctx, 'RETAIN'),
        }),
      ),
    );
    const client = ctx.declare(
      `${ctx.variableName(component)}Client`,
      call(member(pool, 'addClient'), lit('Client'), obj({ authFlows: obj({ userSrp: lit(true) }), generateSecret: lit(false) })),
    );
    if (mfa !== 'required')
      ctx.acknowledge(pool, 'AwsSolutions-COG2', `MFA is "${mfa}" in the design (property mfa).`);
    if (!advanced)
      ctx.acknowledge(pool, 'AwsSolutions-COG3', 'Threat protection (Plus plan) is off in the design (property advancedSecurity).');
    acknowledgeDesignRisks(ctx, component, pool);
    ctx.register(component.id, {
      construct: pool,
      attributes: { arn: member(pool, 'userPoolArn'), id: member(pool, 'userPoolId'), name: member(pool, 'userPoolId') },
      extras: { client },
    });
  },
};

export const natGatewayEmitter: ComponentEmitter = {
  emit(component, ctx) {
    // No construct of its own: ec2.Vpc creates the NAT gateways from natGateways (per environment).
    ctx.add(comment(`${component.names.logicalId}: NAT gateways are created by the VPC (natGateways in config).`));
    ctx.register(component.id, { construct: lit(null), attributes: {} });
  },
};

/**
 * A user-drawn alarm. The lowering lists it in `graph.alarms` (metric, dimension, topic); the
 * alarms step emits it, so here it only needs to exist in the ordering.
 */
export const alarmComponentEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const resolved = ctx.graph.alarms.find((a) => a.id === component.id || a.names.logicalId === component.names.logicalId);
    if (!resolved) {
      ctx.add(comment(`${component.names.logicalId}: the design connects this alarm to nothing it can watch; no alarm is created.`));
    }
    ctx.register(component.id, { construct: lit(null), attributes: {} });
  },
};

/** Secrets, Cognito user pools, log groups, user-drawn CloudWatch alarms and NAT gateways. */
import type { ResolvedComponent, ResolvedGraph } from '@archgen/infra';
import type { ComponentEmitter } from './types.ts';
import { call, comment, index, lit, member, newExpr, obj, template, thisExpr } from '../ts/ast.ts';
import { acknowledgeDesignRisks, kmsKey, nagRuleIds, removalPolicy, retentionDays } from './common.ts';
import { plainText } from '../naming.ts';

/** The database (or cache) whose credentials this secret holds, if the lowering derived it for one. */
export function databaseOfSecret(graph: ResolvedGraph, secret: ResolvedComponent): ResolvedComponent | undefined {
  return graph.components.find((c) => c.secretId === secret.id);
}

export const secretEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const database = databaseOfSecret(ctx.graph, component);
    const isCache = database?.type === 'elasticache';
    const description = ctx.has(component, 'description') ? ctx.str(component, 'description') : '';
    const generated = component.generatedSecret;
    const generateSecretString = generated
      ? obj({
          secretStringTemplate: generated.username ? lit(JSON.stringify({ username: generated.username })) : undefined,
          generateStringKey: generated.username ? lit('password') : undefined,
          passwordLength: lit(generated.passwordLength),
          excludeCharacters: generated.excludeCharacters ? lit(generated.excludeCharacters) : undefined,
        })
      : undefined;
    const secret = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('secretsmanager', 'Secret'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          description: lit(plainText(description || component.names.display, 2048)),
          generateSecretString,
        }),
      ),
    );
    const rotationDays = ctx.has(component, 'rotationDays') ? ctx.num(component, 'rotationDays') : 0;
    const designAcknowledges = component.acknowledgements.some((a) => nagRuleIds(a.equivalents).includes('AwsSolutions-SMG4'));
    if (database && component.rotation) {
      ctx.add(comment(`Rotated by ${database.names.logicalId} below (hosted rotation runs in the database's network).`));
    } else if (rotationDays > 0 && !designAcknowledges) {
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
    // EKS writes control-plane logs to a fixed name; creating it first gives it a retention.
    const eksCluster = ctx.graph.components.find((c) => c.type === 'eks' && c.logGroupId === component.id);
    const logGroup = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('logs', 'LogGroup'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          logGroupName: eksCluster ? eksLogGroupName(eksCluster) : undefined,
          retention: ctx.choose(component, 'retentionDays', (v) => retentionDays(ctx, v)),
          encryptionKey: key,
          removalPolicy: removalPolicy(ctx, 'RETAIN'),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, logGroup);
    ctx.register(component.id, {
      construct: logGroup,
      attributes: {
        // The contract's log group ARN has no trailing ":*" (CDK's logGroupArn does).
        arn: call(
          member(thisExpr, 'formatArn'),
          obj({
            service: lit('logs'),
            resource: lit('log-group'),
            resourceName: member(logGroup, 'logGroupName'),
            arnFormat: member(ctx.core('ArnFormat'), 'COLON_RESOURCE_NAME'),
          }),
        ),
        name: member(logGroup, 'logGroupName'),
      },
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
      for (const rule of ['AwsSolutions-COG3', 'AwsSolutions-COG8'])
        ctx.acknowledge(pool, rule, 'Threat protection (Plus feature plan) is off in the design (property advancedSecurity).');
    acknowledgeDesignRisks(ctx, component, pool);
    ctx.register(component.id, {
      construct: pool,
      attributes: { arn: member(pool, 'userPoolArn'), id: member(pool, 'userPoolId'), name: member(pool, 'userPoolId') },
      extras: { client },
    });
  },
};

/** The cluster name the EKS emitter uses (`<stack name>-<slug>`) and its control-plane log group. */
export function eksLogGroupName(cluster: ResolvedComponent) {
  return template('/aws/eks/', member(thisExpr, 'stackName'), `-${cluster.names.slug}/cluster`);
}

export const natGatewayEmitter: ComponentEmitter = {
  emit(component, ctx) {
    // No construct of its own: ec2.Vpc creates the NAT gateways from natGateways (per environment).
    ctx.add(comment(`${component.names.logicalId}: NAT gateways are created by the VPC (natGateways in config).`));
    const provider = component.placement ? ctx.natProviders.get(component.placement.vpcId) : undefined;
    ctx.register(component.id, {
      construct: lit(null),
      attributes: provider ? { id: member(index(member(provider, 'configuredGateways'), 0), 'gatewayId') } : {},
    });
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

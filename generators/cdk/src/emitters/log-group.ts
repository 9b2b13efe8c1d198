/** CloudWatch log groups. */
import type { ResolvedComponent } from '@archgen/infra';
import type { ComponentEmitter } from './types.ts';
import { call, lit, member, newExpr, obj, template } from '../ts/ast.ts';
import {
  acknowledgeDesignRisks,
  eksLogGroupName,
  encryptionKey,
  removalPolicy,
  retentionDays,
  withKey,
} from './common.ts';

export const logGroupEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const key = encryptionKey(ctx, component);
    // A drawn key's policy already admits these services (kms-key.ts).
    if (key && !component.encryption?.keyId)
      ctx.expr(
        call(
          member(key.key, 'grantEncryptDecrypt'),
          newExpr(
            ctx.api('iam', 'ServicePrincipal'),
            template('logs.', member(ctx.scope, 'region'), '.amazonaws.com'),
          ),
        ),
      );
    // EKS writes control-plane logs to a fixed name; creating it first gives it a retention.
    const eksCluster = ctx
      .derived('eks-by-log-group', () => {
        const byLogGroup = new Map<string, ResolvedComponent>();
        for (const c of ctx.graph.components)
          if (c.type === 'eks' && c.logGroupId && !byLogGroup.has(c.logGroupId))
            byLogGroup.set(c.logGroupId, c);
        return byLogGroup;
      })
      .get(component.id);
    const logGroup = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('logs', 'LogGroup'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          logGroupName: eksCluster ? eksLogGroupName(eksCluster) : undefined,
          retention: ctx.choose(component, 'retentionDays', (v) => retentionDays(ctx, v)),
          encryptionKey: withKey(key, key?.key, undefined),
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
          member(ctx.scope, 'formatArn'),
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

/** A drawn customer managed key (kms-key) with its alias, as the lowering decided them. */
import type { ComponentEmitter } from './types.ts';
import { call, lit, member, newExpr, obj, ref, template } from '../ts/ast.ts';
import { acknowledgeDesignRisks, resolvedScalar } from './common.ts';
import { plainText } from '../naming.ts';

export const kmsKeyEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const decided = component.kmsKey;
    if (!decided) throw new Error(`kms-key "${component.id}" has no resolved key`);
    // kms.Key's default policy lets the account administer the key, so IAM grants on it apply.
    const key = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('kms', 'Key'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          description: lit(plainText(decided.description, 8000)),
          alias: template('alias/', ref('this.stackName'), `-${decided.aliasSuffix}`),
          enableKeyRotation: resolvedScalar(
            ctx,
            component,
            'EnableKeyRotation',
            decided.enableKeyRotation,
            'automatic key rotation',
          ),
          pendingWindow: ctx.duration(
            'days',
            resolvedScalar(
              ctx,
              component,
              'PendingWindowDays',
              decided.pendingWindowDays,
              'days a scheduled deletion can be cancelled',
            ),
          ),
        }),
      ),
    );
    // The services that write for the components encrypted with this key.
    for (const principal of decided.servicePrincipals)
      ctx.expr(
        call(
          member(key, 'grant'),
          newExpr(
            ctx.api('iam', 'ServicePrincipal'),
            principal.regional
              ? template(`${principal.service}.`, member(ctx.scope, 'region'), '.amazonaws.com')
              : lit(`${principal.service}.amazonaws.com`),
          ),
          ...decided.serviceActions.map((a) => lit(a)),
        ),
      );
    for (const principal of decided.describingServices)
      ctx.expr(
        call(
          member(key, 'grant'),
          newExpr(ctx.api('iam', 'ServicePrincipal'), lit(`${principal.service}.amazonaws.com`)),
          lit('kms:DescribeKey'),
        ),
      );
    acknowledgeDesignRisks(ctx, component, key);
    ctx.register(component.id, {
      construct: key,
      attributes: { arn: member(key, 'keyArn'), id: member(key, 'keyId') },
    });
  },
};

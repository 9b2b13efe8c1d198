/** SNS topics. */
import type { ComponentEmitter } from './types.ts';
import { call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, encryptionKey, withKey } from './common.ts';
import { plainText } from '../naming.ts';

export const snsEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const fifo = ctx.bool(component, 'fifo');
    // A customer-managed key: CloudWatch alarms and EventBridge cannot publish to topics under the AWS-managed key.
    const key = encryptionKey(ctx, component);
    const topic = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('sns', 'Topic'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          displayName: lit(plainText(component.names.display, 100)),
          fifo: fifo ? lit(true) : undefined,
          masterKey: withKey(key, key?.key, undefined),
          enforceSSL: lit(true),
        }),
      ),
    );
    // A drawn key's policy already admits these services (kms-key.ts).
    if (key && !component.encryption?.keyId)
      for (const service of ['cloudwatch.amazonaws.com', 'events.amazonaws.com'])
        ctx.expr(
          call(
            member(key.key, 'grant'),
            newExpr(ctx.api('iam', 'ServicePrincipal'), lit(service)),
            lit('kms:Decrypt'),
            lit('kms:GenerateDataKey*'),
          ),
        );
    acknowledgeDesignRisks(ctx, component, topic);
    ctx.register(component.id, {
      construct: topic,
      attributes: { arn: member(topic, 'topicArn'), name: member(topic, 'topicName') },
    });
  },
};

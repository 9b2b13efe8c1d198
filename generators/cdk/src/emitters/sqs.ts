/** SQS queues. */
import type { ResolvedComponent } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import { lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, encryptionKey, requireResolved, resolvedScalar, withKey } from './common.ts';

function isDeadLetterQueue(ctx: StackContext, component: ResolvedComponent): boolean {
  if (ctx.has(component, 'isDeadLetterQueue') && ctx.bool(component, 'isDeadLetterQueue')) return true;
  return (
    ctx.graph.components.some((c) => c.deadLetterQueueId === component.id) ||
    ctx.graph.subscriptions.some((s) => s.deadLetterQueueId === component.id) ||
    ctx.graph.ruleTargets.some((t) => t.deadLetterQueueId === component.id)
  );
}

export const sqsEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const fifo = ctx.bool(component, 'fifo');
    const key = encryptionKey(ctx, component);
    const dlq = component.deadLetterQueueId ? ctx.handle(component.deadLetterQueueId).construct : undefined;
    const queue = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('sqs', 'Queue'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          fifo: fifo ? lit(true) : undefined,
          contentBasedDeduplication: fifo ? lit(true) : undefined,
          visibilityTimeout: ctx.duration('seconds', ctx.value(component, 'visibilityTimeoutSeconds')),
          retentionPeriod: ctx.duration('seconds', ctx.value(component, 'retentionSeconds')),
          encryption: withKey(
            key,
            ctx.api('sqs', 'QueueEncryption.KMS'),
            ctx.api('sqs', 'QueueEncryption.SQS_MANAGED'),
          ),
          encryptionMasterKey: key?.key,
          enforceSSL: lit(true),
          deadLetterQueue: dlq
            ? obj({
                queue: dlq,
                maxReceiveCount: resolvedScalar(
                  ctx,
                  component,
                  'MaxReceiveCount',
                  requireResolved(component.maxReceiveCount, component, 'maxReceiveCount'),
                  'receives before dead-lettering',
                ),
              })
            : undefined,
        }),
      ),
    );
    if (isDeadLetterQueue(ctx, component))
      ctx.acknowledge(queue, 'AwsSolutions-SQS3', 'This queue is itself a dead-letter queue.');
    acknowledgeDesignRisks(ctx, component, queue);
    ctx.register(component.id, {
      construct: queue,
      attributes: {
        arn: member(queue, 'queueArn'),
        name: member(queue, 'queueName'),
        url: member(queue, 'queueUrl'),
      },
    });
  },
};

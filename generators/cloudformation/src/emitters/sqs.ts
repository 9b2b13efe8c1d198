/**
 * SQS queue: encrypted, TLS-only policy, redrive to the lowering's DLQ (SQS-01/02). The one
 * QueuePolicy of the queue also lets each AWS service that delivers to it do so: SNS topics,
 * EventBridge rules (as target or DLQ, including the rules that carry S3 notifications). A second QueuePolicy on the same
 * queue would replace the first, so everything goes into this one.
 */
import type { ComponentEmitter, EmitContext } from '../context.ts';
import { getAtt, ref, type TemplateValue } from '../template/intrinsics.ts';
import { allowService, denyInsecureTransport, resolvedValue } from './common.ts';
import { componentKey } from './relationships.ts';

function deliveryStatements(
  queueId: string,
  ctx: EmitContext,
): { statements: TemplateValue[]; services: string[] } {
  const arn = getAtt(ctx.logicalId(queueId), 'Arn');
  const statements: TemplateValue[] = [];
  const services = new Set<string>();
  for (const s of ctx.graph.subscriptions) {
    if (s.subscriberId !== queueId && s.deadLetterQueueId !== queueId) continue;
    const topic = ctx.logicalId(s.topicId);
    statements.push(allowService(`From${topic}`, 'sns.amazonaws.com', ['sqs:SendMessage'], arn, ref(topic)));
    services.add('sns.amazonaws.com');
  }
  for (const target of ctx.graph.ruleTargets) {
    if (target.targetId !== queueId && target.deadLetterQueueId !== queueId) continue;
    const rule = ctx.logicalId(target.ruleId);
    statements.push(
      allowService(`From${rule}`, 'events.amazonaws.com', ['sqs:SendMessage'], arn, getAtt(rule, 'Arn')),
    );
    services.add('events.amazonaws.com');
  }
  for (const notification of ctx.graph.bucketNotifications ?? []) {
    if (notification.targetId !== queueId) continue;
    const rule = notification.rule.logicalId;
    statements.push(
      allowService(`From${rule}`, 'events.amazonaws.com', ['sqs:SendMessage'], arn, getAtt(rule, 'Arn')),
    );
    services.add('events.amazonaws.com');
  }
  return { statements, services: [...services].sort() };
}

export const sqsEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    url: (id) => ref(id),
    name: (id) => getAtt(id, 'QueueName'),
  },
  emit(queue, ctx) {
    const id = queue.names.logicalId;
    const fifo = ctx.constant(queue, 'fifo') === true;
    const delivery = deliveryStatements(queue.id, ctx);
    // SSE-SQS or the queue's own key, per environment, as the lowering decided.
    const key = componentKey(ctx, queue, { services: delivery.services });
    const used = key ? key.used : false;
    ctx.template.addResource(
      id,
      {
        Type: 'AWS::SQS::Queue',
        Metadata: ctx.metadata(queue.acknowledgements),
        Properties: {
          FifoQueue: fifo ? true : undefined,
          ContentBasedDeduplication: fifo ? true : undefined,
          VisibilityTimeout: ctx.value(queue, 'visibilityTimeoutSeconds'),
          MessageRetentionPeriod: ctx.value(queue, 'retentionSeconds'),
          SqsManagedSseEnabled: ctx.choose(used, undefined, true),
          KmsMasterKeyId: key ? ctx.choose(used, key.id, undefined) : undefined,
          RedrivePolicy: queue.deadLetterQueueId
            ? {
                deadLetterTargetArn: getAtt(ctx.logicalId(queue.deadLetterQueueId), 'Arn'),
                maxReceiveCount: resolvedValue(
                  ctx,
                  queue,
                  'MaxReceiveCount',
                  'Receives before dead-lettering',
                  queue.maxReceiveCount,
                ),
              }
            : undefined,
          Tags: ctx.tags(queue.names.display),
        },
      },
      queue.derived ? queue.derived.reason : undefined,
    );
    if (!queue.derived) ctx.output(queue, 'Url', ref(id), 'Queue URL');
    ctx.template.addResource(`${id}Policy`, {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [ref(id)],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [denyInsecureTransport('sqs:*', [getAtt(id, 'Arn')]), ...delivery.statements],
        },
      },
    });
  },
};

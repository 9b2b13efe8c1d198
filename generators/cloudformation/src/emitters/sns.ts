/**
 * SNS topic: KMS-encrypted with a key the publishing services may use (alarms, EventBridge),
 * TLS-only topic policy that also admits EventBridge rules, including those carrying S3
 * notifications (SNS-01).
 */
import type { ComponentEmitter, EmitContext } from '../context.ts';
import { getAtt, ref, type TemplateValue } from '../template/intrinsics.ts';
import { allowService, denyInsecureTransport } from './common.ts';
import { componentKey } from './relationships.ts';

function publishers(topicId: string, ctx: EmitContext): { statements: TemplateValue[]; services: string[] } {
  const statements: TemplateValue[] = [];
  const services = new Set<string>();
  for (const target of ctx.graph.ruleTargets) {
    if (target.targetId !== topicId) continue;
    const rule = ctx.logicalId(target.ruleId);
    statements.push(
      allowService(
        `From${rule}`,
        'events.amazonaws.com',
        ['sns:Publish'],
        ref(ctx.logicalId(topicId)),
        getAtt(rule, 'Arn'),
      ),
    );
    services.add('events.amazonaws.com');
  }
  for (const notification of ctx.graph.bucketNotifications ?? []) {
    if (notification.targetId !== topicId) continue;
    const rule = notification.rule.logicalId;
    statements.push(
      allowService(
        `From${rule}`,
        'events.amazonaws.com',
        ['sns:Publish'],
        ref(ctx.logicalId(topicId)),
        getAtt(rule, 'Arn'),
      ),
    );
    services.add('events.amazonaws.com');
  }
  if (ctx.graph.alarms.some((alarm) => alarm.topicId === topicId)) services.add('cloudwatch.amazonaws.com');
  return { statements, services: [...services].sort() };
}

export const snsEmitter: ComponentEmitter = {
  references: {
    arn: (id) => ref(id),
    name: (id) => getAtt(id, 'TopicName'),
  },
  emit(topic, ctx) {
    const id = topic.names.logicalId;
    const fifo = ctx.constant(topic, 'fifo') === true;
    const { statements, services } = publishers(topic.id, ctx);
    // The topic's own key where the lowering decided one (never aws/sns: alarms could not publish).
    const key = componentKey(ctx, topic, { services });
    ctx.template.addResource(
      id,
      {
        Type: 'AWS::SNS::Topic',
        Metadata: ctx.metadata(topic.acknowledgements),
        Properties: {
          FifoTopic: fifo ? true : undefined,
          ContentBasedDeduplication: fifo ? true : undefined,
          KmsMasterKeyId: key ? ctx.choose(key.used, key.id, undefined) : undefined,
          Tags: ctx.tags(topic.names.display),
        },
      },
      topic.derived ? topic.derived.reason : undefined,
    );
    ctx.output(topic, 'Arn', ref(id), 'Topic ARN');
    ctx.template.addResource(`${id}Policy`, {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: {
        Topics: [ref(id)],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [denyInsecureTransport('sns:Publish', [ref(id)]), ...statements],
        },
      },
    });
  },
};

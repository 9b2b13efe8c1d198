/** SNS topic: KMS-encrypted, TLS-only publish (SNS-01), with its subscriptions and their DLQs. */
import type { ResolvedComponent } from '@archgen/infra';
import { attr, block, literal, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { denyInsecureTransport, jsonencode, lambdaPermission, tags } from './common.ts';

const address = (c: ResolvedComponent) => `aws_sns_topic.${c.names.tfName}`;

export const snsEmitter: ComponentEmitter = {
  refs: (_ctx, c) => ({ arn: ref(`${address(c)}.arn`), id: ref(`${address(c)}.id`), name: ref(`${address(c)}.name`) }),
  emit(ctx, c) {
    const fifo = ctx.flag(c, 'fifo', false);
    const arn = ref(`${address(c)}.arn`);
    ctx.add(
      'messaging.tf',
      ctx.resource('aws_sns_topic', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 256, fifo ? '.fifo' : '')),
        attr('display_name', str(c.names.display.slice(0, 100))),
        fifo && attr('fifo_topic', literal(true)),
        ctx.flag(c, 'kmsEncryption', true) && attr('kms_master_key_id', str('alias/aws/sns')),
        tags(c.names.display),
      ]),
    );
    const ruleSenders = ctx.graph.ruleTargets.filter((t) => t.targetId === c.id);
    ctx.add(
      'messaging.tf',
      block('resource', ['aws_sns_topic_policy', c.names.tfName], [
        attr('arn', arn),
        attr(
          'policy',
          jsonencode({
            Version: '2012-10-17',
            Statement: [
              denyInsecureTransport('sns:Publish', [arn]),
              ...ruleSenders.map((t, i) => ({
                Sid: `AllowRule${i}`,
                Effect: 'Allow',
                Principal: { Service: 'events.amazonaws.com' },
                Action: 'sns:Publish',
                Resource: arn,
                Condition: { ArnEquals: { 'aws:SourceArn': ctx.attribute(t.ruleId, 'arn') } },
              })),
            ],
          }),
        ),
      ]),
    );
    for (const s of ctx.graph.subscriptions.filter((s) => s.topicId === c.id)) {
      const subscriber = ctx.component(s.subscriberId);
      const name = `${c.names.tfName}_to_${subscriber.names.tfName}`;
      ctx.add(
        'messaging.tf',
        block('resource', ['aws_sns_topic_subscription', name], [
          attr('topic_arn', arn),
          attr('protocol', str(s.protocol)),
          attr('endpoint', ctx.attribute(subscriber.id, 'arn')),
          s.protocol === 'sqs' && attr('raw_message_delivery', literal(true)),
          s.deadLetterQueueId &&
            attr('redrive_policy', jsonencode({ deadLetterTargetArn: ctx.attribute(s.deadLetterQueueId, 'arn') })),
        ]),
      );
      if (s.protocol === 'lambda') lambdaPermission(ctx, `${name}_invoke`, subscriber.id, 'sns.amazonaws.com', arn);
    }
    ctx.output(`${c.names.tfName}_arn`, arn, `ARN of the topic "${c.names.display}"`);
  },
};

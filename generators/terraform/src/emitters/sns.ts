/** SNS topic: KMS-encrypted, TLS-only publish (SNS-01), with its subscriptions and their DLQs. */
import type { ResolvedComponent } from '@archgen/infra';
import { type Expr, attr, block, call, cond, index, literal, nul, num, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import {
  componentKey,
  denyInsecureTransport,
  jsonencode,
  lambdaPermission,
  tags,
  usesCustomerKey,
} from './common.ts';

const address = (c: ResolvedComponent) => `aws_sns_topic.${c.names.tfName}`;

interface Publisher {
  sid: string;
  service: string;
  condition: Record<string, Record<string, Expr>>;
}

/** AWS services that publish to this topic: CloudWatch alarms, EventBridge rules, S3 buckets. */
function publishers(ctx: TfContext, c: ResolvedComponent): Publisher[] {
  const account = index(call('split', str(':'), ref(`${address(c)}.arn`)), num(4));
  const out: Publisher[] = [];
  if (ctx.graph.alarms.some((a) => a.topicId === c.id))
    out.push({
      sid: 'AllowAlarms',
      service: 'cloudwatch.amazonaws.com',
      condition: { StringEquals: { 'aws:SourceAccount': account } },
    });
  ctx.graph.ruleTargets
    .filter((t) => t.targetId === c.id)
    .forEach((t, i) =>
      out.push({
        sid: `AllowRule${i}`,
        service: 'events.amazonaws.com',
        condition: { ArnEquals: { 'aws:SourceArn': ctx.attribute(t.ruleId, 'arn') } },
      }),
    );
  (ctx.graph.bucketNotifications ?? [])
    .filter((n) => n.targetId === c.id)
    .forEach((n, i) =>
      out.push({
        sid: `AllowBucketEvents${i}`,
        service: 'events.amazonaws.com',
        condition: { ArnEquals: { 'aws:SourceArn': ref(`aws_cloudwatch_event_rule.${n.rule.tfName}.arn`) } },
      }),
    );
  return out;
}

export const snsEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_sns_topic.${name}.arn`),
    id: (name) => ref(`aws_sns_topic.${name}.id`),
    name: (name) => ref(`aws_sns_topic.${name}.name`),
  },
  emit(c, ctx) {
    const fifo = ctx.flag(c, 'fifo');
    const arn = ref(`${address(c)}.arn`);
    const from = publishers(ctx, c);
    const services = [...new Set(from.map((p) => p.service))].sort();
    // The topic's own key where the lowering decided one (never aws/sns: alarms could not publish).
    const customer = usesCustomerKey(ctx, c);
    const arnOfKey =
      customer !== false ? componentKey(ctx, c, `${c.names.tfName}_topic`, services) : undefined;
    const key =
      arnOfKey && customer !== true && customer !== false ? cond(customer, arnOfKey, nul) : arnOfKey;
    ctx.add(
      'messaging.tf',
      ctx.resource('aws_sns_topic', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 256, fifo ? '.fifo' : '')),
        attr('display_name', str(c.names.display.slice(0, 100))),
        fifo && attr('fifo_topic', literal(true)),
        attr('kms_master_key_id', key),
        tags(c.names.display),
      ]),
      block(
        'resource',
        ['aws_sns_topic_policy', c.names.tfName],
        [
          attr('arn', arn),
          attr(
            'policy',
            jsonencode({
              Version: '2012-10-17',
              Statement: [
                denyInsecureTransport('sns:Publish', [arn]),
                ...from.map((p) => ({
                  Sid: p.sid,
                  Effect: 'Allow',
                  Principal: { Service: p.service },
                  Action: 'sns:Publish',
                  Resource: arn,
                  Condition: p.condition,
                })),
              ],
            }),
          ),
        ],
      ),
    );
    for (const s of ctx.graph.subscriptions.filter((s) => s.topicId === c.id)) {
      const subscriber = ctx.component(s.subscriberId);
      const name = `${c.names.tfName}_to_${subscriber.names.tfName}`;
      ctx.add(
        'messaging.tf',
        block(
          'resource',
          ['aws_sns_topic_subscription', name],
          [
            attr('topic_arn', arn),
            attr('protocol', str(s.protocol)),
            attr('endpoint', ctx.attribute(subscriber.id, 'arn')),
            s.protocol === 'sqs' && attr('raw_message_delivery', literal(true)),
            s.deadLetterQueueId &&
              attr(
                'redrive_policy',
                jsonencode({ deadLetterTargetArn: ctx.attribute(s.deadLetterQueueId, 'arn') }),
              ),
          ],
        ),
      );
      if (s.protocol === 'lambda')
        lambdaPermission(ctx, `${name}_invoke`, subscriber.id, 'sns.amazonaws.com', arn);
    }
    ctx.output(`${c.names.tfName}_arn`, arn, `ARN of the topic "${c.names.display}"`);
  },
};

/** SQS queue: encrypted, TLS-only, with the redrive DLQ the lowering derived (SQS-01/02). */
import type { ResolvedComponent } from '@archgen/infra';
import { type Expr, attr, block, cond, literal, nul, ref } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import {
  componentKey,
  denyInsecureTransport,
  jsonencode,
  resolvedValue,
  tags,
  usesCustomerKey,
} from './common.ts';

const address = (c: ResolvedComponent) => `aws_sqs_queue.${c.names.tfName}`;

interface Sender {
  sid: string;
  service: string;
  sourceArn: Expr;
}

/** AWS services that send to this queue, each scoped by the sender's ARN. */
function senders(ctx: TfContext, c: ResolvedComponent): Sender[] {
  const out: Sender[] = [];
  for (const s of ctx.graph.subscriptions) {
    if ((s.protocol === 'sqs' && s.subscriberId === c.id) || s.deadLetterQueueId === c.id)
      out.push({
        sid: 'AllowTopic',
        service: 'sns.amazonaws.com',
        sourceArn: ctx.attribute(s.topicId, 'arn'),
      });
  }
  for (const t of ctx.graph.ruleTargets) {
    if (t.targetId === c.id || t.deadLetterQueueId === c.id)
      out.push({
        sid: 'AllowRule',
        service: 'events.amazonaws.com',
        sourceArn: ctx.attribute(t.ruleId, 'arn'),
      });
  }
  for (const n of ctx.graph.bucketNotifications ?? []) {
    if (n.targetId === c.id)
      out.push({
        sid: 'AllowBucketEvents',
        service: 'events.amazonaws.com',
        sourceArn: ref(`aws_cloudwatch_event_rule.${n.rule.tfName}.arn`),
      });
  }
  return out;
}

export const sqsEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_sqs_queue.${name}.arn`),
    url: (name) => ref(`aws_sqs_queue.${name}.url`),
    id: (name) => ref(`aws_sqs_queue.${name}.id`),
    name: (name) => ref(`aws_sqs_queue.${name}.name`),
  },
  emit(c, ctx) {
    const fifo = ctx.flag(c, 'fifo');
    const dlq = ctx.findComponent(c.deadLetterQueueId);
    const from = senders(ctx, c);
    const services = [...new Set(from.map((s) => s.service))].sort();
    // SSE-SQS or the queue's own key, per environment, as the lowering decided.
    const customer = usesCustomerKey(ctx, c);
    const key = customer !== false ? componentKey(ctx, c, c.names.tfName + '_queue', services) : undefined;
    // `customer` is true, false or a per-environment boolean variable.
    const where = (onKey: Expr | undefined, otherwise: Expr | undefined): Expr | undefined =>
      customer === true
        ? onKey
        : customer === false
          ? otherwise
          : cond(customer, onKey ?? nul, otherwise ?? nul);
    const encryption = [
      attr('sqs_managed_sse_enabled', where(undefined, literal(true))),
      key && attr('kms_master_key_id', where(key, undefined)),
    ];
    ctx.add(
      'messaging.tf',
      ctx.resource('aws_sqs_queue', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 80, fifo ? '.fifo' : '')),
        fifo && attr('fifo_queue', literal(true)),
        attr('visibility_timeout_seconds', ctx.prop(c, 'visibilityTimeoutSeconds')),
        attr('message_retention_seconds', ctx.prop(c, 'retentionSeconds')),
        encryption,
        dlq &&
          attr(
            'redrive_policy',
            jsonencode({
              deadLetterTargetArn: ctx.attribute(dlq.id, 'arn'),
              maxReceiveCount: resolvedValue(
                ctx,
                c,
                'max_receive_count',
                'Receives before dead-lettering',
                c.maxReceiveCount,
              ),
            }),
          ),
        tags(c.names.display),
      ]),
    );
    const arn = ref(`${address(c)}.arn`);
    ctx.add(
      'messaging.tf',
      block(
        'resource',
        ['aws_sqs_queue_policy', c.names.tfName],
        [
          attr('queue_url', ref(`${address(c)}.id`)),
          attr(
            'policy',
            jsonencode({
              Version: '2012-10-17',
              Statement: [
                denyInsecureTransport('sqs:*', [arn]),
                ...from.map((s, i) => ({
                  Sid: `${s.sid}${i}`,
                  Effect: 'Allow',
                  Principal: { Service: s.service },
                  Action: 'sqs:SendMessage',
                  Resource: arn,
                  Condition: { ArnEquals: { 'aws:SourceArn': s.sourceArn } },
                })),
              ],
            }),
          ),
        ],
      ),
    );
    ctx.output(`${c.names.tfName}_url`, ref(`${address(c)}.url`), `URL of the queue "${c.names.display}"`);
  },
};

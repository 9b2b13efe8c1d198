/** SQS queues, SNS topics and EventBridge buses and rules. */
import type { ResolvedComponent } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, comment, json, lit, member, newExpr, obj, thisExpr } from '../ts/ast.ts';
import { acknowledgeDesignRisks, kmsKey } from './common.ts';
import { plainText } from '../naming.ts';

function isDeadLetterQueue(ctx: StackContext, component: ResolvedComponent): boolean {
  if (ctx.has(component, 'isDeadLetterQueue') && ctx.bool(component, 'isDeadLetterQueue')) return true;
  return ctx.graph.components.some((c) => c.deadLetterQueueId === component.id) ||
    ctx.graph.subscriptions.some((s) => s.deadLetterQueueId === component.id) ||
    ctx.graph.ruleTargets.some((t) => t.deadLetterQueueId === component.id);
}

export const sqsEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const fifo = ctx.bool(component, 'fifo');
    const kms = ctx.str(component, 'encryption') === 'kms';
    const key = kms ? kmsKey(ctx, component, 'Encryption key') : undefined;
    const dlq = component.deadLetterQueueId ? ctx.handle(component.deadLetterQueueId).construct : undefined;
    const queue = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('sqs', 'Queue'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          fifo: fifo ? lit(true) : undefined,
          contentBasedDeduplication: fifo ? lit(true) : undefined,
          visibilityTimeout: ctx.duration('seconds', ctx.value(component, 'visibilityTimeoutSeconds')),
          retentionPeriod: ctx.duration('seconds', ctx.value(component, 'retentionSeconds')),
          encryption: kms ? ctx.api('sqs', 'QueueEncryption.KMS') : ctx.api('sqs', 'QueueEncryption.SQS_MANAGED'),
          encryptionMasterKey: key,
          enforceSSL: lit(true),
          deadLetterQueue: dlq
            ? obj({ queue: dlq, maxReceiveCount: component.maxReceiveCount !== undefined ? lit(component.maxReceiveCount) : ctx.value(component, 'maxReceiveCount') })
            : undefined,
        }),
      ),
    );
    if (isDeadLetterQueue(ctx, component))
      ctx.acknowledge(queue, 'AwsSolutions-SQS3', 'This queue is itself a dead-letter queue.');
    acknowledgeDesignRisks(ctx, component, queue);
    ctx.register(component.id, {
      construct: queue,
      attributes: { arn: member(queue, 'queueArn'), name: member(queue, 'queueName'), url: member(queue, 'queueUrl') },
    });
  },
};

export const snsEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const fifo = ctx.bool(component, 'fifo');
    // A customer-managed key: CloudWatch alarms and EventBridge cannot publish to topics under the AWS-managed key.
    const key = ctx.bool(component, 'kmsEncryption') ? kmsKey(ctx, component, 'Encryption key') : undefined;
    const topic = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('sns', 'Topic'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          displayName: lit(plainText(component.names.display, 100)),
          fifo: fifo ? lit(true) : undefined,
          masterKey: key,
          enforceSSL: lit(true),
        }),
      ),
    );
    if (key)
      for (const service of ['cloudwatch.amazonaws.com', 'events.amazonaws.com'])
        ctx.expr(
          call(member(key, 'grant'), newExpr(ctx.api('iam', 'ServicePrincipal'), lit(service)), lit('kms:Decrypt'), lit('kms:GenerateDataKey*')),
        );
    acknowledgeDesignRisks(ctx, component, topic);
    ctx.register(component.id, {
      construct: topic,
      attributes: { arn: member(topic, 'topicArn'), name: member(topic, 'topicName') },
    });
  },
};

export const eventBusEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const bus = ctx.declare(
      ctx.variableName(component),
      newExpr(ctx.api('events', 'EventBus'), thisExpr, lit(component.names.logicalId), obj({ description: lit(plainText(component.names.display, 512)) })),
    );
    const archiveDays = ctx.num(component, 'archiveDays');
    if (archiveDays > 0)
      ctx.expr(
        call(
          member(bus, 'archive'),
          lit(`${component.names.logicalId}Archive`),
          obj({
            eventPattern: obj({ account: arr([member(thisExpr, 'account')]) }),
            retention: ctx.duration('days', ctx.value(component, 'archiveDays')),
          }),
        ),
      );
    acknowledgeDesignRisks(ctx, component, bus);
    ctx.register(component.id, {
      construct: bus,
      attributes: { arn: member(bus, 'eventBusArn'), name: member(bus, 'eventBusName') },
    });
  },
};

const PATTERN_KEYS: Record<string, string> = {
  source: 'source', 'detail-type': 'detailType', detail: 'detail', account: 'account', region: 'region',
  resources: 'resources', id: 'id', time: 'time', version: 'version',
};

export const eventRuleEmitter: ComponentEmitter = {
  dependencies: (component) => (component.eventBusId ? [component.eventBusId] : []),
  emit(component, ctx) {
    const schedule = ctx.str(component, 'schedule').trim();
    const busId = component.eventBusId;
    let eventPattern: Expr | undefined;
    if (!schedule) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(ctx.str(component, 'eventPattern'));
      } catch {
        parsed = undefined;
      }
      const entries: [string, Expr][] = [];
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
          const cdkKey = PATTERN_KEYS[key];
          if (cdkKey) entries.push([cdkKey, json(value)]);
        }
      if (entries.length === 0) {
        ctx.add(comment('The design\'s event pattern is not a JSON object with known keys; matching this design\'s own events instead.'));
        entries.push(['source', arr([lit(ctx.graph.design.slug)])]);
      }
      eventPattern = obj(entries);
    }
    const rule = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('events', 'Rule'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          description: lit(plainText(component.names.display, 512)),
          // Scheduled rules only run on the default bus.
          eventBus: busId && !schedule ? ctx.handle(busId).construct : undefined,
          eventPattern,
          schedule: schedule ? call(ctx.api('events', 'Schedule.expression'), lit(schedule)) : undefined,
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, rule);
    ctx.register(component.id, {
      construct: rule,
      attributes: { arn: member(rule, 'ruleArn'), name: member(rule, 'ruleName') },
    });
  },
};

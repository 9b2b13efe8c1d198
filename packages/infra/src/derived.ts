/**
 * Components the lowering adds for the design's nodes: log groups with retention, database
 * credentials and ElastiCache AUTH secrets, dead-letter queues (SQS-02, MSG-01) with an alarm each
 * (SQS-03; a queue the design draws as a dead-letter queue gets the alarm instead of a derived
 * queue), the one shared, KMS-encrypted alarm topic, and the private origin bucket of a
 * CloudFront distribution the design connects to no origin.
 */
import { deadLetterRedrive, getService } from '@archgen/model';
import { getRule } from '@archgen/rules';
import type { PropertyValue } from '@archgen/model';
import { GRAPH_OWNER, type LowerContext } from './context.ts';
import type { EnvValue, ResolvedComponent, ResolvedNames } from './types.ts';

/** Retention periods CloudWatch Logs accepts (and the catalog offers). */
export const LOG_RETENTION_DAYS: readonly number[] = [1, 3, 7, 14, 30, 60, 90, 180, 365, 731, 1827, 3653];
export const DEFAULT_LOG_RETENTION_DAYS = 30;

/** The smallest accepted retention that keeps logs at least `days`. */
export function snapRetention(days: PropertyValue): number {
  if (typeof days !== 'number' || !Number.isFinite(days)) return DEFAULT_LOG_RETENTION_DAYS;
  return LOG_RETENTION_DAYS.find((d) => d >= days) ?? LOG_RETENTION_DAYS[LOG_RETENTION_DAYS.length - 1]!;
}

/** Every catalog property of `type` at its default, overlaid with `values`. */
function derivedProps(
  ctx: LowerContext,
  type: string,
  values: Record<string, EnvValue>,
): Record<string, EnvValue> {
  const props: Record<string, EnvValue> = {};
  for (const def of getService(type)?.properties ?? []) props[def.key] = ctx.constant(def.default);
  return Object.assign(props, values);
}

export function derivedComponent(
  ctx: LowerContext,
  fields: { id: string; type: string; names: ResolvedNames; from: string; reason: string; nodeId?: string },
  props: Record<string, EnvValue>,
): ResolvedComponent {
  return {
    id: fields.id,
    type: fields.type,
    names: fields.names,
    ...(fields.nodeId ? { nodeId: fields.nodeId } : {}),
    derived: { from: fields.from, reason: fields.reason },
    props: derivedProps(ctx, fields.type, props),
    placement: null,
    roleIds: [],
    environment: [],
    acknowledgements: [],
  };
}

export function derivedLogGroup(
  ctx: LowerContext,
  spec: {
    ownerId: string;
    id: string;
    parentNames: ResolvedNames;
    suffix: string;
    display: string;
    retention: EnvValue;
    reason: string;
    nodeId?: string;
    /** The key of `nodeId`'s kept logical ids (DesignNode.logicalIds) naming this log group. */
    keep?: string;
  },
): ResolvedComponent {
  const retention = ctx.envValue(ctx.envs.map((env) => snapRetention(spec.retention.byEnv[env] ?? null)));
  return ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: spec.id,
        type: 'log-group',
        names: ctx.derivedNames(
          spec.parentNames,
          spec.suffix,
          spec.display,
          spec.keep && spec.nodeId ? { nodeId: spec.nodeId, key: spec.keep } : undefined,
        ),
        from: spec.ownerId,
        reason: spec.reason,
        ...(spec.nodeId ? { nodeId: spec.nodeId } : {}),
      },
      { retentionDays: retention, kmsEncryption: ctx.constant(false) },
    ),
    spec.ownerId,
  );
}

/** Which services get a log group the lowering creates, and why. */
function logGroupReason(component: ResolvedComponent, ctx: LowerContext): string | undefined {
  switch (component.type) {
    case 'lambda':
      return 'Function logs with a retention period (CW-01)';
    case 'ecs-fargate':
      return 'Container logs (awslogs driver) with a retention period (ECS-02)';
    case 'eks':
      return 'EKS control plane logs with a retention period';
    case 'step-functions':
      return 'State machine execution logs (SFN-01)';
    case 'opensearch':
      return 'Slow search, slow index and application logs of the domain';
    case 'api-gateway':
      return ctx.anyEnv(component, 'accessLogs') ? 'API access logs (APIG-02)' : undefined;
    case 'msk-cluster':
      return ctx.anyEnv(component, 'brokerLogs') ? 'Broker logs of the MSK cluster' : undefined;
    case 'firehose':
      return ctx.anyEnv(component, 'logging') ? 'Delivery error logs of the Firehose stream' : undefined;
    // A trail connected to a log group writes there instead (audit.ts).
    case 'cloudtrail':
      return ctx.anyEnv(component, 'cloudWatchLogs') &&
        !(ctx.outgoing.get(component.id) ?? []).some(
          (c) => c.kind === 'write' && ctx.component(c.to)?.type === 'log-group',
        )
        ? 'CloudTrail events for metric filters and alarms (CT-04)'
        : undefined;
    default:
      return undefined;
  }
}

/** Characters RDS and ElastiCache refuse in generated passwords, plus quotes and backslash. */
export const PASSWORD_EXCLUDED = ' "\'/@\\';

export function lowerNodeDerivations(ctx: LowerContext): void {
  const drawn = deadLetterRedrive(ctx.design).redrive;
  for (const node of ctx.nodes) {
    const component = ctx.component(node.id);
    if (!component) continue;

    const logReason = logGroupReason(component, ctx);
    if (logReason) {
      const logGroup = derivedLogGroup(ctx, {
        ownerId: node.id,
        nodeId: node.id,
        id: `${node.id}.logs`,
        parentNames: component.names,
        suffix: component.type === 'api-gateway' ? 'Access Logs' : 'Logs',
        display: `${node.name} ${component.type === 'api-gateway' ? 'access logs' : 'logs'}`,
        retention: component.props.logRetentionDays ?? ctx.constant(DEFAULT_LOG_RETENTION_DAYS),
        reason: logReason,
        keep: 'logGroup',
      });
      component.logGroupId = logGroup.id;
    }

    if (node.type === 'rds' || node.type === 'aurora') {
      const secret = ctx.addComponent(
        derivedComponent(
          ctx,
          {
            id: `${node.id}.secret`,
            type: 'secret',
            names: ctx.derivedNames(component.names, 'Secret', `${node.name} credentials`),
            from: node.id,
            nodeId: node.id,
            reason: 'Master credentials in Secrets Manager, managed and rotated by RDS (RDS-04, SM-01)',
          },
          {
            description: ctx.constant(`Master credentials for ${node.name}`),
            // Every RDS and Aurora engine offered has a hosted single-user rotation.
            rotationDays: ctx.constant(30),
          },
        ),
        node.id,
      );
      secret.generatedSecret = {
        username: 'dbadmin',
        passwordLength: 32,
        excludeCharacters: PASSWORD_EXCLUDED,
      };
      secret.managedByDatabase = component.id;
      component.secretId = secret.id;
    }

    if (
      node.type === 'elasticache' &&
      ctx.props(node).engine !== 'memcached' &&
      ctx.anyEnv(component, 'authToken')
    ) {
      const secret = ctx.addComponent(
        derivedComponent(
          ctx,
          {
            id: `${node.id}.auth-token`,
            type: 'secret',
            names: ctx.derivedNames(component.names, 'Auth Token', `${node.name} AUTH token`),
            from: node.id,
            nodeId: node.id,
            reason: 'Redis AUTH token in Secrets Manager (EC-01)',
          },
          { description: ctx.constant(`Redis AUTH token for ${node.name}`), rotationDays: ctx.constant(0) },
        ),
        node.id,
      );
      secret.generatedSecret = { passwordLength: 64, excludeCharacters: PASSWORD_EXCLUDED };
      secret.acknowledgements.push({
        ruleId: 'SM-01',
        reason:
          'An ElastiCache AUTH token has no managed rotation; rotate it with ModifyReplicationGroup (AuthTokenUpdateStrategy ROTATE)',
        equivalents: [...(getRule('SM-01')?.equivalents ?? [])],
      });
      component.secretId = secret.id;
    }

    // A queue the design draws as a dead-letter queue gets its alarm and no derived DLQ; the
    // queue drawn as a queue's dead-letter queue replaces the derived one.
    const drawnDlq = node.type === 'sqs' ? drawn.get(node.id) : undefined;
    const isDrawnDlq =
      node.type === 'sqs' && (ctx.incoming.get(node.id) ?? []).some((c) => c.kind === 'dead-letter');
    if (isDrawnDlq) {
      // Its own topic, else the one a queue that dead-letters to it notifies.
      const sources = [...drawn].filter(([, to]) => to === node.id).map(([from]) => from);
      deadLetterQueueAlarm(ctx, component, node.name, [node.id, ...sources]);
    }
    if (drawnDlq) component.deadLetterQueueId = drawnDlq;
    if (drawnDlq || isDrawnDlq) continue;

    if (
      node.type === 'sqs' &&
      ctx.anyEnv(component, 'deadLetterQueue') &&
      !ctx.anyEnv(component, 'isDeadLetterQueue')
    ) {
      const dlq = deadLetterQueue(ctx, {
        ownerId: node.id,
        id: `${node.id}.dlq`,
        parentNames: component.names,
        suffix: 'Dlq',
        display: `${node.name} DLQ`,
        fifo: component.props.fifo ?? ctx.constant(false),
        encryption: component.props.encryption,
        reason: 'Dead-letter queue of the same kind (SQS-02)',
      });
      component.deadLetterQueueId = dlq.id;
    }
  }
}

/** A DLQ holding failed messages for 14 days, with an alarm on any message in it. */
export function deadLetterQueue(
  ctx: LowerContext,
  spec: {
    ownerId: string;
    id: string;
    parentNames: ResolvedNames;
    suffix: string;
    display: string;
    fifo: EnvValue;
    encryption?: EnvValue;
    reason: string;
  },
): ResolvedComponent {
  const dlq = ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: spec.id,
        type: 'sqs',
        names: ctx.derivedNames(spec.parentNames, spec.suffix, spec.display),
        from: spec.ownerId,
        reason: spec.reason,
        ...(ctx.nodesById.has(spec.ownerId) ? { nodeId: spec.ownerId } : {}),
      },
      {
        fifo: spec.fifo,
        ...(spec.encryption ? { encryption: spec.encryption } : {}),
        retentionSeconds: ctx.constant(1209600),
        deadLetterQueue: ctx.constant(false),
        isDeadLetterQueue: ctx.constant(true),
      },
    ),
    spec.ownerId,
  );
  deadLetterQueueAlarm(ctx, dlq, spec.display, [spec.ownerId]);
  return dlq;
}

/**
 * The alarm on any message in a dead-letter queue (SQS-03), derived or drawn. A drawn one that
 * a cloudwatch-alarm node already watches keeps that alarm instead. It notifies the topic the
 * first of `notifiers` (the queue's owner, or the drawn queue and its sources) has a "notify"
 * connection to, else the generated alarm topic.
 */
function deadLetterQueueAlarm(
  ctx: LowerContext,
  dlq: ResolvedComponent,
  display: string,
  notifiers: readonly string[],
): void {
  const watched = (ctx.incoming.get(dlq.id) ?? []).some(
    (c) => c.kind === 'read' && ctx.nodesById.get(c.from)?.type === 'cloudwatch-alarm',
  );
  if (watched) return;
  const topic = notifiers.map((id) => notifiedTopic(ctx, id)).find((t) => t !== undefined) ?? alarmTopic(ctx);
  ctx.alarms.push({
    id: `${dlq.id}.alarm`,
    names: ctx.derivedNames(dlq.names, 'Alarm', `${display} has messages`),
    targetId: dlq.id,
    namespace: 'AWS/SQS',
    metricName: 'ApproximateNumberOfMessagesVisible',
    dimension: { name: 'QueueName', ref: { componentId: dlq.id, attribute: 'name' } },
    statistic: 'Maximum',
    threshold: 0,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 1,
    periodSeconds: 300,
    topicId: topic.id,
    description: `Messages are waiting in ${display}: processing failed (SQS-03)`,
  });
}

/** The topic of the node's first (by connection id) "notify" connection, if any. */
export function notifiedTopic(ctx: LowerContext, nodeId: string): ResolvedComponent | undefined {
  return (ctx.outgoing.get(nodeId) ?? [])
    .filter((c) => c.kind === 'notify')
    .map((c) => ctx.component(c.to))
    .find((t) => t?.type === 'sns');
}

export const ALARM_TOPIC_ID = 'graph.alarm-topic';

/**
 * The one topic alarms notify when the design names none (no "notify" or alarm "publish"
 * connection). KMS encrypted (SNS-01); CloudWatch
 * cannot publish to a topic under the AWS managed aws/sns key, so generators give it a customer
 * managed key whose policy allows cloudwatch.amazonaws.com.
 */
export function alarmTopic(ctx: LowerContext): ResolvedComponent {
  const existing = ctx.component(ALARM_TOPIC_ID);
  if (existing) return existing;
  return ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: ALARM_TOPIC_ID,
        type: 'sns',
        // An imported design keeps the topic's id on the node that folded it (import: 'alarmTopic').
        names: ctx.names.name(
          'Alarm topic',
          'AlarmTopic',
          ctx.nodes.map((n) => ctx.names.keptLogicalId(n.id, 'alarmTopic')).find((id) => id !== undefined),
        ),
        from: GRAPH_OWNER,
        reason: 'Alarm notifications (CW-01, SQS-03)',
      },
      { fifo: ctx.constant(false), kmsEncryption: ctx.constant(true) },
    ),
    GRAPH_OWNER,
  );
}

/**
 * Where an Athena workgroup the design connects to no bucket writes query results: with the
 * workgroup's settings enforced, queries fail without a location. Results are kept 30 days.
 */
export function athenaResultsBucket(ctx: LowerContext, workgroup: ResolvedComponent): ResolvedComponent {
  return ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: `${workgroup.id}.results`,
        type: 's3',
        names: ctx.derivedNames(workgroup.names, 'Results', `${workgroup.names.display} results`),
        from: workgroup.id,
        nodeId: workgroup.id,
        reason: 'Query results need a bucket: a private, access-logged one that expires them',
      },
      {
        versioned: ctx.constant(true),
        encryption: ctx.constant('s3-managed'),
        blockPublicAccess: ctx.constant(true),
        enforceTls: ctx.constant(true),
        accessLogs: ctx.constant(true),
        expirationDays: ctx.constant(30),
        abortIncompleteUploadDays: ctx.constant(1),
        transitionToIaDays: ctx.constant(0),
        transitionToGlacierDays: ctx.constant(0),
        intelligentTiering: ctx.constant(false),
      },
    ),
    workgroup.id,
  );
}

/**
 * The origin of a distribution the design routes nowhere: CloudFront cannot exist without one, so
 * every generator serves this private, access-logged bucket through Origin Access Control (CF-02).
 */
export function originBucket(ctx: LowerContext, distribution: ResolvedComponent): ResolvedComponent {
  return ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: `${distribution.id}.origin`,
        type: 's3',
        names: ctx.derivedNames(distribution.names, 'Origin', `${distribution.names.display} origin`),
        from: distribution.id,
        nodeId: distribution.id,
        reason:
          'A distribution needs an origin: a private bucket served through Origin Access Control (CF-02)',
      },
      {
        versioned: ctx.constant(true),
        encryption: ctx.constant('s3-managed'),
        blockPublicAccess: ctx.constant(true),
        enforceTls: ctx.constant(true),
        // Server access logs record what reaches the bucket outside CloudFront too (S3-02).
        accessLogs: ctx.constant(true),
      },
    ),
    distribution.id,
  );
}

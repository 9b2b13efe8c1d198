/**
 * What the remaining connections imply: event source mappings, SNS subscriptions and
 * EventBridge rule targets (each with a DLQ, MSG-01), front-door routes (and the private origin
 * bucket of a distribution routed nowhere), bucket notifications,
 * alarms from cloudwatch-alarm nodes, and the environment variables compute receives.
 */
import { resolveConnectionProperties } from '@archgen/model';
import type { LowerContext } from './context.ts';
import { alarmTopic, deadLetterQueue, originBucket, athenaResultsBucket } from './derived.ts';
import { grantRoleId, signsInWithSecret } from './iam.ts';
import { MANAGED_POLICIES } from './iam-actions.ts';
import { bucketNotificationRuleNames, toConstantCase } from './naming.ts';
import type {
  ResolvedAlarm,
  ResolvedBucketNotification,
  ResolvedEventRetry,
  ResolvedComponent,
  ResolvedEnvVar,
  ResolvedRoute,
  ResourceRef,
} from './types.ts';

export const DEFAULT_BATCH_SIZE = 10;
export const DEFAULT_BATCHING_WINDOW_SECONDS = 0;

const EVENT_SOURCE_KINDS: Readonly<Record<string, 'sqs' | 'dynamodb-stream' | 'kinesis' | 'msk'>> = {
  sqs: 'sqs',
  dynamodb: 'dynamodb-stream',
  'kinesis-stream': 'kinesis',
  'msk-cluster': 'msk',
};

/**
 * EventBridge's own retry limits (185 attempts over 24 hours), written out for every rule target
 * and bucket notification so that each target prints the same policy (MSG-01 wants it explicit;
 * CDK's `retryAttempts` would otherwise default differently from the templates).
 */
export const EVENT_TARGET_RETRY: ResolvedEventRetry = {
  maximumRetryAttempts: 185,
  maximumEventAgeSeconds: 86400,
};

/** A bucket's object-created events forwarded to a function, queue or topic through EventBridge. */
function bucketNotification(
  connectionId: string,
  bucket: ResolvedComponent,
  target: ResolvedComponent,
  targetKind: ResolvedBucketNotification['targetKind'],
): ResolvedBucketNotification {
  return {
    id: connectionId,
    bucketId: bucket.id,
    targetId: target.id,
    targetKind,
    detailTypes: ['Object Created'],
    rule: bucketNotificationRuleNames(bucket.names, target.names),
    retry: { ...EVENT_TARGET_RETRY },
    // One group per bucket keeps its object events in order.
    messageGroupId: bucket.names.slug,
    connectionId,
  };
}

const RULE_TARGET_KINDS = new Set(['lambda', 'sqs', 'sns', 'step-functions']);

export function lowerWiring(ctx: LowerContext): void {
  const frontDoorRoutes = new Map<string, ResolvedRoute[]>();
  for (const connection of ctx.connections) {
    const source = ctx.component(connection.from);
    const target = ctx.component(connection.to);
    if (!source || !target) continue;

    if (connection.kind === 'event-source' && target.type === 'lambda' && source.type === 's3') {
      ctx.bucketNotifications.push(bucketNotification(connection.id, source, target, 'lambda'));
      continue;
    }

    if (connection.kind === 'event-source' && target.type === 'lambda') {
      const sourceKind = EVENT_SOURCE_KINDS[source.type];
      if (!sourceKind) continue;
      const stream = sourceKind !== 'sqs';
      // Batching is a setting of each event-source connection (catalog defaults filled).
      const batching = resolveConnectionProperties(ctx.design, connection);
      const number = (key: string, fallback: number) =>
        typeof batching[key] === 'number' ? batching[key] : fallback;
      ctx.eventSources.push({
        id: connection.id,
        functionId: target.id,
        sourceId: source.id,
        sourceKind,
        batchSize: number('batchSize', DEFAULT_BATCH_SIZE),
        maxBatchingWindowSeconds: number('maxBatchingWindowSeconds', DEFAULT_BATCHING_WINDOW_SECONDS),
        ...(stream ? { startingPosition: 'LATEST' as const } : {}),
        // A Kafka topic: the connection names it and where reading starts.
        ...(sourceKind === 'msk'
          ? {
              topic: typeof batching.topic === 'string' ? batching.topic : 'events',
              startingPosition:
                batching.startingPosition === 'TRIM_HORIZON'
                  ? ('TRIM_HORIZON' as const)
                  : ('LATEST' as const),
            }
          : {}),
        // A SASL/SCRAM cluster's poller signs in with the cluster's credentials (msk.ts).
        ...(sourceKind === 'msk' && source.mskCluster?.scram
          ? {
              sourceAccess: {
                type: 'SASL_SCRAM_512_AUTH' as const,
                secretId: source.mskCluster.scram.secretId,
              },
            }
          : {}),
        connectionId: connection.id,
      });
      // A table feeding a function must have a stream, whatever its own setting says.
      if (sourceKind === 'dynamodb-stream' && source.props.stream) {
        const streamValues = ctx.envs.map((env) => {
          const v = source.props.stream!.byEnv[env];
          return v === 'none' || v === null || v === undefined ? 'new-and-old-images' : v;
        });
        source.props.stream = ctx.envValue(streamValues);
      }
      continue;
    }

    if (
      connection.kind === 'subscribe' &&
      source.type === 'sns' &&
      (target.type === 'sqs' || target.type === 'lambda')
    ) {
      ctx.subscriptions.push({
        id: connection.id,
        topicId: source.id,
        subscriberId: target.id,
        protocol: target.type,
        deadLetterQueueId: topicDeliveryDlq(ctx, source).id,
        connectionId: connection.id,
      });
      continue;
    }

    if (
      connection.kind === 'route' &&
      source.type === 'eventbridge-bus' &&
      target.type === 'eventbridge-rule'
    ) {
      target.eventBusId ??= source.id;
      continue;
    }

    if (
      connection.kind === 'route' &&
      source.type === 'eventbridge-rule' &&
      RULE_TARGET_KINDS.has(target.type)
    ) {
      const dlq = ctx.anyEnv(source, 'targetDlq') ? ruleTargetDlq(ctx, source) : undefined;
      const roleId = target.type === 'step-functions' ? ruleRole(ctx, source, target) : undefined;
      ctx.ruleTargets.push({
        id: connection.id,
        ruleId: source.id,
        targetId: target.id,
        targetKind: target.type as 'lambda' | 'sqs' | 'sns' | 'step-functions',
        ...(dlq ? { deadLetterQueueId: dlq.id } : {}),
        ...(roleId ? { roleId } : {}),
        retry: { ...EVENT_TARGET_RETRY },
        // One group per rule keeps its events in order.
        messageGroupId: source.names.slug,
        connectionId: connection.id,
      });
      continue;
    }

    const route = frontDoorRoute(ctx, source, target, connection.kind);
    if (route) {
      const routes = frontDoorRoutes.get(source.id) ?? [];
      const entry: ResolvedRoute = {
        id: connection.id,
        frontDoorId: source.id,
        targetId: target.id,
        kind: route.kind,
        connectionId: connection.id,
      };
      if (route.port !== undefined) entry.port = connection.port ?? route.port;
      // The first target of a front door takes the default route; the others get a path each.
      if (routes.length > 0) entry.pathPattern = `/${target.names.slug}/*`;
      routes.push(entry);
      frontDoorRoutes.set(source.id, routes);
      ctx.routes.push(entry);
      continue;
    }

    if (
      connection.kind === 'publish' &&
      source.type === 's3' &&
      (target.type === 'sns' || target.type === 'sqs')
    ) {
      ctx.bucketNotifications.push(bucketNotification(connection.id, source, target, target.type));
      continue;
    }

    // A function's failed asynchronous events go to the first queue it publishes to that is a DLQ (LAM-02).
    // No continue: the publish connection still grants sqs:SendMessage and sets the environment variable.
    if (
      connection.kind === 'publish' &&
      source.type === 'lambda' &&
      target.type === 'sqs' &&
      ctx.anyEnv(target, 'isDeadLetterQueue')
    ) {
      source.functionDeadLetterQueueId ??= target.id;
    }

    if (connection.kind === 'read' && source.type === 'api-gateway' && target.type === 'cognito-user-pool') {
      source.userPoolId ??= target.id;
      continue;
    }

    if (
      source.type === 'athena-workgroup' &&
      target.type === 's3' &&
      (connection.kind === 'write' || connection.kind === 'read-write')
    ) {
      source.outputBucketId ??= target.id;
    }
  }

  for (const node of ctx.nodes) {
    const workgroup = ctx.component(node.id);
    if (workgroup?.type === 'athena-workgroup' && !workgroup.outputBucketId)
      workgroup.outputBucketId = athenaResultsBucket(ctx, workgroup).id;
  }

  for (const node of ctx.nodes) {
    const distribution = ctx.component(node.id);
    if (distribution?.type !== 'cloudfront' || frontDoorRoutes.has(distribution.id)) continue;
    const bucket = originBucket(ctx, distribution);
    ctx.routes.push({
      id: bucket.id,
      frontDoorId: distribution.id,
      targetId: bucket.id,
      kind: 'cloudfront-origin',
    });
  }

  // A bucket that notifies anyone sends its events to EventBridge, whatever its own setting says.
  for (const notification of ctx.bucketNotifications) {
    const bucket = ctx.component(notification.bucketId);
    if (bucket) bucket.props.eventNotifications = ctx.constant(true);
  }
}

function frontDoorRoute(
  ctx: LowerContext,
  source: ResolvedComponent,
  target: ResolvedComponent,
  kind: string,
): { kind: ResolvedRoute['kind']; port?: number } | undefined {
  if (
    source.type === 'alb' &&
    kind === 'traffic' &&
    ['ecs-fargate', 'ec2-asg', 'eks'].includes(target.type)
  ) {
    const rule = ctx
      .securityGroupOf(target.id)
      ?.ingress.find((r) => 'componentId' in r.peer && r.peer.componentId === source.id);
    return { kind: 'alb-target', port: rule?.port ?? 8080 };
  }
  if (source.type === 'alb' && kind === 'invoke' && target.type === 'lambda') return { kind: 'alb-target' };
  if (source.type === 'cloudfront' && kind === 'route' && ['s3', 'alb', 'api-gateway'].includes(target.type))
    return { kind: 'cloudfront-origin' };
  if (source.type === 'api-gateway' && kind === 'invoke' && target.type === 'lambda')
    return { kind: 'api-integration' };
  return undefined;
}

/** One DLQ per topic for undeliverable messages of all its subscriptions (MSG-01). */
function topicDeliveryDlq(ctx: LowerContext, topic: ResolvedComponent): ResolvedComponent {
  const id = `${topic.id}.delivery-dlq`;
  return (
    ctx.component(id) ??
    deadLetterQueue(ctx, {
      ownerId: topic.id,
      id,
      parentNames: topic.names,
      suffix: 'Delivery Dlq',
      display: `${topic.names.display} delivery DLQ`,
      // A FIFO topic's subscriptions need a FIFO DLQ.
      fifo: topic.props.fifo ?? ctx.constant(false),
      reason: 'Dead-letter queue for undeliverable subscription messages (MSG-01)',
    })
  );
}

/** One DLQ per rule for events its targets could not receive (MSG-01); EventBridge needs a standard queue. */
function ruleTargetDlq(ctx: LowerContext, rule: ResolvedComponent): ResolvedComponent {
  const id = `${rule.id}.target-dlq`;
  return (
    ctx.component(id) ??
    deadLetterQueue(ctx, {
      ownerId: rule.id,
      id,
      parentNames: rule.names,
      suffix: 'Target Dlq',
      display: `${rule.names.display} target DLQ`,
      fifo: ctx.constant(false),
      reason: 'Dead-letter queue for events the rule could not deliver (MSG-01)',
    })
  );
}

/** The role EventBridge assumes to start the rule's state machines. */
function ruleRole(ctx: LowerContext, rule: ResolvedComponent, stateMachine: ResolvedComponent): string {
  const id = `${rule.id}.events-role`;
  const role =
    ctx.role(id) ??
    ctx.addRole({
      id,
      componentId: rule.id,
      // An imported rule's role keeps its id (the rule's only role).
      names: ctx.derivedNames(rule.names, 'Events Role', `${rule.names.display} events role`, {
        nodeId: rule.nodeId ?? rule.id,
        key: 'role',
      }),
      assumedBy: 'events.amazonaws.com',
      purpose: 'service',
      managedPolicies: [],
      statements: [],
    });
  if (!rule.roleIds.includes(id)) rule.roleIds.push(id);
  role.statements.push({
    sid: `StartExecution${stateMachine.names.logicalId}`,
    actions: ['states:StartExecution'],
    resources: [{ componentId: stateMachine.id, attribute: 'arn' }],
  });
  return id;
}

/** API Gateway REST stages log through one account-wide role (AWS::ApiGateway::Account). */
export function lowerApiGatewayAccountRole(ctx: LowerContext): void {
  const restApi = ctx.nodes
    .map((n) => ctx.component(n.id))
    .find(
      (c) =>
        c?.type === 'api-gateway' &&
        c.logGroupId &&
        Object.values(c.props.apiType?.byEnv ?? {}).includes('rest'),
    );
  if (!restApi) return;
  const role = ctx.addRole({
    id: 'graph.api-gateway-cloudwatch-role',
    componentId: restApi.id,
    names: ctx.names.name(
      'API Gateway CloudWatch role',
      'ApiGatewayCloudWatchRole',
      ctx.names.keptLogicalId(restApi.id, 'cloudWatchRole'),
    ),
    assumedBy: 'apigateway.amazonaws.com',
    purpose: 'service',
    // The account-level logging role has no narrower option than this AWS managed policy.
    managedPolicies: [MANAGED_POLICIES.apiGatewayCloudWatch],
    statements: [],
  });
  restApi.roleIds.push(role.id);
}

interface MetricSpec {
  namespace: string;
  dimension: string;
  attribute: ResourceRef['attribute'];
  extra?: ResolvedAlarm['extraDimensions'];
}

/** The CloudWatch metric dimensions of each watchable service. */
function metricSpec(target: ResolvedComponent): MetricSpec | undefined {
  const engine = Object.values(target.props.engine?.byEnv ?? {})[0];
  const apiType = Object.values(target.props.apiType?.byEnv ?? {})[0];
  switch (target.type) {
    case 'lambda':
      return { namespace: 'AWS/Lambda', dimension: 'FunctionName', attribute: 'name' };
    case 'sqs':
      return { namespace: 'AWS/SQS', dimension: 'QueueName', attribute: 'name' };
    case 'sns':
      return { namespace: 'AWS/SNS', dimension: 'TopicName', attribute: 'name' };
    case 'dynamodb':
      return { namespace: 'AWS/DynamoDB', dimension: 'TableName', attribute: 'name' };
    case 'alb':
      return { namespace: 'AWS/ApplicationELB', dimension: 'LoadBalancer', attribute: 'fullName' };
    case 'ecs-fargate':
      return {
        namespace: 'AWS/ECS',
        dimension: 'ServiceName',
        attribute: 'name',
        extra: [{ name: 'ClusterName', value: { componentId: target.id, attribute: 'clusterName' } }],
      };
    case 'rds':
      return { namespace: 'AWS/RDS', dimension: 'DBInstanceIdentifier', attribute: 'id' };
    case 'aurora':
      return { namespace: 'AWS/RDS', dimension: 'DBClusterIdentifier', attribute: 'id' };
    case 'neptune':
      return { namespace: 'AWS/Neptune', dimension: 'DBClusterIdentifier', attribute: 'id' };
    case 'elasticache':
      return engine === 'memcached'
        ? { namespace: 'AWS/ElastiCache', dimension: 'CacheClusterId', attribute: 'id' }
        : { namespace: 'AWS/ElastiCache', dimension: 'ReplicationGroupId', attribute: 'id' };
    case 'opensearch':
      return { namespace: 'AWS/ES', dimension: 'DomainName', attribute: 'name' };
    case 'step-functions':
      return { namespace: 'AWS/States', dimension: 'StateMachineArn', attribute: 'arn' };
    case 'api-gateway':
      return apiType === 'rest'
        ? { namespace: 'AWS/ApiGateway', dimension: 'ApiName', attribute: 'name' }
        : { namespace: 'AWS/ApiGateway', dimension: 'ApiId', attribute: 'id' };
    case 'kinesis-stream':
      return { namespace: 'AWS/Kinesis', dimension: 'StreamName', attribute: 'name' };
    case 'msk-cluster':
      return { namespace: 'AWS/Kafka', dimension: 'Cluster Name', attribute: 'name' };
    case 'firehose':
      return { namespace: 'AWS/Firehose', dimension: 'DeliveryStreamName', attribute: 'name' };
    case 'eventbridge-rule':
      return { namespace: 'AWS/Events', dimension: 'RuleName', attribute: 'name' };
    case 'cloudfront':
      return {
        namespace: 'AWS/CloudFront',
        dimension: 'DistributionId',
        attribute: 'id',
        extra: [{ name: 'Region', value: { literal: 'Global' } }],
      };
    case 'ec2-asg':
      return { namespace: 'AWS/EC2', dimension: 'AutoScalingGroupName', attribute: 'name' };
    case 'bastion':
      return { namespace: 'AWS/EC2', dimension: 'InstanceId', attribute: 'id' };
    case 'ecr-repository':
      return { namespace: 'AWS/ECR', dimension: 'RepositoryName', attribute: 'name' };
    case 'efs':
      return { namespace: 'AWS/EFS', dimension: 'FileSystemId', attribute: 'id' };
    case 'eks':
      return { namespace: 'ContainerInsights', dimension: 'ClusterName', attribute: 'name' };
    case 's3':
      return {
        namespace: 'AWS/S3',
        dimension: 'BucketName',
        attribute: 'name',
        extra: [{ name: 'StorageType', value: { literal: 'StandardStorage' } }],
      };
    case 'timestream':
      return { namespace: 'AWS/Timestream', dimension: 'DatabaseName', attribute: 'name' };
    case 'log-group':
      return { namespace: 'AWS/Logs', dimension: 'LogGroupName', attribute: 'name' };
    case 'eventbridge-bus':
      return { namespace: 'AWS/Events', dimension: 'EventBusName', attribute: 'name' };
    case 'athena-workgroup':
      return { namespace: 'AWS/Athena', dimension: 'WorkGroup', attribute: 'name' };
    case 'cognito-user-pool':
      return { namespace: 'AWS/Cognito', dimension: 'UserPool', attribute: 'id' };
    case 'nat-gateway':
      // The VPC's first NAT gateway (the network emitter creates one per AZ or one shared).
      return { namespace: 'AWS/NATGateway', dimension: 'NatGatewayId', attribute: 'id' };
    default:
      return undefined;
  }
}

const STATISTICS = ['Sum', 'Average', 'Maximum'] as const;
const COMPARISONS = ['GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold'] as const;

function oneOf<T extends string>(options: readonly T[], value: unknown, fallback: T): T {
  return options.includes(value as T) ? (value as T) : fallback;
}

/**
 * An alarm per cloudwatch-alarm node: the metric of its "read" (watches) target, the action its
 * "publish" topic or else the shared alarm topic (CW-01). A node that watches nothing, or a
 * secret (which publishes no metrics), gets no alarm: its emitter then emits nothing.
 */
export function lowerAlarmNodes(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    if (node.type !== 'cloudwatch-alarm') continue;
    const component = ctx.component(node.id)!;
    const outgoing = ctx.outgoing.get(node.id) ?? [];
    const watched = outgoing
      .map((c) => (c.kind === 'read' ? ctx.component(c.to) : undefined))
      .find((c) => c !== undefined);
    const spec = watched && metricSpec(watched);
    if (!watched || !spec) continue;
    const topic =
      outgoing
        .map((c) => (c.kind === 'publish' ? ctx.component(c.to) : undefined))
        .find((c) => c?.type === 'sns') ?? alarmTopic(ctx);
    const props = ctx.props(node);
    const number = (key: string, fallback: number) =>
      typeof props[key] === 'number' ? (props[key] as number) : fallback;
    ctx.alarms.push({
      id: node.id,
      names: component.names,
      targetId: watched.id,
      namespace: spec.namespace,
      metricName:
        typeof props.metricName === 'string' && props.metricName !== '' ? props.metricName : 'Errors',
      dimension: { name: spec.dimension, ref: { componentId: watched.id, attribute: spec.attribute } },
      ...(spec.extra ? { extraDimensions: spec.extra } : {}),
      statistic: oneOf(STATISTICS, props.statistic, 'Sum'),
      threshold: number('threshold', 1),
      comparison: oneOf(COMPARISONS, props.comparison, 'GreaterThanOrEqualToThreshold'),
      evaluationPeriods: number('evaluationPeriods', 1),
      periodSeconds: number('periodSeconds', 300),
      topicId: topic.id,
      description: `${node.name} watches ${watched.names.display}`,
    });
  }
}

/** Env var naming: the target's name, its kind (unless the name already says it), the attribute. */
const ENV_VARS: Readonly<Record<string, { kind: string; vars: [string, ResourceRef['attribute']][] }>> = {
  dynamodb: { kind: 'TABLE', vars: [['NAME', 'name']] },
  sqs: { kind: 'QUEUE', vars: [['URL', 'url']] },
  sns: { kind: 'TOPIC', vars: [['ARN', 'arn']] },
  s3: { kind: 'BUCKET', vars: [['NAME', 'name']] },
  secret: { kind: 'SECRET', vars: [['ARN', 'arn']] },
  'eventbridge-bus': { kind: 'BUS', vars: [['NAME', 'name']] },
  'kinesis-stream': { kind: 'STREAM', vars: [['NAME', 'name']] },
  firehose: { kind: 'DELIVERY_STREAM', vars: [['NAME', 'name']] },
  // Clients ask MSK for the bootstrap brokers (kafka:GetBootstrapBrokers) with the cluster ARN.
  'msk-cluster': { kind: 'KAFKA', vars: [['CLUSTER_ARN', 'arn']] },
  lambda: { kind: 'FUNCTION', vars: [['NAME', 'name']] },
  'step-functions': { kind: 'STATE_MACHINE', vars: [['ARN', 'arn']] },
  timestream: { kind: 'DATABASE', vars: [['NAME', 'name']] },
  'log-group': { kind: 'LOG_GROUP', vars: [['NAME', 'name']] },
  rds: {
    kind: 'DB',
    vars: [
      ['ENDPOINT', 'endpoint'],
      ['PORT', 'port'],
    ],
  },
  aurora: {
    kind: 'DB',
    vars: [
      ['ENDPOINT', 'endpoint'],
      ['PORT', 'port'],
    ],
  },
  neptune: {
    kind: 'GRAPH',
    vars: [
      ['ENDPOINT', 'endpoint'],
      ['PORT', 'port'],
    ],
  },
  elasticache: {
    kind: 'CACHE',
    vars: [
      ['ENDPOINT', 'endpoint'],
      ['PORT', 'port'],
    ],
  },
  opensearch: { kind: 'SEARCH', vars: [['ENDPOINT', 'endpoint']] },
  alb: { kind: 'ALB', vars: [['DNS_NAME', 'domainName']] },
};

/** Compute that receives environment variables. */
const ENV_VAR_COMPUTE = new Set(['lambda', 'ecs-fargate']);
const ENV_VAR_KINDS = new Set(['read', 'write', 'read-write', 'publish', 'invoke', 'traffic']);

export function lowerEnvironmentVariables(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    const component = ctx.component(node.id);
    if (!component || !ENV_VAR_COMPUTE.has(component.type)) continue;
    const vars: ResolvedEnvVar[] = [];
    const taken = new Set<string>();
    const add = (name: string, value: ResolvedEnvVar['value']) => {
      let unique = name;
      for (let n = 2; taken.has(unique); n++) unique = `${name}_${n}`;
      taken.add(unique);
      vars.push({ name: unique, value });
    };
    const addTarget = (target: ResolvedComponent) => {
      const spec = ENV_VARS[target.type];
      if (!spec) return;
      const base = toConstantCase(target.names.tfName) || 'RESOURCE';
      const stem = base === spec.kind || base.endsWith(`_${spec.kind}`) ? base : `${base}_${spec.kind}`;
      for (const [suffix, attribute] of spec.vars)
        add(`${stem}_${suffix}`, { componentId: target.id, attribute });
    };
    for (const connection of ctx.outgoing.get(node.id) ?? []) {
      if (!ENV_VAR_KINDS.has(connection.kind)) continue;
      const target = ctx.component(connection.to);
      if (!target || vars.some((v) => 'componentId' in v.value && v.value.componentId === target.id))
        continue;
      addTarget(target);
      // Database (or SASL/SCRAM) credentials: the secret's ARN, never the secret itself (LAM-05, ECS-01).
      if (target.secretId && signsInWithSecret(connection.kind, target)) {
        const secret = ctx.component(target.secretId);
        if (secret && grantRoleId(component)) addTarget(secret);
      }
    }
    if (component.type === 'lambda' ? ctx.anyEnv(component, 'structuredLogging') : true)
      add('LOG_FORMAT', { literal: 'json' });
    component.environment = vars.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

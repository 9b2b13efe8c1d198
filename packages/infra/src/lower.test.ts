import { targetGroupSettings } from './front-doors.ts';
import { describe, expect, it } from 'vitest';
import { SERVICES, design } from '@archgen/model';
import type { Design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';
import { queueDesign, shuffled, threeTierDesign } from './test-support/fixtures.ts';
import type { ResolvedGraph, SecurityGroupRule } from './types.ts';

const sg = (graph: ResolvedGraph, componentId: string) => {
  const group = graph.securityGroups.find((s) => s.componentId === componentId);
  if (!group) throw new Error(`no security group for ${componentId}`);
  return group;
};
const component = (graph: ResolvedGraph, id: string) => {
  const c = graph.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
};
const peerOf = (rule: SecurityGroupRule) => ('cidr' in rule.peer ? rule.peer.cidr : rule.peer.componentId);
const rulesOf = (rules: SecurityGroupRule[]) => rules.map((r) => `${peerOf(r)}:${r.port}`).sort();

describe('three-tier web app', () => {
  const graph = lowerDesign(threeTierDesign());

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('derives ingress from traffic connections: Aurora <- Fargate 5432, Fargate <- ALB 8080, ALB <- internet 443/80', () => {
    // Plus the credentials rotation function (see below).
    expect(rulesOf(sg(graph, 'db').ingress)).toEqual(['app:5432']);
    expect(rulesOf(sg(graph, 'cache').ingress)).toEqual(['app:6379']);
    expect(rulesOf(sg(graph, 'app').ingress)).toEqual(['alb:8080']);
    expect(rulesOf(sg(graph, 'alb').ingress)).toEqual(['0.0.0.0/0:443', '0.0.0.0/0:80']);
  });

  it('limits egress to connection targets, plus 443 out for compute only', () => {
    expect(rulesOf(sg(graph, 'alb').egress)).toEqual(['app:8080']);
    expect(rulesOf(sg(graph, 'app').egress)).toEqual(['cache:6379', 'db:5432']);
    expect(sg(graph, 'db').egress).toEqual([]);
    expect(sg(graph, 'app').allowHttpsEgress).toBe(true);
    expect(sg(graph, 'db').allowHttpsEgress).toBe(false);
    expect(sg(graph, 'alb').allowHttpsEgress).toBe(false);
  });

  it('describes rules from the connection label, else kind and source name', () => {
    expect(sg(graph, 'db').ingress[0]!.description).toBe('SQL from the app');
    expect(sg(graph, 'cache').ingress[0]!.description).toBe('Redis from App service');
    expect(sg(graph, 'alb').ingress.find((r) => r.port === 443)!.description).toBe('HTTPS from the internet');
  });

  it('opens only 443 when the ALB does not redirect HTTP', () => {
    const d = threeTierDesign();
    d.nodes.find((n) => n.id === 'alb')!.properties.httpRedirect = false;
    expect(rulesOf(sg(lowerDesign(d), 'alb').ingress)).toEqual(['0.0.0.0/0:443']);
  });

  it('counts NAT gateways per environment: single in dev, one per AZ in prod', () => {
    const vpc = graph.vpcs[0]!;
    expect(vpc.natGatewayCount).toEqual({ byEnv: { dev: 1, prod: 2 }, varies: true });
    expect(vpc.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
    expect(vpc.subnets.map((s) => `${s.tier}/${s.azIndex}/${s.cidr}`)).toEqual([
      'public/0/10.0.0.0/24',
      'public/1/10.0.1.0/24',
      'private/0/10.0.2.0/24',
      'private/1/10.0.3.0/24',
      'isolated/0/10.0.4.0/24',
      'isolated/1/10.0.5.0/24',
    ]);
  });

  it('passes explicit subnet CIDRs through as given, automatic ones carved around them', () => {
    expect(graph.vpcs[0]!.explicitSubnetCidrs).toBe(false);
    const d = threeTierDesign();
    d.vpcs[0]!.subnetCidrs = {
      public: ['10.0.1.0/24', '10.0.2.0/24'],
      isolated: ['10.0.100.0/24', '10.0.200.0/24'],
    };
    const vpc = lowerDesign(d).vpcs[0]!;
    expect(vpc.explicitSubnetCidrs).toBe(true);
    expect(vpc.subnets.map((s) => `${s.tier}/${s.azIndex}/${s.cidr}`)).toEqual([
      'public/0/10.0.1.0/24',
      'public/1/10.0.2.0/24',
      'private/0/10.0.0.0/24',
      'private/1/10.0.3.0/24',
      'isolated/0/10.0.100.0/24',
      'isolated/1/10.0.200.0/24',
    ]);
    expect(Object.keys(vpc.subnets[0]!).sort()).toEqual(['azIndex', 'cidr', 'names', 'tier']);
  });

  it('lists tiers in plan order whatever order the design gives them (CDK carves in that order)', () => {
    const d = design('Order')
      .vpc({ tiers: ['isolated', 'public', 'private'] })
      .build();
    const vpc = lowerDesign(d).vpcs[0]!;
    expect(vpc.tiers).toEqual(['public', 'private', 'isolated']);
    expect(vpc.subnets.map((s) => s.tier)).toEqual([
      'public',
      'public',
      'private',
      'private',
      'isolated',
      'isolated',
    ]);
  });

  it('has no NAT gateway without a NAT node or without a private tier', () => {
    const noNat = threeTierDesign();
    noNat.nodes = noNat.nodes.filter((n) => n.type !== 'nat-gateway');
    expect(lowerDesign(noNat).vpcs[0]!.natGatewayCount).toEqual({
      byEnv: { dev: 0, prod: 0 },
      varies: false,
    });
    const noPrivate = design('x')
      .vpc({ tiers: ['public', 'isolated'] })
      .node('nat-gateway', { tier: 'public' })
      .build();
    expect(Object.values(lowerDesign(noPrivate).vpcs[0]!.natGatewayCount.byEnv)).toEqual([0, 0, 0]);
  });

  it('uses only the zones a region has', () => {
    const d = design('West')
      .region('us-west-1')
      .vpc({ azCount: 3 })
      .node('nat-gateway', { tier: 'public' })
      .build();
    const vpc = lowerDesign(d).vpcs[0]!;
    expect(vpc.availabilityZones).toEqual(['us-west-1a', 'us-west-1c']);
    expect(vpc.azCount).toBe(2);
    expect(vpc.subnets.map((s) => s.azIndex)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(vpc.natGatewayCount.byEnv.prod).toBe(2);
  });

  it('turns on flow logs with a log group and a delivery role', () => {
    const vpc = graph.vpcs[0]!;
    expect(vpc.flowLogs.enabled).toBe(true);
    const logGroup = component(graph, vpc.flowLogs.logGroupId!);
    expect(logGroup.type).toBe('log-group');
    expect(logGroup.derived).toEqual({ from: 'main', reason: expect.stringContaining('NET-08') });
    const role = graph.roles.find((r) => r.id === vpc.flowLogs.roleId)!;
    expect(role.assumedBy).toBe('vpc-flow-logs.amazonaws.com');
    expect(role.statements[0]!.resources).toEqual([
      { componentId: logGroup.id, attribute: 'arn', suffix: ':*' },
    ]);
  });

  it('gives Fargate a task role and a separate execution role', () => {
    const app = component(graph, 'app');
    const roles = app.roleIds.map((id) => graph.roles.find((r) => r.id === id)!);
    expect(roles.map((r) => [r.purpose, r.assumedBy])).toEqual([
      ['task', 'ecs-tasks.amazonaws.com'],
      ['task-execution', 'ecs-tasks.amazonaws.com'],
    ]);
    expect(roles[1]!.managedPolicies).toEqual(['service-role/AmazonECSTaskExecutionRolePolicy']);
    expect(roles[0]!.managedPolicies).toEqual([]);
  });

  it('creates database credentials and a Redis AUTH token, readable by the connected service', () => {
    const db = component(graph, 'db');
    const secret = component(graph, db.secretId!);
    expect(secret.type).toBe('secret');
    expect(secret.generatedSecret?.username).toBe('dbadmin');
    expect(secret.props.rotationDays!.byEnv.prod).toBe(30);
    const token = component(graph, component(graph, 'cache').secretId!);
    expect(token.generatedSecret?.username).toBeUndefined();
    const taskRole = graph.roles.find((r) => r.id === 'app.task-role')!;
    const readable = taskRole.statements.flatMap((s) => s.resources.map((r) => r.componentId));
    expect(readable.sort()).toEqual([secret.id, token.id].sort());
    const env = Object.fromEntries(component(graph, 'app').environment.map((v) => [v.name, v.value]));
    expect(env.ORDERS_DB_ENDPOINT).toEqual({ componentId: 'db', attribute: 'endpoint' });
    expect(env.ORDERS_DB_SECRET_ARN).toEqual({ componentId: secret.id, attribute: 'arn' });
  });

  it('leaves the credentials to RDS: the secret is the one the database manages, with no rotation function', () => {
    const secret = component(graph, 'db.secret');
    expect(secret.managedByDatabase).toBe('db');
    expect(component(graph, 'db').secretId).toBe('db.secret');
    expect(graph.securityGroups.filter((g) => g.componentId === 'db.secret')).toEqual([]);
  });

  it('routes the ALB to the service on its container port', () => {
    expect(graph.routes).toEqual([
      {
        id: 'c-alb-app',
        frontDoorId: 'alb',
        targetId: 'app',
        kind: 'alb-target',
        port: 8080,
        connectionId: 'c-alb-app',
        targetGroup: {
          logicalId: 'WebALBToAppService',
          tfName: 'web_alb_app_service',
          stem: 'app-service',
          maxLength: 32,
        },
        targetSettings: targetGroupSettings(8080),
      },
    ]);
    expect(graph.routes[0]!.targetSettings).toMatchObject({ protocol: 'HTTP', healthCheck: { path: '/' } });
  });

  it('resolves properties per environment', () => {
    const d = threeTierDesign();
    d.environments.find((e) => e.name === 'prod')!.overrides.app = { desiredCount: 4 };
    const app = component(lowerDesign(d), 'app');
    expect(app.props.desiredCount).toEqual({ byEnv: { dev: 2, prod: 4 }, varies: true });
    expect(app.props.containerPort).toEqual({ byEnv: { dev: 8080, prod: 8080 }, varies: false });
  });

  it('skips users: they emit no infrastructure', () => {
    expect(graph.components.some((c) => c.type === 'users')).toBe(false);
  });
});

describe('queues, DLQs and alarms', () => {
  const graph = lowerDesign(queueDesign());

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('derives a DLQ of the same kind with the max receive count', () => {
    const queue = component(graph, 'orders');
    expect(queue.deadLetterQueueId).toBe('orders.dlq');
    expect(queue.maxReceiveCount).toEqual({ byEnv: { dev: 5, staging: 5, prod: 5 }, varies: false });
    const dlq = component(graph, 'orders.dlq');
    expect(dlq.type).toBe('sqs');
    expect(dlq.names.logicalId).toBe('OrdersQueueDlq');
    expect(dlq.props.fifo!.byEnv.prod).toBe(true);
    expect(dlq.props.isDeadLetterQueue!.byEnv.prod).toBe(true);
    expect(dlq.derived).toEqual({ from: 'orders', reason: expect.stringContaining('SQS-02') });
  });

  it('alarms on the DLQ through the shared KMS-encrypted alarm topic', () => {
    const alarm = graph.alarms.find((a) => a.targetId === 'orders.dlq')!;
    expect(alarm).toMatchObject({
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      comparison: 'GreaterThanThreshold',
      threshold: 0,
      dimension: { name: 'QueueName', ref: { componentId: 'orders.dlq', attribute: 'name' } },
    });
    const topic = component(graph, alarm.topicId);
    expect(topic.type).toBe('sns');
    expect(topic.props.kmsEncryption!.byEnv.prod).toBe(true);
    expect(graph.components.filter((c) => c.names.display === 'Alarm topic')).toHaveLength(1);
  });

  it('turns a cloudwatch-alarm node into an alarm on what it watches, notifying its topic', () => {
    expect(graph.alarms.find((a) => a.id === 'errors')).toMatchObject({
      targetId: 'worker',
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimension: { name: 'FunctionName', ref: { componentId: 'worker', attribute: 'name' } },
      topicId: 'topic',
    });
  });

  it('maps the queue to the worker with default batching and a consume grant', () => {
    expect(graph.eventSources).toEqual([
      {
        id: 'c2',
        functionId: 'worker',
        sourceId: 'orders',
        sourceKind: 'sqs',
        batchSize: 10,
        maxBatchingWindowSeconds: 0,
        connectionId: 'c2',
      },
    ]);
    const grant = graph.grants.find((g) => g.access === 'consume')!;
    expect(grant).toMatchObject({ granteeId: 'worker', roleId: 'worker.role', targetId: 'orders' });
    expect(grant.statements[0]!.actions).toContain('sqs:ReceiveMessage');
  });

  it("takes each event source's batching from its connection", () => {
    const g = lowerDesign(
      design('Batching')
        .node('sqs', { id: 'q' })
        .node('kinesis-stream', { id: 'stream' })
        .node('lambda', { id: 'fn' })
        .connect('q', 'fn', 'event-source', {
          id: 'fromQueue',
          properties: { batchSize: 100, maxBatchingWindowSeconds: 5 },
        })
        .connect('stream', 'fn', 'event-source', { id: 'fromStream', properties: { batchSize: 500 } })
        .build(),
    );
    expect(g.eventSources.map((e) => [e.id, e.batchSize, e.maxBatchingWindowSeconds])).toEqual([
      ['fromQueue', 100, 5],
      ['fromStream', 500, 0],
    ]);
  });

  it('gives functions a log group, their own log permissions and environment variables', () => {
    const producer = component(graph, 'producer');
    expect(component(graph, producer.logGroupId!).props.retentionDays!.byEnv.dev).toBe(30);
    expect(producer.environment).toEqual([
      { name: 'LOG_FORMAT', value: { literal: 'json' } },
      { name: 'ORDERS_QUEUE_URL', value: { componentId: 'orders', attribute: 'url' } },
    ]);
    const env = component(graph, 'worker').environment.map((v) => v.name);
    expect(env).toContain('ORDERS_TABLE_NAME');
    const role = graph.roles.find((r) => r.id === 'producer.role')!;
    expect(role.statements.map((s) => s.sid)).toEqual(['WriteOwnLogs', 'XRayTracing', 'PublishOrdersQueue']);
  });

  it('derives no DLQ for a queue that is itself a DLQ or has the DLQ turned off', () => {
    const d = design('x')
      .node('sqs', { id: 'a', properties: { isDeadLetterQueue: true, deadLetterQueue: false } })
      .node('sqs', { id: 'b', properties: { deadLetterQueue: false } })
      .build();
    const g = lowerDesign(d);
    expect(g.components.map((c) => c.id)).toEqual(['a', 'b']);
    expect(g.alarms).toEqual([]);
  });

  describe('a dead-letter queue drawn as a connection', () => {
    const drawn = () =>
      design('Drawn DLQ')
        .node('sqs', { id: 'orders', name: 'Orders', properties: { maxReceiveCount: 3 } })
        .node('sqs', { id: 'failed', name: 'Failed orders', properties: { retentionSeconds: 1209600 } })
        .connect('orders', 'failed', 'dead-letter', { id: 'ordersFail' });

    it('redrives to the drawn queue instead of deriving one, and alarms on it', () => {
      const g = lowerDesign(drawn().build());
      expect(graphProblems(g)).toEqual([]);
      expect(g.components.map((c) => c.id)).toEqual(['failed', 'orders', 'graph.alarm-topic']);
      expect(component(g, 'orders').deadLetterQueueId).toBe('failed');
      expect(component(g, 'orders').maxReceiveCount!.byEnv.prod).toBe(3);
      // The drawn queue is a dead-letter queue: it gets none of its own.
      expect(component(g, 'failed').deadLetterQueueId).toBeUndefined();
      expect(g.alarms).toEqual([
        expect.objectContaining({
          id: 'failed.alarm',
          targetId: 'failed',
          metricName: 'ApproximateNumberOfMessagesVisible',
          topicId: 'graph.alarm-topic',
        }),
      ]);
    });

    it('keeps the alarm node that already watches the drawn queue instead of adding one', () => {
      const g = lowerDesign(
        drawn()
          .node('cloudwatch-alarm', {
            id: 'watch',
            properties: { metricName: 'ApproximateNumberOfMessagesVisible' },
          })
          .connect('watch', 'failed', 'read')
          .build(),
      );
      expect(g.alarms.map((a) => a.id)).toEqual(['watch']);
    });

    it('leaves out a connection that closes a cycle and a second one from the same queue', () => {
      const g = lowerDesign(
        drawn()
          .node('sqs', { id: 'other', properties: { retentionSeconds: 1209600 } })
          .connect('failed', 'orders', 'dead-letter', { id: 'zBack' })
          .connect('orders', 'other', 'dead-letter', { id: 'zSecond' })
          .build(),
      );
      expect(graphProblems(g)).toEqual([]);
      expect(component(g, 'orders').deadLetterQueueId).toBe('failed');
      expect(component(g, 'failed').deadLetterQueueId).toBeUndefined();
      expect(component(g, 'other').deadLetterQueueId).toBeUndefined();
      expect(g.components.some((c) => c.id.endsWith('.dlq'))).toBe(false);
    });

    it("notifies the drawn queue's topic, else the topic of a queue dead-lettering to it", () => {
      const own = lowerDesign(
        drawn()
          .node('sns', { id: 'ops' })
          .node('sns', { id: 'team' })
          .connect('failed', 'ops', 'notify')
          .connect('orders', 'team', 'notify')
          .build(),
      );
      expect(own.alarms.map((a) => [a.id, a.topicId])).toEqual([['failed.alarm', 'ops']]);
      const fallback = lowerDesign(
        drawn().node('sns', { id: 'team' }).connect('orders', 'team', 'notify').build(),
      );
      expect(fallback.alarms.map((a) => [a.id, a.topicId])).toEqual([['failed.alarm', 'team']]);
      // No alarm needs the generated topic, so there is none.
      expect(fallback.components.some((c) => c.id === 'graph.alarm-topic')).toBe(false);
    });

    it('chains: a drawn dead-letter queue may redrive further, and each gets its alarm', () => {
      const g = lowerDesign(
        drawn()
          .node('sqs', { id: 'last', properties: { retentionSeconds: 1209600 } })
          .connect('failed', 'last', 'dead-letter', { id: 'failedLast' })
          .build(),
      );
      expect(component(g, 'failed').deadLetterQueueId).toBe('last');
      expect(g.alarms.map((a) => a.targetId).sort()).toEqual(['failed', 'last']);
    });
  });
});

describe('dead-letter alarms notify the topic the design connects ("notify")', () => {
  const d = design('Notify')
    .node('sqs', { id: 'orders' })
    .node('sns', { id: 'events' })
    .node('lambda', { id: 'fn' })
    .node('eventbridge-rule', { id: 'rule' })
    .node('sns', { id: 'ops' })
    .connect('events', 'fn', 'subscribe')
    .connect('rule', 'fn', 'route')
    .connect('orders', 'ops', 'notify')
    .connect('events', 'ops', 'notify')
    .connect('rule', 'ops', 'notify')
    .build();
  const graph = lowerDesign(d);

  it('sends every derived dead-letter alarm to that topic and makes no generated topic', () => {
    expect(graphProblems(graph)).toEqual([]);
    expect(graph.alarms.map((a) => [a.targetId, a.topicId]).sort()).toEqual([
      ['events.delivery-dlq', 'ops'],
      ['orders.dlq', 'ops'],
      ['rule.target-dlq', 'ops'],
    ]);
    expect(graph.components.some((c) => c.id === 'graph.alarm-topic')).toBe(false);
  });

  it('keeps the generated topic for a node that notifies none', () => {
    const g = lowerDesign(design('Default').node('sqs', { id: 'orders' }).build());
    expect(g.alarms.map((a) => a.topicId)).toEqual(['graph.alarm-topic']);
  });
});

describe('messaging fan-out (MSG-01)', () => {
  const d = design('Fanout')
    .node('lambda', { id: 'producer' })
    .node('eventbridge-bus', { id: 'bus' })
    .node('eventbridge-rule', { id: 'rule' })
    .node('lambda', { id: 'handler' })
    .node('step-functions', { id: 'flow' })
    .node('sns', { id: 'topic', properties: { fifo: true } })
    .node('sqs', { id: 'inbox', properties: { fifo: true } })
    .node('kinesis-stream', { id: 'stream' })
    .node('dynamodb', { id: 'table' })
    .node('s3', { id: 'bucket' })
    .connect('producer', 'bus', 'publish')
    .connect('bus', 'rule', 'route')
    .connect('rule', 'handler', 'route')
    .connect('rule', 'flow', 'route')
    .connect('rule', 'topic', 'route')
    .connect('topic', 'inbox', 'subscribe')
    .connect('stream', 'handler', 'event-source')
    .connect('table', 'handler', 'event-source')
    .connect('bucket', 'topic', 'publish')
    .build();
  const graph = lowerDesign(d);

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('puts the rule on its bus and gives every target the rule DLQ; Step Functions gets an events role', () => {
    expect(component(graph, 'rule').eventBusId).toBe('bus');
    expect(graph.ruleTargets.map((t) => [t.targetKind, t.deadLetterQueueId, t.roleId])).toEqual([
      ['step-functions', 'rule.target-dlq', 'rule.events-role'],
      ['lambda', 'rule.target-dlq', undefined],
      ['sns', 'rule.target-dlq', undefined],
    ]);
    const role = graph.roles.find((r) => r.id === 'rule.events-role')!;
    expect(role.assumedBy).toBe('events.amazonaws.com');
    expect(role.statements).toEqual([
      {
        sid: 'StartExecutionStepFunctionsStateMachine',
        actions: ['states:StartExecution'],
        resources: [{ componentId: 'flow', attribute: 'arn' }],
      },
    ]);
    expect(component(graph, 'rule.target-dlq').props.fifo!.byEnv.dev).toBe(false);
  });

  it('gives subscriptions a DLQ of the topic kind', () => {
    expect(graph.subscriptions).toEqual([
      expect.objectContaining({
        topicId: 'topic',
        subscriberId: 'inbox',
        protocol: 'sqs',
        deadLetterQueueId: 'topic.delivery-dlq',
      }),
    ]);
    expect(component(graph, 'topic.delivery-dlq').props.fifo!.byEnv.dev).toBe(true);
    expect(graph.alarms.map((a) => a.targetId)).toEqual(
      expect.arrayContaining(['rule.target-dlq', 'topic.delivery-dlq', 'inbox.dlq']),
    );
  });

  it('maps stream sources with a starting position and turns on the table stream', () => {
    expect(graph.eventSources.map((e) => [e.sourceKind, e.startingPosition])).toEqual(
      expect.arrayContaining([
        ['kinesis', 'LATEST'],
        ['dynamodb-stream', 'LATEST'],
      ]),
    );
    expect(component(graph, 'table').props.stream!.byEnv.prod).toBe('new-and-old-images');
  });

  it('records bucket notifications to topics', () => {
    expect(graph.bucketNotifications).toEqual([
      expect.objectContaining({
        bucketId: 'bucket',
        targetId: 'topic',
        targetKind: 'sns',
        detailTypes: ['Object Created'],
      }),
    ]);
  });
});

describe('front doors', () => {
  it('routes CloudFront to S3 and API Gateway to Lambdas, each extra target on its own path', () => {
    const d = design('Web')
      .node('cloudfront', { id: 'cdn' })
      .node('s3', { id: 'site' })
      .node('api-gateway', { id: 'api' })
      .node('lambda', { id: 'a-fn', name: 'Orders' })
      .node('lambda', { id: 'b-fn', name: 'Payments' })
      .node('cognito-user-pool', { id: 'pool' })
      .connect('cdn', 'site', 'route', { id: 'r1' })
      .connect('api', 'a-fn', 'invoke', { id: 'r2' })
      .connect('api', 'b-fn', 'invoke', { id: 'r3' })
      .connect('api', 'pool', 'read', { id: 'r4' })
      .build();
    const graph = lowerDesign(d);
    expect(graphProblems(graph)).toEqual([]);
    expect(graph.routes.map((r) => [r.kind, r.frontDoorId, r.targetId, r.pathPattern])).toEqual([
      ['cloudfront-origin', 'cdn', 'site', undefined],
      ['api-integration', 'api', 'a-fn', undefined],
      ['api-integration', 'api', 'b-fn', '/payments/*'],
    ]);
    expect(component(graph, 'api').userPoolId).toBe('pool');
    // API Gateway invokes through a resource policy, not a role grant.
    expect(graph.grants).toEqual([]);
  });

  it('gives a distribution routed nowhere a private origin bucket, and one with an origin none', () => {
    const d = design('Web')
      .node('cloudfront', { id: 'cdn', name: 'Site CDN' })
      .node('cloudfront', { id: 'routed' })
      .node('s3', { id: 'site' })
      .connect('routed', 'site', 'route', { id: 'r1' })
      .build();
    const graph = lowerDesign(d);
    expect(graphProblems(graph)).toEqual([]);
    expect(graph.routes.map((r) => [r.kind, r.frontDoorId, r.targetId, r.pathPattern])).toEqual([
      ['cloudfront-origin', 'routed', 'site', undefined],
      ['cloudfront-origin', 'cdn', 'cdn.origin', undefined],
    ]);
    const bucket = component(graph, 'cdn.origin');
    expect(bucket.type).toBe('s3');
    expect(bucket.derived?.from).toBe('cdn');
    expect(bucket.names.display).toBe('Site CDN origin');
    expect(bucket.names.logicalId).toBe('SiteCDNOrigin');
    for (const [key, value] of [
      ['versioned', true],
      ['blockPublicAccess', true],
      ['enforceTls', true],
      ['encryption', 's3-managed'],
      ['accessLogs', true],
    ] as const)
      expect(bucket.props[key]?.byEnv).toEqual(
        Object.fromEntries(graph.environments.map((env) => [env, value])),
      );
    // Right after its distribution, so generators list it next to what it serves.
    const ids = graph.components.map((c) => c.id);
    expect(ids.indexOf('cdn.origin')).toBe(ids.indexOf('cdn') + 1);
    expect(graph.components.filter((c) => c.derived?.from === 'routed')).toEqual([]);
  });
});

describe('compute roles and network placement', () => {
  const graph = lowerDesign(
    design('Compute')
      .vpc()
      .node('lambda', { id: 'vpcFn', name: 'VPC function', tier: 'private' })
      .node('lambda', { id: 'fn', name: 'Regional function' })
      .node('rds', { id: 'db', name: 'Main DB' })
      .node('alb', {
        id: 'internal',
        name: 'Internal ALB',
        tier: 'private',
        properties: { scheme: 'internal' },
      })
      .node('cloudfront', { id: 'cdn' })
      .node('alb', {
        id: 'public',
        name: 'Public ALB',
        tier: 'public',
        properties: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/example' },
      })
      .node('eks', { id: 'k8s', name: 'Cluster' })
      .node('step-functions', { id: 'flow', name: 'Flow' })
      .node('api-gateway', { id: 'rest', name: 'REST API', properties: { apiType: 'rest' } })
      .connect('vpcFn', 'db', 'traffic', { id: 't1' })
      .connect('vpcFn', 'internal', 'traffic', { id: 't2' })
      .connect('cdn', 'public', 'traffic', { id: 't3' })
      .connect('flow', 'fn', 'invoke', { id: 't4' })
      .connect('rest', 'fn', 'invoke', { id: 't5' })
      .build(),
  );

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('attaches a VPC function through the VPC access policy and a security group; a regional one has neither', () => {
    const vpcRole = graph.roles.find((r) => r.id === 'vpcFn.role')!;
    expect(vpcRole.managedPolicies).toEqual(['service-role/AWSLambdaVPCAccessExecutionRole']);
    expect(rulesOf(sg(graph, 'vpcFn').egress)).toEqual(['db:5432', 'internal:80']);
    expect(sg(graph, 'vpcFn').allowHttpsEgress).toBe(true);
    expect(graph.roles.find((r) => r.id === 'fn.role')!.managedPolicies).toEqual([]);
    expect(component(graph, 'fn').securityGroupId).toBeUndefined();
  });

  it('opens an internal ALB without a certificate on 80 to its callers only', () => {
    expect(rulesOf(sg(graph, 'internal').ingress)).toEqual(['vpcFn:80']);
  });

  it('admits CloudFront to a public ALB on its listeners (HTTPS, and the HTTP redirect)', () => {
    expect(rulesOf(sg(graph, 'public').ingress)).toEqual(['0.0.0.0/0:443', '0.0.0.0/0:80']);
  });

  it('gives EKS a cluster role and a node role, each with the managed policies EKS requires', () => {
    const roles = component(graph, 'k8s').roleIds.map((id) => graph.roles.find((r) => r.id === id)!);
    expect(roles.map((r) => [r.purpose, r.assumedBy, r.managedPolicies])).toEqual([
      ['cluster', 'eks.amazonaws.com', ['AmazonEKSClusterPolicy']],
      [
        'node-group',
        'ec2.amazonaws.com',
        ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly'],
      ],
    ]);
  });

  it('lets the state machine deliver logs, trace and invoke its function', () => {
    const role = graph.roles.find((r) => r.id === 'flow.role')!;
    expect(role.assumedBy).toBe('states.amazonaws.com');
    expect(role.statements.map((s) => s.sid)).toEqual([
      'LogDelivery',
      'XRayTracing',
      'InvokeRegionalFunction',
    ]);
    expect(role.statements[2]!.resources).toEqual([
      { componentId: 'fn', attribute: 'arn' },
      { componentId: 'fn', attribute: 'arn', suffix: ':*' },
    ]);
  });

  it('gives REST API access logging its account-level CloudWatch role', () => {
    const role = graph.roles.find((r) => r.assumedBy === 'apigateway.amazonaws.com')!;
    expect(role.managedPolicies).toEqual(['service-role/AmazonAPIGatewayPushToCloudWatchLogs']);
    expect(component(graph, 'rest').roleIds).toEqual([role.id]);
    expect(component(graph, component(graph, 'rest').logGroupId!).type).toBe('log-group');
  });
});

describe('accepted risks', () => {
  it('become acknowledgements with the rule equivalents', () => {
    const d = threeTierDesign();
    d.acceptedRisks.push(
      { ruleId: 'ALB-03', targetId: 'alb', reason: 'Access logs go to the central account' },
      { ruleId: 'NET-03', targetId: 'main', reason: 'One NAT is fine here' },
      { ruleId: 'SG-01', targetId: 'c-app-db', reason: 'Reviewed' },
    );
    const graph = lowerDesign(d);
    expect(component(graph, 'alb').acknowledgements).toEqual([
      {
        ruleId: 'ALB-03',
        reason: 'Access logs go to the central account',
        equivalents: expect.arrayContaining(['AwsSolutions-ELB2']),
      },
    ]);
    expect(graph.vpcs[0]!.acknowledgements?.map((a) => a.ruleId)).toEqual(['NET-03']);
    expect(component(graph, 'db').acknowledgements.map((a) => a.ruleId)).toEqual(['SG-01']);
  });
});

describe('environments option', () => {
  it('resolves only the chosen environments, in order', () => {
    const graph = lowerDesign(queueDesign(), { environments: ['prod', 'dev'] });
    expect(graph.environments).toEqual(['prod', 'dev']);
    expect(Object.keys(component(graph, 'orders').props.fifo!.byEnv)).toEqual(['prod', 'dev']);
  });

  it('rejects an environment the design does not have', () => {
    expect(() => lowerDesign(queueDesign(), { environments: ['qa'] })).toThrow(/Unknown environment "qa"/);
  });
});

describe('hostile names', () => {
  it('yield safe identifiers and EC2-safe descriptions everywhere', () => {
    const hostile = 'a"b ${x} \n<script>\u202e';
    const d = threeTierDesign();
    for (const node of d.nodes) node.name = hostile;
    d.vpcs[0]!.name = hostile;
    d.connections.find((c) => c.id === 'c-app-db')!.label = 'pwn"\n${x}';
    const graph = lowerDesign(d);
    expect(graphProblems(graph)).toEqual([]);
    expect(component(graph, 'app').names.display).toBe(hostile);
    expect(sg(graph, 'db').ingress[0]!.description).toBe('pwn ${x}');
  });
});

describe('determinism', () => {
  const designs: [string, () => Design][] = [
    ['three-tier', threeTierDesign],
    ['queue', queueDesign],
  ];
  it('orders tags by key whatever the file order', () => {
    const a = queueDesign();
    a.tags = { team: 'orders', costCenter: '42', app: 'shop' };
    const b = queueDesign();
    b.tags = { app: 'shop', team: 'orders', costCenter: '42' };
    expect(Object.keys(lowerDesign(a).tags)).toEqual(['app', 'costCenter', 'team']);
    expect(JSON.stringify(lowerDesign(a))).toBe(JSON.stringify(lowerDesign(b)));
  });

  it.each(designs)('%s: lowering twice gives equal graphs', (_, make) => {
    expect(lowerDesign(make())).toEqual(lowerDesign(make()));
  });

  it.each(designs)('%s: shuffled nodes, connections and VPCs give the same graph', (_, make) => {
    const base = lowerDesign(make());
    for (const seed of [1, 7, 42]) {
      const d = make();
      d.nodes = shuffled(d.nodes, seed);
      d.connections = shuffled(d.connections, seed + 1);
      d.vpcs = shuffled(d.vpcs, seed + 2);
      d.acceptedRisks = shuffled(d.acceptedRisks, seed + 3);
      // Byte-equal, not just deep-equal: generators print in the graph's order.
      expect(JSON.stringify(lowerDesign(d))).toBe(JSON.stringify(base));
    }
  });
});

describe('every catalog service', () => {
  it('lowers, placed where the catalog recommends, into a consistent graph', () => {
    const builder = design('All services').vpc();
    for (const service of SERVICES) builder.node(service.type, { id: `n-${service.type}` });
    const graph = lowerDesign(builder.build());
    expect(graphProblems(graph)).toEqual([]);
    const types = new Set(graph.components.filter((c) => !c.derived).map((c) => c.type));
    expect([...types].sort()).toEqual(
      SERVICES.map((s) => s.type)
        .filter((t) => t !== 'users')
        .sort(),
    );
  });
});

describe('performance', () => {
  it('lowers 200 connected nodes into a consistent graph', () => {
    const builder = design('Big').vpc();
    for (let i = 0; i < 50; i++) {
      builder
        .node('lambda', { id: `fn${i}` })
        .node('sqs', { id: `q${i}` })
        .node('dynamodb', { id: `t${i}` })
        .node('ecs-fargate', { id: `svc${i}` })
        .connect(`fn${i}`, `q${i}`, 'publish')
        .connect(`q${i}`, `fn${(i + 1) % 50}`, 'event-source')
        .connect(`svc${i}`, `t${i}`, 'read-write')
        .connect(`fn${i}`, `t${i}`, 'read');
    }
    const big = builder.build();
    const graph = lowerDesign(big);
    expect(graph.components.filter((c) => !c.derived)).toHaveLength(200);
    expect(graphProblems(graph)).toEqual([]);
    // How long it takes is measured by `pnpm bench` (bench/pure.ts prints lowering figures at 50,
    // 200 and 500 nodes), not asserted here: a timed test fails on a busy machine, not on a bug.
  });
});

describe("a function's dead-letter queue (LAM-02)", () => {
  const dlqDesign = () =>
    design('Function DLQ')
      .node('sns', { id: 'events', name: 'Events' })
      .node('lambda', { id: 'handler', name: 'Handler' })
      .node('sqs', { id: 'out', name: 'Output queue', properties: { deadLetterQueue: false } })
      .node('sqs', {
        id: 'failed-b',
        name: 'Failures B',
        properties: { isDeadLetterQueue: true, deadLetterQueue: false },
      })
      .node('sqs', {
        id: 'failed-a',
        name: 'Failures A',
        properties: { isDeadLetterQueue: true, deadLetterQueue: false },
      })
      .connect('events', 'handler', 'subscribe', { id: 'c1' })
      .connect('handler', 'out', 'publish', { id: 'c2' })
      .connect('handler', 'failed-b', 'publish', { id: 'c3' })
      .connect('handler', 'failed-a', 'publish', { id: 'c4' })
      .build();
  const graph = lowerDesign(dlqDesign());

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('takes the DLQ of the first publish connection by id, skipping queues that are not DLQs', () => {
    expect(component(graph, 'handler').functionDeadLetterQueueId).toBe('failed-b');
    const shuffledDesign = dlqDesign();
    shuffledDesign.connections = shuffled(shuffledDesign.connections, 7);
    expect(component(lowerDesign(shuffledDesign), 'handler').functionDeadLetterQueueId).toBe('failed-b');
  });

  it('leaves functions that publish to no DLQ without one', () => {
    expect(component(lowerDesign(queueDesign()), 'producer').functionDeadLetterQueueId).toBeUndefined();
  });

  it('still grants sqs:SendMessage on the DLQ to the function role', () => {
    const roleId = component(graph, 'handler').roleIds[0]!;
    const role = graph.roles.find((r) => r.id === roleId)!;
    const onDlq = role.statements.filter((s) =>
      s.resources.some((r) => typeof r === 'object' && 'componentId' in r && r.componentId === 'failed-b'),
    );
    expect(onDlq.flatMap((s) => s.actions)).toContain('sqs:SendMessage');
  });
});

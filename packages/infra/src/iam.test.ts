import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import type { ConnectionKind } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import type { PolicyStatement, ResolvedGraph } from './types.ts';

/** Actions AWS offers no resource-level permission for: the only ones allowed on Resource "*". */
const WILDCARD_ALLOWED = new Set([
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'logs:CreateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:GetLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:UpdateLogDelivery',
  'dynamodb:ListStreams',
  'timestream:DescribeEndpoints',
]);

function grantFor(graph: ResolvedGraph, targetId: string, access: string) {
  const grant = graph.grants.find((g) => g.targetId === targetId && g.access === access);
  if (!grant) throw new Error(`no ${access} grant on ${targetId}`);
  return grant;
}

const summary = (statements: PolicyStatement[]) =>
  statements.map((s) => ({
    actions: s.actions,
    resources: s.wildcardResource
      ? '*'
      : s.resources.map((r) => `${r.componentId}.${r.attribute}${r.suffix ?? ''}`),
  }));

/** One function connected to one target of `type` by `kind`. */
function lowerOne(type: string, kind: ConnectionKind, source = 'lambda') {
  return lowerDesign(
    design('IAM')
      .node(source, { id: 'fn', placement: null })
      .node(type, { id: 'target', placement: null })
      .connect('fn', 'target', kind)
      .build(),
  );
}

describe('least-privilege statements per access kind', () => {
  it('dynamodb read: item reads on the table and its indexes', () => {
    expect(summary(grantFor(lowerOne('dynamodb', 'read'), 'target', 'read').statements)).toEqual([
      {
        actions: [
          'dynamodb:BatchGetItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DescribeTable',
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:Scan',
        ],
        resources: ['target.arn', 'target.arn/index/*'],
      },
    ]);
  });

  it('dynamodb write: item writes on the table only', () => {
    expect(summary(grantFor(lowerOne('dynamodb', 'write'), 'target', 'write').statements)).toEqual([
      {
        actions: [
          'dynamodb:BatchWriteItem',
          'dynamodb:DeleteItem',
          'dynamodb:DescribeTable',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
        ],
        resources: ['target.arn'],
      },
    ]);
  });

  it('dynamodb read-write: both, each on its own resources', () => {
    const statements = grantFor(lowerOne('dynamodb', 'read-write'), 'target', 'read-write').statements;
    expect(statements.map((s) => s.sid)).toEqual([
      'ReadWriteDynamoDBTableRead',
      'ReadWriteDynamoDBTableWrite',
    ]);
    expect(statements[0]!.actions).toContain('dynamodb:Query');
    expect(statements[1]!.actions).toContain('dynamodb:PutItem');
    expect(statements[1]!.actions).not.toContain('dynamodb:Query');
  });

  it('s3 read: GetObject on objects, ListBucket on the bucket', () => {
    expect(summary(grantFor(lowerOne('s3', 'read'), 'target', 'read').statements)).toEqual([
      { actions: ['s3:GetObject'], resources: ['target.arn/*'] },
      { actions: ['s3:ListBucket'], resources: ['target.arn'] },
    ]);
  });

  it('s3 write: object writes only', () => {
    expect(summary(grantFor(lowerOne('s3', 'write'), 'target', 'write').statements)).toEqual([
      {
        actions: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject'],
        resources: ['target.arn/*'],
      },
    ]);
  });

  it('sqs publish: SendMessage on the queue', () => {
    expect(summary(grantFor(lowerOne('sqs', 'publish'), 'target', 'publish').statements)).toEqual([
      {
        actions: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
        resources: ['target.arn'],
      },
    ]);
  });

  it('sns publish, EventBridge PutEvents, Kinesis PutRecords', () => {
    expect(summary(grantFor(lowerOne('sns', 'publish'), 'target', 'publish').statements)).toEqual([
      { actions: ['sns:Publish'], resources: ['target.arn'] },
    ]);
    expect(summary(grantFor(lowerOne('eventbridge-bus', 'publish'), 'target', 'publish').statements)).toEqual(
      [{ actions: ['events:PutEvents'], resources: ['target.arn'] }],
    );
    expect(summary(grantFor(lowerOne('kinesis-stream', 'publish'), 'target', 'publish').statements)).toEqual([
      {
        actions: ['kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'],
        resources: ['target.arn'],
      },
    ]);
  });

  it('secret read: GetSecretValue on that secret', () => {
    expect(summary(grantFor(lowerOne('secret', 'read'), 'target', 'read-secret').statements)).toEqual([
      {
        actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        resources: ['target.arn'],
      },
    ]);
  });

  it('log group write: log streams of that group', () => {
    expect(summary(grantFor(lowerOne('log-group', 'write'), 'target', 'write-logs').statements)).toEqual([
      { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: ['target.arn:*'] },
    ]);
  });

  it('invoke: the function (and its versions), or StartExecution on the state machine', () => {
    expect(summary(grantFor(lowerOne('lambda', 'invoke'), 'target', 'invoke').statements)).toEqual([
      { actions: ['lambda:InvokeFunction'], resources: ['target.arn', 'target.arn:*'] },
    ]);
    expect(
      summary(grantFor(lowerOne('step-functions', 'invoke'), 'target', 'start-execution').statements),
    ).toEqual([{ actions: ['states:StartExecution'], resources: ['target.arn'] }]);
  });

  it('timestream read: queries on its tables; DescribeEndpoints is the documented wildcard', () => {
    const statements = grantFor(lowerOne('timestream', 'read'), 'target', 'read').statements;
    expect(summary(statements)).toEqual([
      {
        actions: ['timestream:DescribeTable', 'timestream:ListMeasures', 'timestream:Select'],
        resources: ['target.arn/table/*'],
      },
      { actions: ['timestream:DescribeEndpoints'], resources: '*' },
    ]);
    expect(statements[1]!.wildcardResource!.reason).toMatch(/no resource-level permissions/);
  });

  it('event sources: the function consumes the queue, the stream or the table stream', () => {
    const fromQueue = lowerDesign(
      design('x')
        .node('sqs', { id: 'q' })
        .node('lambda', { id: 'fn' })
        .connect('q', 'fn', 'event-source')
        .build(),
    );
    expect(summary(grantFor(fromQueue, 'q', 'consume').statements)).toEqual([
      {
        actions: [
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:GetQueueUrl',
          'sqs:ReceiveMessage',
        ],
        resources: ['q.arn'],
      },
    ]);
    const fromTable = lowerDesign(
      design('x')
        .node('dynamodb', { id: 't' })
        .node('lambda', { id: 'fn' })
        .connect('t', 'fn', 'event-source')
        .build(),
    );
    expect(summary(grantFor(fromTable, 't', 'consume').statements)).toEqual([
      {
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: ['t.streamArn'],
      },
      { actions: ['dynamodb:ListStreams'], resources: '*' },
    ]);
  });

  it('grants go to the Fargate task role and the EKS node role, never the execution or cluster role', () => {
    const fargate = lowerOne('sqs', 'publish', 'ecs-fargate');
    expect(grantFor(fargate, 'target', 'publish').roleId).toBe('fn.task-role');
    expect(fargate.roles.find((r) => r.id === 'fn.execution-role')!.statements).toEqual([]);
    const eks = lowerOne('s3', 'read', 'eks');
    expect(grantFor(eks, 'target', 'read').roleId).toBe('fn.node-role');
  });
});

describe('every role of a design with every connection', () => {
  const builder = design('Everything').vpc();
  const targets: [string, ConnectionKind][] = [
    ['s3', 'read-write'],
    ['dynamodb', 'read-write'],
    ['timestream', 'read-write'],
    ['kinesis-stream', 'read-write'],
    ['secret', 'read'],
    ['log-group', 'write'],
    ['sqs', 'publish'],
    ['sns', 'publish'],
    ['eventbridge-bus', 'publish'],
    ['step-functions', 'invoke'],
    ['lambda', 'invoke'],
  ];
  // The Lambda source is VPC-attached, the others go where the catalog recommends.
  for (const source of ['lambda', 'ecs-fargate', 'ec2-asg', 'eks', 'step-functions'])
    builder.node(source, {
      id: `src-${source}`,
      ...(source === 'lambda' ? { tier: 'private' as const } : {}),
    });
  targets.forEach(([type], i) => builder.node(type, { id: `t${i}` }));
  for (const source of ['lambda', 'ecs-fargate', 'ec2-asg', 'eks', 'step-functions'])
    targets.forEach(([, kind], i) => builder.connect(`src-${source}`, `t${i}`, kind));
  const graph = lowerDesign(builder.build());

  it('has no "*" action and no wildcard resource outside the documented exceptions', () => {
    expect(graph.roles.length).toBeGreaterThan(5);
    for (const role of graph.roles)
      for (const statement of role.statements) {
        for (const action of statement.actions) expect(action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z]+$/);
        if (statement.wildcardResource) {
          expect(statement.resources).toEqual([]);
          expect(statement.wildcardResource.reason.length).toBeGreaterThan(10);
          for (const action of statement.actions) expect(WILDCARD_ALLOWED.has(action), action).toBe(true);
        } else {
          expect(statement.resources.length).toBeGreaterThan(0);
        }
      }
  });

  it('trusts exactly one service principal per role', () => {
    for (const role of graph.roles) expect(role.assumedBy).toMatch(/^[a-z0-9-]+\.amazonaws\.com$/);
  });

  it('uses AWS managed policies only where nothing narrower exists', () => {
    const managed = new Set(graph.roles.flatMap((r) => r.managedPolicies));
    expect([...managed].sort()).toEqual(
      [
        'service-role/AWSLambdaVPCAccessExecutionRole',
        'service-role/AmazonECSTaskExecutionRolePolicy',
        'AmazonEKSClusterPolicy',
        'AmazonEKSWorkerNodePolicy',
        'AmazonEKS_CNI_Policy',
        'AmazonEC2ContainerRegistryReadOnly',
      ].sort(),
    );
  });

  it("puts each grant's statements into its role", () => {
    for (const grant of graph.grants) {
      const role = graph.roles.find((r) => r.id === grant.roleId)!;
      for (const statement of grant.statements)
        expect(role.statements).toContainEqual(
          expect.objectContaining({ actions: statement.actions, resources: statement.resources }),
        );
    }
  });
});

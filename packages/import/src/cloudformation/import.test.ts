import { describe, expect, it } from 'vitest';
import { parseDesign } from '@archgen/model';
import { generateAll } from '@archgen/export';
import { parseTemplate } from '@archgen/generator-cloudformation';
import {
  importCloudFormation,
  importCdkOut,
  detectFormat,
  ImportInputError,
  type ImportResult,
} from '../index.ts';

const run = (template: unknown, options?: Parameters<typeof importCloudFormation>[1]) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify(template) }], options);

const node = (r: ImportResult, id: string) => {
  const n = r.design.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}: ${r.design.nodes.map((x) => x.id).join(', ')}`);
  return n;
};
const edges = (r: ImportResult) => r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`).sort();
const outcome = (r: ImportResult, id: string) => r.report.resources.find((e) => e.sourceId === id)?.outcome;

/** Kept nodes need the "other-resource" catalog entry (branch h/passthrough): validated without them. */
function validates(r: ImportResult): boolean {
  const kept = new Set(r.design.nodes.filter((n) => n.type === 'other-resource').map((n) => n.id));
  const parsed = parseDesign({
    ...r.design,
    nodes: r.design.nodes.filter((n) => !kept.has(n.id)),
    connections: r.design.connections.filter((c) => !kept.has(c.from) && !kept.has(c.to)),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return true;
}

const serverless = {
  Resources: {
    Orders: {
      Type: 'AWS::SQS::Queue',
      Properties: {
        VisibilityTimeout: 180,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['OrdersDlq', 'Arn'] }, maxReceiveCount: 3 },
      },
    },
    OrdersDlq: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1209600 } },
    Table: {
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      },
    },
    WorkerRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {},
        Policies: [
          {
            PolicyName: 'data',
            PolicyDocument: {
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['dynamodb:GetItem', 'dynamodb:Query'],
                  Resource: { 'Fn::GetAtt': ['Table', 'Arn'] },
                },
                {
                  Effect: 'Allow',
                  Action: 'sqs:ReceiveMessage',
                  Resource: { 'Fn::GetAtt': ['Orders', 'Arn'] },
                },
              ],
            },
          },
        ],
      },
    },
    WritePolicy: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        Roles: [{ Ref: 'WorkerRole' }],
        PolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: { 'Fn::Sub': '${Table.Arn}/index/*' } },
          ],
        },
      },
    },
    Worker: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'python3.12',
        Handler: 'app.handler',
        MemorySize: 1024,
        Role: { 'Fn::GetAtt': ['WorkerRole', 'Arn'] },
        Environment: { Variables: { TOPIC: { Ref: 'Events' } } },
      },
    },
    WorkerLogs: {
      Type: 'AWS::Logs::LogGroup',
      Properties: { LogGroupName: { 'Fn::Sub': '/aws/lambda/${Worker}' }, RetentionInDays: 14 },
    },
    Mapping: {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: {
        FunctionName: { Ref: 'Worker' },
        EventSourceArn: { 'Fn::GetAtt': ['Orders', 'Arn'] },
        BatchSize: 5,
      },
    },
    Events: { Type: 'AWS::SNS::Topic' },
    DlqAlarm: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['OrdersDlq', 'QueueName'] } }],
        AlarmActions: [{ Ref: 'Events' }],
      },
    },
    Audit: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 90 } },
  },
};

describe('importCloudFormation: services, parts and connections', () => {
  const r = run(serverless);

  it('gives every resource exactly one report entry, in source order', () => {
    expect(r.report.format).toBe('cloudformation');
    expect(r.report.resources.map((e) => e.sourceId)).toEqual(Object.keys(serverless.Resources));
  });

  it('makes service nodes with properties read from the source, AWS defaults where it is silent', () => {
    expect(node(r, 'Worker')).toMatchObject({
      type: 'lambda',
      properties: {
        runtime: 'python3.12',
        handler: 'app.handler',
        memorySize: 1024,
        timeoutSeconds: 3,
        tracing: false,
      },
    });
    expect(node(r, 'Orders').properties).toMatchObject({
      visibilityTimeoutSeconds: 180,
      deadLetterQueue: true,
      maxReceiveCount: 3,
    });
    // The dead-letter queue only the redrive policy uses is drawn with its queue (deadLetterQueue).
    expect(r.design.nodes.some((n) => n.id === 'OrdersDlq')).toBe(false);
    expect(node(r, 'Table').properties).toMatchObject({
      billingMode: 'on-demand',
      partitionKey: 'id',
      sortKey: '',
      onDelete: 'retain',
    });
    // A log group nobody's: a node of its own.
    expect(node(r, 'Audit')).toMatchObject({ type: 'log-group', properties: { retentionDays: 90 } });
  });

  it('makes roles, log groups, mappings and alarms parts of the node they serve, and keeps policies', () => {
    expect(outcome(r, 'WorkerRole')).toEqual({ kind: 'part-of', nodeId: 'Worker', role: 'role' });
    // The export writes grants into the role: a policy resource is kept as written (on the role's kept id).
    expect(outcome(r, 'WritePolicy')).toMatchObject({ kind: 'kept', nodeId: 'WritePolicy' });
    expect(outcome(r, 'WorkerLogs')).toEqual({ kind: 'part-of', nodeId: 'Worker', role: 'logGroup' });
    expect(outcome(r, 'Mapping')).toEqual({
      kind: 'part-of',
      nodeId: 'Worker',
      role: 'eventSourceMapping:0',
    });
    expect(outcome(r, 'OrdersDlq')).toEqual({ kind: 'part-of', nodeId: 'Orders', role: 'deadLetterQueue' });
    // An alarm on a part is a part of the part's node.
    expect(outcome(r, 'DlqAlarm')).toEqual({ kind: 'part-of', nodeId: 'Orders', role: 'alarm:0' });
    expect(node(r, 'Worker').logicalIds).toEqual({
      self: 'Worker',
      role: 'WorkerRole',
      logGroup: 'WorkerLogs',
      'eventSourceMapping:0': 'Mapping',
    });
  });

  it('infers connections from IAM statements, mappings, redrive policies and environment variables', () => {
    expect(edges(r)).toEqual([
      'Orders event-source Worker',
      'Orders notify Events',
      'Worker publish Events',
      'Worker read-write Table',
    ]);
    expect(r.design.connections.find((c) => c.kind === 'event-source')?.properties).toEqual({ batchSize: 5 });
  });

  it('validates', () => expect(validates(r)).toBe(true));
});

const network = {
  Parameters: { DbPassword: { Type: 'String', NoEcho: true } },
  Resources: {
    Vpc: {
      Type: 'AWS::EC2::VPC',
      Properties: { CidrBlock: '10.20.0.0/16', Tags: [{ Key: 'Name', Value: 'shop' }] },
    },
    Igw: { Type: 'AWS::EC2::InternetGateway' },
    Attach: {
      Type: 'AWS::EC2::VPCGatewayAttachment',
      Properties: { VpcId: { Ref: 'Vpc' }, InternetGatewayId: { Ref: 'Igw' } },
    },
    PubA: {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Vpc' },
        CidrBlock: '10.20.0.0/24',
        AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      },
    },
    PubB: {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Vpc' },
        CidrBlock: '10.20.1.0/24',
        AvailabilityZone: { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] },
      },
    },
    AppB: {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Vpc' },
        CidrBlock: { 'Fn::Select': [3, { 'Fn::Cidr': ['10.20.0.0/16', 8, 8] }] },
        AvailabilityZone: { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] },
      },
    },
    AppA: {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Vpc' },
        CidrBlock: '10.20.2.0/24',
        AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      },
    },
    DbA: {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Vpc' },
        CidrBlock: '10.20.4.0/24',
        AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      },
    },
    DbB: {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Vpc' },
        CidrBlock: '10.20.5.0/24',
        AvailabilityZone: { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] },
      },
    },
    PubRt: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
    PubRoute: {
      Type: 'AWS::EC2::Route',
      Properties: {
        RouteTableId: { Ref: 'PubRt' },
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: { Ref: 'Igw' },
      },
    },
    PubAssocA: {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: { Ref: 'PubA' }, RouteTableId: { Ref: 'PubRt' } },
    },
    PubAssocB: {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: { Ref: 'PubB' }, RouteTableId: { Ref: 'PubRt' } },
    },
    NatIp: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
    Nat: {
      Type: 'AWS::EC2::NatGateway',
      Properties: { SubnetId: { Ref: 'PubA' }, AllocationId: { 'Fn::GetAtt': ['NatIp', 'AllocationId'] } },
    },
    AppRt: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
    AppRoute: {
      Type: 'AWS::EC2::Route',
      Properties: {
        RouteTableId: { Ref: 'AppRt' },
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: { Ref: 'Nat' },
      },
    },
    AppAssocA: {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: { Ref: 'AppA' }, RouteTableId: { Ref: 'AppRt' } },
    },
    AppAssocB: {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: { Ref: 'AppB' }, RouteTableId: { Ref: 'AppRt' } },
    },
    FnSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'fn', VpcId: { Ref: 'Vpc' } } },
    DbSg: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'db',
        VpcId: { Ref: 'Vpc' },
        SecurityGroupIngress: [
          { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: { Ref: 'FnSg' } },
        ],
      },
    },
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Timeout: 20,
        VpcConfig: { SubnetIds: [{ Ref: 'AppA' }, { Ref: 'AppB' }], SecurityGroupIds: [{ Ref: 'FnSg' }] },
      },
    },
    DbSubnets: {
      Type: 'AWS::RDS::DBSubnetGroup',
      Properties: { DBSubnetGroupDescription: 'db', SubnetIds: [{ Ref: 'DbA' }, { Ref: 'DbB' }] },
    },
    Db: {
      Type: 'AWS::RDS::DBInstance',
      Properties: {
        Engine: 'postgres',
        EngineVersion: '16.4',
        DBInstanceClass: 'db.r6g.large',
        AllocatedStorage: '100',
        MultiAZ: true,
        MasterUserPassword: { Ref: 'DbPassword' },
        DBSubnetGroupName: { Ref: 'DbSubnets' },
        VPCSecurityGroups: [{ 'Fn::GetAtt': ['DbSg', 'GroupId'] }],
      },
    },
    Host: {
      Type: 'AWS::EC2::Instance',
      DependsOn: 'Attach',
      Properties: {
        ImageId: 'ami-123',
        SubnetId: { Ref: 'PubA' },
        UserData: { 'Fn::Base64': { 'Fn::Sub': 'echo ${Db.Endpoint.Address}' } },
      },
    },
    Seed: { Type: 'Custom::SeedData', Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
  },
};

describe('importCloudFormation: VPCs, placement and kept resources', () => {
  const r = run(network);

  it('rebuilds the VPC with its CIDR, AZs and explicit subnet CIDRs per tier, from the route tables', () => {
    expect(r.design.vpcs).toEqual([
      {
        id: 'Vpc',
        name: 'shop',
        cidr: '10.20.0.0/16',
        azCount: 2,
        tiers: ['public', 'private', 'isolated'],
        subnetPrefix: 24,
        subnetCidrs: {
          public: ['10.20.0.0/24', '10.20.1.0/24'],
          // Ordered by AZ, whatever the template's order; Fn::Cidr worked out.
          private: ['10.20.2.0/24', '10.20.3.0/24'],
          isolated: ['10.20.4.0/24', '10.20.5.0/24'],
        },
        flowLogs: false,
        // Positions in the network the lowering builds: subnets tier by tier in AZ order, the
        // shared public table first, then one per private subnet (the shared AppRt takes AZ 1's).
        logicalIds: {
          vpc: 'Vpc',
          subnet: 'PubA',
          'subnet:1': 'PubB',
          'subnet:2': 'AppA',
          'subnet:3': 'AppB',
          'subnet:4': 'DbA',
          'subnet:5': 'DbB',
          routeTableAssociation: 'PubAssocA',
          'routeTableAssociation:1': 'PubAssocB',
          'routeTableAssociation:2': 'AppAssocA',
          'routeTableAssociation:3': 'AppAssocB',
          routeTable: 'PubRt',
          'routeTable:1': 'AppRt',
          route: 'PubRoute',
          'route:1': 'AppRoute',
          natGateway: 'Nat',
          natAddress: 'NatIp',
          internetGateway: 'Igw',
          gatewayAttachment: 'Attach',
        },
      },
    ]);
    for (const id of [
      'Vpc',
      'Igw',
      'Attach',
      'PubA',
      'PubRt',
      'PubRoute',
      'PubAssocA',
      'NatIp',
      'Nat',
      'AppRoute',
    ])
      expect(outcome(r, id)).toMatchObject({ kind: 'network', vpcId: 'Vpc' });
    expect(node(r, 'Nat')).toMatchObject({
      type: 'nat-gateway',
      placement: { vpcId: 'Vpc', tier: 'public' },
      properties: { mode: 'single' },
    });
  });

  it('places each service in the tier of the subnets it uses', () => {
    expect(node(r, 'Fn').placement).toEqual({ vpcId: 'Vpc', tier: 'private' });
    expect(node(r, 'Db').placement).toEqual({ vpcId: 'Vpc', tier: 'isolated' });
    expect(node(r, 'Db').properties).toMatchObject({
      engine: 'postgres',
      engineVersion: '16.4',
      instanceClass: 'db.r6g.large',
      allocatedStorageGb: 100,
      multiAz: true,
    });
    expect(outcome(r, 'DbSubnets')).toEqual({ kind: 'part-of', nodeId: 'Db', role: 'subnetGroup' });
    expect(outcome(r, 'DbSg')).toEqual({ kind: 'part-of', nodeId: 'Db', role: 'securityGroup' });
  });

  it('draws security group rules between groups as traffic on their port', () => {
    expect(r.design.connections).toContainEqual(
      expect.objectContaining({ from: 'Fn', to: 'Db', kind: 'traffic', port: 5432 }),
    );
  });

  it('keeps what the catalog has no service for, verbatim, with its reason', () => {
    expect(outcome(r, 'Host')).toEqual({
      kind: 'kept',
      nodeId: 'Host',
      reason: expect.stringContaining('not a Session Manager bastion'),
    });
    expect(node(r, 'Host')).toMatchObject({
      type: 'other-resource',
      placement: null,
      logicalIds: { self: 'Host' },
      properties: {
        cloudFormationType: 'AWS::EC2::Instance',
        cloudFormationProperties: network.Resources.Host.Properties,
        dependsOn: ['Attach'],
      },
    });
    expect(outcome(r, 'Seed')).toMatchObject({
      kind: 'kept',
      reason: expect.stringContaining('custom resource'),
    });
  });

  it('says which parameters it could not resolve', () => {
    expect(r.report.problems.some((p) => p.message.includes('DbPassword'))).toBe(true);
  });

  it('re-exports the network under its own logical ids, so what kept resources refer to exists', () => {
    const template = parseTemplate(
      generateAll(r.design, { targets: ['cloudformation'] }).cloudformation!['template.yaml']!,
    ) as { Resources: Record<string, { Type: string; DependsOn?: string[] }> };
    const network = Object.entries(template.Resources).filter(([, res]) => res.Type.startsWith('AWS::EC2::'));
    const typeOf = (id: string) => template.Resources[id]?.Type;
    for (const [id, type] of Object.entries({
      Vpc: 'AWS::EC2::VPC',
      PubA: 'AWS::EC2::Subnet',
      AppB: 'AWS::EC2::Subnet',
      DbA: 'AWS::EC2::Subnet',
      Igw: 'AWS::EC2::InternetGateway',
      Attach: 'AWS::EC2::VPCGatewayAttachment',
      PubRt: 'AWS::EC2::RouteTable',
      AppRt: 'AWS::EC2::RouteTable',
      PubRoute: 'AWS::EC2::Route',
      AppRoute: 'AWS::EC2::Route',
      AppAssocB: 'AWS::EC2::SubnetRouteTableAssociation',
      Nat: 'AWS::EC2::NatGateway',
      NatIp: 'AWS::EC2::EIP',
    }))
      expect(typeOf(id), id).toBe(type);
    expect(network.length).toBeGreaterThan(13);
    // The kept instance's Ref PubA and DependsOn Attach name resources of the regenerated network.
    expect(template.Resources.Host?.DependsOn).toEqual(['Attach']);
    // And the subnet took the id of the source subnet in the same tier and AZ.
    const subnet = template.Resources.AppB as unknown as { Properties: { CidrBlock: string } };
    expect(subnet.Properties.CidrBlock).toBe('10.20.3.0/24');
  });

  it('validates (kept nodes aside)', () => expect(validates(r)).toBe(true));
});

describe('importCloudFormation: parameters, environments and layout', () => {
  const template = {
    Parameters: {
      Stage: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'dev' },
      QueueTimeout: { Type: 'Number', Default: 60 },
    },
    Mappings: { Sizes: { dev: { Memory: 256 }, prod: { Memory: 2048 } } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
    Metadata: { 'Archgen::Layout': { nodes: { Fn: { id: 'api-fn', x: 120, y: 40 } }, vpcs: {} } },
    Resources: {
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          MemorySize: { 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Memory'] },
          Timeout: { 'Fn::If': ['IsProd', 30, 10] },
        },
      },
      Q: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: { Ref: 'QueueTimeout' } } },
    },
    Outputs: { FnArn: { Value: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
  };

  it('turns a parameter that selects the environment into environments with overrides', () => {
    const r = run(template);
    expect(r.design.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
    expect(node(r, 'api-fn').properties).toMatchObject({ memorySize: 256, timeoutSeconds: 10 });
    expect(r.design.environments[1]!.overrides).toEqual({
      'api-fn': { memorySize: 2048, timeoutSeconds: 30 },
    });
    expect(node(r, 'Q').properties).toMatchObject({ visibilityTimeoutSeconds: 60 });
  });

  it('takes node ids and positions from Archgen::Layout metadata', () => {
    const n = node(run(template), 'api-fn');
    expect(n.position).toEqual({ x: 120, y: 40 });
    expect(n.logicalIds).toEqual({ self: 'Fn' });
  });

  it('uses given parameter values over defaults', () => {
    expect(node(run(template, { parameters: { QueueTimeout: '300' } }), 'Q').properties).toMatchObject({
      visibilityTimeoutSeconds: 300,
    });
  });

  it('reads per-environment values from parameters/<env>.json beside the template', () => {
    const plain = { ...template, Parameters: { ...template.Parameters, QueueTimeout: { Type: 'Number' } } };
    const r = importCloudFormation([
      { path: 'template.json', text: JSON.stringify(plain) },
      {
        path: 'parameters/dev.json',
        text: JSON.stringify([{ ParameterKey: 'QueueTimeout', ParameterValue: '45' }]),
      },
      {
        path: 'parameters/prod.json',
        text: JSON.stringify([{ ParameterKey: 'QueueTimeout', ParameterValue: '900' }]),
      },
    ]);
    expect(node(r, 'Q').properties).toMatchObject({ visibilityTimeoutSeconds: 45 });
    expect(r.design.environments[1]!.overrides.Q).toEqual({ visibilityTimeoutSeconds: 900 });
  });

  it('says what it did not keep: mappings, conditions, outputs', () => {
    const messages = run(template)
      .report.problems.map((p) => p.message)
      .join('\n');
    expect(messages).toMatch(/Mappings Sizes/);
    expect(messages).toMatch(/Conditions IsProd/);
    expect(messages).toMatch(/Outputs FnArn/);
  });

  it('refuses connections the catalog does not have, with an info problem', () => {
    const r = run({
      Resources: {
        A: { Type: 'AWS::SQS::Queue' },
        B: {
          Type: 'AWS::Lambda::Function',
          Properties: { Environment: { Variables: { USERS: { Ref: 'Pool' } } } },
        },
        Pool: { Type: 'AWS::Cognito::UserPool' },
      },
    });
    expect(r.design.connections).toEqual([]);
    expect(r.report.problems.some((p) => p.severity === 'info' && /B -> Pool/.test(p.message))).toBe(false);
    const r2 = run({
      Resources: {
        T: { Type: 'AWS::SNS::Topic' },
        Rule: {
          Type: 'AWS::Events::Rule',
          Properties: {
            ScheduleExpression: 'rate(1 hour)',
            Targets: [{ Id: 'x', Arn: { 'Fn::GetAtt': ['Db', 'Arn'] } }],
          },
        },
        Db: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [] } },
      },
    });
    expect(
      r2.report.problems.some((p) => p.severity === 'info' && p.message.startsWith('Rule -> Db (route')),
    ).toBe(true);
  });
});

describe('kept resources larger than a design holds', () => {
  it('are kept and named in an error problem', () => {
    const r = run({
      Resources: { Host: { Type: 'AWS::EC2::Instance', Properties: { UserData: 'x'.repeat(5000) } } },
    });
    expect(outcome(r, 'Host')).toMatchObject({ kind: 'kept' });
    expect(r.report.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        sourceId: 'Host',
        message: expect.stringContaining('Properties.UserData'),
      }),
    );
  });
});

describe('input errors', () => {
  it('is an ImportInputError naming the line for malformed YAML', () => {
    expect(() => importCloudFormation([{ path: 'x.yaml', text: 'Resources:\n  A: [\n' }])).toThrow(
      ImportInputError,
    );
  });
  it('is an ImportInputError when no template is given', () => {
    expect(() => importCloudFormation([{ path: 'notes.txt', text: 'hi' }])).toThrow(/no template/);
  });
});

describe('importCdkOut', () => {
  const stack = {
    Resources: {
      OrdersQueue1A2B3C4D: {
        Type: 'AWS::SQS::Queue',
        Metadata: { 'aws:cdk:path': 'Shop/Orders/Queue/Resource' },
      },
      HandlerServiceRoleFCDC14AE: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: {} },
        Metadata: { 'aws:cdk:path': 'Shop/Handler/ServiceRole/Resource' },
      },
      Handler886CB40B: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Role: { 'Fn::GetAtt': ['HandlerServiceRoleFCDC14AE', 'Arn'] },
          Environment: { Variables: { QUEUE_URL: { Ref: 'OrdersQueue1A2B3C4D' } } },
        },
        Metadata: { 'aws:cdk:path': 'Shop/Handler/Resource' },
      },
      CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:xyz' } },
    },
  };
  const files = [
    { path: 'cdk.out/Shop.template.json', text: JSON.stringify(stack) },
    {
      path: 'cdk.out/manifest.json',
      text: JSON.stringify({
        artifacts: {
          Shop: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Shop.template.json' } },
        },
      }),
    },
    {
      path: 'cdk.out/tree.json',
      text: JSON.stringify({
        tree: {
          id: 'App',
          path: '',
          children: {
            Shop: {
              path: 'Shop',
              children: {
                Orders: {
                  path: 'Shop/Orders',
                  children: {
                    Queue: {
                      path: 'Shop/Orders/Queue',
                      children: { Resource: { path: 'Shop/Orders/Queue/Resource' } },
                    },
                  },
                },
                Handler: {
                  path: 'Shop/Handler',
                  children: {
                    Resource: { path: 'Shop/Handler/Resource' },
                    ServiceRole: {
                      path: 'Shop/Handler/ServiceRole',
                      children: { Resource: { path: 'Shop/Handler/ServiceRole/Resource' } },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    },
  ];

  it('reads the stacks the manifest names, named by construct path', () => {
    const r = importCdkOut(files);
    expect(r.report.format).toBe('cdk');
    expect(r.design.nodes.map((n) => [n.name, n.type])).toEqual([
      ['Orders/Queue', 'sqs'],
      ['Handler', 'lambda'],
    ]);
    expect(outcome(r, 'HandlerServiceRoleFCDC14AE')).toEqual({
      kind: 'part-of',
      nodeId: 'Handler886CB40B',
      role: 'role',
    });
    expect(outcome(r, 'CDKMetadata')).toMatchObject({ kind: 'skipped' });
    expect(edges(r)).toEqual(['Handler886CB40B publish OrdersQueue1A2B3C4D']);
    expect(r.report.resources.every((e) => e.file === 'cdk.out/Shop.template.json')).toBe(true);
    expect(validates(r)).toBe(true);
  });

  it('makes a group of a construct under the stack that holds several nodes, not of one with a single node', () => {
    const grouped = structuredClone(stack) as { Resources: Record<string, unknown> };
    grouped.Resources.OrdersTableB1C2D3E4 = {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      },
      Metadata: { 'aws:cdk:path': 'Shop/Orders/Table/Resource' },
    };
    const r = importCdkOut([
      { path: 'cdk.out/Shop.template.json', text: JSON.stringify(grouped) },
      ...files.slice(1),
    ]);
    expect(r.design.groups).toEqual([
      { id: 'construct-Orders', name: 'Orders', kind: 'cdk-construct', source: 'Shop/Orders' },
    ]);
    expect(r.design.nodes.map((n) => `${n.name} ${n.group ?? '-'}`)).toEqual([
      'Orders/Queue construct-Orders',
      'Handler -',
      'Orders/Table construct-Orders',
    ]);
    expect(validates(r)).toBe(true);
    // The stack without the table: its Orders construct holds one node, so no group.
    expect(importCdkOut(files).design.groups).toBeUndefined();
  });

  it('is detected as a cloud assembly', () => {
    expect(detectFormat(files)).toBe('cdk');
    expect(detectFormat([{ path: 'main.tf', text: '' }])).toBe('terraform');
    expect(
      detectFormat([{ path: 't.yaml', text: 'Transform: AWS::Serverless-2016-10-31\nResources: {}\n' }]),
    ).toBe('sam');
    expect(detectFormat([{ path: 't.yaml', text: 'Resources: {}\n' }])).toBe('cloudformation');
    expect(detectFormat([{ path: 'README.md', text: '# hi' }])).toBeUndefined();
  });
});

describe('importCloudFormation: what a re-export would not make again is kept', () => {
  const fn = (extra: Record<string, unknown> = {}) => ({
    Type: 'AWS::Lambda::Function',
    Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Code: { ZipFile: 'x' }, ...extra },
  });
  const r = run({
    Resources: {
      // An S3 proxy: the API's only method integrates with S3, no function.
      Proxy: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'proxy' } },
      ProxyGet: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: 'Proxy' },
          ResourceId: { 'Fn::GetAtt': ['Proxy', 'RootResourceId'] },
          HttpMethod: 'GET',
          AuthorizationType: 'NONE',
          Integration: { Type: 'AWS', Uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:s3:path//' } },
        },
      },
      // An API that invokes a function stays a node.
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'api' } },
      ApiPost: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
          HttpMethod: 'POST',
          AuthorizationType: 'NONE',
          Integration: {
            Type: 'AWS_PROXY',
            IntegrationHttpMethod: 'POST',
            Uri: {
              'Fn::Sub':
                'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
            },
          },
        },
      },
      Fn: fn(),
      // Any API Gateway may invoke it: no source, no connection to draw.
      AnyApi: {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: { Ref: 'Fn' },
          Principal: 'apigateway.amazonaws.com',
        },
      },
      FromApi: {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: { Ref: 'Fn' },
          Principal: 'apigateway.amazonaws.com',
          SourceArn: { 'Fn::Sub': 'arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*' },
        },
      },
    },
  });

  it('keeps a REST API that invokes no function, with its methods', () => {
    expect(outcome(r, 'Proxy')).toMatchObject({
      kind: 'kept',
      reason: expect.stringContaining('invokes no function'),
    });
    expect(outcome(r, 'ProxyGet')).toMatchObject({ kind: 'kept' });
    expect(node(r, 'Api')).toMatchObject({ type: 'api-gateway' });
  });

  it('keeps a role that a kept resource uses, though its policy names a node', () => {
    const ws = run({
      Resources: {
        Sessions: {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            BillingMode: 'PAY_PER_REQUEST',
          },
        },
        Socket: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'ws', ProtocolType: 'WEBSOCKET' } },
        Connect: {
          Type: 'AWS::ApiGatewayV2::Integration',
          Properties: {
            ApiId: { Ref: 'Socket' },
            IntegrationType: 'AWS',
            CredentialsArn: { 'Fn::GetAtt': ['SessionsRole', 'Arn'] },
          },
        },
        SessionsRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Service: 'apigateway.amazonaws.com' },
                  Action: 'sts:AssumeRole',
                },
              ],
            },
            Policies: [
              {
                PolicyName: 'sessions',
                PolicyDocument: {
                  Statement: [
                    {
                      Effect: 'Allow',
                      Action: 'dynamodb:PutItem',
                      Resource: { 'Fn::GetAtt': ['Sessions', 'Arn'] },
                    },
                  ],
                },
              },
            ],
          },
        },
      },
    });
    // The table's node would not make the API's role again: it stays with the kept API.
    expect(outcome(ws, 'Connect')).toMatchObject({ kind: 'kept' });
    expect(outcome(ws, 'SessionsRole')).toMatchObject({ kind: 'kept' });
    expect(node(ws, 'Sessions')?.logicalIds).toEqual({ self: 'Sessions' });
  });

  it('keeps a permission that names no source, and folds one that does', () => {
    expect(outcome(r, 'AnyApi')).toMatchObject({ kind: 'kept' });
    expect(outcome(r, 'FromApi')).toMatchObject({ kind: 'part-of', nodeId: 'Fn', role: 'permission:0' });
  });

  it("reads a bus's archive retention, and keeps an archive kept forever (no retention to draw)", () => {
    const buses = run({
      Resources: {
        Orders: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } },
        OrdersArchive: {
          Type: 'AWS::Events::Archive',
          Properties: { SourceArn: { 'Fn::GetAtt': ['Orders', 'Arn'] }, RetentionDays: 30 },
        },
        Audit: { Type: 'AWS::Events::EventBus', Properties: { Name: 'audit' } },
        AuditArchive: {
          Type: 'AWS::Events::Archive',
          Properties: { SourceArn: { 'Fn::GetAtt': ['Audit', 'Arn'] } },
        },
      },
    });
    expect(node(buses, 'Orders').properties.archiveDays).toBe(30);
    expect(outcome(buses, 'OrdersArchive')).toMatchObject({
      kind: 'part-of',
      nodeId: 'Orders',
      role: 'archive',
    });
    expect(node(buses, 'Audit').properties.archiveDays).toBe(0);
    expect(outcome(buses, 'AuditArchive')).toMatchObject({ kind: 'kept' });
  });

  it("folds an ALB's invoke permission (it names no source) into the function the ALB forwards to", () => {
    const alb = run({
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: 'x' } },
        },
        FromAlb: {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            Action: 'lambda:InvokeFunction',
            FunctionName: { 'Fn::GetAtt': ['Fn', 'Arn'] },
            Principal: 'elasticloadbalancing.amazonaws.com',
          },
        },
        Lb: {
          Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
          Properties: { Subnets: ['subnet-1', 'subnet-2'] },
        },
        FnTargets: {
          Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
          DependsOn: ['FromAlb'],
          Properties: { TargetType: 'lambda', Targets: [{ Id: { 'Fn::GetAtt': ['Fn', 'Arn'] } }] },
        },
        Listener: {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: {
            LoadBalancerArn: { Ref: 'Lb' },
            Port: 80,
            Protocol: 'HTTP',
            DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'FnTargets' } }],
          },
        },
      },
    });
    expect(outcome(alb, 'FromAlb')).toMatchObject({ kind: 'part-of', nodeId: 'Fn', role: 'permission:0' });
  });
});

describe('API Gateway settings read from the API’s parts', () => {
  const INTEGRATION = {
    Type: 'AWS_PROXY',
    IntegrationHttpMethod: 'POST',
    Uri: {
      'Fn::Sub':
        'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
    },
  };
  const api = (stage: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    Parameters: { EnvironmentName: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'dev' } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'prod'] } },
    Resources: {
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: {} },
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Code: { ZipFile: 'x' } },
      },
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'orders' } },
      Method: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: 'Api' },
          HttpMethod: 'ANY',
          ResourceId: 'r',
          Integration: INTEGRATION,
          AuthorizationType: 'AWS_IAM',
        },
      },
      Deployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'Api' } } },
      Stage: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: { RestApiId: { Ref: 'Api' }, DeploymentId: { Ref: 'Deployment' }, ...stage },
      },
      ...extra,
    },
  });

  it('reads access logs per environment, tracing, throttling and IAM authorization', () => {
    const r = run(
      api({
        TracingEnabled: true,
        AccessLogSetting: {
          'Fn::If': [
            'IsProd',
            { DestinationArn: { 'Fn::GetAtt': ['Logs', 'Arn'] }, Format: '$context.requestId' },
            { Ref: 'AWS::NoValue' },
          ],
        },
        MethodSettings: [
          { ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 50, ThrottlingBurstLimit: 20 },
        ],
      }),
    );
    const n = node(r, 'Api');
    expect(n.properties).toMatchObject({
      apiType: 'rest',
      authorizer: 'iam',
      tracing: true,
      accessLogs: false,
      requestValidation: false,
      throttleRateLimit: 50,
      throttleBurstLimit: 20,
    });
    expect(r.design.environments.find((e) => e.name === 'prod')?.overrides.Api).toEqual({ accessLogs: true });
  });

  it('reads a Cognito authorizer and a request validator on every method', () => {
    const r = run(
      api(
        {},
        {
          Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
          Authorizer: {
            Type: 'AWS::ApiGateway::Authorizer',
            Properties: {
              RestApiId: { Ref: 'Api' },
              Type: 'COGNITO_USER_POOLS',
              ProviderARNs: [{ 'Fn::GetAtt': ['Pool', 'Arn'] }],
            },
          },
          Validator: {
            Type: 'AWS::ApiGateway::RequestValidator',
            Properties: { RestApiId: { Ref: 'Api' }, ValidateRequestBody: true },
          },
          Method: {
            Type: 'AWS::ApiGateway::Method',
            Properties: {
              RestApiId: { Ref: 'Api' },
              HttpMethod: 'ANY',
              ResourceId: 'r',
              Integration: INTEGRATION,
              AuthorizationType: 'COGNITO_USER_POOLS',
              AuthorizerId: { Ref: 'Authorizer' },
              RequestValidatorId: { Ref: 'Validator' },
            },
          },
        },
      ),
    );
    expect(node(r, 'Api').properties).toMatchObject({
      authorizer: 'cognito',
      requestValidation: true,
      accessLogs: false,
    });
    expect(edges(r)).toContain('Api read Pool');
  });
});

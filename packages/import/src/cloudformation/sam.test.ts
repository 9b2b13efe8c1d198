import { describe, expect, it } from 'vitest';
import { parseDesign } from '@archgen/model';
import { importCloudFormation } from '../index.ts';

const template = `
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: Orders service
Globals:
  Function:
    Runtime: python3.12
    Timeout: 15
    Tracing: Active
    Environment:
      Variables:
        LOG_LEVEL: info
Resources:
  Orders:
    Type: AWS::SQS::Queue
  Events:
    Type: AWS::SNS::Topic
  Uploads:
    Type: AWS::S3::Bucket
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey: { Name: orderId, Type: String }
  Stream:
    Type: AWS::Kinesis::Stream
    Properties: { ShardCount: 2 }
  Bus:
    Type: AWS::Events::EventBus
    Properties: { Name: orders }
  HttpApi:
    Type: AWS::Serverless::HttpApi
  Deps:
    Type: AWS::Serverless::LayerVersion
    Properties: { ContentUri: deps/ }
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      MemorySize: 256
      Layers: [!Ref Deps]
      Environment:
        Variables:
          TABLE: !Ref Table
      Policies:
        - DynamoDBCrudPolicy: { TableName: !Ref Table }
        - SQSSendMessagePolicy: { QueueName: !GetAtt Orders.QueueName }
        - Statement:
            - Effect: Allow
              Action: events:PutEvents
              Resource: !GetAtt Bus.Arn
      Events:
        Get:
          Type: HttpApi
          Properties: { ApiId: !Ref HttpApi, Path: /orders, Method: get }
        Legacy:
          Type: Api
          Properties: { Path: /legacy, Method: get }
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: worker.handler
      Timeout: 60
      Events:
        Queue:
          Type: SQS
          Properties: { Queue: !GetAtt Orders.Arn, BatchSize: 10 }
        Topic:
          Type: SNS
          Properties: { Topic: !Ref Events }
        Upload:
          Type: S3
          Properties: { Bucket: !Ref Uploads, Events: s3:ObjectCreated:* }
        Nightly:
          Type: Schedule
          Properties: { Schedule: rate(1 day) }
        Placed:
          Type: EventBridgeRule
          Properties:
            EventBusName: !Ref Bus
            Pattern: { source: [shop.orders] }
        Records:
          Type: Kinesis
          Properties: { Stream: !GetAtt Stream.Arn, StartingPosition: LATEST }
        Logs:
          Type: CloudWatchLogs
          Properties: { LogGroupName: x, FilterPattern: '' }
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      DefinitionUri: flow.asl.json
      DefinitionSubstitutions:
        WorkerArn: !GetAtt Worker.Arn
  HandlerToFlow:
    Type: AWS::Serverless::Connector
    Properties:
      Source: { Id: Handler }
      Destination: { Id: Flow }
      Permissions: [Write]
`;

describe('importCloudFormation on SAM', () => {
  const r = importCloudFormation([{ path: 'template.yaml', text: template }]);
  const node = (id: string) => r.design.nodes.find((n) => n.id === id)!;
  const edges = r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`).sort();

  it('reports the format as sam and every resource once', () => {
    expect(r.report.format).toBe('sam');
    expect(r.report.resources.map((e) => e.sourceId)).toEqual([
      'Orders',
      'Events',
      'Uploads',
      'Table',
      'Stream',
      'Bus',
      'HttpApi',
      'Deps',
      'Handler',
      'Worker',
      'Flow',
      'HandlerToFlow',
    ]);
  });

  it('merges Globals under each function, the function winning', () => {
    expect(node('Handler').properties).toMatchObject({
      runtime: 'python3.12',
      timeoutSeconds: 15,
      memorySize: 256,
      tracing: true,
    });
    expect(node('Worker').properties).toMatchObject({
      runtime: 'python3.12',
      timeoutSeconds: 60,
      memorySize: 128,
    });
  });

  it('reads SAM resource types as catalog services', () => {
    expect(node('Table')).toMatchObject({
      type: 'dynamodb',
      properties: { partitionKey: 'orderId', partitionKeyType: 'S', billingMode: 'on-demand', sortKey: '' },
    });
    expect(node('HttpApi')).toMatchObject({ type: 'api-gateway', properties: { apiType: 'http' } });
    expect(node('Flow')).toMatchObject({ type: 'step-functions', properties: { workflowType: 'EXPRESS' } });
    // The design's functions carry no layers: the layer is kept as written, not claimed as a part.
    expect(r.report.resources.find((e) => e.sourceId === 'Deps')!.outcome).toMatchObject({
      kind: 'kept',
      nodeId: 'Deps',
    });
  });

  it('turns events into connections and the implicit API and rules SAM would make', () => {
    expect(node('ServerlessRestApi')).toMatchObject({
      type: 'api-gateway',
      properties: { apiType: 'rest' },
      logicalIds: { self: 'ServerlessRestApi' },
    });
    expect(node('WorkerNightly')).toMatchObject({
      type: 'eventbridge-rule',
      properties: { schedule: 'rate(1 day)' },
    });
    expect(node('WorkerPlaced').properties).toMatchObject({ eventPattern: '{"source":["shop.orders"]}' });
    expect(edges).toEqual([
      'Bus route WorkerPlaced',
      'Events subscribe Worker',
      'Flow invoke Worker',
      'Handler invoke Flow',
      'Handler publish Bus',
      'Handler publish Orders',
      'Handler read-write Table',
      'HttpApi invoke Handler',
      'Orders event-source Worker',
      'ServerlessRestApi invoke Handler',
      'Stream event-source Worker',
      'Uploads event-source Worker',
      'WorkerNightly route Worker',
      'WorkerPlaced route Worker',
      // The APIs face the internet: users in front of them.
      'users traffic HttpApi',
      'users traffic ServerlessRestApi',
    ]);
    expect(r.design.connections.find((c) => c.from === 'Orders')!.properties).toEqual({ batchSize: 10 });
  });

  it("records SAM's generated logical IDs on the function", () => {
    expect(node('Worker').logicalIds).toMatchObject({
      self: 'Worker',
      role: 'WorkerRole',
      'eventSourceMapping:0': 'WorkerQueue',
      'subscription:0': 'WorkerTopic',
      'eventSourceMapping:1': 'WorkerRecords',
    });
  });

  it('says which events it could not draw', () => {
    expect(r.report.problems.some((p) => /event Logs of type CloudWatchLogs/.test(p.message))).toBe(true);
  });

  it('validates', () => {
    const parsed = parseDesign(r.design);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });
});

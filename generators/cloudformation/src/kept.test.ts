/**
 * Imported designs going back out: kept resources printed verbatim, logical ids kept from the
 * imported stack, and the layout in the template's metadata.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCloudFormation } from './generate.ts';
import { parseTemplate } from './template/yaml.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function imported() {
  return design('Imported')
    .vpc()
    .node('sqs', {
      id: 'orders',
      name: 'Orders',
      logicalIds: { self: 'OrdersQueue' },
      position: { x: 10.123, y: -0.001 },
    })
    .node('lambda', {
      id: 'worker',
      name: 'Worker',
      tier: 'private',
      logicalIds: { self: 'WorkerFn', role: 'WorkerRole', logGroup: 'WorkerLogs', securityGroup: 'WorkerSg' },
      position: { x: 200, y: 40 },
    })
    .node('other-resource', {
      id: 'param',
      name: 'Param',
      logicalIds: { self: 'QueueArnParam' },
      position: { x: 400, y: 40 },
      properties: {
        cloudFormationType: 'AWS::SSM::Parameter',
        cloudFormationProperties: {
          Type: 'String',
          Value: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] },
          Name: { 'Fn::Sub': '/${AWS::StackName}/arn' },
          AllowedPattern: { 'Fn::ImportValue': 'shared-pattern' },
          Tier: null,
        },
        dependsOn: ['WorkerFn'],
      },
    })
    .node('other-resource', {
      id: 'tfonly',
      name: 'Terraform only',
      position: { x: 1, y: 1 },
      properties: { terraformType: 'aws_ssm_parameter', terraformArguments: { name: 'x' } },
    })
    .connect('orders', 'worker', 'event-source', { id: 'c1' })
    .build();
}

function template(): Json {
  return parseTemplate(generateCloudFormation(lowerDesign(imported()))['template.yaml']!);
}

describe('CloudFormation for imported designs', () => {
  it('prints a kept resource as written: Type, Properties (intrinsics as functions) and DependsOn', () => {
    const t = template();
    expect(t.Resources.QueueArnParam).toEqual({
      Type: 'AWS::SSM::Parameter',
      DependsOn: ['WorkerFn'],
      Properties: {
        Type: 'String',
        Value: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] },
        Name: { 'Fn::Sub': '/${AWS::StackName}/arn' },
        // A function the printer has no tag for stays its long form; null has no template form.
        AllowedPattern: { 'Fn::ImportValue': 'shared-pattern' },
      },
    });
    const text = generateCloudFormation(lowerDesign(imported()))['template.yaml']!;
    expect(text).toContain('Value: !GetAtt [OrdersQueue, Arn]');
  });

  it('prints nothing for a resource kept only in Terraform form', () => {
    const types = Object.values(template().Resources as Record<string, Json>).map((r) => r.Type);
    expect(types.filter((t) => t === 'AWS::SSM::Parameter')).toHaveLength(1);
  });

  it('gives the primary resources and their parts the logical ids kept from the imported stack', () => {
    const r = template().Resources;
    expect(r.OrdersQueue.Type).toBe('AWS::SQS::Queue');
    expect(r.WorkerFn.Type).toBe('AWS::Lambda::Function');
    expect(r.WorkerRole.Type).toBe('AWS::IAM::Role');
    expect(r.WorkerLogs.Type).toBe('AWS::Logs::LogGroup');
    expect(r.WorkerSg.Type).toBe('AWS::EC2::SecurityGroup');
    // References follow: the function runs as the kept role and logs to the kept group.
    expect(r.WorkerFn.Properties.Role).toEqual({ 'Fn::GetAtt': 'WorkerRole.Arn' });
    expect(r.WorkerFn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: 'WorkerLogs' });
  });

  it('writes where each node and VPC was drawn, keyed by logical id, sorted and rounded', () => {
    const layout = template().Metadata['Archgen::Layout'];
    expect(layout).toEqual({
      nodes: {
        OrdersQueue: { id: 'orders', x: 10.12, y: 0 },
        QueueArnParam: { id: 'param', x: 400, y: 40 },
        WorkerFn: { id: 'worker', x: 200, y: 40 },
      },
      vpcs: {},
      // The queue's dead-letter alarm notifies the design's alarm topic, derived for the design.
      derived: { AlarmTopic: 'graph.alarm-topic' },
    });
    expect(Object.keys(layout.nodes)).toEqual([...Object.keys(layout.nodes)].sort());
  });
});

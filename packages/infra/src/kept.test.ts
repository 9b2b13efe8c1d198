import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';

/** A queue, a function consuming it, and an SSM parameter (kept) holding the queue's ARN. */
function importedDesign() {
  return design('Imported')
    .environments('dev', 'prod')
    .vpc()
    .node('sqs', { id: 'orders', name: 'Orders', logicalIds: { self: 'OrdersQueue' } })
    .node('lambda', {
      id: 'worker',
      name: 'Worker',
      tier: 'private',
      logicalIds: {
        self: 'WorkerFn',
        role: 'WorkerFnRole',
        logGroup: 'WorkerLogs',
        securityGroup: 'WorkerSG',
      },
    })
    .node('other-resource', {
      id: 'param',
      name: 'Queue ARN parameter',
      logicalIds: { self: 'QueueArnParam' },
      properties: {
        cloudFormationType: 'AWS::SSM::Parameter',
        cloudFormationProperties: {
          Type: 'String',
          Value: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] },
          Description: '{{resolve:ssm:/kept/as/written}}',
        },
        dependsOn: ['OrdersQueue', 'OrdersQueue'],
        terraformType: 'aws_ssm_parameter',
        terraformArguments: { type: 'String', value: '${aws_sqs_queue.orders.arn}' },
      },
    })
    .connect('orders', 'worker', 'event-source', { id: 'c1' });
}

describe('kept resources and kept logical ids', () => {
  it('carries an other-resource node through as a component with its forms, verbatim', () => {
    const graph = lowerDesign(importedDesign().build());
    const kept = graph.components.find((c) => c.id === 'param')!;
    expect(kept.type).toBe('other-resource');
    expect(kept.names.logicalId).toBe('QueueArnParam');
    expect(kept.kept?.cloudFormation).toEqual({
      type: 'AWS::SSM::Parameter',
      attributes: {},
      properties: {
        Type: 'String',
        Value: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] },
        // Written by the source's authors: not neutralized like user text.
        Description: '{{resolve:ssm:/kept/as/written}}',
      },
      dependsOn: ['OrdersQueue'],
    });
    expect(kept.kept?.terraform).toEqual({
      type: 'aws_ssm_parameter',
      arguments: { type: 'String', value: '${aws_sqs_queue.orders.arn}' },
    });
    // Nothing is derived for it.
    expect(kept.roleIds).toEqual([]);
    expect(kept.securityGroupId).toBeUndefined();
    expect(graph.components.filter((c) => c.derived?.from === 'param')).toEqual([]);
  });

  it('has only the forms it was given', () => {
    const graph = lowerDesign(
      design('Terraform only')
        .node('other-resource', {
          id: 'p',
          name: 'P',
          properties: { terraformType: 'aws_ssm_parameter', terraformArguments: { name: 'x' } },
        })
        .build(),
    );
    const kept = graph.components.find((c) => c.id === 'p')!.kept!;
    expect(kept.cloudFormation).toBeUndefined();
    expect(kept.terraform?.type).toBe('aws_ssm_parameter');
  });

  it('names the primary resource and the parts it can match with the kept logical ids', () => {
    const graph = lowerDesign(importedDesign().build());
    const worker = graph.components.find((c) => c.id === 'worker')!;
    expect(worker.names.logicalId).toBe('WorkerFn');
    expect(worker.names.kept).toBe(true);
    expect(graph.roles.find((r) => r.id === worker.roleIds[0])?.names).toMatchObject({
      logicalId: 'WorkerFnRole',
      kept: true,
    });
    expect(graph.components.find((c) => c.id === worker.logGroupId)?.names.logicalId).toBe('WorkerLogs');
    expect(graph.securityGroups.find((g) => g.componentId === 'worker')?.names.logicalId).toBe('WorkerSG');
    expect(graph.components.find((c) => c.id === 'orders')?.names).toMatchObject({
      logicalId: 'OrdersQueue',
      // The Terraform name follows the kept id, so each target names it alike.
      tfName: 'orders_queue',
      slug: 'orders',
    });
    expect(graph.components.find((c) => c.id === worker.logGroupId)?.names.tfName).toBe('worker_logs');
    // Derived names are unchanged and never take a kept id.
    const dlq = graph.components.find((c) => c.id === 'orders.dlq');
    expect(dlq?.names.logicalId).toBe('OrdersQueueDlq');
    expect(dlq?.names.kept).toBeUndefined();
  });

  it('claims kept ids before any other name, and keeps the first of two equal ids', () => {
    const graph = lowerDesign(
      design('Clash')
        // "Orders" would be this queue's name; another node keeps that id.
        .node('sqs', { id: 'a', name: 'Orders' })
        .node('sns', { id: 'b', name: 'Topic', logicalIds: { self: 'Orders' } })
        .node('sns', {
          id: 'c',
          name: 'Other topic',
          logicalIds: { self: 'orders', somePart: 'Reserved1' },
        })
        // Every key reserves its id (a part's resource takes it after emission, kept-parts.ts):
        // this node may not be named "Reserved1".
        .node('sqs', { id: 'd', name: 'Reserved1' })
        .build(),
    );
    const id = (nodeId: string) => graph.components.find((c) => c.id === nodeId)!.names.logicalId;
    expect(id('b')).toBe('Orders');
    expect(id('a')).toBe('Orders2');
    // Same id in another case: a clash, so a derived name (IMP-04 reports it).
    expect(id('c')).toBe('OtherTopic');
    expect(id('d')).toBe('Reserved12');
    expect(graph.keptParts).toEqual([{ ownerId: 'c', key: 'somePart', logicalId: 'Reserved1' }]);
    const ids = graph.components.map((c) => c.names.logicalId.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
  });
});

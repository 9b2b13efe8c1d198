import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { keptPartRenames, networkOwner, type EmittedResource } from './kept-parts.ts';

describe('keptPartRenames', () => {
  const graph = lowerDesign(
    design('Kept parts')
      .vpc({
        id: 'net',
        name: 'Net',
        tiers: ['public', 'private'],
        logicalIds: { vpc: 'Vpc', 'subnet:1': 'PubB', 'subnet:3': 'AppB' },
      })
      .node('lambda', {
        id: 'fn',
        name: 'Worker',
        logicalIds: {
          self: 'Fn',
          role: 'FnRole',
          'permission:0': 'FnInvoke',
          policy: 'FnPolicy',
          'policy:1': 'FnPolicy2',
        },
      })
      .node('sqs', { id: 'q', name: 'Jobs', logicalIds: { self: 'Jobs' } })
      .build(),
  );
  const res = (logicalId: string, type: string, owner: string, refs: string[] = []): EmittedResource => ({
    logicalId,
    type,
    owner,
    refs,
  });

  it('reserves every key but those named in the graph, and names the VPC itself', () => {
    expect(graph.vpcs[0]!.names).toMatchObject({ logicalId: 'Vpc', kept: true });
    expect(graph.keptParts).toEqual([
      { ownerId: networkOwner('net'), key: 'subnet:1', logicalId: 'PubB' },
      { ownerId: networkOwner('net'), key: 'subnet:3', logicalId: 'AppB' },
      { ownerId: 'fn', key: 'permission:0', logicalId: 'FnInvoke' },
      { ownerId: 'fn', key: 'policy', logicalId: 'FnPolicy' },
      { ownerId: 'fn', key: 'policy:1', logicalId: 'FnPolicy2' },
    ]);
  });

  it('gives a node part its id in order, through the node the resource names, never twice', () => {
    const renames = keptPartRenames(graph, [
      res('Fn', 'AWS::Lambda::Function', 'fn'),
      res('FnRole', 'AWS::IAM::Role', 'fn.role'),
      res('WorkerPolicyA', 'AWS::IAM::Policy', 'fn.role'),
      res('WorkerPolicyB', 'AWS::IAM::Policy', 'fn.role'),
      res('WorkerPolicyC', 'AWS::IAM::Policy', 'fn.role'),
      // Emitted with the queue, naming the function: the function's permission.
      res('JobsInvokeWorker', 'AWS::Lambda::Permission', 'q', ['Fn']),
      res('JobsInvokeWorker2', 'AWS::Lambda::Permission', 'q', ['Fn']),
    ]);
    expect([...renames]).toEqual([
      ['WorkerPolicyA', 'FnPolicy'],
      ['WorkerPolicyB', 'FnPolicy2'],
      ['JobsInvokeWorker', 'FnInvoke'],
    ]);
  });

  it('gives network ids by position in the network as built, and takes no id the template has', () => {
    const subnets = graph.vpcs[0]!.subnets.map((s) => res(s.names.logicalId, 'AWS::EC2::Subnet', 'net'));
    expect(subnets).toHaveLength(4);
    const renames = keptPartRenames(graph, [res('Vpc', 'AWS::EC2::VPC', 'net'), ...subnets]);
    expect([...renames]).toEqual([
      [subnets[1]!.logicalId, 'PubB'],
      [subnets[3]!.logicalId, 'AppB'],
    ]);
    // A resource already called "AppB" keeps that id to itself.
    const clash = keptPartRenames(graph, [...subnets, res('AppB', 'AWS::SQS::Queue', 'q')]);
    expect([...clash]).toEqual([[subnets[1]!.logicalId, 'PubB']]);
  });

  it('gives a typed part only to a resource of its type, and parts of one role by what they name', () => {
    const typed = lowerDesign(
      design('Typed parts')
        .node('sns', { id: 'topic', name: 'Orders', logicalIds: { self: 'Orders' } })
        .node('sqs', { id: 'audit', name: 'Audit', logicalIds: { self: 'Audit' } })
        .node('lambda', {
          id: 'fn',
          name: 'Worker',
          logicalIds: {
            self: 'Fn',
            policy: 'FnManaged',
            'permission:0': 'FromTopic',
            'permission:1': 'FromAudit',
          },
          logicalIdSources: {
            policy: { type: 'AWS::IAM::ManagedPolicy' },
            'permission:0': { type: 'AWS::Lambda::Permission', refs: ['Fn', 'Orders'] },
            'permission:1': { type: 'AWS::Lambda::Permission', refs: ['Fn', 'Audit'] },
          },
        })
        .build(),
    );
    expect(typed.keptParts).toContainEqual({
      ownerId: 'fn',
      key: 'policy',
      logicalId: 'FnManaged',
      type: 'AWS::IAM::ManagedPolicy',
    });
    const renames = keptPartRenames(typed, [
      res('WorkerPolicy', 'AWS::IAM::Policy', 'fn.role'),
      // Emitted in the other order than the source numbered them.
      res('AuditInvokeWorker', 'AWS::Lambda::Permission', 'fn', ['Fn', 'Audit']),
      res('OrdersInvokeWorker', 'AWS::Lambda::Permission', 'fn', ['Fn', 'Orders']),
    ]);
    expect([...renames]).toEqual([
      ['AuditInvokeWorker', 'FromAudit'],
      ['OrdersInvokeWorker', 'FromTopic'],
    ]);
  });

  it('renames nothing for a drawn design', () => {
    const drawn = lowerDesign(design('Drawn').node('lambda', { id: 'fn', name: 'Worker' }).build());
    expect(drawn.keptParts).toEqual([]);
    expect(keptPartRenames(drawn, [res('WorkerPolicy', 'AWS::IAM::Policy', 'fn.role')]).size).toBe(0);
  });
});

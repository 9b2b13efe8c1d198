import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import type { Design } from '@archgen/model';
import { applyFix } from './fixes.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function base(): Design {
  return deepFreeze(
    design('Fixes')
      .vpc()
      .node('lambda', { id: 'fn' })
      .node('sqs', { id: 'q' })
      .connect('fn', 'q', 'publish')
      .build(),
  );
}

describe('applyFix', () => {
  it('sets a property on a copy and leaves the input untouched', () => {
    const input = base();
    const before = JSON.stringify(input);
    const out = applyFix(input, {
      title: 't',
      actions: [{ kind: 'set-property', nodeId: 'fn', key: 'memorySize', value: 1024 }],
    });
    expect(out.nodes.find((n) => n.id === 'fn')!.properties.memorySize).toBe(1024);
    expect(JSON.stringify(input)).toBe(before);
    expect(out.nodes.find((n) => n.id === 'q')).toBe(input.nodes.find((n) => n.id === 'q'));
  });

  it('moves a node into a tier and out of any VPC', () => {
    const moved = applyFix(base(), [{ kind: 'move-node', nodeId: 'fn', vpcId: 'main', tier: 'private' }]);
    expect(moved.nodes[0]!.placement).toEqual({ vpcId: 'main', tier: 'private' });
    const cleared = applyFix(moved, [{ kind: 'clear-placement', nodeId: 'fn' }]);
    expect(cleared.nodes[0]!.placement).toBeNull();
  });

  it('changes VPC settings', () => {
    const out = applyFix(base(), [
      { kind: 'set-vpc', vpcId: 'main', key: 'flowLogs', value: false },
      { kind: 'set-vpc', vpcId: 'main', key: 'azCount', value: 3 },
    ]);
    expect(out.vpcs[0]).toMatchObject({ flowLogs: false, azCount: 3 });
    const explicit = applyFix(base(), [
      { kind: 'set-subnet-cidrs', vpcId: 'main', tier: 'public', cidrs: ['10.0.1.0/24', '10.0.2.0/24'] },
      { kind: 'set-vpc', vpcId: 'main', key: 'azCount', value: 3 },
    ]);
    expect(explicit.vpcs[0]!.subnetCidrs).toEqual({ public: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'] });
  });

  it('gives a tier explicit subnet CIDRs and makes it automatic again', () => {
    const cidrs = ['10.0.10.0/24', '10.0.20.0/24'];
    const explicit = applyFix(base(), [{ kind: 'set-subnet-cidrs', vpcId: 'main', tier: 'private', cidrs }]);
    expect(explicit.vpcs[0]!.subnetCidrs).toEqual({ private: cidrs });
    const automatic = applyFix(explicit, [
      { kind: 'set-subnet-cidrs', vpcId: 'main', tier: 'private', cidrs: null },
    ]);
    expect(automatic.vpcs[0]).toEqual(base().vpcs[0]);
    expect(() =>
      applyFix(base(), [{ kind: 'set-subnet-cidrs', vpcId: 'nope', tier: 'public', cidrs: null }]),
    ).toThrow(/"nope"/);
  });

  it('adds a node with a unique id and connects it either way', () => {
    const node = {
      id: 'fn',
      type: 'sqs',
      name: 'Failures',
      properties: { isDeadLetterQueue: true },
      placement: null,
    };
    const out = applyFix(base(), [{ kind: 'add-node', node, connectFrom: 'fn', connectionKind: 'publish' }]);
    const added = out.nodes[out.nodes.length - 1]!;
    expect(added.id).toBe('fn-2');
    expect(added.properties).toEqual({ isDeadLetterQueue: true });
    expect(out.connections).toContainEqual({ id: 'fn-to-fn-2', from: 'fn', to: 'fn-2', kind: 'publish' });

    const alarm = { id: 'alarm', type: 'cloudwatch-alarm', name: 'Alarm', properties: {}, placement: null };
    const watched = applyFix(out, [{ kind: 'add-node', node: alarm, connectTo: 'q' }]);
    // Without a kind the first one the catalog allows is used (alarm -> queue: read, "watches").
    expect(watched.connections).toContainEqual({ id: 'alarm-to-q', from: 'alarm', to: 'q', kind: 'read' });
  });

  it('refuses an add-node whose connection the catalog cannot make', () => {
    const node = { id: 'db', type: 'rds', name: 'DB', properties: {}, placement: null };
    expect(() => applyFix(base(), [{ kind: 'add-node', node, connectTo: 'q' }])).toThrow(
      /No connection kind/,
    );
  });

  it('removes and edits connections', () => {
    const id = base().connections[0]!.id;
    expect(applyFix(base(), [{ kind: 'remove-connection', connectionId: id }]).connections).toEqual([]);
    const edited = applyFix(base(), [
      { kind: 'set-connection', connectionId: id, port: 443, protocol: 'https' },
    ]);
    expect(edited.connections[0]).toMatchObject({ port: 443, protocol: 'https' });
  });

  it('sets environment overrides without touching other environments', () => {
    const out = applyFix(base(), [
      { kind: 'set-env-override', env: 'prod', targetId: 'fn', key: 'memorySize', value: 2048 },
    ]);
    expect(out.environments.find((e) => e.name === 'prod')!.overrides).toEqual({ fn: { memorySize: 2048 } });
    expect(out.environments.find((e) => e.name === 'dev')!.overrides).toEqual({});
  });

  it('keeps a "__proto__" key as plain data', () => {
    const out = applyFix(base(), [{ kind: 'set-property', nodeId: 'fn', key: '__proto__', value: 'x' }]);
    const props = out.nodes[0]!.properties;
    expect(Object.getOwnPropertyDescriptor(props, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
  });

  it('throws, naming the id, when an action refers to something missing', () => {
    expect(() => applyFix(base(), [{ kind: 'set-property', nodeId: 'nope', key: 'a', value: 1 }])).toThrow(
      /"nope"/,
    );
    expect(() =>
      applyFix(base(), [{ kind: 'move-node', nodeId: 'fn', vpcId: 'nope', tier: 'private' }]),
    ).toThrow(/"nope"/);
    expect(() =>
      applyFix(base(), [{ kind: 'set-env-override', env: 'qa', targetId: 'fn', key: 'a', value: 1 }]),
    ).toThrow(/"qa"/);
    expect(() => applyFix(base(), [{ kind: 'set-connection', connectionId: 'nope', port: 1 }])).toThrow(
      /"nope"/,
    );
  });
});

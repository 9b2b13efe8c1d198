import { describe, expect, it } from 'vitest';
import { design as build, parseDesign } from '@archgen/model';
import {
  addConnection,
  addServiceNode,
  addVpc,
  moveNodes,
  pasteElements,
  removeElements,
  setConnectionProperty,
  setNodeProperty,
  setAzCount,
  setOverride,
  setSubnetCidr,
  setSubnetCidrs,
  setVpcTiers,
  updateConnection,
} from './designOps.ts';

function fixture() {
  return build('Ops')
    .vpc()
    .node('alb', { id: 'web', tier: 'public' })
    .node('ecs-fargate', { id: 'app', tier: 'private' })
    .node('aurora', { id: 'db', tier: 'isolated' })
    .connect('web', 'app', 'traffic')
    .connect('app', 'db', 'traffic')
    .build();
}

describe('design operations', () => {
  it('adds a service with a fresh id, a readable unique name and the drop placement', () => {
    const start = fixture();
    const first = addServiceNode(start, 'lambda', { x: 10.4, y: 20.6 }, { vpcId: 'main', tier: 'private' });
    const second = addServiceNode(first.design, 'lambda', { x: 0, y: 0 }, null);
    expect(first.id).not.toBe(second.id);
    const nodes = second.design.nodes.filter((n) => n.type === 'lambda');
    expect(nodes.map((n) => n.name)).toEqual(['Lambda function', 'Lambda function 2']);
    expect(nodes[0]!.placement).toEqual({ vpcId: 'main', tier: 'private' });
    expect(nodes[0]!.position).toEqual({ x: 10, y: 21 });
    expect(start.nodes).toHaveLength(3);
  });

  it('moving keeps untouched nodes (and an unchanged move) as the same objects', () => {
    const start = fixture();
    const moved = moveNodes(start, [
      { id: 'app', position: { x: 5, y: 5 }, placement: { vpcId: 'main', tier: 'public' } },
    ]);
    expect(moved.nodes.find((n) => n.id === 'app')!.placement).toEqual({ vpcId: 'main', tier: 'public' });
    expect(moved.nodes.find((n) => n.id === 'web')).toBe(start.nodes.find((n) => n.id === 'web'));
    const again = moveNodes(moved, [{ id: 'app', position: { x: 5, y: 5 } }]);
    expect(again).toBe(moved);
  });

  it('deleting a node removes its connections and every reference, so the design still parses', () => {
    let d = fixture();
    d = setOverride(d, 'prod', 'app', 'desiredCount', 4);
    d = { ...d, notes: [{ id: 'n1', targetId: 'app', text: 'check scaling' }] };
    const after = removeElements(d, { nodeIds: ['app'], connectionIds: [], vpcIds: [] });
    expect(after.nodes.map((n) => n.id)).toEqual(['web', 'db']);
    expect(after.connections).toEqual([]);
    expect(after.environments.find((e) => e.name === 'prod')!.overrides).toEqual({});
    expect(after.notes).toEqual([]);
  });

  it('deleting a VPC keeps its services, unplaced', () => {
    const after = removeElements(fixture(), { nodeIds: [], connectionIds: [], vpcIds: ['main'] });
    expect(after.vpcs).toEqual([]);
    expect(after.nodes.map((n) => n.placement)).toEqual([null, null, null]);
  });

  it('traffic connections take the target listener port and protocol', () => {
    const start = fixture();
    const { design, id } = addConnection(start, 'app', 'db', 'traffic');
    const c = design.connections.find((x) => x.id === id)!;
    expect(c.port).toBe(5432);
    expect(start.connections.some((x) => x.id === id)).toBe(false);
  });

  it('a base property set to undefined goes back to the catalog default; overrides too', () => {
    let d = setNodeProperty(fixture(), 'app', 'desiredCount', 3);
    expect(d.nodes.find((n) => n.id === 'app')!.properties.desiredCount).toBe(3);
    d = setNodeProperty(d, 'app', 'desiredCount', undefined);
    expect('desiredCount' in d.nodes.find((n) => n.id === 'app')!.properties).toBe(false);
    d = setOverride(d, 'dev', 'app', 'desiredCount', 1);
    d = setOverride(d, 'dev', 'app', 'desiredCount', undefined);
    expect(d.environments.find((e) => e.name === 'dev')!.overrides.app).toBeUndefined();
  });

  it("sets an event source's batching on its connection; undefined or a new kind clears it", () => {
    const start = build('Batch')
      .node('sqs', { id: 'q' })
      .node('lambda', { id: 'fn' })
      .connect('q', 'fn', 'event-source', { id: 'feed' })
      .build();
    const set = setConnectionProperty(start, 'feed', 'batchSize', 50);
    expect(set.connections[0]!.properties).toEqual({ batchSize: 50 });
    expect(start.connections[0]!.properties).toBeUndefined();
    expect(setConnectionProperty(set, 'feed', 'batchSize', undefined).connections[0]).not.toHaveProperty(
      'properties',
    );
    expect(updateConnection(set, 'feed', { label: 'x' }).connections[0]!.properties).toEqual({
      batchSize: 50,
    });
    expect(updateConnection(set, 'feed', { kind: 'read' }).connections[0]).not.toHaveProperty('properties');
  });

  it('paste copies nodes with fresh ids and remaps the connections among them', () => {
    const start = fixture();
    const content = { nodes: start.nodes.filter((n) => n.id !== 'web'), connections: start.connections };
    const { design, nodeIds } = pasteElements(start, content, { x: 40, y: 40 });
    expect(nodeIds).toHaveLength(2);
    expect(nodeIds.some((id) => start.nodes.some((n) => n.id === id))).toBe(false);
    const pasted = design.connections.filter((c) => nodeIds.includes(c.from));
    expect(pasted).toHaveLength(1); // app -> db only; web -> app had an end outside the copy
    expect(nodeIds).toContain(pasted[0]!.to);
  });

  it('paste leaves copies out of any group, and takes no id a group uses', () => {
    const start = {
      ...fixture(),
      groups: [{ id: 'ecs-fargate-1', name: 'module.app', kind: 'terraform-module' as const }],
    };
    start.nodes = start.nodes.map((n) => (n.id === 'app' ? { ...n, group: 'ecs-fargate-1' } : n));
    const app = start.nodes.find((n) => n.id === 'app')!;
    const { design, nodeIds } = pasteElements(start, { nodes: [app], connections: [] }, { x: 40, y: 40 });
    const copy = design.nodes.find((n) => n.id === nodeIds[0])!;
    expect(copy.id).not.toBe('ecs-fargate-1');
    expect(copy).not.toHaveProperty('group');
    expect(parseDesign(design).ok).toBe(true);
  });

  it('removing a tier unplaces its nodes; a new VPC takes the next free /16', () => {
    const d = setVpcTiers(fixture(), 'main', ['public', 'private']);
    expect(d.nodes.find((n) => n.id === 'db')!.placement).toBeNull();
    const { design, id } = addVpc(d, { x: 0, y: 500 });
    expect(design.vpcs.find((v) => v.id === id)!.cidr).toBe('10.1.0.0/16');
  });
});

describe('explicit subnet CIDRs', () => {
  it('start from the CIDRs a tier has, so switching moves nothing; null makes it automatic again', () => {
    const start = fixture();
    const explicit = setSubnetCidrs(start, 'main', 'private', 'explicit');
    expect(explicit.vpcs[0]!.subnetCidrs).toEqual({ private: ['10.0.2.0/24', '10.0.3.0/24'] });
    const edited = setSubnetCidrs(explicit, 'main', 'private', ['10.0.10.0/24', '10.0.20.0/24']);
    expect(edited.vpcs[0]!.subnetCidrs).toEqual({ private: ['10.0.10.0/24', '10.0.20.0/24'] });
    expect(setSubnetCidrs(edited, 'main', 'private', null).vpcs[0]).toEqual(start.vpcs[0]);
    expect(edited.nodes).toBe(explicit.nodes);
  });

  it('set one AZ at a time, filling a gap in a short list with the CIDR drawn there', () => {
    const explicit = setSubnetCidrs(fixture(), 'main', 'public', ['10.0.1.0/24', '10.0.2.0/24']);
    expect(setSubnetCidr(explicit, 'main', 'public', 1, '10.0.9.0/24').vpcs[0]!.subnetCidrs).toEqual({
      public: ['10.0.1.0/24', '10.0.9.0/24'],
    });
    const short = setAzCount(setSubnetCidrs(fixture(), 'main', 'public', ['10.0.1.0/24']), 'main', 3);
    short.vpcs[0]!.subnetCidrs = { public: ['10.0.1.0/24'] }; // as a hand-edited file may have it
    expect(setSubnetCidr(short, 'main', 'public', 2, '10.0.9.0/24').vpcs[0]!.subnetCidrs).toEqual({
      public: ['10.0.1.0/24', '10.0.0.0/24', '10.0.9.0/24'],
    });
    expect(setSubnetCidr(fixture(), 'main', 'public', 0, '10.0.9.0/24')).toEqual(fixture());
  });

  it('follow the AZ count, and go with a tier that is removed', () => {
    const explicit = setSubnetCidrs(fixture(), 'main', 'isolated', ['10.0.100.0/24', '10.0.200.0/24']);
    const three = setAzCount(explicit, 'main', 3);
    expect(three.vpcs[0]).toMatchObject({
      azCount: 3,
      subnetCidrs: { isolated: ['10.0.100.0/24', '10.0.200.0/24', '10.0.201.0/24'] },
    });
    expect(setAzCount(three, 'main', 2).vpcs[0]!.subnetCidrs).toEqual(explicit.vpcs[0]!.subnetCidrs);
    const withoutIsolated = setVpcTiers(three, 'main', ['public', 'private']);
    expect(withoutIsolated.vpcs[0]!.tiers).toEqual(['public', 'private']);
    expect('subnetCidrs' in withoutIsolated.vpcs[0]!).toBe(false);
  });
});

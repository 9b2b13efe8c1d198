import { describe, expect, it } from 'vitest';
import { design as build } from '@archgen/model';
import type { Finding } from '@archgen/rules';
import { createAppStore } from '../store/appStore.ts';
import {
  addServiceAt,
  applyFindingFix,
  connect,
  planConnection,
  setEnvironmentProduction,
  setEnvironmentRegion,
} from './designCommands.ts';

function fixture() {
  return build('Commands')
    .vpc()
    .node('s3', { id: 'bucket' })
    .node('nat-gateway', { id: 'nat', tier: 'public' })
    .node('lambda', { id: 'fn' })
    .node('sqs', { id: 'queue' })
    .node('api-gateway', { id: 'api' })
    .node('rds', { id: 'db', tier: 'private' })
    .build();
}

describe('connecting', () => {
  it('refuses a pair the catalog does not allow, saying why', () => {
    const plan = planConnection(fixture(), 'bucket', 'api');
    expect(plan.outcome).toBe('refuse');
    if (plan.outcome === 'refuse')
      expect(plan.reason).toBe(
        'S3 bucket cannot connect to API Gateway: API Gateway only accepts connections from Internet users, CloudFront distribution, WAF web ACL, CloudWatch alarm, Route 53 hosted zone, ACM certificate.',
      );
  });

  it('refusing an edge to the NAT gateway says egress comes from the subnet route instead', () => {
    const plan = planConnection(fixture(), 'fn', 'nat');
    expect(plan.outcome).toBe('refuse');
    if (plan.outcome === 'refuse') {
      expect(plan.reason).toMatch(/^Lambda function cannot connect to NAT gateway: no edge is needed\. /);
      expect(plan.reason).toMatch(/route table/);
      expect(plan.reason).not.toMatch(/only accepts/);
    }
  });

  it('points out when the connection goes the other way', () => {
    const plan = planConnection(fixture(), 'fn', 'api');
    expect(plan.outcome === 'refuse' && plan.reason).toMatch(/other way/);
  });

  it('connects directly when exactly one kind fits, and offers a choice when several do', () => {
    expect(planConnection(fixture(), 'api', 'fn')).toEqual({ outcome: 'connect', kind: 'invoke' });
    const plan = planConnection(fixture(), 'fn', 'bucket');
    expect(plan.outcome).toBe('choose');
    if (plan.outcome === 'choose') expect(plan.kinds.length).toBeGreaterThan(1);
  });

  it('refuses a duplicate and self-connections', () => {
    const store = createAppStore(fixture());
    connect(store, 'api', 'fn', 'invoke');
    expect(planConnection(store.getState().design, 'api', 'fn').outcome).toBe('refuse');
    expect(planConnection(store.getState().design, 'fn', 'fn').outcome).toBe('refuse');
  });

  it('a connection is one undoable step and becomes the selection', () => {
    const store = createAppStore(fixture());
    const id = connect(store, 'queue', 'fn', 'event-source');
    expect(store.getState().selection.connectionIds).toEqual([id]);
    store.getState().undo();
    expect(store.getState().design.connections).toEqual([]);
  });
});

describe('dropping and fixing', () => {
  it('a palette drop adds the service with the placement under the pointer and selects it', () => {
    const store = createAppStore(fixture());
    const id = addServiceAt(store, 'ecs-fargate', { x: 100, y: 200 }, { vpcId: 'main', tier: 'private' });
    const node = store.getState().design.nodes.find((n) => n.id === id)!;
    expect(node.placement).toEqual({ vpcId: 'main', tier: 'private' });
    expect(store.getState().selection.nodeIds).toEqual([id]);
  });

  it('a quick fix applies through one commit, so undo reverts it', () => {
    const store = createAppStore(fixture());
    const finding: Finding = {
      ruleId: 'NET-04',
      pillar: 'security',
      severity: 'critical',
      target: { kind: 'node', id: 'db' },
      message: 'RDS database is not in an isolated subnet',
      why: 'Databases must not be reachable from outside the VPC.',
      fix: {
        title: 'Move to isolated subnet',
        actions: [{ kind: 'move-node', nodeId: 'db', vpcId: 'main', tier: 'isolated' }],
      },
    };
    applyFindingFix(store, finding);
    const placement = () => store.getState().design.nodes.find((n) => n.id === 'db')!.placement;
    expect(placement()).toEqual({ vpcId: 'main', tier: 'isolated' });
    expect(store.getState().past.at(-1)!.label).toBe('Move to isolated subnet');
    store.getState().undo();
    expect(placement()).toEqual({ vpcId: 'main', tier: 'private' });
  });
});

describe('environment regions', () => {
  it('sets and clears one environment region, leaving the others on the design region', () => {
    const store = createAppStore(fixture());
    setEnvironmentRegion(store, 'prod', 'eu-west-1');
    const environments = () => store.getState().design.environments;
    expect(environments().map((e) => [e.name, e.region])).toEqual([
      ['dev', undefined],
      ['staging', undefined],
      ['prod', 'eu-west-1'],
    ]);
    setEnvironmentRegion(store, 'prod', undefined);
    expect(environments().find((e) => e.name === 'prod')).toEqual({ name: 'prod', overrides: {} });
    // Typing in the field is one edit: one undo goes back to before it.
    setEnvironmentRegion(store, 'dev', 'us-west-2');
    store.getState().undo();
    expect(environments().map((e) => e.region)).toEqual([undefined, undefined, undefined]);
  });
});

describe('production environments', () => {
  it('marks an environment production or not, written out so a rename keeps the choice; one undo each', () => {
    const store = createAppStore(fixture());
    const production = () => store.getState().design.environments.map((e) => [e.name, e.production]);
    // Named like production already: nothing to change, no undo step.
    setEnvironmentProduction(store, 'prod', true);
    expect(production()).toEqual([
      ['dev', undefined],
      ['staging', undefined],
      ['prod', undefined],
    ]);
    setEnvironmentProduction(store, 'staging', true);
    setEnvironmentProduction(store, 'prod', false);
    expect(production()).toEqual([
      ['dev', undefined],
      ['staging', true],
      ['prod', false],
    ]);
    store.getState().undo();
    expect(production()[2]).toEqual(['prod', undefined]);
  });
});

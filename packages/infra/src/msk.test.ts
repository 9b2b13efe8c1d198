import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('MSK clusters', () => {
  const graph = lowerDesign(
    design('Kafka')
      .vpc({ id: 'main', azCount: 3 })
      .node('msk-cluster', { id: 'kafka', name: 'Events', tier: 'private', properties: { brokersPerAz: 2 } })
      .node('ecs-fargate', { id: 'api', name: 'Api', tier: 'private' })
      .node('lambda', { id: 'fn', name: 'Consumer' })
      .connect('api', 'kafka', 'write')
      .connect('kafka', 'fn', 'event-source', {
        properties: { topic: 'orders', startingPosition: 'TRIM_HORIZON' },
      })
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;
  const group = (id: string) => graph.securityGroups.find((g) => g.id === component(id).securityGroupId)!;
  const peers = (rules: { peer: object; port: number }[]) =>
    rules.map((r) => ['componentId' in r.peer ? r.peer.componentId : 'cidr', r.port]);

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('puts the brokers per AZ in every AZ of the VPC, with IAM over TLS by default', () => {
    expect(component('kafka').mskCluster).toEqual({
      brokerNodes: 6,
      tier: 'private',
      clientAuth: 'iam',
      encryptionInTransit: 'TLS',
      ports: [9098],
    });
    expect(component('kafka').logGroupId).toBe('kafka.logs');
  });

  it('admits its clients and its own event source pollers on the IAM port only', () => {
    expect(peers(group('kafka').ingress)).toEqual([
      ['api', 9098],
      ['kafka', 9098],
    ]);
    expect(peers(group('api').egress)).toContainEqual(['kafka', 9098]);
  });

  it('grants producers topic writes and the function the poller permissions', () => {
    const actions = (roleId: string) =>
      graph.roles.find((r) => r.id === roleId)!.statements.flatMap((s) => s.actions);
    expect(actions('api.task-role')).toEqual(
      expect.arrayContaining([
        'kafka-cluster:Connect',
        'kafka-cluster:WriteData',
        'kafka:GetBootstrapBrokers',
      ]),
    );
    expect(actions('api.task-role')).not.toContain('kafka-cluster:ReadData');
    expect(actions('fn.role')).toEqual(
      expect.arrayContaining([
        'kafka-cluster:ReadData',
        'kafka:DescribeClusterV2',
        'ec2:CreateNetworkInterface',
      ]),
    );
    expect(component('api').environment.map((v) => v.name)).toContain('EVENTS_KAFKA_CLUSTER_ARN');
  });

  it('maps the topic from the connection', () => {
    expect(graph.eventSources).toEqual([
      expect.objectContaining({
        sourceId: 'kafka',
        functionId: 'fn',
        sourceKind: 'msk',
        topic: 'orders',
        startingPosition: 'TRIM_HORIZON',
      }),
    ]);
  });

  it('uses the TLS and plaintext ports without authentication', () => {
    const open = lowerDesign(
      design('Open')
        .vpc({ id: 'main' })
        .node('msk-cluster', {
          id: 'kafka',
          tier: 'private',
          properties: { clientAuth: 'unauthenticated', encryptionInTransit: 'TLS_PLAINTEXT' },
        })
        .build(),
    );
    expect(open.components.find((c) => c.id === 'kafka')!.mskCluster!.ports).toEqual([9092, 9094]);
  });
});

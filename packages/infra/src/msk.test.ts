import { describe, expect, it } from 'vitest';
import { design, getService } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

const mskCluster = getService('msk-cluster')!;

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

  describe('with SASL/SCRAM', () => {
    const scram = lowerDesign(
      design('Scram')
        .vpc({ id: 'main', azCount: 2 })
        .node('msk-cluster', {
          id: 'kafka',
          name: 'Events',
          tier: 'private',
          properties: { clientAuth: 'scram', encryptionInTransit: 'TLS_PLAINTEXT' },
        })
        .node('ecs-fargate', { id: 'api', name: 'Api', tier: 'private' })
        .node('lambda', { id: 'fn', name: 'Consumer' })
        .node('lambda', { id: 'other', name: 'Other' })
        .connect('api', 'kafka', 'read-write')
        .connect('kafka', 'fn', 'event-source', { properties: { topic: 'orders' } })
        .build(),
    );
    const get = (id: string) => scram.components.find((c) => c.id === id)!;
    const kafka = get('kafka');
    const statements = (roleId: string) => scram.roles.find((r) => r.id === roleId)!.statements;
    const granted = (roleId: string, action: string) =>
      statements(roleId)
        .filter((s) => s.actions.includes(action))
        .flatMap((s) => s.resources.map((r) => r.componentId));

    it('is a consistent graph', () => {
      expect(graphProblems(scram)).toEqual([]);
    });

    it('admits clients on the SASL/SCRAM port only, whatever the plaintext setting', () => {
      expect(kafka.mskCluster).toMatchObject({ clientAuth: 'scram', ports: [9096] });
      const group = scram.securityGroups.find((g) => g.id === kafka.securityGroupId)!;
      expect(peers(group.ingress)).toEqual([
        ['api', 9096],
        ['kafka', 9096],
      ]);
    });

    it('makes a generated AmazonMSK_ secret under a key of its own, associated with the cluster', () => {
      expect(kafka.mskCluster!.scram).toEqual({
        secretId: 'kafka.scram-secret',
        keyId: 'kafka.scram-key',
        association: { logicalId: 'EventsScramSecrets', tfName: 'events_scram_secrets' },
      });
      expect(kafka.secretId).toBe('kafka.scram-secret');
      const secret = get('kafka.scram-secret');
      expect(secret.type).toBe('secret');
      expect(secret.physicalNamePrefix).toBe('AmazonMSK_');
      expect(secret.generatedSecret).toMatchObject({ username: 'app-client', passwordLength: 64 });
      expect(secret.encryption!.keyId).toBe('kafka.scram-key');
      expect(new Set(Object.values(secret.encryption!.kind.byEnv))).toEqual(new Set(['customer-managed']));
      const key = get('kafka.scram-key');
      expect(key.type).toBe('kms-key');
      // A key policy for the account alone: Secrets Manager uses it with the caller's permissions.
      expect(key.kmsKey).toMatchObject({ usedBy: ['kafka.scram-secret'], servicePrincipals: [] });
    });

    it('signs the Lambda poller in with the secret, which its role may read and decrypt', () => {
      expect(scram.eventSources[0]!.sourceAccess).toEqual({
        type: 'SASL_SCRAM_512_AUTH',
        secretId: 'kafka.scram-secret',
      });
      expect(granted('fn.role', 'secretsmanager:GetSecretValue')).toEqual(['kafka.scram-secret']);
      expect(granted('fn.role', 'kms:Decrypt')).toEqual(['kafka.scram-key']);
    });

    it('lets read/write clients read the password, given the secret ARN; others get nothing', () => {
      expect(granted('api.task-role', 'secretsmanager:GetSecretValue')).toEqual(['kafka.scram-secret']);
      expect(granted('api.task-role', 'kms:Decrypt')).toEqual(['kafka.scram-key']);
      expect(get('api').environment).toContainEqual({
        name: 'EVENTS_SCRAM_SECRET_ARN',
        value: { componentId: 'kafka.scram-secret', attribute: 'arn' },
      });
      expect(granted('other.role', 'secretsmanager:GetSecretValue')).toEqual([]);
    });

    it('needs TLS in the catalog, like IAM', () => {
      expect(
        mskCluster.validate!({ clientAuth: 'scram', encryptionInTransit: 'PLAINTEXT' }).map((i) => i.path),
      ).toEqual(['encryptionInTransit']);
      expect(mskCluster.validate!({ clientAuth: 'scram', encryptionInTransit: 'TLS' })).toEqual([]);
    });
  });

  it('makes no secret for IAM or unauthenticated clusters', () => {
    expect(component('kafka').secretId).toBeUndefined();
    expect(component('kafka').mskCluster!.scram).toBeUndefined();
    expect(graph.eventSources[0]!.sourceAccess).toBeUndefined();
  });
});

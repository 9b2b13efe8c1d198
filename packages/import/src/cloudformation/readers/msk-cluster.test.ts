import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';

const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);

const cluster = (auth: unknown, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::MSK::Cluster',
  Properties: {
    ClusterName: 'events',
    KafkaVersion: '3.7.x',
    NumberOfBrokerNodes: 4,
    BrokerNodeGroupInfo: {
      InstanceType: 'kafka.t3.small',
      ClientSubnets: ['subnet-a', 'subnet-b'],
      StorageInfo: { EBSStorageInfo: { VolumeSize: 200 } },
    },
    ...(auth === undefined ? {} : { ClientAuthentication: auth }),
    ...extra,
  },
});

describe('msk-cluster reader', () => {
  it('reads brokers per AZ, storage, IAM authentication and AWS defaults (TLS, no broker logs)', () => {
    const r = run({ Events: cluster({ Sasl: { Iam: { Enabled: true } } }) });
    expect(r.design.nodes.find((n) => n.id === 'Events')).toMatchObject({
      type: 'msk-cluster',
      properties: {
        kafkaVersion: '3.7.x',
        instanceType: 'kafka.t3.small',
        brokersPerAz: 2,
        storageGb: 200,
        clientAuth: 'iam',
        encryptionInTransit: 'TLS',
        brokerLogs: false,
      },
    });
  });

  it('reads no authentication, and plaintext where the template allows it', () => {
    const r = run({
      Events: cluster(undefined, {
        EncryptionInfo: { EncryptionInTransit: { ClientBroker: 'TLS_PLAINTEXT' } },
      }),
    });
    expect(r.design.nodes.find((n) => n.id === 'Events')!.properties).toMatchObject({
      clientAuth: 'unauthenticated',
      encryptionInTransit: 'TLS_PLAINTEXT',
    });
  });

  it("reads SASL/SCRAM, with the cluster's secret, its key and their association as its parts", () => {
    const r = run({
      Events: cluster({ Sasl: { Scram: { Enabled: true } } }),
      EventsScramKey: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
      EventsScramKeyAlias: {
        Type: 'AWS::KMS::Alias',
        Properties: { AliasName: 'alias/events-scram', TargetKeyId: { Ref: 'EventsScramKey' } },
      },
      EventsScramSecret: {
        Type: 'AWS::SecretsManager::Secret',
        Properties: {
          Name: 'AmazonMSK_events',
          KmsKeyId: { 'Fn::GetAtt': ['EventsScramKey', 'Arn'] },
          GenerateSecretString: { SecretStringTemplate: '{"username":"app"}', GenerateStringKey: 'password' },
        },
      },
      EventsScramSecrets: {
        Type: 'AWS::MSK::BatchScramSecret',
        Properties: {
          ClusterArn: { 'Fn::GetAtt': ['Events', 'Arn'] },
          SecretArnList: [{ Ref: 'EventsScramSecret' }],
        },
      },
    });
    expect(r.design.nodes.map((n) => `${n.id} ${n.type}`)).toEqual(['Events msk-cluster']);
    expect(r.design.nodes[0]).toMatchObject({
      properties: { clientAuth: 'scram' },
      logicalIds: {
        self: 'Events',
        secret: 'EventsScramSecret',
        kmsKey: 'EventsScramKey',
        kmsAlias: 'EventsScramKeyAlias',
        scramSecrets: 'EventsScramSecrets',
      },
    });
  });

  it('keeps a secret two clusters share as a node of its own', () => {
    const association = (id: string) => ({
      Type: 'AWS::MSK::BatchScramSecret',
      Properties: { ClusterArn: { 'Fn::GetAtt': [id, 'Arn'] }, SecretArnList: [{ Ref: 'Shared' }] },
    });
    const r = run({
      A: cluster({ Sasl: { Scram: { Enabled: true } } }),
      B: cluster({ Sasl: { Scram: { Enabled: true } } }),
      Shared: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
      AScram: association('A'),
      BScram: association('B'),
    });
    expect(r.design.nodes.find((n) => n.id === 'Shared')?.type).toBe('secret');
  });

  it('draws a client from its kafka-cluster data actions, and a consumer from its event source alone', () => {
    const role = (actions: string[]) => ({
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {},
        Policies: [
          {
            PolicyName: 'p',
            PolicyDocument: {
              Statement: [
                { Effect: 'Allow', Action: actions, Resource: { 'Fn::GetAtt': ['Events', 'Arn'] } },
              ],
            },
          },
        ],
      },
    });
    const fn = (roleId: string) => ({
      Type: 'AWS::Lambda::Function',
      Properties: { Runtime: 'nodejs22.x', Role: { 'Fn::GetAtt': [roleId, 'Arn'] } },
    });
    const r = run({
      Events: cluster({ Sasl: { Iam: { Enabled: true } } }),
      ClientRole: role(['kafka-cluster:Connect', 'kafka-cluster:ReadData', 'kafka-cluster:WriteData']),
      Client: fn('ClientRole'),
      ConsumerRole: role(['kafka-cluster:Connect', 'kafka-cluster:ReadData', 'kafka:DescribeClusterV2']),
      Consumer: fn('ConsumerRole'),
      ConsumerFromEvents: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          FunctionName: { Ref: 'Consumer' },
          EventSourceArn: { 'Fn::GetAtt': ['Events', 'Arn'] },
          Topics: ['orders'],
        },
      },
    });
    expect(r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`).sort()).toEqual([
      'Client read-write Events',
      'Events event-source Consumer',
    ]);
  });
});

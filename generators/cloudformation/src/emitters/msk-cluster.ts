/**
 * MSK cluster: brokers in the subnets of its tier with its security group, the authentication,
 * encryption and broker count the lowering decided, broker logs to its log group. Topic and group
 * ARNs are the cluster's ARN with ":cluster/" read as ":topic/" or ":group/". With SASL/SCRAM,
 * the association of its credentials secret (the secret and its key are their own components).
 */
import { requireResolved, type ResolvedMskCluster } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, join, select, split, type TemplateValue } from '../template/intrinsics.ts';
import { stackUniqueName } from './common.ts';

const CLIENT_AUTHENTICATION: Record<ResolvedMskCluster['clientAuth'], TemplateValue> = {
  iam: { Sasl: { Iam: { Enabled: true } } },
  scram: { Sasl: { Scram: { Enabled: true } } },
  unauthenticated: { Unauthenticated: { Enabled: true } },
};

const sibling = (id: string, kind: string) => {
  const parts = split(':cluster/', getAtt(id, 'Arn'));
  return join('', [select(0, parts), `:${kind}/`, select(1, parts)]);
};

export const mskClusterEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (_id, cluster) => stackUniqueName(cluster.names.slug, 64),
    topicArn: (id) => sibling(id, 'topic'),
    groupArn: (id) => sibling(id, 'group'),
  },
  emit(cluster, ctx) {
    const decided = requireResolved(cluster.mskCluster, cluster, 'MSK cluster');
    const vpc = requireResolved(cluster.placement ?? undefined, cluster, 'placement').vpcId;
    ctx.template.addResource(cluster.names.logicalId, {
      Type: 'AWS::MSK::Cluster',
      Metadata: ctx.metadata(cluster.acknowledgements),
      Properties: {
        ClusterName: stackUniqueName(cluster.names.slug, 64),
        KafkaVersion: ctx.value(cluster, 'kafkaVersion'),
        NumberOfBrokerNodes: decided.brokerNodes,
        BrokerNodeGroupInfo: {
          InstanceType: ctx.value(cluster, 'instanceType'),
          ClientSubnets: ctx.subnetIds(vpc, decided.tier),
          SecurityGroups: ctx.securityGroupIds(cluster),
          StorageInfo: { EBSStorageInfo: { VolumeSize: ctx.value(cluster, 'storageGb') } },
        },
        EncryptionInfo: {
          EncryptionInTransit: { ClientBroker: decided.encryptionInTransit, InCluster: true },
        },
        ClientAuthentication: CLIENT_AUTHENTICATION[decided.clientAuth],
        LoggingInfo: {
          BrokerLogs: {
            CloudWatchLogs: cluster.logGroupId
              ? { Enabled: true, LogGroup: ctx.attribute(cluster.logGroupId, 'name') }
              : { Enabled: false },
          },
        },
        Tags: ctx.tagMap(cluster.names.display),
      },
    });
    if (decided.scram)
      ctx.template.addResource(decided.scram.association.logicalId, {
        Type: 'AWS::MSK::BatchScramSecret',
        Properties: {
          ClusterArn: getAtt(cluster.names.logicalId, 'Arn'),
          SecretArnList: [ctx.attribute(decided.scram.secretId, 'arn')],
        },
      });
  },
};

/**
 * AWS::MSK::Cluster -> msk-cluster: Kafka version, broker type and storage, brokers per AZ (the
 * brokers over the client subnets, one per AZ), client authentication (SASL/IAM, SASL/SCRAM or
 * none), client-broker encryption and broker logs. AWS defaults: TLS only, no broker logs. A
 * SCRAM cluster's secret, its key and their association are parts of the cluster (import.ts).
 */
import { bool, deep, list, num, obj, props, str, type Reader } from './values.ts';

export const mskCluster: Reader = (p, ctx) => {
  const brokers = obj(deep(ctx, p.BrokerNodeGroupInfo));
  const auth = obj(deep(ctx, p.ClientAuthentication));
  const sasl = obj(auth.Sasl);
  const on = (v: unknown) => bool(ctx, obj(v).Enabled) === true;
  // SCRAM first: a cluster with both SASL mechanisms keeps the one whose secrets it holds.
  const clientAuth = on(sasl.Scram)
    ? 'scram'
    : on(sasl.Iam)
      ? 'iam'
      : on(auth.Unauthenticated) || p.ClientAuthentication === undefined
        ? 'unauthenticated'
        : undefined;
  const subnets = list(deep(ctx, brokers.ClientSubnets)).length;
  const total = num(ctx, p.NumberOfBrokerNodes);
  const logs = obj(obj(obj(deep(ctx, p.LoggingInfo)).BrokerLogs).CloudWatchLogs);
  return props({
    kafkaVersion: str(ctx, p.KafkaVersion),
    instanceType: str(ctx, brokers.InstanceType),
    brokersPerAz: total !== undefined && subnets > 0 && total % subnets === 0 ? total / subnets : undefined,
    storageGb: num(ctx, obj(obj(brokers.StorageInfo).EBSStorageInfo).VolumeSize),
    clientAuth,
    encryptionInTransit:
      str(ctx, obj(obj(deep(ctx, p.EncryptionInfo)).EncryptionInTransit).ClientBroker) ?? 'TLS',
    brokerLogs: bool(ctx, logs.Enabled) ?? false,
  });
};

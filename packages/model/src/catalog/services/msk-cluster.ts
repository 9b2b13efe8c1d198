import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  APP_COMPUTE,
  WATCHED_BY_ALARM,
  bool,
  checkLogRetention,
  choice,
  dataAccess,
  logRetentionDaysProperty,
  num,
  reader,
  text,
} from '../define.ts';

/** Kafka versions MSK offers for new provisioned clusters (its KafkaVersion strings). */
export const MSK_KAFKA_VERSIONS = ['3.8.x', '3.7.x', '3.6.0'] as const;

const properties = [
  choice(
    'kafkaVersion',
    'Kafka version',
    '3.8.x',
    MSK_KAFKA_VERSIONS.map((v) => [v, v] as const),
    { help: '"x" versions take the latest patch release MSK supports.' },
  ),
  text('instanceType', 'Broker instance type', 'kafka.m7g.large', {
    pattern: '^kafka\\.[a-z0-9]+\\.[a-z0-9]+$',
    patternHint: 'an MSK broker type such as kafka.m7g.large or kafka.t3.small',
    maxLength: 32,
    help: 'kafka.t3.small suits development; production brokers are m7g (Graviton) or m5.',
  }),
  num('brokersPerAz', 'Brokers per AZ', 1, {
    integer: true,
    min: 1,
    max: 15,
    sameInEveryEnvironment: true,
    help: 'MSK puts the same number of brokers in each of the VPC’s AZs (one subnet each).',
  }),
  num('storageGb', 'Storage per broker', 100, {
    unit: 'GB',
    integer: true,
    min: 1,
    max: 16384,
    help: 'EBS storage on each broker; MSK can grow it later, never shrink it.',
  }),
  choice(
    'clientAuth',
    'Client authentication',
    'iam',
    [
      ['iam', 'IAM (port 9098)'],
      ['scram', 'SASL/SCRAM user name and password (port 9096)'],
      ['unauthenticated', 'None (any client in the security group)'],
    ],
    {
      sameInEveryEnvironment: true,
      help: 'IAM lets each connected role read or write topics with kafka-cluster permissions. SASL/SCRAM-512 signs clients in with a generated password in Secrets Manager (named AmazonMSK_..., under a customer managed KMS key) that connected compute may read. No authentication trusts the network alone.',
    },
  ),
  choice(
    'encryptionInTransit',
    'Client-broker encryption',
    'TLS',
    [
      ['TLS', 'TLS only'],
      ['TLS_PLAINTEXT', 'TLS and plaintext'],
      ['PLAINTEXT', 'Plaintext only'],
    ],
    {
      sameInEveryEnvironment: true,
      help: 'Brokers always encrypt data at rest and traffic between themselves.',
    },
  ),
  bool('brokerLogs', 'Broker logs', true, {
    sameInEveryEnvironment: true,
    help: 'Broker logs go to a log group the generators create, with its retention.',
  }),
  logRetentionDaysProperty(),
];

export const mskCluster: ServiceDefinition = {
  type: 'msk-cluster',
  displayName: 'MSK cluster',
  abbreviations: ['msk'],
  keywords: ['kafka', 'apache kafka', 'managed kafka', 'event streaming', 'topics', 'broker'],
  category: 'Analytics',
  icon: 'msk-cluster',
  description:
    'Managed Apache Kafka: brokers in the VPC’s private subnets, one set per AZ, encrypted at rest and in transit, with IAM or SASL/SCRAM client authentication. Connect the compute that reads and writes topics; a Lambda function can consume a topic.',
  placements: ['private', 'isolated'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const issues: PropertyIssue[] = [...checkLogRetention(props)];
    // IAM and SASL/SCRAM authentication run over TLS only.
    const auth = p.str('clientAuth');
    if ((auth === 'iam' || auth === 'scram') && p.str('encryptionInTransit') === 'PLAINTEXT')
      issues.push({
        path: 'encryptionInTransit',
        message: `${auth === 'iam' ? 'IAM' : 'SASL/SCRAM'} authentication needs TLS: allow TLS, or turn authentication off`,
      });
    return issues;
  },
  accepts: [
    ...dataAccess(APP_COMPUTE, {
      read: 'consumes topics of',
      write: 'produces to topics of',
      readWrite: 'produces to and consumes topics of',
    }),
    WATCHED_BY_ALARM,
  ],
  // The cluster and its security group; the broker log group; with SASL/SCRAM its secret, the
  // secret's key and alias, and the association of the secret with the cluster.
  stackResources: ({ props }) => ({
    count: 2 + (props.brokerLogs === false ? 0 : 1) + (props.clientAuth === 'scram' ? 4 : 0),
  }),
};

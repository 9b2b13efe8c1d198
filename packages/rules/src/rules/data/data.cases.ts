import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const vpc = () => design('Data fixture').vpc();
const regional = () => design('Data fixture');

export const dataCases: RuleCase[] = [
  {
    ruleId: 'DAT-01',
    name: 'a production bucket deleted with its stack (fine in dev)',
    compliant: regional()
      .node('s3', { id: 'files' })
      .override('dev', 'files', { onDelete: 'delete' })
      .build(),
    nonCompliant: regional()
      .node('s3', { id: 'files', properties: { onDelete: 'delete' } })
      .build(),
    expect: { target: 'files', severity: 'high', environment: 'prod' },
  },
  {
    ruleId: 'DAT-01',
    name: 'a production database deleted without a final snapshot',
    compliant: vpc().node('rds', { id: 'db' }).build(),
    nonCompliant: vpc().node('rds', { id: 'db' }).override('prod', 'db', { onDelete: 'delete' }).build(),
    expect: { target: 'db', severity: 'high', environment: 'prod' },
  },
  {
    ruleId: 'DDB-01',
    name: 'no point-in-time recovery',
    compliant: regional().node('dynamodb', { id: 'table' }).build(),
    nonCompliant: regional()
      .node('dynamodb', { id: 'table', properties: { pointInTimeRecovery: false } })
      .build(),
    expect: { target: 'table', severity: 'medium' },
  },
  {
    ruleId: 'DDB-02',
    name: 'provisioned capacity without auto scaling',
    compliant: regional()
      .node('dynamodb', { id: 'table', properties: { billingMode: 'provisioned', autoScaling: true } })
      .build(),
    nonCompliant: regional()
      .node('dynamodb', { id: 'table', properties: { billingMode: 'provisioned', autoScaling: false } })
      .build(),
    expect: { target: 'table', severity: 'low' },
  },
  {
    ruleId: 'RDS-01',
    name: 'unencrypted storage',
    compliant: vpc().node('aurora', { id: 'db' }).build(),
    nonCompliant: vpc()
      .node('aurora', { id: 'db', properties: { storageEncrypted: false } })
      .build(),
    expect: { target: 'db', severity: 'high' },
  },
  {
    ruleId: 'RDS-02',
    name: 'single-AZ instance in production',
    compliant: vpc().node('rds', { id: 'db' }).override('prod', 'db', { multiAz: true }).build(),
    nonCompliant: vpc()
      .node('rds', { id: 'db', properties: { multiAz: false } })
      .build(),
    expect: { target: 'db', severity: 'high', environment: 'prod' },
  },
  {
    ruleId: 'RDS-02',
    name: 'Aurora without a reader in production',
    compliant: vpc().node('aurora', { id: 'db' }).override('dev', 'db', { readers: 0 }).build(),
    nonCompliant: vpc()
      .node('aurora', { id: 'db', properties: { readers: 0 } })
      .build(),
    expect: { target: 'db', severity: 'high', environment: 'prod' },
  },
  {
    ruleId: 'RDS-03',
    name: 'one day of backups',
    compliant: vpc()
      .node('rds', { id: 'db', properties: { backupRetentionDays: 7 } })
      .build(),
    nonCompliant: vpc()
      .node('rds', { id: 'db', properties: { backupRetentionDays: 1 } })
      .build(),
    expect: { target: 'db', severity: 'high' },
  },
  {
    ruleId: 'RDS-03',
    name: 'no deletion protection in production (fine in dev)',
    compliant: vpc().node('rds', { id: 'db' }).override('dev', 'db', { deletionProtection: false }).build(),
    nonCompliant: vpc()
      .node('rds', { id: 'db', properties: { deletionProtection: false } })
      .build(),
    expect: { target: 'db', severity: 'high', environment: 'prod' },
  },
  {
    ruleId: 'RDS-04',
    name: 'client with neither IAM auth nor a secret',
    compliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('rds', { id: 'db', properties: { iamAuth: false } })
      .node('secret', { id: 'creds' })
      .connect('api', 'db', 'traffic')
      .connect('api', 'creds', 'read')
      .build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('rds', { id: 'db', properties: { iamAuth: false } })
      .connect('api', 'db', 'traffic')
      .build(),
    expect: { target: 'db', severity: 'critical' },
  },
  {
    ruleId: 'RDS-05',
    name: 'IAM authentication off',
    compliant: vpc().node('rds', { id: 'db' }).build(),
    nonCompliant: vpc()
      .node('rds', { id: 'db', properties: { iamAuth: false } })
      .build(),
    expect: { target: 'db', severity: 'low' },
  },
  {
    ruleId: 'EC-01',
    name: 'cache without encryption at rest',
    compliant: vpc().node('elasticache', { id: 'cache' }).build(),
    nonCompliant: vpc()
      .node('elasticache', { id: 'cache', properties: { atRestEncryption: false } })
      .build(),
    expect: { target: 'cache', severity: 'high' },
  },
  {
    ruleId: 'EC-01',
    name: 'Redis without AUTH (Memcached has none to require)',
    compliant: vpc()
      .node('elasticache', {
        id: 'cache',
        properties: { engine: 'memcached', authToken: false, automaticFailover: false },
      })
      .build(),
    nonCompliant: vpc()
      .node('elasticache', { id: 'cache', properties: { authToken: false } })
      .build(),
    expect: { target: 'cache', severity: 'high' },
  },
  {
    ruleId: 'EC-02',
    name: 'no automatic failover in production',
    compliant: vpc()
      .node('elasticache', { id: 'cache' })
      .override('dev', 'cache', { automaticFailover: false, nodes: 1 })
      .build(),
    nonCompliant: vpc()
      .node('elasticache', { id: 'cache' })
      .override('prod', 'cache', { automaticFailover: false, nodes: 1 })
      .build(),
    expect: { target: 'cache', severity: 'high', environment: 'prod' },
  },
  {
    ruleId: 'EC-02',
    name: 'Redis without snapshots',
    compliant: vpc()
      .node('elasticache', { id: 'cache', properties: { snapshotRetentionDays: 3 } })
      .build(),
    nonCompliant: vpc()
      .node('elasticache', { id: 'cache', properties: { snapshotRetentionDays: 0 } })
      .build(),
    expect: { target: 'cache', severity: 'high' },
  },
  {
    ruleId: 'OS-01',
    name: 'plain HTTP allowed',
    compliant: vpc().node('opensearch', { id: 'search' }).build(),
    nonCompliant: vpc()
      .node('opensearch', { id: 'search', properties: { enforceHttps: false } })
      .build(),
    expect: { target: 'search', severity: 'high' },
  },
  {
    ruleId: 'OS-02',
    name: 'no dedicated masters in production',
    compliant: vpc()
      .node('opensearch', { id: 'search' })
      .override('prod', 'search', { dedicatedMasters: true })
      .build(),
    nonCompliant: vpc()
      .node('opensearch', { id: 'search', properties: { dedicatedMasters: false } })
      .build(),
    expect: { target: 'search', severity: 'medium', environment: 'prod' },
  },
  {
    ruleId: 'OS-02',
    name: 'no zone awareness',
    compliant: vpc()
      .node('opensearch', { id: 'search', properties: { dedicatedMasters: true } })
      .build(),
    nonCompliant: vpc()
      .node('opensearch', {
        id: 'search',
        properties: { dedicatedMasters: true, zoneAwareness: false, instanceCount: 1 },
      })
      .build(),
    expect: { target: 'search', severity: 'medium' },
  },
  {
    ruleId: 'NEP-01',
    name: 'graph without IAM authentication',
    compliant: vpc().node('neptune', { id: 'graph' }).build(),
    nonCompliant: vpc()
      .node('neptune', { id: 'graph', properties: { iamAuth: false } })
      .build(),
    expect: { target: 'graph', severity: 'high' },
  },
  {
    ruleId: 'RDS-06',
    name: 'Aurora PostgreSQL major past standard support',
    compliant: vpc().node('aurora', { id: 'db' }).build(),
    nonCompliant: vpc()
      .node('aurora', { id: 'db', properties: { postgresVersion: '13.23' } })
      .build(),
    expect: { target: 'db', severity: 'medium' },
  },
  {
    ruleId: 'RDS-06',
    name: 'RDS MySQL 8.0 past standard support moves to the MySQL default',
    compliant: vpc()
      .node('rds', { id: 'db', properties: { engine: 'mysql', engineVersion: '8.4.10', port: 3306 } })
      .build(),
    nonCompliant: vpc()
      .node('rds', { id: 'db', properties: { engine: 'mysql', engineVersion: '8.0.46', port: 3306 } })
      .build(),
    expect: { target: 'db', severity: 'medium' },
  },
  {
    ruleId: 'RDS-06',
    name: 'an old version kept in one environment',
    compliant: vpc().node('aurora', { id: 'db' }).override('dev', 'db', { postgresVersion: '17.9' }).build(),
    nonCompliant: vpc()
      .node('aurora', { id: 'db' })
      .override('dev', 'db', { postgresVersion: '12.22', minAcu: 0.5 })
      .build(),
    expect: { target: 'db', severity: 'medium', environment: 'dev' },
  },
  {
    ruleId: 'RDS-06',
    name: 'judged on an injected day: the default itself has left standard support',
    today: '2029-03-01',
    compliant: vpc()
      .node('aurora', { id: 'db', properties: { postgresVersion: '17.9' } })
      .build(),
    nonCompliant: vpc().node('aurora', { id: 'db' }).build(),
    expect: { target: 'db', severity: 'medium', manualFix: true },
  },
  {
    ruleId: 'EC-03',
    name: 'Redis OSS 5 past standard support',
    compliant: vpc().node('elasticache', { id: 'cache' }).build(),
    nonCompliant: vpc()
      .node('elasticache', { id: 'cache', properties: { redisVersion: '5.0.6' } })
      .build(),
    expect: { target: 'cache', severity: 'medium' },
  },
  {
    ruleId: 'EC-03',
    name: 'Redis OSS 6 on the day after its last day of standard support',
    today: '2027-02-01',
    compliant: vpc().node('elasticache', { id: 'cache' }).build(),
    nonCompliant: vpc()
      .node('elasticache', { id: 'cache', properties: { redisVersion: '6.2' } })
      .build(),
    expect: { target: 'cache', severity: 'medium' },
  },
  {
    ruleId: 'OS-03',
    name: 'OpenSearch 2.9 past standard support',
    compliant: vpc().node('opensearch', { id: 'search' }).build(),
    nonCompliant: vpc()
      .node('opensearch', { id: 'search', properties: { engineVersion: 'OpenSearch_2.9' } })
      .build(),
    expect: { target: 'search', severity: 'medium' },
  },
  {
    ruleId: 'NEP-02',
    name: 'Neptune version past its end of life',
    compliant: vpc().node('neptune', { id: 'graph' }).build(),
    nonCompliant: vpc()
      .node('neptune', { id: 'graph', properties: { engineVersion: '1.2.1.2' } })
      .build(),
    expect: { target: 'graph', severity: 'medium' },
  },
  {
    ruleId: 'KIN-01',
    name: 'unencrypted stream',
    compliant: regional().node('kinesis-stream', { id: 'stream' }).build(),
    nonCompliant: regional()
      .node('kinesis-stream', { id: 'stream', properties: { encryption: false } })
      .build(),
    expect: { target: 'stream', severity: 'medium' },
  },
  {
    ruleId: 'FH-01',
    name: 'direct-put Firehose stream without SSE',
    compliant: regional()
      .node('kinesis-stream', { id: 'clicks' })
      // A stream source encrypts the records: the stream's own switch does not apply.
      .node('firehose', { id: 'fh', properties: { encryption: false } })
      .connect('clicks', 'fh', 'event-source')
      .build(),
    nonCompliant: regional()
      .node('firehose', { id: 'fh', properties: { encryption: false } })
      .build(),
    expect: { target: 'fh', severity: 'medium' },
  },
  {
    ruleId: 'FH-02',
    name: 'a Firehose stream connected to two buckets',
    compliant: regional()
      .node('firehose', { id: 'fh' })
      .node('s3', { id: 'a' })
      .node('s3', { id: 'b' })
      .connect('fh', 'a', 'write', { id: 'fh-a' })
      .build(),
    nonCompliant: regional()
      .node('firehose', { id: 'fh' })
      .node('s3', { id: 'a' })
      .node('s3', { id: 'b' })
      .connect('fh', 'a', 'write', { id: 'fh-a' })
      .connect('fh', 'b', 'write', { id: 'fh-b' })
      .build(),
    expect: { target: 'fh-b', targetKind: 'connection', severity: 'low' },
  },
  {
    ruleId: 'FH-02',
    name: 'a Firehose stream connected to two OpenSearch domains',
    // A bucket beside the domain keeps the refused documents: no second destination.
    compliant: vpc()
      .node('firehose', { id: 'fh' })
      .node('s3', { id: 'backup' })
      .node('opensearch', { id: 'a', tier: 'isolated' })
      .connect('fh', 'a', 'write', { id: 'fh-a' })
      .connect('fh', 'backup', 'write', { id: 'fh-backup' })
      .build(),
    nonCompliant: vpc()
      .node('firehose', { id: 'fh' })
      .node('opensearch', { id: 'a', tier: 'isolated' })
      .node('opensearch', { id: 'b', tier: 'isolated' })
      .connect('fh', 'a', 'write', { id: 'fh-a' })
      .connect('fh', 'b', 'write', { id: 'fh-b' })
      .build(),
    expect: { target: 'fh-b', targetKind: 'connection', severity: 'low' },
  },
  {
    ruleId: 'FH-03',
    name: 'a Firehose stream buffering 128 MB for OpenSearch',
    // S3 takes 128 MB.
    compliant: vpc()
      .node('firehose', { id: 'fh', properties: { bufferSizeMb: 128 } })
      .node('s3', { id: 'lake' })
      .node('firehose', { id: 'search', properties: { bufferSizeMb: 100 } })
      .node('opensearch', { id: 'domain', tier: 'isolated' })
      .connect('fh', 'lake', 'write')
      .connect('search', 'domain', 'write')
      .build(),
    nonCompliant: vpc()
      .node('firehose', { id: 'fh', properties: { bufferSizeMb: 128 } })
      .node('opensearch', { id: 'domain', tier: 'isolated' })
      .connect('fh', 'domain', 'write')
      .build(),
    expect: { target: 'fh', severity: 'high' },
  },
  {
    ruleId: 'MSK-01',
    name: 'MSK cluster accepting plaintext',
    compliant: vpc().node('msk-cluster', { id: 'kafka', tier: 'private' }).build(),
    nonCompliant: vpc()
      .node('msk-cluster', {
        id: 'kafka',
        tier: 'private',
        properties: { encryptionInTransit: 'TLS_PLAINTEXT' },
      })
      .build(),
    expect: { target: 'kafka', severity: 'medium' },
  },
  {
    ruleId: 'MSK-02',
    name: 'MSK cluster without client authentication',
    compliant: vpc().node('msk-cluster', { id: 'kafka', tier: 'private' }).build(),
    nonCompliant: vpc()
      .node('msk-cluster', { id: 'kafka', tier: 'private', properties: { clientAuth: 'unauthenticated' } })
      .build(),
    expect: { target: 'kafka', severity: 'high' },
  },
  {
    ruleId: 'MSK-02',
    name: 'MSK cluster with SASL/SCRAM authentication',
    compliant: vpc()
      .node('msk-cluster', { id: 'kafka', tier: 'private', properties: { clientAuth: 'scram' } })
      .build(),
    nonCompliant: vpc()
      .node('msk-cluster', {
        id: 'kafka',
        tier: 'private',
        properties: { clientAuth: 'unauthenticated', encryptionInTransit: 'TLS' },
      })
      .build(),
    expect: { target: 'kafka', severity: 'high' },
  },
  {
    ruleId: 'MSK-03',
    name: 'MSK cluster without broker logs',
    compliant: vpc().node('msk-cluster', { id: 'kafka', tier: 'private' }).build(),
    nonCompliant: vpc()
      .node('msk-cluster', { id: 'kafka', tier: 'private', properties: { brokerLogs: false } })
      .build(),
    expect: { target: 'kafka', severity: 'low' },
  },
  {
    ruleId: 'ATH-01',
    name: 'unencrypted query results',
    compliant: regional().node('athena-workgroup', { id: 'wg' }).build(),
    nonCompliant: regional()
      .node('athena-workgroup', { id: 'wg', properties: { resultsEncryption: false } })
      .build(),
    expect: { target: 'wg', severity: 'medium' },
  },
];

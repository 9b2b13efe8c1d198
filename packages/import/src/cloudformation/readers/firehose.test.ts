import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';

const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);

const base = {
  Failed: { Type: 'AWS::S3::Bucket', Properties: {} },
  Lake: { Type: 'AWS::S3::Bucket', Properties: {} },
  Clicks: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
  Search: {
    Type: 'AWS::OpenSearchService::Domain',
    Properties: { EngineVersion: 'OpenSearch_2.19', ClusterConfig: { InstanceCount: 2 } },
  },
  DeliveryLogs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 14 } },
  DeliveryRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
};
const role = { 'Fn::GetAtt': ['DeliveryRole', 'Arn'] };
const logging = {
  Enabled: true,
  LogGroupName: { Ref: 'DeliveryLogs' },
  LogStreamName: 'DestinationDelivery',
};
const toSearch = {
  DomainARN: { 'Fn::GetAtt': ['Search', 'Arn'] },
  IndexName: 'app-logs',
  IndexRotationPeriod: 'OneWeek',
  RoleARN: role,
  BufferingHints: { SizeInMBs: 10, IntervalInSeconds: 60 },
  RetryOptions: { DurationInSeconds: 900 },
  S3BackupMode: 'FailedDocumentsOnly',
  S3Configuration: {
    BucketARN: { 'Fn::GetAtt': ['Failed', 'Arn'] },
    RoleARN: role,
    CompressionFormat: 'GZIP',
  },
  CloudWatchLoggingOptions: logging,
};
const stream = (properties: Record<string, unknown>) => ({
  Type: 'AWS::KinesisFirehose::DeliveryStream',
  Properties: properties,
});
const lines = (r: ReturnType<typeof run>) =>
  r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`).sort();

describe('firehose reader', () => {
  it('reads an OpenSearch destination as a write to the domain, and its backup bucket as a write', () => {
    const r = run({
      ...base,
      Logs: stream({
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: {
          KinesisStreamARN: { 'Fn::GetAtt': ['Clicks', 'Arn'] },
          RoleARN: role,
        },
        AmazonopensearchserviceDestinationConfiguration: toSearch,
      }),
    });
    expect(r.design.nodes.find((n) => n.id === 'Logs')).toMatchObject({
      type: 'firehose',
      placement: null,
      properties: {
        indexName: 'app-logs',
        indexRotation: 'OneWeek',
        retrySeconds: 900,
        bufferSizeMb: 10,
        bufferIntervalSeconds: 60,
        compression: 'GZIP',
        encryption: false,
        logging: true,
        logRetentionDays: 14,
      },
      logicalIds: { self: 'Logs', role: 'DeliveryRole', logGroup: 'DeliveryLogs' },
    });
    expect(lines(r)).toEqual(['Clicks event-source Logs', 'Logs write Failed', 'Logs write Search']);
  });

  it('reads an extended S3 destination with the AWS defaults where the template is silent', () => {
    const r = run({
      ...base,
      Archive: stream({
        DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' },
        ExtendedS3DestinationConfiguration: { BucketARN: { 'Fn::GetAtt': ['Lake', 'Arn'] }, RoleARN: role },
      }),
    });
    const node = r.design.nodes.find((n) => n.id === 'Archive')!;
    expect(node.properties).toEqual({
      bufferSizeMb: 5,
      bufferIntervalSeconds: 300,
      compression: 'UNCOMPRESSED',
      prefix: '',
      errorOutputPrefix: '',
      encryption: true,
      logging: false,
    });
    expect(lines(r)).toEqual(['Archive write Lake']);
  });

  it.each([
    [
      'a Redshift destination',
      { RedshiftDestinationConfiguration: { ClusterJDBCURL: 'jdbc:redshift://x' } },
      /other than S3 or OpenSearch/,
    ],
    [
      'a Lambda transformation',
      {
        ExtendedS3DestinationConfiguration: {
          BucketARN: { 'Fn::GetAtt': ['Lake', 'Arn'] },
          RoleARN: role,
          ProcessingConfiguration: { Enabled: true },
        },
      },
      /transformation/,
    ],
    [
      'a domain outside the template',
      {
        AmazonopensearchserviceDestinationConfiguration: {
          ...toSearch,
          DomainARN: 'arn:aws:es:us-east-1:111122223333:domain/elsewhere',
        },
      },
      /outside the template/,
    ],
    [
      'every document backed up',
      { AmazonopensearchserviceDestinationConfiguration: { ...toSearch, S3BackupMode: 'AllDocuments' } },
      /every document/,
    ],
    ['an MSK source', { DeliveryStreamType: 'MSKAsSource' }, /MSKAsSource source/],
  ])('keeps a stream with %s (the catalog holds none)', (_, properties, reason) => {
    const r = run({ ...base, Odd: stream(properties) });
    const outcome = r.report.resources.find((e) => e.sourceId === 'Odd')!.outcome;
    expect(outcome.kind).toBe('kept');
    expect(outcome.kind === 'kept' ? outcome.reason : '').toMatch(reason);
  });
});

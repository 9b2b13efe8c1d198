/**
 * Firehose stream: direct put or reading its Kinesis stream, delivering to its bucket, or to an
 * OpenSearch domain with the bucket for the documents it refuses, with the role, prefixes, log
 * stream and (for a domain in a VPC) network the lowering decided. The role's policy is inline,
 * so the stream (which checks its permissions when created) follows it through GetAtt.
 */
import { requireResolved } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';

export const firehoseEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
  },
  emit(stream, ctx) {
    const decided = requireResolved(stream.firehose, stream, 'Firehose stream');
    const id = stream.names.logicalId;
    const roleArn = ctx.roleArn(decided.roleId);
    const logging = stream.logGroupId && decided.logStreamName ? stream.logGroupId : undefined;
    if (logging)
      ctx.template.addResource(`${id}LogStream`, {
        Type: 'AWS::Logs::LogStream',
        Properties: {
          LogGroupName: ctx.attribute(logging, 'name'),
          LogStreamName: decided.logStreamName,
        },
      });
    const cloudWatchLogging = logging
      ? { Enabled: true, LogGroupName: ctx.attribute(logging, 'name'), LogStreamName: decided.logStreamName }
      : { Enabled: false };
    const buffering = {
      SizeInMBs: ctx.value(stream, 'bufferSizeMb'),
      IntervalInSeconds: ctx.value(stream, 'bufferIntervalSeconds'),
    };
    // The bucket's part: the destination itself, or the OpenSearch destination's backup.
    const bucket = {
      BucketARN: ctx.attribute(decided.bucketId, 'arn'),
      RoleARN: roleArn,
      Prefix: decided.prefix || undefined,
      ErrorOutputPrefix: decided.errorOutputPrefix || undefined,
      CompressionFormat: ctx.value(stream, 'compression'),
      BufferingHints: buffering,
      CloudWatchLoggingOptions: cloudWatchLogging,
    };
    const search = decided.destination === 'opensearch' ? decided.opensearch : undefined;
    ctx.template.addResource(id, {
      Type: 'AWS::KinesisFirehose::DeliveryStream',
      Metadata: ctx.metadata(stream.acknowledgements),
      Properties: {
        DeliveryStreamType: decided.sourceStreamId ? 'KinesisStreamAsSource' : 'DirectPut',
        KinesisStreamSourceConfiguration: decided.sourceStreamId
          ? { KinesisStreamARN: ctx.attribute(decided.sourceStreamId, 'arn'), RoleARN: roleArn }
          : undefined,
        DeliveryStreamEncryptionConfigurationInput: decided.encryption
          ? { KeyType: 'AWS_OWNED_CMK' }
          : undefined,
        ExtendedS3DestinationConfiguration: search ? undefined : bucket,
        AmazonopensearchserviceDestinationConfiguration: search
          ? {
              DomainARN: ctx.attribute(search.domainId, 'arn'),
              IndexName: search.indexName,
              IndexRotationPeriod: search.indexRotation,
              RoleARN: roleArn,
              BufferingHints: buffering,
              RetryOptions: { DurationInSeconds: search.retrySeconds },
              S3BackupMode: search.backupMode,
              S3Configuration: bucket,
              VpcConfiguration: search.vpc
                ? {
                    RoleARN: roleArn,
                    SubnetIds: ctx.subnetIds(search.vpc.vpcId, search.vpc.tier),
                    SecurityGroupIds: ctx.securityGroupIds(stream),
                  }
                : undefined,
              CloudWatchLoggingOptions: cloudWatchLogging,
            }
          : undefined,
        Tags: ctx.tags(stream.names.display),
      },
    });
    ctx.output(stream, 'Name', ref(id), 'Delivery stream name');
  },
};

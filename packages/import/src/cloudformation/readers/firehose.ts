/**
 * AWS::KinesisFirehose::DeliveryStream -> firehose: buffering, compression, prefixes, server-side
 * encryption, error logging (and its log group's retention), and for an OpenSearch destination
 * the index, rotation and retries. AWS defaults where the template is silent: 5 MB / 300 s
 * buffers, no compression, no prefixes, no SSE, one daily index, 300 s of retries. Where it reads
 * and writes (its Kinesis stream, its bucket, its domain) are connections or parts (import.ts).
 */
import { bool, deep, num, obj, props, str, type ReadContext, type Reader } from './values.ts';

/** The destination configurations the catalog has: extended S3, S3, OpenSearch Service. */
export function firehoseDestination(p: Record<string, unknown>): {
  kind: 's3' | 'opensearch' | 'other';
  /** The destination (OpenSearch's own, else the bucket's). */
  config: Record<string, unknown>;
  /** The bucket's configuration: the destination, or the OpenSearch destination's backup. */
  bucket: Record<string, unknown>;
} {
  if (p.AmazonopensearchserviceDestinationConfiguration !== undefined) {
    const config = obj(p.AmazonopensearchserviceDestinationConfiguration);
    return { kind: 'opensearch', config, bucket: obj(config.S3Configuration) };
  }
  const s3 = p.ExtendedS3DestinationConfiguration ?? p.S3DestinationConfiguration;
  if (s3 !== undefined) return { kind: 's3', config: obj(s3), bucket: obj(s3) };
  return { kind: 'other', config: {}, bucket: {} };
}

/**
 * Why the catalog cannot hold this stream (it would re-export differently), or undefined. The
 * catalog's stream reads direct put or a Kinesis stream and delivers to S3 or an OpenSearch
 * domain of the template, keeping only refused documents, without transformation.
 */
export function unsupportedFirehose(
  p: Record<string, unknown>,
  ctx: Pick<ReadContext, 'value' | 'resource'>,
): string | undefined {
  const type = ctx.value(p.DeliveryStreamType);
  if (type !== undefined && type !== 'DirectPut' && type !== 'KinesisStreamAsSource')
    return `a ${String(type)} source: the catalog's streams read direct put or a Kinesis stream`;
  const destination = firehoseDestination(p);
  if (destination.kind === 'other')
    return 'a destination other than S3 or OpenSearch Service (the catalog delivers to those two)';
  const c = destination.config;
  if (
    c.ProcessingConfiguration !== undefined ||
    c.DataFormatConversionConfiguration !== undefined ||
    c.DynamicPartitioningConfiguration !== undefined ||
    (destination.kind === 's3' && c.S3BackupMode !== undefined && ctx.value(c.S3BackupMode) !== 'Disabled')
  )
    return 'record transformation, format conversion, dynamic partitioning or a source backup: the catalog holds none';
  if (destination.kind === 'opensearch') {
    const domain = ctx.resource(c.DomainARN);
    if (!domain || !/^AWS::(OpenSearchService|Elasticsearch)::Domain$/.test(domain.type))
      return 'an OpenSearch destination outside the template (a cluster endpoint or another domain): the catalog delivers to a domain it holds';
    const mode = ctx.value(c.S3BackupMode);
    if (mode !== undefined && mode !== 'FailedDocumentsOnly')
      return 'an OpenSearch destination backing up every document: the catalog keeps only refused ones';
    if (c.DocumentIdOptions !== undefined || c.TypeName !== undefined)
      return 'document id options or a mapping type: the catalog leaves both to OpenSearch';
  }
  return undefined;
}

export const firehose: Reader = (p, ctx) => {
  const { kind, config, bucket } = firehoseDestination(p);
  const buffering = obj(deep(ctx, config.BufferingHints));
  const logging = obj(deep(ctx, config.CloudWatchLoggingOptions));
  const logGroup = logging.LogGroupName === undefined ? undefined : ctx.resource(logging.LogGroupName);
  const search = kind === 'opensearch';
  return props({
    bufferSizeMb: num(ctx, buffering.SizeInMBs) ?? 5,
    bufferIntervalSeconds: num(ctx, buffering.IntervalInSeconds) ?? 300,
    compression: str(ctx, bucket.CompressionFormat) ?? 'UNCOMPRESSED',
    prefix: str(ctx, bucket.Prefix) ?? '',
    errorOutputPrefix: str(ctx, bucket.ErrorOutputPrefix) ?? '',
    encryption: p.DeliveryStreamEncryptionConfigurationInput !== undefined,
    logging: bool(ctx, logging.Enabled) ?? false,
    logRetentionDays:
      logGroup?.type === 'AWS::Logs::LogGroup' ? num(ctx, logGroup.props.RetentionInDays) : undefined,
    indexName: search ? str(ctx, config.IndexName) : undefined,
    indexRotation: search ? (str(ctx, config.IndexRotationPeriod) ?? 'OneDay') : undefined,
    retrySeconds: search
      ? (num(ctx, obj(deep(ctx, config.RetryOptions)).DurationInSeconds) ?? 300)
      : undefined,
  });
};

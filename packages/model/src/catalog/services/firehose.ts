import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  DATA_CLIENTS,
  WATCHED_BY_ALARM,
  bool,
  checkLogRetention,
  choice,
  logRetentionDaysProperty,
  num,
  reader,
  text,
} from '../define.ts';

/** The compression formats Firehose writes to S3 (its CompressionFormat values). */
export const FIREHOSE_COMPRESSION = ['UNCOMPRESSED', 'GZIP', 'Snappy', 'ZIP', 'HADOOP_SNAPPY'] as const;

/** How often an OpenSearch destination starts a new index (Firehose's IndexRotationPeriod values). */
export const FIREHOSE_INDEX_ROTATIONS = ['NoRotation', 'OneHour', 'OneDay', 'OneWeek', 'OneMonth'] as const;
export type FirehoseIndexRotation = (typeof FIREHOSE_INDEX_ROTATIONS)[number];

/** The largest buffer an OpenSearch destination takes (its BufferingHints.SizeInMBs; S3 takes 128). */
export const FIREHOSE_OPENSEARCH_MAX_BUFFER_MB = 100;

/**
 * OpenSearch index names: lowercase, not starting with _, - or +, none of space , : " * + / \ | ? # > <.
 * Narrower here: letters, digits, '.', '_' and '-' after a letter or digit, so the name is also
 * safe inside the role's ARNs (index*\/_stats) and every target's string syntax. Firehose takes
 * at most 80 characters and appends the rotation's date suffix itself.
 */
export const OPENSEARCH_INDEX_NAME_PATTERN = '^[a-z0-9][a-z0-9._-]*$';

const properties = [
  num('bufferSizeMb', 'Buffer size', 5, {
    unit: 'MB',
    integer: true,
    min: 1,
    max: 128,
    help: 'Firehose writes an object when this much has arrived or the interval passes, whichever is first.',
  }),
  num('bufferIntervalSeconds', 'Buffer interval', 300, {
    unit: 'seconds',
    integer: true,
    min: 0,
    max: 900,
    help: 'Longer intervals make fewer, larger objects (cheaper to store and query); shorter ones deliver sooner.',
  }),
  choice(
    'compression',
    'Compression',
    'GZIP',
    [
      ['GZIP', 'GZIP'],
      ['Snappy', 'Snappy'],
      ['ZIP', 'ZIP'],
      ['HADOOP_SNAPPY', 'Hadoop-compatible Snappy'],
      ['UNCOMPRESSED', 'None'],
    ],
    { help: 'Compressed objects cost less to store and to scan with Athena.' },
  ),
  text('prefix', 'Object key prefix', 'data/!{timestamp:yyyy/MM/dd}/', {
    maxLength: 1024,
    sameInEveryEnvironment: true,
    help: 'Where delivered objects go in the bucket. !{timestamp:...} expressions partition by arrival time (dynamic prefix).',
  }),
  text(
    'errorOutputPrefix',
    'Error output prefix',
    'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
    {
      maxLength: 1024,
      sameInEveryEnvironment: true,
      help: 'Where records Firehose could not deliver or transform go, apart from the data.',
    },
  ),
  bool('encryption', 'Server-side encryption', true, {
    sameInEveryEnvironment: true,
    help: 'Encrypts records while Firehose holds them (direct put only; a connected stream encrypts them itself).',
  }),
  bool('logging', 'CloudWatch error logging', true, {
    sameInEveryEnvironment: true,
    help: 'Delivery errors go to a log group the generators create, with its retention.',
  }),
  logRetentionDaysProperty(),
  text('indexName', 'OpenSearch index', 'records', {
    pattern: OPENSEARCH_INDEX_NAME_PATTERN,
    patternHint:
      'must be lowercase letters, digits, ".", "_" or "-", starting with a letter or digit (an OpenSearch index name)',
    maxLength: 80,
    sameInEveryEnvironment: true,
    help: 'With an OpenSearch destination: the index records go to (with rotation, the start of each index name).',
  }),
  choice(
    'indexRotation',
    'Index rotation',
    'OneDay',
    [
      ['NoRotation', 'None (one index)'],
      ['OneHour', 'Hourly'],
      ['OneDay', 'Daily'],
      ['OneWeek', 'Weekly'],
      ['OneMonth', 'Monthly'],
    ],
    {
      sameInEveryEnvironment: true,
      help: 'With an OpenSearch destination: Firehose appends the date to the index name, so old indices can be deleted whole.',
    },
  ),
  num('retrySeconds', 'Retry duration', 300, {
    unit: 'seconds',
    integer: true,
    min: 0,
    max: 7200,
    sameInEveryEnvironment: true,
    help: 'With an OpenSearch destination: how long Firehose retries a refused batch before it writes the documents to the backup bucket.',
  }),
];

export const firehose: ServiceDefinition = {
  type: 'firehose',
  displayName: 'Data Firehose',
  keywords: [
    'firehose',
    'kinesis firehose',
    'data firehose',
    'delivery stream',
    'kinesis data firehose',
    'stream to s3',
    'ingestion',
  ],
  category: 'Analytics',
  icon: 'firehose',
  description:
    'Delivers records to S3 in buffered, compressed objects under a time-partitioned prefix, or indexes them in a connected OpenSearch domain (keeping the documents it refuses in the bucket): producers put records directly, or it reads a connected Kinesis data stream. Connect it to the bucket it writes to (or the lowering creates one).',
  placements: ['regional'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const issues: PropertyIssue[] = [...checkLogRetention(props)];
    // Firehose refuses an empty index name (the pattern check skips empty text).
    if (p.str('indexName') === '')
      issues.push({ path: 'indexName', message: 'OpenSearch index needs a name' });
    // Firehose refuses a prefix with expressions unless errors have a prefix of their own.
    if (p.str('prefix').includes('!{') && p.str('errorOutputPrefix') === '')
      issues.push({
        path: 'errorOutputPrefix',
        message: 'A prefix with !{...} expressions needs an error output prefix too',
      });
    if (
      p.str('errorOutputPrefix').includes('!{') &&
      !p.str('errorOutputPrefix').includes('!{firehose:error-output-type}')
    )
      issues.push({
        path: 'errorOutputPrefix',
        message: 'An error prefix with expressions must contain !{firehose:error-output-type}',
      });
    return issues;
  },
  accepts: [
    { kind: 'write', from: DATA_CLIENTS, meaning: 'puts records on' },
    { kind: 'event-source', from: ['kinesis-stream'], meaning: 'feeds records to' },
    WATCHED_BY_ALARM,
  ],
  // The stream, its role and policy; the log group and stream; a created destination (or, with
  // OpenSearch, backup) bucket (with its TLS policy, access-log bucket and that bucket's policy)
  // when none is drawn. An OpenSearch destination's security group counts on its connection.
  stackResources: ({ props, outgoing }) => ({
    count:
      3 +
      (props.logging === false ? 0 : 2) +
      (outgoing.some((c) => c.kind === 'write' && c.toType === 's3') ? 0 : 4),
  }),
};

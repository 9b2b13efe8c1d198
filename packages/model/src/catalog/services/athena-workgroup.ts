import type { ServiceDefinition } from '../types.ts';
import { WATCHED_BY_ALARM, bool, num } from '../define.ts';

export const athenaWorkgroup: ServiceDefinition = {
  type: 'athena-workgroup',
  displayName: 'Athena workgroup',
  keywords: ['sql', 'query', 'analytics', 'presto', 'trino', 'data lake', 'sql on s3'],
  category: 'Analytics',
  icon: 'athena-workgroup',
  description:
    'Serverless SQL over data in S3, billed per byte scanned. The workgroup fixes where results go, encrypts them and caps what one query may scan. Connect it to the buckets it queries.',
  placements: ['regional'],
  properties: [
    bool('enforceConfiguration', 'Enforce workgroup settings', true, {
      help: 'Clients cannot override the result location, encryption or scan limit.',
    }),
    num('bytesScannedCutoffGb', 'Scan limit per query', 10, {
      unit: 'GB',
      min: 0,
      max: 1000000,
      help: '0 = no limit. Queries scanning more are cancelled, which caps the cost of one runaway query.',
    }),
    bool('resultsEncryption', 'Encrypt results', true, {
      help: 'Query results in S3 are encrypted (SSE-S3).',
    }),
  ],
  accepts: [WATCHED_BY_ALARM],
  // The workgroup; with no bucket it writes results to, a results bucket with its policy and
  // access-log bucket.
  stackResources: ({ outgoing }) => ({
    count: outgoing.some((c) => c.toType === 's3' && (c.kind === 'write' || c.kind === 'read-write')) ? 1 : 5,
  }),
};

import type { ServiceDefinition } from '../types.ts';
import { DATA_CLIENTS, PUBLISHERS, WATCHED_BY_ALARM, bool, choice, dataAccess, num } from '../define.ts';

export const kinesisStream: ServiceDefinition = {
  type: 'kinesis-stream',
  displayName: 'Kinesis data stream',
  abbreviations: ['kds'],
  keywords: ['stream', 'streaming', 'data stream', 'kinesis data streams', 'real time', 'event stream'],
  category: 'Analytics',
  icon: 'kinesis-stream',
  description:
    'Ordered, replayable stream of records (clickstreams, telemetry, change events) read by several consumers at once; Lambda reads it in batches per shard.',
  placements: ['regional'],
  properties: [
    choice(
      'mode',
      'Capacity mode',
      'on-demand',
      [
        ['on-demand', 'On-demand'],
        ['provisioned', 'Provisioned shards'],
      ],
      { help: 'On-demand scales shards automatically; provisioned is cheaper for steady, known throughput.' },
    ),
    num('shards', 'Shards', 1, {
      integer: true,
      min: 1,
      max: 500,
      help: 'Each shard takes 1 MB/s or 1000 records/s in and serves 2 MB/s out.',
      visibleWhen: { key: 'mode', equals: 'provisioned' },
    }),
    num('retentionHours', 'Retention', 24, {
      unit: 'hours',
      integer: true,
      min: 24,
      max: 8760,
      help: 'How far back consumers can replay; beyond 24 hours costs extra per shard-hour.',
    }),
    bool('encryption', 'KMS encryption', true, { help: 'Server-side encryption of records with KMS.' }),
  ],
  accepts: [
    { kind: 'publish', from: PUBLISHERS, meaning: 'puts records on' },
    ...dataAccess(DATA_CLIENTS, {
      read: 'reads records from',
      write: 'puts records on',
      readWrite: 'reads and puts records on',
    }),
    WATCHED_BY_ALARM,
  ],
  stackResources: () => ({ count: 1 }),
};

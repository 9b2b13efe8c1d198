import type { ServiceDefinition } from '../types.ts';
import { DATA_CLIENTS, WATCHED_BY_ALARM, dataAccess, num, onDeleteProperty } from '../define.ts';

export const timestream: ServiceDefinition = {
  type: 'timestream',
  displayName: 'Timestream database',
  keywords: ['time series', 'timeseries', 'metrics', 'iot'],
  category: 'Database',
  icon: 'timestream',
  description:
    'Serverless time-series database (Timestream for LiveAnalytics): recent data in a fast memory store, history in a cheap magnetic store. Note that AWS closed LiveAnalytics to new customers in 2025; new accounts use Timestream for InfluxDB.',
  placements: ['regional'],
  properties: [
    num('memoryRetentionHours', 'Memory store retention', 24, {
      unit: 'hours',
      integer: true,
      min: 1,
      max: 8766,
      help: 'Recent data kept in the memory store for fast point queries; writes must fall inside this window.',
    }),
    num('magneticRetentionDays', 'Magnetic store retention', 365, {
      unit: 'days',
      integer: true,
      min: 1,
      max: 73000,
      help: 'How long history stays queryable before it is deleted.',
    }),
    onDeleteProperty(false),
  ],
  accepts: [
    ...dataAccess(DATA_CLIENTS, {
      read: 'queries',
      write: 'writes records to',
      readWrite: 'writes and queries',
    }),
    WATCHED_BY_ALARM,
  ],
  // The database and its table.
  stackResources: () => ({ count: 2 }),
};

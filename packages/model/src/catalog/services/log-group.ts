import type { ServiceDefinition } from '../types.ts';
import {
  APP_COMPUTE,
  WATCHED_BY_ALARM,
  bool,
  checkLogRetention,
  logRetentionDaysProperty,
  ownKeyCount,
} from '../define.ts';

export const logGroup: ServiceDefinition = {
  type: 'log-group',
  displayName: 'CloudWatch log group',
  keywords: ['logs', 'log', 'logging', 'cloudwatch logs'],
  category: 'Management',
  icon: 'log-group',
  description:
    'Shared CloudWatch Logs group with a retention period, for application logs that several components write, or audit logs kept longer than the default.',
  placements: ['regional'],
  properties: [
    logRetentionDaysProperty('retentionDays'),
    bool('kmsEncryption', 'KMS encryption', false, {
      help: 'Log data is always encrypted; a customer managed key adds key policies and the ability to revoke access.',
    }),
  ],
  validate: (props) => checkLogRetention(props, 'retentionDays'),
  accepts: [
    { kind: 'write', from: APP_COMPUTE, meaning: 'writes logs to' },
    { kind: 'write', from: ['cloudtrail'], meaning: 'delivers events to' },
    WATCHED_BY_ALARM,
  ],
  stackResources: ({ props, outgoing }) => ({
    count: 1 + ownKeyCount(props.kmsEncryption === true, { outgoing }),
  }),
};

import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  bool,
  choice,
  num,
  reader,
  text,
  trafficFromCompute,
  securityGroup,
} from '../define.ts';
import { ENGINE_VERSIONS } from '../versions.ts';

const redis = ENGINE_VERSIONS.redis;

const properties = [
  choice(
    'engine',
    'Engine',
    'redis',
    [
      ['redis', 'Redis OSS'],
      ['memcached', 'Memcached'],
    ],
    {
      help: 'Redis has replication, failover, AUTH, at-rest encryption and backups. Memcached is a plain multi-threaded cache without any of those: switch them off when choosing it.',
    },
  ),
  choice('redisVersion', 'Redis OSS version', redis.default, redis.options, {
    help: 'Redis OSS engine version; 7.1 is the last Redis OSS release on ElastiCache (later ones are Valkey). Older lines leave standard support first.',
    visibleWhen: { key: 'engine', equals: 'redis' },
  }),
  text('nodeType', 'Node type', 'cache.t4g.small', {
    pattern: '^cache\\.[a-z0-9]+\\.[a-z0-9]+$',
    patternHint: 'must be a cache node type like cache.t4g.small',
  }),
  num('nodes', 'Nodes', 2, {
    integer: true,
    min: 1,
    max: 6,
    help: 'Redis: one primary plus replicas in other AZs. Memcached: independent nodes sharing the key space (port 11211 instead of 6379).',
  }),
  bool('automaticFailover', 'Automatic failover (Multi-AZ)', true, {
    help: 'Promotes a replica in another AZ when the primary fails. Redis only; needs at least 2 nodes.',
  }),
  bool('atRestEncryption', 'Encryption at rest', true, {
    help: 'Encrypts data on disk and in backups. Redis only for node-based clusters.',
  }),
  bool('transitEncryption', 'Encryption in transit', true, {
    help: 'TLS between clients and nodes; clients must connect with TLS.',
  }),
  bool('authToken', 'AUTH token', true, {
    help: 'Clients must present a token kept in Secrets Manager. Redis only; requires encryption in transit.',
  }),
  num('snapshotRetentionDays', 'Snapshot retention', 1, {
    unit: 'days',
    integer: true,
    min: 0,
    max: 35,
    help: '0 = no automatic backups. Redis only.',
  }),
];

export const elasticache: ServiceDefinition = {
  type: 'elasticache',
  displayName: 'ElastiCache cluster',
  keywords: ['redis', 'memcached', 'valkey', 'cache', 'in memory', 'session store'],
  category: 'Database',
  icon: 'elasticache',
  description:
    'In-memory Redis OSS or Memcached cache in isolated subnets for sessions, hot reads and rate limiting; reachable only from connected compute.',
  placements: ['isolated'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const issues: PropertyIssue[] = [];
    if (p.str('engine') === 'memcached') {
      const redisFeatures: [string, boolean][] = [
        ['automaticFailover', p.bool('automaticFailover')],
        ['authToken', p.bool('authToken')],
        ['atRestEncryption', p.bool('atRestEncryption')],
        ['snapshotRetentionDays', p.num('snapshotRetentionDays') > 0],
      ];
      for (const [key, on] of redisFeatures)
        if (on)
          issues.push({
            path: key,
            message: `Memcached does not support ${labelOf(key)}; switch it off or use Redis`,
          });
      return issues;
    }
    if (p.bool('automaticFailover') && p.num('nodes') < 2)
      issues.push({
        path: 'nodes',
        message: 'Automatic failover needs at least 2 nodes (a primary and a replica)',
      });
    if (p.bool('authToken') && !p.bool('transitEncryption'))
      issues.push({ path: 'authToken', message: 'An AUTH token requires encryption in transit' });
    return issues;
  },
  accepts: [trafficFromCompute('connects to'), WATCHED_BY_ALARM],
  listener: { port: 6379, protocol: 'tcp' },
  // Security group and subnet group in a VPC; the replication group (or Memcached cluster); the
  // Redis AUTH token secret.
  stackResources: (input) => ({
    count:
      2 * securityGroup(input) +
      1 +
      (input.props.engine === 'redis' && input.props.authToken === true ? 1 : 0),
  }),
};

function labelOf(key: string): string {
  return properties.find((d) => d.key === key)?.label.toLowerCase() ?? key;
}

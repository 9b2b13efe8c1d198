import type { ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  backupRetentionDaysProperty,
  bool,
  choice,
  deletionProtectionProperty,
  onDeleteProperty,
  iamAuthProperty,
  num,
  reader,
  storageEncryptedProperty,
  text,
  trafficFromCompute,
  securityGroup,
  BACKED_UP_BY_PLAN,
} from '../define.ts';
import { ENGINE_VERSIONS } from '../versions.ts';

/**
 * Major versions RDS offers per engine; checked so "mysql 16.4" cannot reach a generator. RDS adds
 * minors every quarter, so the version stays free text; `versions.ts` dates each major.
 */
const ENGINE_VERSION_PATTERNS: Record<string, RegExp> = {
  postgres: /^1[1-8](\.\d+)?$/,
  mysql: /^(5\.7|8\.0|8\.4)(\.\d+)?$/,
};

const properties = [
  choice(
    'engine',
    'Engine',
    'postgres',
    [
      ['postgres', 'PostgreSQL'],
      ['mysql', 'MySQL'],
    ],
    {
      sameInEveryEnvironment: true,
      help: 'Switching engine also means a new engine version and port (PostgreSQL 5432, MySQL 3306).',
    },
  ),
  text('engineVersion', 'Engine version', ENGINE_VERSIONS.postgres.default, {
    pattern: '^\\d+(\\.\\d+){0,2}$',
    patternHint: `must be a version like ${ENGINE_VERSIONS.postgres.default} or ${ENGINE_VERSIONS.mysql.default}`,
    help: `PostgreSQL e.g. ${ENGINE_VERSIONS.postgres.default}; MySQL e.g. ${ENGINE_VERSIONS.mysql.default}. Minor upgrades apply automatically in the maintenance window.`,
  }),
  text('instanceClass', 'Instance class', 'db.t4g.medium', {
    pattern: '^db\\.[a-z0-9]+\\.[a-z0-9]+$',
    patternHint: 'must be a DB instance class like db.t4g.medium',
    help: 'Burstable t4g classes suit dev and small workloads; m7g/r7g for steady production load.',
  }),
  num('allocatedStorageGb', 'Storage', 20, {
    unit: 'GB',
    integer: true,
    min: 20,
    max: 65536,
    help: 'Initial gp3 storage; storage auto scaling grows it when it runs low.',
  }),
  bool('multiAz', 'Multi-AZ', false, {
    help: 'A synchronous standby in a second AZ with automatic failover in 1-2 minutes. Doubles instance cost; expected in production.',
  }),
  backupRetentionDaysProperty(0),
  deletionProtectionProperty(),
  onDeleteProperty(true),
  storageEncryptedProperty(),
  iamAuthProperty(),
  bool('publiclyAccessible', 'Publicly accessible', false, {
    help: 'Gives the instance a public DNS name and IP. Databases belong in isolated subnets, reachable only from the application.',
  }),
  num('port', 'Port', 5432, {
    integer: true,
    min: 1150,
    max: 65535,
    help: 'PostgreSQL listens on 5432 and MySQL on 3306 by convention; security groups open only this port from connected compute.',
  }),
];

export const rds: ServiceDefinition = {
  type: 'rds',
  displayName: 'RDS database',
  keywords: ['mysql', 'postgres', 'postgresql', 'sql', 'relational', 'database', 'db'],
  category: 'Database',
  icon: 'rds',
  description:
    'Managed PostgreSQL or MySQL instance in isolated subnets: automated backups, patching, optional Multi-AZ standby, master password kept in Secrets Manager.',
  placements: ['isolated'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const engine = p.str('engine');
    const version = p.str('engineVersion');
    if (!ENGINE_VERSION_PATTERNS[engine]?.test(version))
      return [
        {
          path: 'engineVersion',
          message:
            engine === 'mysql'
              ? `"${version}" is not a MySQL version RDS offers (5.7, 8.0 or 8.4, e.g. ${ENGINE_VERSIONS.mysql.default})`
              : `"${version}" is not a PostgreSQL version RDS offers (11 to 18, e.g. ${ENGINE_VERSIONS.postgres.default})`,
        },
      ];
    return [];
  },
  accepts: [trafficFromCompute('connects to'), WATCHED_BY_ALARM, BACKED_UP_BY_PLAN],
  listener: { port: 5432, protocol: 'tcp' },
  // Security group and subnet group in a VPC, and the instance.
  stackResources: (input) => ({ count: 2 * securityGroup(input) + 1 }),
};

import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  backupRetentionDaysProperty,
  choice,
  deletionProtectionProperty,
  onDeleteProperty,
  iamAuthProperty,
  num,
  reader,
  storageEncryptedProperty,
  text,
  trafficFromCompute,
  countOf,
  securityGroup,
  BACKED_UP_BY_PLAN,
} from '../define.ts';
import { ENGINE_VERSIONS } from '../versions.ts';

const serverless = { key: 'capacity', equals: 'serverless-v2' };
const postgres = ENGINE_VERSIONS['aurora-postgresql'];
const mysql = ENGINE_VERSIONS['aurora-mysql'];

const properties = [
  choice(
    'engine',
    'Engine',
    'aurora-postgresql',
    [
      ['aurora-postgresql', 'Aurora PostgreSQL'],
      ['aurora-mysql', 'Aurora MySQL'],
    ],
    { sameInEveryEnvironment: true, help: 'Aurora PostgreSQL listens on 5432, Aurora MySQL on 3306.' },
  ),
  choice('postgresVersion', 'PostgreSQL version', postgres.default, postgres.options, {
    help: 'Engine version of an Aurora PostgreSQL cluster; minor upgrades apply in the maintenance window. A new major version is an upgrade you plan.',
    visibleWhen: { key: 'engine', equals: 'aurora-postgresql' },
  }),
  choice('mysqlVersion', 'MySQL version', mysql.default, mysql.options, {
    help: 'Engine version of an Aurora MySQL cluster. Serverless v2 needs Aurora MySQL 3 (MySQL 8.0).',
    visibleWhen: { key: 'engine', equals: 'aurora-mysql' },
  }),
  choice(
    'capacity',
    'Capacity',
    'serverless-v2',
    [
      ['serverless-v2', 'Serverless v2 (scales in ACUs)'],
      ['provisioned', 'Provisioned instances'],
    ],
    {
      help: 'Serverless v2 scales each instance between min and max ACUs in seconds; provisioned instances are cheaper under steady load.',
    },
  ),
  text('instanceClass', 'Instance class', 'db.r7g.large', {
    pattern: '^db\\.[a-z0-9]+\\.[a-z0-9]+$',
    patternHint: 'must be a DB instance class like db.r7g.large',
    help: 'Class of the writer and readers when capacity is provisioned.',
    visibleWhen: { key: 'capacity', equals: 'provisioned' },
  }),
  num('readers', 'Readers', 1, {
    integer: true,
    min: 0,
    max: 15,
    help: 'Reader instances in other AZs. With at least one, a writer failure promotes a reader in about 30 seconds.',
  }),
  num('minAcu', 'Minimum ACUs', 0.5, {
    unit: 'ACU',
    min: 0,
    max: 256,
    help: 'One ACU is about 2 GiB of memory. 0 lets an idle cluster pause (recent engine versions only; the first query then waits for resume); 0.5 is the smallest always-on size.',
    visibleWhen: serverless,
  }),
  num('maxAcu', 'Maximum ACUs', 4, {
    unit: 'ACU',
    min: 1,
    max: 256,
    help: 'Upper bound for scaling, and for the bill.',
    visibleWhen: serverless,
  }),
  backupRetentionDaysProperty(1),
  deletionProtectionProperty(),
  onDeleteProperty(true),
  storageEncryptedProperty(),
  iamAuthProperty(),
];

export const aurora: ServiceDefinition = {
  type: 'aurora',
  displayName: 'Aurora cluster',
  keywords: ['mysql', 'postgres', 'postgresql', 'sql', 'relational', 'rds', 'database', 'db'],
  category: 'Database',
  icon: 'aurora',
  description:
    'Aurora PostgreSQL or MySQL cluster in isolated subnets: storage replicated six ways across three AZs, fast failover to readers, Serverless v2 scaling for variable load.',
  placements: ['isolated'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    if (p.str('capacity') !== 'serverless-v2') return [];
    const issues: PropertyIssue[] = [];
    const onMysql = p.str('engine') === 'aurora-mysql';
    const version = onMysql ? p.str('mysqlVersion') : p.str('postgresVersion');
    if (onMysql && !version.startsWith('8.0.'))
      issues.push({
        path: 'mysqlVersion',
        message:
          'Serverless v2 needs Aurora MySQL 3 (MySQL 8.0); choose a 3.x version or provisioned capacity',
      });
    else if (p.num('minAcu') === 0 && !pausesAtZeroAcu(onMysql, version))
      issues.push({
        path: 'minAcu',
        message: `0 ACUs (auto-pause) needs ${onMysql ? 'Aurora MySQL 3.08' : 'Aurora PostgreSQL 13.15, 14.12, 15.7, 16.3'} or later; use 0.5 or a newer version`,
      });
    for (const key of ['minAcu', 'maxAcu'])
      if (!Number.isInteger(p.num(key) * 2)) issues.push({ path: key, message: 'ACUs come in steps of 0.5' });
    if (p.num('minAcu') > p.num('maxAcu'))
      issues.push({
        path: 'minAcu',
        message: `Minimum ACUs (${p.num('minAcu')}) is above the maximum (${p.num('maxAcu')})`,
      });
    return issues;
  },
  accepts: [trafficFromCompute('connects to'), WATCHED_BY_ALARM, BACKED_UP_BY_PLAN],
  listener: { port: 5432, protocol: 'tcp' },
  // Security group and subnet group in a VPC; the cluster, its writer and each reader.
  stackResources: (input) => ({
    count: 2 * securityGroup(input) + 2 + countOf(input.props, 'readers'),
  }),
};

/** Whether the version can pause at 0 ACUs (Aurora MySQL 3.08+, Aurora PostgreSQL 13.15+/14.12+/15.7+/16.3+, 17+). */
function pausesAtZeroAcu(onMysql: boolean, version: string): boolean {
  const n = version
    .split(/[._]/)
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
  if (onMysql) {
    // 8.0.mysql_aurora.3.08.0 -> [8, 0, 3, 8, 0]
    const [major = 0, minor = 0] = n.slice(2);
    return major > 3 || (major === 3 && minor >= 8);
  }
  const [major = 0, minor = 0] = n;
  const firstMinor: Record<number, number> = { 13: 15, 14: 12, 15: 7, 16: 3 };
  if (major >= 17) return true;
  const needed = firstMinor[major];
  return needed !== undefined && minor >= needed;
}

import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  backupRetentionDaysProperty,
  choice,
  deletionProtectionProperty,
  iamAuthProperty,
  num,
  reader,
  storageEncryptedProperty,
  text,
  trafficFromCompute,
  countOf,
  securityGroup,
} from '../define.ts';

const serverless = { key: 'capacity', equals: 'serverless-v2' };

const properties = [
  choice(
    'engine',
    'Engine',
    'aurora-postgresql',
    [
      ['aurora-postgresql', 'Aurora PostgreSQL'],
      ['aurora-mysql', 'Aurora MySQL'],
    ],
    { help: 'Aurora PostgreSQL listens on 5432, Aurora MySQL on 3306.' },
  ),
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
    for (const key of ['minAcu', 'maxAcu'])
      if (!Number.isInteger(p.num(key) * 2)) issues.push({ path: key, message: 'ACUs come in steps of 0.5' });
    if (p.num('minAcu') > p.num('maxAcu'))
      issues.push({
        path: 'minAcu',
        message: `Minimum ACUs (${p.num('minAcu')}) is above the maximum (${p.num('maxAcu')})`,
      });
    return issues;
  },
  accepts: [trafficFromCompute('connects to'), WATCHED_BY_ALARM],
  listener: { port: 5432, protocol: 'tcp' },
  // Security group and subnet group in a VPC; the cluster, its writer and each reader.
  stackResources: (input) => ({
    count: 2 * securityGroup(input) + 2 + countOf(input.props, 'readers'),
  }),
};

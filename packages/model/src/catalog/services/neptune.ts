import type { ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  backupRetentionDaysProperty,
  choice,
  deletionProtectionProperty,
  onDeleteProperty,
  iamAuthProperty,
  num,
  storageEncryptedProperty,
  text,
  trafficFromCompute,
  countOf,
  securityGroup,
  BACKED_UP_BY_PLAN,
} from '../define.ts';
import { ENGINE_VERSIONS } from '../versions.ts';

const versions = ENGINE_VERSIONS.neptune;

export const neptune: ServiceDefinition = {
  type: 'neptune',
  displayName: 'Neptune cluster',
  keywords: ['graph', 'graph database', 'gremlin', 'sparql', 'opencypher', 'database', 'db'],
  category: 'Database',
  icon: 'neptune',
  description:
    'Managed graph database (Gremlin, openCypher, SPARQL) in isolated subnets; clients connect over TLS on port 8182.',
  placements: ['isolated'],
  properties: [
    choice('engineVersion', 'Engine version', versions.default, versions.options, {
      help: 'Each Neptune version has an end-of-life date, after which AWS upgrades the cluster in a maintenance window.',
    }),
    text('instanceClass', 'Instance class', 'db.r6g.large', {
      pattern: '^db\\.[a-z0-9]+\\.[a-z0-9]+$',
      patternHint: 'must be a Neptune instance class like db.r6g.large',
    }),
    num('instances', 'Instances', 2, {
      integer: true,
      min: 1,
      max: 16,
      help: 'One writer plus readers; with two or more, a reader in another AZ takes over when the writer fails.',
    }),
    backupRetentionDaysProperty(1),
    storageEncryptedProperty(),
    iamAuthProperty(),
    deletionProtectionProperty(),
    onDeleteProperty(true),
  ],
  accepts: [trafficFromCompute('queries over TLS :8182'), WATCHED_BY_ALARM, BACKED_UP_BY_PLAN],
  listener: { port: 8182, protocol: 'https' },
  // Security group and subnet group in a VPC; the cluster and its instances.
  stackResources: (input) => ({
    count: 2 * securityGroup(input) + 1 + countOf(input.props, 'instances'),
  }),
};

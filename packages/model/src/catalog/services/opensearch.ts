import type { ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  bool,
  choice,
  num,
  onDeleteProperty,
  reader,
  text,
  trafficFromCompute,
  securityGroup,
} from '../define.ts';
import { ENGINE_VERSIONS } from '../versions.ts';

const versions = ENGINE_VERSIONS.opensearch;

const properties = [
  choice('engineVersion', 'Engine version', versions.default, versions.options, {
    help: 'A newer version upgrades the domain in place (blue/green); Elasticsearch versions are for domains that still need them.',
  }),
  text('instanceType', 'Data node type', 'r7g.large.search', {
    pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+\\.search$',
    patternHint: 'must be an OpenSearch instance type like r7g.large.search',
    help: 'Memory-optimised r7g suits search and log analytics; t3 types are for dev only and lack some features.',
  }),
  num('instanceCount', 'Data nodes', 2, {
    integer: true,
    min: 1,
    max: 80,
    help: 'With zone awareness the count must be even (two AZs), so each AZ holds a full copy of the shards.',
  }),
  bool('dedicatedMasters', 'Dedicated master nodes', false, {
    help: 'Three dedicated master nodes keep the cluster stable under load and during blue/green changes. Recommended in production.',
  }),
  bool('zoneAwareness', 'Zone awareness', true, {
    help: 'Spreads nodes and shard replicas over two AZs so the domain survives the loss of one.',
  }),
  num('volumeSizeGb', 'EBS volume per node', 20, { unit: 'GB', integer: true, min: 10, max: 16384 }),
  bool('encryptionAtRest', 'Encryption at rest', true, {
    help: 'Encrypts indices, logs and snapshots with KMS; cannot be turned on later for older domains.',
  }),
  bool('nodeToNodeEncryption', 'Node-to-node encryption', true, {
    help: 'TLS between the nodes inside the domain.',
  }),
  bool('enforceHttps', 'Require HTTPS', true, {
    help: 'Rejects plain HTTP requests to the domain endpoint (TLS 1.2 minimum).',
  }),
  onDeleteProperty(false),
];

export const opensearch: ServiceDefinition = {
  type: 'opensearch',
  displayName: 'OpenSearch domain',
  abbreviations: ['es', 'aos'],
  keywords: ['elasticsearch', 'elastic', 'search', 'full text search', 'kibana', 'log analytics'],
  category: 'Analytics',
  icon: 'opensearch',
  description:
    'Managed OpenSearch for full-text search and log analytics, deployed inside the VPC (isolated subnets) so only connected compute can reach it.',
  placements: ['isolated'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    if (p.bool('zoneAwareness') && p.num('instanceCount') % 2 !== 0)
      return [
        {
          path: 'instanceCount',
          message: 'With zone awareness over two AZs, use an even number of data nodes',
        },
      ];
    return [];
  },
  accepts: [
    trafficFromCompute('queries over HTTPS'),
    // Firehose indexes into the domain from network interfaces in its VPC: their security group
    // and a rule at each end.
    { kind: 'write', from: ['firehose'], meaning: 'delivers records to', stackResources: { count: 3 } },
    WATCHED_BY_ALARM,
  ],
  listener: { port: 443, protocol: 'https' },
  // Security group in a VPC, the domain and its log group.
  stackResources: (input) => ({ count: securityGroup(input) + 2 }),
};

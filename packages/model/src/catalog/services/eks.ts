import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  bool,
  checkLogRetention,
  checkMinDesiredMax,
  choice,
  logRetentionDaysProperty,
  num,
  reader,
  text,
  securityGroup,
  ALB_TARGET,
} from '../define.ts';
import { ENGINE_VERSIONS } from '../versions.ts';

const kubernetes = ENGINE_VERSIONS.kubernetes;

const properties = [
  choice('version', 'Kubernetes version', kubernetes.default, kubernetes.options, {
    help: 'EKS supports each version for 14 months of standard support, then 12 months of paid extended support. A cluster upgrades one minor version at a time.',
  }),
  text('nodeInstanceType', 'Node instance type', 'm7g.large', {
    pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+$',
    patternHint: 'must be an EC2 instance type like m7g.large',
    help: 'Instance type of the managed node group; Graviton (g) types need arm64 images.',
  }),
  num('nodeMin', 'Minimum nodes', 2, { integer: true, min: 0, max: 450 }),
  num('nodeMax', 'Maximum nodes', 6, { integer: true, min: 1, max: 450 }),
  num('nodeDesired', 'Desired nodes', 2, {
    integer: true,
    min: 0,
    max: 450,
    help: 'Nodes at creation; the cluster autoscaler or Karpenter moves it between minimum and maximum.',
  }),
  bool('endpointPublicAccess', 'Public API endpoint', false, {
    help: 'Exposes the Kubernetes API server to the internet. Keep it private and reach it through a VPN, bastion or CI runner in the VPC.',
  }),
  bool('spot', 'Spot nodes', false, {
    help: 'Spot capacity for the node group: much cheaper, reclaimable at two minutes notice.',
  }),
  logRetentionDaysProperty(),
];

export const eks: ServiceDefinition = {
  type: 'eks',
  displayName: 'EKS cluster',
  abbreviations: ['k8s', 'kube'],
  keywords: ['kubernetes', 'container', 'containers', 'docker', 'helm', 'pods'],
  category: 'Containers',
  icon: 'eks',
  description:
    'Managed Kubernetes control plane with a managed node group in private subnets; control plane logs go to CloudWatch.',
  placements: ['private'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const issues: PropertyIssue[] = checkMinDesiredMax(
      { min: p.num('nodeMin'), desired: p.num('nodeDesired'), max: p.num('nodeMax') },
      { min: 'nodeMin', desired: 'nodeDesired', max: 'nodeMax' },
      'nodes',
    );
    issues.push(...checkLogRetention(props));
    return issues;
  },
  accepts: [
    { kind: 'traffic', from: ['alb'], meaning: 'forwards HTTPS :443 to', stackResources: ALB_TARGET },
    WATCHED_BY_ALARM,
  ],
  listener: { port: 443, protocol: 'https' },
  // Security group, cluster and node roles, secrets KMS key, cluster, node group, log group.
  stackResources: (input) => ({ count: securityGroup(input) + 6 }),
};

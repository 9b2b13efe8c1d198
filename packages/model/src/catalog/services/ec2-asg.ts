import type { ServiceDefinition } from '../types.ts';
import {
  WATCHED_BY_ALARM,
  bool,
  checkMinDesiredMax,
  num,
  reader,
  text,
  securityGroup,
  ALB_TARGET,
} from '../define.ts';

const properties = [
  text('instanceType', 'Instance type', 't4g.small', {
    pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+$',
    patternHint: 'must be an EC2 instance type like t4g.small or m7g.large',
    help: 'Graviton (g) types are cheaper per unit of work; the AMI must match the architecture.',
  }),
  num('minSize', 'Minimum instances', 1, { integer: true, min: 0, max: 1000 }),
  num('maxSize', 'Maximum instances', 3, { integer: true, min: 1, max: 1000 }),
  num('desiredCapacity', 'Desired instances', 2, {
    integer: true,
    min: 0,
    max: 1000,
    help: 'Starting size; scaling policies move it between minimum and maximum. Use at least 2 so an AZ can fail.',
  }),
  bool('useSpot', 'Spot instances', false, {
    help: 'Spot capacity costs up to 90% less but can be reclaimed with two minutes notice; only for stateless, fault-tolerant work.',
  }),
  num('port', 'Application port', 8080, {
    integer: true,
    min: 1,
    max: 65535,
    help: 'Port the application listens on; the load balancer health-checks and forwards to it.',
  }),
];

export const ec2Asg: ServiceDefinition = {
  type: 'ec2-asg',
  displayName: 'EC2 Auto Scaling group',
  abbreviations: ['ec2', 'asg', 'vm'],
  keywords: ['virtual machine', 'instance', 'server', 'autoscaling', 'auto scaling', 'compute'],
  category: 'Compute',
  icon: 'ec2-asg',
  description:
    'A fleet of identical EC2 instances from a launch template, spread across AZs in private subnets and replaced when unhealthy. Instances get an instance profile, never access keys.',
  placements: ['private'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    return checkMinDesiredMax(
      { min: p.num('minSize'), desired: p.num('desiredCapacity'), max: p.num('maxSize') },
      { min: 'minSize', desired: 'desiredCapacity', max: 'maxSize' },
      'instances',
    );
  },
  accepts: [
    { kind: 'traffic', from: ['alb'], meaning: 'forwards HTTP :8080 to', stackResources: ALB_TARGET },
    WATCHED_BY_ALARM,
  ],
  listener: { port: 8080, protocol: 'http' },
  // Security group, role, instance profile, launch template, Auto Scaling group.
  stackResources: (input) => ({ count: securityGroup(input) + 4 }),
};

import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const vpc = () => design('Network fixture').vpc();

export const networkCases: RuleCase[] = [
  {
    ruleId: 'NET-01',
    name: 'internet-facing ALB in a private subnet',
    compliant: vpc().node('alb', { id: 'web' }).build(),
    nonCompliant: vpc().node('alb', { id: 'web', tier: 'private' }).build(),
    expect: { target: 'web', severity: 'high' },
  },
  {
    ruleId: 'NET-01',
    name: 'internal ALB in a public subnet',
    compliant: vpc()
      .node('alb', { id: 'web', tier: 'private', properties: { scheme: 'internal' } })
      .build(),
    nonCompliant: vpc()
      .node('alb', { id: 'web', tier: 'public', properties: { scheme: 'internal' } })
      .build(),
    expect: { target: 'web', severity: 'high' },
  },
  {
    ruleId: 'NET-02',
    name: 'Fargate service in a public subnet',
    compliant: vpc().node('ecs-fargate', { id: 'api' }).build(),
    nonCompliant: vpc().node('ecs-fargate', { id: 'api', tier: 'public' }).build(),
    expect: { target: 'api', severity: 'high' },
  },
  {
    ruleId: 'NET-02',
    name: 'VPC Lambda in an isolated subnet',
    compliant: vpc().node('lambda', { id: 'fn', tier: 'private' }).build(),
    nonCompliant: vpc().node('lambda', { id: 'fn', tier: 'isolated' }).build(),
    expect: { target: 'fn', severity: 'high' },
  },
  {
    ruleId: 'NET-03',
    name: 'private workloads without a NAT gateway',
    compliant: vpc().node('nat-gateway', { id: 'nat' }).node('ecs-fargate', { id: 'api' }).build(),
    nonCompliant: vpc().node('ecs-fargate', { id: 'api' }).build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'medium' },
  },
  {
    ruleId: 'NET-03',
    name: 'private workloads with neither a NAT gateway nor VPC endpoints',
    compliant: vpc()
      .node('vpc-endpoint', { id: 's3', tier: 'private', properties: { service: 's3' } })
      .node('ecs-fargate', { id: 'api' })
      .build(),
    nonCompliant: vpc()
      .node('vpc-endpoint', { id: 's3', tier: 'isolated', properties: { service: 's3' } })
      .node('ecs-fargate', { id: 'api' })
      .build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'medium' },
  },
  {
    ruleId: 'NET-03',
    name: 'one shared NAT gateway in production (fine in dev)',
    compliant: vpc().node('nat-gateway', { id: 'nat' }).override('dev', 'nat', { mode: 'single' }).build(),
    nonCompliant: vpc()
      .node('nat-gateway', { id: 'nat', properties: { mode: 'single' } })
      .build(),
    expect: { target: 'nat', severity: 'medium', environment: 'prod' },
  },
  {
    ruleId: 'NET-04',
    name: 'database in a private subnet',
    compliant: vpc().node('rds', { id: 'db' }).build(),
    nonCompliant: vpc().node('rds', { id: 'db', tier: 'private' }).build(),
    expect: { target: 'db', severity: 'critical' },
  },
  {
    ruleId: 'NET-04',
    name: 'publicly accessible database',
    compliant: vpc()
      .node('rds', { id: 'db', properties: { publiclyAccessible: false } })
      .build(),
    nonCompliant: vpc()
      .node('rds', { id: 'db', properties: { publiclyAccessible: true } })
      .build(),
    expect: { target: 'db', severity: 'critical' },
  },
  {
    ruleId: 'NET-05',
    name: 'public subnets nothing uses',
    compliant: vpc().node('alb', { id: 'web' }).node('ecs-fargate', { id: 'api' }).build(),
    nonCompliant: vpc().node('ecs-fargate', { id: 'api' }).build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'high', manualFix: true },
  },
  {
    ruleId: 'NET-06',
    name: 'one availability zone in an environment',
    compliant: vpc().override('prod', 'main', { azCount: 3 }).build(),
    nonCompliant: vpc().override('dev', 'main', { azCount: 1 }).build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'high' },
  },
  {
    ruleId: 'NET-07',
    name: 'subnets larger than the VPC',
    compliant: vpc().build(),
    nonCompliant: design('Network fixture').vpc({ cidr: '10.0.0.0/26', subnetPrefix: 24 }).build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'critical', manualFix: true },
  },
  {
    ruleId: 'NET-07',
    name: 'overlapping VPCs',
    compliant: vpc().vpc({ id: 'other', cidr: '10.1.0.0/16' }).build(),
    nonCompliant: design('Network fixture')
      .vpc({ cidr: '10.0.0.0/16' })
      .vpc({ id: 'other', cidr: '10.0.128.0/17', subnetPrefix: 24 })
      .build(),
    expect: { target: 'other', targetKind: 'vpc', severity: 'critical', manualFix: true },
  },
  {
    ruleId: 'NET-07',
    name: 'explicit subnet CIDRs that overlap',
    compliant: design('Network fixture')
      .vpc({
        subnetCidrs: { public: ['10.0.1.0/24', '10.0.2.0/24'], private: ['10.0.10.0/24', '10.0.20.0/24'] },
      })
      .build(),
    nonCompliant: design('Network fixture')
      .vpc({
        subnetCidrs: { public: ['10.0.1.0/24', '10.0.2.0/24'], private: ['10.0.2.0/24', '10.0.20.0/24'] },
      })
      .build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'critical' },
  },
  {
    ruleId: 'NET-07',
    name: 'an explicit subnet CIDR outside the VPC',
    compliant: design('Network fixture')
      .vpc({ subnetCidrs: { isolated: ['10.0.100.0/24', '10.0.200.0/24'] } })
      .build(),
    nonCompliant: design('Network fixture')
      .vpc({ subnetCidrs: { isolated: ['10.0.100.0/24', '10.1.200.0/24'] } })
      .build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'critical' },
  },
  {
    ruleId: 'NET-08',
    name: 'flow logs off',
    compliant: vpc().build(),
    nonCompliant: design('Network fixture').vpc({ flowLogs: false }).build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'medium' },
  },
  {
    ruleId: 'NET-08',
    name: 'flow logs switched off in production only',
    compliant: vpc().override('prod', 'main', { flowLogs: true }).build(),
    nonCompliant: vpc().override('prod', 'main', { flowLogs: false }).build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'medium', environment: 'prod' },
  },
  {
    ruleId: 'NET-08',
    name: 'flow logs off in the VPC and overridden off too',
    compliant: design('Network fixture')
      .vpc({ flowLogs: false })
      .override('dev', 'main', { flowLogs: true })
      .override('staging', 'main', { flowLogs: true })
      .override('prod', 'main', { flowLogs: true })
      .build(),
    nonCompliant: design('Network fixture')
      .vpc({ flowLogs: false })
      .override('prod', 'main', { flowLogs: false })
      .build(),
    expect: { target: 'main', targetKind: 'vpc', severity: 'medium' },
  },
  {
    ruleId: 'BAS-01',
    name: 'bastion host in a public subnet',
    compliant: vpc().node('bastion', { id: 'jump', tier: 'private' }).build(),
    nonCompliant: vpc().node('bastion', { id: 'jump', tier: 'public' }).build(),
    expect: { target: 'jump', severity: 'high' },
  },
  {
    ruleId: 'SG-01',
    name: 'internet traffic straight to a container service',
    compliant: vpc()
      .node('users', { id: 'users' })
      .node('alb', { id: 'web' })
      .connect('users', 'web', 'traffic', { port: 443 })
      .build(),
    nonCompliant: vpc()
      .node('users', { id: 'users' })
      .node('ecs-fargate', { id: 'api' })
      .connect('users', 'api', 'traffic')
      .build(),
    expect: { target: 'users-traffic-api', targetKind: 'connection', severity: 'critical' },
  },
  {
    ruleId: 'SG-01',
    name: 'public load balancer on a port other than 80/443',
    compliant: vpc()
      .node('users', { id: 'users' })
      .node('alb', { id: 'web' })
      .connect('users', 'web', 'traffic', { port: 80 })
      .build(),
    nonCompliant: vpc()
      .node('users', { id: 'users' })
      .node('alb', { id: 'web' })
      .connect('users', 'web', 'traffic', { port: 8080 })
      .build(),
    expect: { target: 'users-traffic-web', targetKind: 'connection', severity: 'critical' },
  },
  {
    ruleId: 'SG-01',
    name: 'internet traffic to an internal load balancer',
    compliant: vpc()
      .node('users', { id: 'users' })
      .node('api-gateway', { id: 'api' })
      .connect('users', 'api', 'traffic')
      .build(),
    nonCompliant: vpc()
      .node('users', { id: 'users' })
      .node('alb', { id: 'web', tier: 'private', properties: { scheme: 'internal' } })
      .connect('users', 'web', 'traffic')
      .build(),
    expect: { target: 'users-traffic-web', targetKind: 'connection', severity: 'critical' },
  },
  {
    ruleId: 'SG-02',
    name: 'compute calling an internet-facing load balancer',
    compliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('alb', { id: 'inner', tier: 'private', properties: { scheme: 'internal' } })
      .connect('api', 'inner', 'traffic')
      .build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('alb', { id: 'web' })
      .connect('api', 'web', 'traffic')
      .build(),
    expect: { target: 'api-traffic-web', targetKind: 'connection', severity: 'medium', manualFix: true },
  },
  {
    ruleId: 'SG-03',
    name: 'traffic connection without a label: the generated one ("HTTP :8080") counts',
    compliant: vpc()
      .node('alb', { id: 'web' })
      .node('ecs-fargate', { id: 'api' })
      .connect('web', 'api', 'traffic')
      .build(),
    // Every catalog traffic target has a listener today; a hand-written file can still pair
    // traffic with a service that has no port to describe.
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('s3', { id: 'bucket' })
      .connect('api', 'bucket', 'traffic')
      .build(),
    expect: { target: 'api-traffic-bucket', targetKind: 'connection', severity: 'low', manualFix: true },
  },
  {
    ruleId: 'SG-03',
    name: 'traffic connection with its own label',
    compliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('s3', { id: 'bucket' })
      .connect('api', 'bucket', 'traffic', { label: 'HTTPS to the bucket endpoint' })
      .build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('s3', { id: 'bucket' })
      .connect('api', 'bucket', 'traffic', { label: '  ' })
      .build(),
    expect: { target: 'api-traffic-bucket', targetKind: 'connection', severity: 'low', manualFix: true },
  },
  {
    ruleId: 'PLC-01',
    name: 'NAT gateway in a private subnet',
    compliant: vpc().node('nat-gateway', { id: 'nat' }).build(),
    nonCompliant: vpc().node('nat-gateway', { id: 'nat', tier: 'private' }).build(),
    expect: { target: 'nat', severity: 'high' },
  },
  {
    ruleId: 'PLC-02',
    name: 'regional service drawn inside a VPC',
    compliant: vpc().node('s3', { id: 'bucket' }).build(),
    nonCompliant: vpc().node('s3', { id: 'bucket', tier: 'private' }).build(),
    expect: { target: 'bucket', severity: 'high' },
  },
  {
    ruleId: 'PLC-02',
    name: 'VPC service without a placement',
    compliant: vpc().node('rds', { id: 'db' }).build(),
    nonCompliant: vpc().node('rds', { id: 'db', placement: null }).build(),
    expect: { target: 'db', severity: 'high' },
  },
  {
    ruleId: 'PLC-03',
    name: 'placement in a VPC that is not in the design',
    compliant: vpc().node('rds', { id: 'db' }).build(),
    nonCompliant: vpc()
      .node('rds', { id: 'db', placement: { vpcId: 'gone', tier: 'isolated' } })
      .build(),
    expect: { target: 'db', severity: 'critical' },
  },
  {
    ruleId: 'PLC-03',
    name: 'placement in a tier the VPC does not have',
    compliant: design('Network fixture')
      .vpc({ tiers: ['public', 'private'] })
      .node('ecs-fargate', { id: 'api' })
      .build(),
    nonCompliant: design('Network fixture')
      .vpc({ tiers: ['public', 'private'] })
      .node('rds', { id: 'db', placement: { vpcId: 'main', tier: 'isolated' } })
      .build(),
    expect: { target: 'db', severity: 'critical', manualFix: true },
  },
  {
    ruleId: 'CON-01',
    name: 'connection kind the catalog does not allow',
    compliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('rds', { id: 'db' })
      .connect('api', 'db', 'traffic')
      .build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('rds', { id: 'db' })
      .connect('api', 'db', 'read')
      .build(),
    expect: { target: 'api-read-db', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'CON-01',
    name: 'connection to a node that is not in the design',
    compliant: vpc()
      .node('lambda', { id: 'fn' })
      .node('sqs', { id: 'q' })
      .connect('fn', 'q', 'publish')
      .build(),
    nonCompliant: vpc().node('lambda', { id: 'fn' }).connect('fn', 'gone', 'publish').build(),
    expect: { target: 'fn-publish-gone', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'CON-02',
    name: 'traffic port differs from the database listener',
    compliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('rds', { id: 'db' })
      .connect('api', 'db', 'traffic', { port: 5432 })
      .build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .node('rds', { id: 'db' })
      .connect('api', 'db', 'traffic', { port: 3306 })
      .build(),
    expect: { target: 'api-traffic-db', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'CON-03',
    name: 'Lambda outside the VPC calling a database',
    compliant: vpc()
      .node('lambda', { id: 'fn', tier: 'private' })
      .node('rds', { id: 'db' })
      .connect('fn', 'db', 'traffic')
      .build(),
    nonCompliant: vpc()
      .node('lambda', { id: 'fn' })
      .node('rds', { id: 'db' })
      .connect('fn', 'db', 'traffic')
      .build(),
    expect: { target: 'fn-traffic-db', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'CON-03',
    name: 'compute in another VPC than its database',
    compliant: vpc()
      .vpc({ id: 'other' })
      .node('ecs-fargate', { id: 'api', vpcId: 'other', tier: 'private' })
      .build(),
    nonCompliant: vpc()
      .vpc({ id: 'other' })
      .node('ecs-fargate', { id: 'api', vpcId: 'other', tier: 'private' })
      .node('rds', { id: 'db', vpcId: 'main', tier: 'isolated' })
      .connect('api', 'db', 'traffic')
      .build(),
    expect: { target: 'api-traffic-db', targetKind: 'connection', severity: 'high' },
  },
];

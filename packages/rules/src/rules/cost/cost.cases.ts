import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

/** Two environments, so a non-production finding appears exactly once (in dev). */
const fixture = () => design('Cost fixture').environments('dev', 'prod').vpc();

export const costCases: RuleCase[] = [
  {
    ruleId: 'COST-01',
    name: 'regular Fargate in dev',
    compliant: fixture().node('ecs-fargate', { id: 'api' }).override('dev', 'api', { spot: true }).build(),
    nonCompliant: fixture()
      .node('ecs-fargate', { id: 'api', properties: { spot: false } })
      .build(),
    expect: { target: 'api', severity: 'low', environment: 'dev' },
  },
  {
    ruleId: 'COST-02',
    name: 'Aurora Serverless idling at 4 ACU in dev',
    compliant: fixture()
      .node('aurora', { id: 'db', properties: { capacity: 'serverless-v2', minAcu: 4, maxAcu: 8 } })
      .override('dev', 'db', { minAcu: 0.5 })
      .build(),
    nonCompliant: fixture()
      .node('aurora', { id: 'db', properties: { capacity: 'serverless-v2', minAcu: 4, maxAcu: 8 } })
      .build(),
    expect: { target: 'db', severity: 'low', environment: 'dev' },
  },
  {
    ruleId: 'COST-03',
    name: 'one NAT gateway per AZ in dev',
    compliant: fixture()
      .node('nat-gateway', { id: 'nat' })
      .override('dev', 'nat', { mode: 'single' })
      .build(),
    nonCompliant: fixture()
      .node('nat-gateway', { id: 'nat', properties: { mode: 'per-az' } })
      .build(),
    expect: { target: 'nat', severity: 'low', environment: 'dev' },
  },
  {
    ruleId: 'COST-06',
    name: 'private function reads S3 through the NAT gateway',
    compliant: fixture()
      .node('nat-gateway', { id: 'nat', tier: 'public' })
      .node('lambda', { id: 'fn', tier: 'private' })
      .node('s3', { id: 'files' })
      .node('vpc-endpoint', { id: 'gw', tier: 'private' })
      .connect('fn', 'files', 'read')
      .build(),
    nonCompliant: fixture()
      .node('nat-gateway', { id: 'nat', tier: 'public' })
      .node('lambda', { id: 'fn', tier: 'private' })
      .node('s3', { id: 'files' })
      .connect('fn', 'files', 'read')
      .build(),
    expect: { target: 'nat', severity: 'low' },
  },
  {
    ruleId: 'COST-04',
    name: 'On-Demand instances in dev',
    compliant: fixture().node('ec2-asg', { id: 'fleet' }).override('dev', 'fleet', { useSpot: true }).build(),
    nonCompliant: fixture()
      .node('ec2-asg', { id: 'fleet', properties: { useSpot: false } })
      .build(),
    expect: { target: 'fleet', severity: 'low', environment: 'dev' },
  },
  {
    ruleId: 'COST-05',
    name: 'Multi-AZ standby in dev',
    compliant: fixture().node('rds', { id: 'db' }).override('prod', 'db', { multiAz: true }).build(),
    nonCompliant: fixture()
      .node('rds', { id: 'db', properties: { multiAz: true } })
      .build(),
    expect: { target: 'db', severity: 'low', environment: 'dev' },
  },
];

import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const fixture = () => design('Sustainability fixture').vpc();

export const sustainabilityCases: RuleCase[] = [
  {
    ruleId: 'SUS-01',
    name: 'function on x86_64',
    compliant: fixture().node('lambda', { id: 'fn' }).build(),
    nonCompliant: fixture()
      .node('lambda', { id: 'fn', properties: { architecture: 'x86_64' } })
      .build(),
    expect: { target: 'fn', severity: 'low' },
  },
  {
    ruleId: 'SUS-02',
    name: 'Auto Scaling group on Intel instances',
    compliant: fixture().node('ec2-asg', { id: 'fleet' }).build(),
    nonCompliant: fixture()
      .node('ec2-asg', { id: 'fleet', properties: { instanceType: 'm5.large' } })
      .build(),
    expect: { target: 'fleet', severity: 'low' },
  },
  {
    ruleId: 'SUS-02',
    name: 'cache on Intel nodes in production only',
    compliant: fixture().node('elasticache', { id: 'cache' }).build(),
    nonCompliant: fixture()
      .node('elasticache', { id: 'cache' })
      .override('prod', 'cache', { nodeType: 'cache.r5.large' })
      .build(),
    expect: { target: 'cache', severity: 'low', environment: 'prod' },
  },
];

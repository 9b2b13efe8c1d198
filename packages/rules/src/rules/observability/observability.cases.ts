import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const watchedFunction = () =>
  design('Observability fixture').node('lambda', { id: 'fn' }).node('cloudwatch-alarm', { id: 'alarm' });

export const observabilityCases: RuleCase[] = [
  {
    ruleId: 'CW-01',
    name: 'alarm without an action',
    compliant: watchedFunction()
      .node('sns', { id: 'oncall' })
      .connect('alarm', 'fn', 'read')
      .connect('alarm', 'oncall', 'publish')
      .build(),
    nonCompliant: watchedFunction().connect('alarm', 'fn', 'read').build(),
    expect: { target: 'alarm', severity: 'medium' },
  },
  {
    ruleId: 'CW-01',
    name: 'alarm watching nothing',
    compliant: watchedFunction()
      .node('sns', { id: 'oncall' })
      .connect('alarm', 'fn', 'read')
      .connect('alarm', 'oncall', 'publish')
      .build(),
    nonCompliant: watchedFunction()
      .node('sns', { id: 'oncall' })
      .connect('alarm', 'oncall', 'publish')
      .build(),
    expect: { target: 'alarm', severity: 'medium', manualFix: true },
  },
];

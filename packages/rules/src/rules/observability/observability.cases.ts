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
  {
    ruleId: 'CW-02',
    name: 'alarm notifying a FIFO topic',
    compliant: watchedFunction()
      .node('sns', { id: 'oncall' })
      .connect('alarm', 'fn', 'read')
      .connect('alarm', 'oncall', 'publish')
      .build(),
    nonCompliant: watchedFunction()
      .node('sns', { id: 'oncall', properties: { fifo: true } })
      .connect('alarm', 'fn', 'read')
      .connect('alarm', 'oncall', 'publish', { id: 'alarmToOncall' })
      .build(),
    expect: { target: 'alarmToOncall', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'CW-02',
    name: 'queue sending its dead-letter alarms to a FIFO topic',
    compliant: design('Notify')
      .node('sqs', { id: 'q' })
      .node('sns', { id: 'oncall' })
      .connect('q', 'oncall', 'notify')
      .build(),
    nonCompliant: design('Notify')
      .node('sqs', { id: 'q' })
      .node('sns', { id: 'oncall', properties: { fifo: true } })
      .connect('q', 'oncall', 'notify', { id: 'qToOncall' })
      .build(),
    expect: { target: 'qToOncall', targetKind: 'connection', severity: 'high' },
  },
];

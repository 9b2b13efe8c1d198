import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

/**
 * `cells` queue workers: a queue (with its derived DLQ and alarm) feeding a function. About 9
 * CloudFormation resources each, plus the shared alarm topic.
 */
function queueWorkers(cells: number) {
  const builder = design('Queue workers');
  for (let i = 1; i <= cells; i++)
    builder
      .node('sqs', { id: `queue${i}` })
      .node('lambda', { id: `worker${i}` })
      .connect(`queue${i}`, `worker${i}`, 'event-source');
  return builder.build();
}

export const limitsCases: RuleCase[] = [
  {
    ruleId: 'LIM-01',
    name: 'a design the exports deploy as nested stacks (over 400 CloudFormation resources)',
    compliant: queueWorkers(10),
    nonCompliant: queueWorkers(60),
    expect: { target: 'design', targetKind: 'design', severity: 'low', manualFix: true },
  },
];

import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const fixture = () => design('Lambda fixture').vpc();

export const lambdaCases: RuleCase[] = [
  {
    ruleId: 'LAM-01',
    name: 'queue consumer without reserved concurrency',
    compliant: fixture()
      .node('sqs', { id: 'q' })
      .node('lambda', { id: 'fn', properties: { reservedConcurrency: 5 } })
      .connect('q', 'fn', 'event-source')
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'q' })
      .node('lambda', { id: 'fn' })
      .connect('q', 'fn', 'event-source')
      .build(),
    expect: { target: 'fn', severity: 'medium' },
  },
  {
    ruleId: 'LAM-01',
    name: 'database caller without reserved concurrency',
    compliant: fixture().node('lambda', { id: 'fn', tier: 'private' }).node('rds', { id: 'db' }).build(),
    nonCompliant: fixture()
      .node('lambda', { id: 'fn', tier: 'private' })
      .node('rds', { id: 'db' })
      .connect('fn', 'db', 'traffic')
      .build(),
    expect: { target: 'fn', severity: 'medium' },
  },
  {
    ruleId: 'LAM-02',
    name: 'SNS subscriber without a dead-letter queue',
    compliant: fixture()
      .node('sns', { id: 'topic' })
      .node('lambda', { id: 'fn' })
      .node('sqs', { id: 'dlq', properties: { isDeadLetterQueue: true, deadLetterQueue: false } })
      .connect('topic', 'fn', 'subscribe')
      .connect('fn', 'dlq', 'publish')
      .build(),
    nonCompliant: fixture()
      .node('sns', { id: 'topic' })
      .node('lambda', { id: 'fn' })
      .connect('topic', 'fn', 'subscribe')
      .build(),
    expect: { target: 'fn', severity: 'medium' },
  },
  {
    ruleId: 'LAM-03',
    name: 'deprecated runtime',
    compliant: fixture()
      .node('lambda', { id: 'fn', properties: { runtime: 'python3.13' } })
      .build(),
    nonCompliant: fixture()
      .node('lambda', { id: 'fn', properties: { runtime: 'python3.8' } })
      .build(),
    expect: { target: 'fn', severity: 'high' },
  },
  {
    ruleId: 'LAM-03',
    name: 'deprecated runtime left on an image function (its image brings the runtime)',
    compliant: fixture()
      .node('ecr-repository', { id: 'images' })
      .node('lambda', { id: 'fn', properties: { runtime: 'python3.8' } })
      .connect('fn', 'images', 'read')
      .build(),
    nonCompliant: fixture()
      .node('ecr-repository', { id: 'images' })
      .node('lambda', { id: 'fn', properties: { runtime: 'python3.8' } })
      .build(),
    expect: { target: 'fn', severity: 'high' },
  },
  {
    ruleId: 'LAM-04',
    name: 'tracing off',
    compliant: fixture().node('lambda', { id: 'fn' }).build(),
    nonCompliant: fixture()
      .node('lambda', { id: 'fn', properties: { tracing: false } })
      .build(),
    expect: { target: 'fn', severity: 'low' },
  },
  {
    ruleId: 'LAM-04',
    name: 'plain-text logs',
    compliant: fixture()
      .node('lambda', { id: 'fn', properties: { structuredLogging: true } })
      .build(),
    nonCompliant: fixture()
      .node('lambda', { id: 'fn', properties: { structuredLogging: false } })
      .build(),
    expect: { target: 'fn', severity: 'low' },
  },
];

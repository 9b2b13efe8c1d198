import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const fixture = () => design('Messaging fixture');

export const messagingCases: RuleCase[] = [
  {
    ruleId: 'SQS-02',
    name: 'queue without a dead-letter queue (a DLQ itself needs none)',
    compliant: fixture()
      .node('sqs', { id: 'dlq', properties: { isDeadLetterQueue: true, deadLetterQueue: false } })
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'q', properties: { deadLetterQueue: false } })
      .build(),
    expect: { target: 'q', severity: 'high' },
  },
  {
    ruleId: 'SQS-02',
    name: 'a queue drawn with its own dead-letter queue needs no derived one',
    compliant: fixture()
      .node('sqs', { id: 'q', properties: { deadLetterQueue: false } })
      .node('sqs', { id: 'dlq', properties: { retentionSeconds: 1209600 } })
      .connect('q', 'dlq', 'dead-letter')
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'q', properties: { deadLetterQueue: false } })
      .node('sqs', { id: 'dlq', properties: { retentionSeconds: 1209600 } })
      .build(),
    expect: { target: 'q', severity: 'high' },
  },
  {
    ruleId: 'SQS-05',
    name: 'drawn dead-letter queue that keeps messages no longer than its source',
    compliant: fixture()
      .node('sqs', { id: 'q' })
      .node('sqs', { id: 'dlq', properties: { retentionSeconds: 1209600 } })
      .connect('q', 'dlq', 'dead-letter')
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'q' })
      .node('sqs', { id: 'dlq' })
      .connect('q', 'dlq', 'dead-letter')
      .build(),
    expect: { target: 'dlq', severity: 'medium' },
  },
  {
    ruleId: 'SQS-05',
    name: 'source retention raised only in production',
    compliant: fixture()
      .node('sqs', { id: 'q' })
      .node('sqs', { id: 'dlq', properties: { retentionSeconds: 1209600 } })
      .connect('q', 'dlq', 'dead-letter')
      .override('prod', 'q', { retentionSeconds: 604800 })
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'q' })
      .node('sqs', { id: 'dlq', properties: { retentionSeconds: 604800 } })
      .connect('q', 'dlq', 'dead-letter')
      .override('prod', 'q', { retentionSeconds: 604800 })
      .build(),
    expect: { target: 'dlq', severity: 'medium', environment: 'prod' },
  },
  {
    ruleId: 'SQS-06',
    name: "queues that are each other's dead-letter queue",
    compliant: fixture()
      .node('sqs', { id: 'a' })
      .node('sqs', { id: 'b', properties: { retentionSeconds: 1209600 } })
      .connect('a', 'b', 'dead-letter')
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'a' })
      .node('sqs', { id: 'b', properties: { retentionSeconds: 1209600 } })
      .connect('a', 'b', 'dead-letter', { id: 'aToB' })
      .connect('b', 'a', 'dead-letter', { id: 'bToA' })
      .build(),
    expect: { target: 'bToA', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'SQS-06',
    name: 'FIFO queue dead-lettering to a standard queue',
    compliant: fixture()
      .node('sqs', { id: 'a', properties: { fifo: true } })
      .node('sqs', { id: 'b', properties: { fifo: true, retentionSeconds: 1209600 } })
      .connect('a', 'b', 'dead-letter')
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'a', properties: { fifo: true } })
      .node('sqs', { id: 'b', properties: { retentionSeconds: 1209600 } })
      .connect('a', 'b', 'dead-letter', { id: 'aToB' })
      .build(),
    expect: { target: 'aToB', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'SQS-03',
    name: 'dead-letter queue nothing alarms on',
    compliant: fixture()
      .node('sqs', { id: 'dlq', properties: { isDeadLetterQueue: true, deadLetterQueue: false } })
      .node('cloudwatch-alarm', { id: 'alarm' })
      .node('sns', { id: 'oncall' })
      .connect('alarm', 'dlq', 'read')
      .connect('alarm', 'oncall', 'publish')
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'dlq', properties: { isDeadLetterQueue: true, deadLetterQueue: false } })
      .build(),
    expect: { target: 'dlq', severity: 'high' },
  },
  {
    ruleId: 'SQS-04',
    name: 'visibility timeout shorter than 6x the consumer timeout',
    compliant: fixture()
      .node('sqs', { id: 'q', properties: { visibilityTimeoutSeconds: 180 } })
      .node('lambda', { id: 'fn', properties: { timeoutSeconds: 30 } })
      .connect('q', 'fn', 'event-source')
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'q', properties: { visibilityTimeoutSeconds: 30 } })
      .node('lambda', { id: 'fn', properties: { timeoutSeconds: 30 } })
      .connect('q', 'fn', 'event-source')
      .build(),
    expect: { target: 'q', severity: 'high' },
  },
  {
    ruleId: 'SQS-04',
    name: 'consumer timeout raised only in production',
    compliant: fixture()
      .node('sqs', { id: 'q', properties: { visibilityTimeoutSeconds: 360 } })
      .node('lambda', { id: 'fn', properties: { timeoutSeconds: 30 } })
      .connect('q', 'fn', 'event-source')
      .override('prod', 'fn', { timeoutSeconds: 60 })
      .build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'q', properties: { visibilityTimeoutSeconds: 180 } })
      .node('lambda', { id: 'fn', properties: { timeoutSeconds: 30 } })
      .connect('q', 'fn', 'event-source')
      .override('prod', 'fn', { timeoutSeconds: 60 })
      .build(),
    expect: { target: 'q', severity: 'high', environment: 'prod' },
  },
  {
    ruleId: 'SNS-01',
    name: 'unencrypted topic',
    compliant: fixture().node('sns', { id: 'topic' }).build(),
    nonCompliant: fixture()
      .node('sns', { id: 'topic', properties: { kmsEncryption: false } })
      .build(),
    expect: { target: 'topic', severity: 'medium' },
  },
  {
    ruleId: 'MSG-01',
    name: 'rule targets without a dead-letter queue',
    compliant: fixture()
      .node('eventbridge-rule', { id: 'rule' })
      .node('lambda', { id: 'fn' })
      .connect('rule', 'fn', 'route')
      .build(),
    nonCompliant: fixture()
      .node('eventbridge-rule', { id: 'rule', properties: { targetDlq: false } })
      .node('lambda', { id: 'fn' })
      .connect('rule', 'fn', 'route')
      .build(),
    expect: { target: 'rule', severity: 'medium' },
  },
  {
    ruleId: 'SFN-01',
    name: 'state machine logs errors only',
    compliant: fixture().node('step-functions', { id: 'flow' }).build(),
    nonCompliant: fixture()
      .node('step-functions', { id: 'flow', properties: { logLevel: 'ERROR' } })
      .build(),
    expect: { target: 'flow', severity: 'medium' },
  },
  {
    ruleId: 'SFN-01',
    name: 'state machine without tracing',
    compliant: fixture()
      .node('step-functions', { id: 'flow', properties: { tracing: true } })
      .build(),
    nonCompliant: fixture()
      .node('step-functions', { id: 'flow', properties: { tracing: false } })
      .build(),
    expect: { target: 'flow', severity: 'medium' },
  },
  {
    ruleId: 'EVR-01',
    name: 'event pattern whose source is a string, not a list',
    compliant: fixture()
      .node('eventbridge-rule', {
        id: 'rule',
        properties: { eventPattern: '{"source":[{"prefix":"app."}],"detail":{"n":[{"numeric":[">",1]}]}}' },
      })
      .build(),
    nonCompliant: fixture()
      .node('eventbridge-rule', { id: 'rule', properties: { eventPattern: '{"source":"app.orders"}' } })
      .build(),
    expect: { target: 'rule', severity: 'high' },
  },
  {
    ruleId: 'EVR-01',
    name: 'event pattern with an unknown content filter',
    compliant: fixture().node('eventbridge-rule', { id: 'rule' }).build(),
    nonCompliant: fixture()
      .node('eventbridge-rule', { id: 'rule', properties: { eventPattern: '{"source":[{"banana":"x"}]}' } })
      .build(),
    expect: { target: 'rule', severity: 'high', manualFix: true },
  },
  {
    ruleId: 'EVR-02',
    name: 'rate with a plural unit for 1',
    compliant: fixture()
      .node('eventbridge-rule', { id: 'rule', properties: { eventPattern: '', schedule: 'rate(1 minute)' } })
      .build(),
    nonCompliant: fixture()
      .node('eventbridge-rule', { id: 'rule', properties: { eventPattern: '', schedule: 'rate(1 minutes)' } })
      .build(),
    expect: { target: 'rule', severity: 'high' },
  },
  {
    ruleId: 'EVR-02',
    name: 'cron expression that is not six fields',
    compliant: fixture()
      .node('eventbridge-rule', {
        id: 'rule',
        properties: { eventPattern: '', schedule: 'cron(0 12 * * ? *)' },
      })
      .build(),
    nonCompliant: fixture()
      .node('eventbridge-rule', { id: 'rule', properties: { eventPattern: '', schedule: 'cron(banana)' } })
      .build(),
    expect: { target: 'rule', severity: 'high', manualFix: true },
  },
];

import type { ServiceDefinition } from '../types.ts';
import { choice, num, reader, text } from '../define.ts';

const properties = [
  text('metricName', 'Metric', 'Errors', {
    maxLength: 255,
    help: 'Metric of the watched service, e.g. Errors (Lambda), ApproximateNumberOfMessagesVisible (SQS), HTTPCode_Target_5XX_Count (ALB).',
  }),
  choice('statistic', 'Statistic', 'Sum', [
    ['Sum', 'Sum'],
    ['Average', 'Average'],
    ['Maximum', 'Maximum'],
  ]),
  num('threshold', 'Threshold', 1),
  num('evaluationPeriods', 'Evaluation periods', 1, {
    integer: true,
    min: 1,
    max: 100,
    help: 'Consecutive periods the metric must breach before the alarm fires; more periods means fewer false alarms, later.',
  }),
  num('periodSeconds', 'Period', 300, {
    unit: 'seconds',
    integer: true,
    min: 10,
    max: 86400,
    help: '10, 30 or a multiple of 60 seconds.',
  }),
  choice('comparison', 'Comparison', 'GreaterThanOrEqualToThreshold', [
    ['GreaterThanOrEqualToThreshold', '>= threshold'],
    ['GreaterThanThreshold', '> threshold'],
    ['LessThanThreshold', '< threshold'],
  ]),
];

export const cloudwatchAlarm: ServiceDefinition = {
  type: 'cloudwatch-alarm',
  displayName: 'CloudWatch alarm',
  abbreviations: ['cw'],
  keywords: ['alarm', 'alert', 'alerting', 'monitoring', 'metric', 'cloudwatch'],
  category: 'Management',
  icon: 'cloudwatch-alarm',
  description:
    'Watches one metric of the service it is connected to and notifies an SNS topic when it crosses the threshold. An alarm without an action is only a graph.',
  placements: ['regional'],
  properties,
  validate(props) {
    const period = reader(properties, props).num('periodSeconds');
    if (period !== 10 && period !== 30 && period % 60 !== 0)
      return [{ path: 'periodSeconds', message: 'The period must be 10, 30 or a multiple of 60 seconds' }];
    return [];
  },
  accepts: [],
  // One alarm per service it watches, counted on those connections; they notify the topic the
  // alarm publishes to, else the shared alarm topic.
  stackResources: ({ outgoing }) =>
    outgoing.some((c) => c.kind === 'read') && !outgoing.some((c) => c.kind === 'publish')
      ? { count: 0, shared: ['alarm-topic'] }
      : { count: 0 },
};

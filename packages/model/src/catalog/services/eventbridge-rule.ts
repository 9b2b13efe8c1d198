import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import { WATCHED_BY_ALARM, bool, reader, text, derivedDlq, stackResources } from '../define.ts';

const properties = [
  text('eventPattern', 'Event pattern', '{"source":["app.orders"]}', {
    sameInEveryEnvironment: true,
    maxLength: 4096,
    help: 'JSON pattern the events must match, e.g. {"source":["app.orders"],"detail-type":["OrderPlaced"]}. Empty when the rule runs on a schedule.',
  }),
  text('schedule', 'Schedule', '', {
    maxLength: 256,
    pattern: '^(rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\(.+\\))$',
    patternHint: 'must be rate(5 minutes) or cron(0 12 * * ? *)',
    help: 'Empty = event-driven. Scheduled rules only run on the default bus; for new schedules EventBridge Scheduler is the better fit.',
  }),
  bool('targetDlq', 'Dead-letter queue for targets', true, {
    help: 'Events EventBridge fails to deliver after its retries (24 hours) go to a queue instead of being dropped.',
  }),
];

function patternIssue(pattern: string): PropertyIssue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(pattern);
  } catch {
    return [{ path: 'eventPattern', message: 'Event pattern must be valid JSON' }];
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    Object.keys(parsed).length === 0
  )
    return [
      {
        path: 'eventPattern',
        message: 'Event pattern must be a non-empty JSON object like {"source":["app.orders"]}',
      },
    ];
  return [];
}

export const eventbridgeRule: ServiceDefinition = {
  type: 'eventbridge-rule',
  displayName: 'EventBridge rule',
  keywords: [
    'events',
    'schedule',
    'scheduler',
    'scheduled',
    'cron',
    'cron job',
    'timer',
    'rule',
    'event pattern',
  ],
  category: 'Integration',
  icon: 'eventbridge-rule',
  description:
    'Matches events on a bus (connect the bus to the rule) or fires on a schedule, and delivers them to its targets with retries and a dead-letter queue.',
  placements: ['regional'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const pattern = p.str('eventPattern').trim();
    if (pattern === '' && p.str('schedule') === '')
      return [{ path: 'eventPattern', message: 'A rule needs an event pattern or a schedule' }];
    return pattern === '' ? [] : patternIssue(pattern);
  },
  accepts: [{ kind: 'route', from: ['eventbridge-bus'], meaning: 'routes events through' }, WATCHED_BY_ALARM],
  // The rule, and one dead-letter queue (with its alarm) for its targets when they get one.
  stackResources: ({ props, outgoing }) =>
    stackResources(
      1,
      props.targetDlq === true && outgoing.some((c) => c.kind === 'route') && derivedDlq({ outgoing }),
    ),
};

import type { ServiceDefinition } from '../types.ts';
import { PUBLISHERS, WATCHED_BY_ALARM, num, countOf } from '../define.ts';

export const eventbridgeBus: ServiceDefinition = {
  type: 'eventbridge-bus',
  displayName: 'EventBridge bus',
  keywords: ['events', 'event bus', 'cloudwatch events', 'bus', 'event driven', 'event router'],
  category: 'Integration',
  icon: 'eventbridge-bus',
  description:
    'Custom event bus: producers put domain events, rules on the bus route matching events to targets. Producers and consumers never know about each other.',
  placements: ['regional'],
  properties: [
    num('archiveDays', 'Archive retention', 0, {
      unit: 'days',
      integer: true,
      min: 0,
      max: 36500,
      help: '0 = no archive. An archive keeps every event so it can be replayed after a bug fix or into a new consumer.',
    }),
  ],
  accepts: [{ kind: 'publish', from: PUBLISHERS, meaning: 'puts events on' }, WATCHED_BY_ALARM],
  // The bus, and its archive when events are kept.
  stackResources: ({ props }) => ({ count: 1 + (countOf(props, 'archiveDays') > 0 ? 1 : 0) }),
};

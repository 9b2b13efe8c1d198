import type { ServiceDefinition } from '../types.ts';
import { WATCHED_BY_ALARM, bool, choice, num } from '../define.ts';

export const stepFunctions: ServiceDefinition = {
  type: 'step-functions',
  displayName: 'Step Functions state machine',
  abbreviations: ['sfn'],
  keywords: ['state machine', 'workflow', 'orchestration', 'saga'],
  category: 'Integration',
  icon: 'step-functions',
  description:
    'Workflow that calls functions and AWS services step by step, with retries, timeouts and error handling declared in the state machine instead of in code.',
  placements: ['regional'],
  properties: [
    choice(
      'workflowType',
      'Workflow type',
      'STANDARD',
      [
        ['STANDARD', 'Standard (durable, up to a year)'],
        ['EXPRESS', 'Express (high volume, up to 5 minutes)'],
      ],
      {
        help: 'Standard runs exactly once and keeps full history; Express is billed per duration for short, high-rate, at-least-once work.',
      },
    ),
    choice(
      'logLevel',
      'Log level',
      'ALL',
      [
        ['ALL', 'All events'],
        ['ERROR', 'Errors only'],
        ['OFF', 'Off'],
      ],
      { help: 'Execution history to CloudWatch Logs; Express workflows have no other history.' },
    ),
    bool('tracing', 'X-Ray tracing', true, { help: 'Traces each execution through the services it calls.' }),
    num('retryMaxAttempts', 'Retry attempts per task', 3, {
      integer: true,
      min: 0,
      max: 10,
      help: 'Retries with exponential backoff (2 s, doubling) on task failures and throttling before the error is caught.',
    }),
  ],
  accepts: [
    { kind: 'invoke', from: ['lambda', 'ecs-fargate'], meaning: 'starts executions of' },
    {
      kind: 'route',
      from: ['eventbridge-rule'],
      meaning: 'starts executions of',
      // The role the rule starts executions with (the rule counts its target's DLQ).
      stackResources: { count: 1 },
    },
    WATCHED_BY_ALARM,
  ],
  // Role, state machine, log group.
  stackResources: () => ({ count: 3 }),
};

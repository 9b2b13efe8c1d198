import type { ServiceDefinition } from '../types.ts';
import type { Properties, PropertyValue } from '../../design/schema.ts';
import type { PropertyIssue } from '../types.ts';
import { WATCHED_BY_ALARM, bool, choice, num, text } from '../define.ts';

/** An error name a Retrier or Catcher matches: States.*, Lambda.* or the function's own. */
const ERROR_NAME = {
  maxLength: 128,
  pattern: '^[A-Za-z0-9_.:-]+$',
  patternHint: 'must be an error name like States.Timeout, Lambda.ServiceException or PaymentDeclined',
};

/** Transient errors of a Lambda task worth retrying (AWS's recommendation) and timeouts. */
export const DEFAULT_RETRY_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'States.Timeout',
] as const;

/** The retries a state machine gets by default: each transient error, 3 attempts from 2 s, doubling. */
export function defaultRetries(maxAttempts = 3): PropertyValue[] {
  return DEFAULT_RETRY_ERRORS.map((errorName) => ({
    errorName,
    maxAttempts,
    intervalSeconds: 2,
    backoffRate: 2,
  }));
}

const DEFAULT_RETRIES = defaultRetries();

function errorNames(list: PropertyValue | undefined): string[] {
  return Array.isArray(list)
    ? list.map((item) =>
        item !== null && typeof item === 'object' && !Array.isArray(item) ? String(item.errorName ?? '') : '',
      )
    : [];
}

/** States.ALL must be the last row (ASL refuses it elsewhere); an error name appears once. */
function checkErrorLists(props: Properties): PropertyIssue[] {
  const issues: PropertyIssue[] = [];
  for (const key of ['retries', 'catches'] as const) {
    const names = errorNames(props[key]);
    names.forEach((name, i) => {
      if (name === 'States.ALL' && i !== names.length - 1)
        issues.push({
          path: `${key}[${i}].errorName`,
          message: 'States.ALL matches every error: it must be the last row',
        });
      else if (names.indexOf(name) !== i)
        issues.push({ path: `${key}[${i}].errorName`, message: `${name} is already in an earlier row` });
    });
  }
  return issues;
}

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
    {
      kind: 'list',
      key: 'retries',
      label: 'Retries by error',
      default: DEFAULT_RETRIES,
      sameInEveryEnvironment: true,
      maxItems: 20,
      help: 'How each task retries, per error name, in order (the first matching row applies). States.ALL matches every error and must come last. Defaults: the transient Lambda errors and timeouts, 3 attempts from 2 s, doubling.',
      item: [
        text('errorName', 'Error name', 'States.TaskFailed', ERROR_NAME),
        num('maxAttempts', 'Attempts', 3, { integer: true, min: 0, max: 99, help: '0 never retries.' }),
        num('intervalSeconds', 'First interval', 2, { unit: 'seconds', integer: true, min: 1, max: 3600 }),
        num('backoffRate', 'Backoff rate', 2, {
          min: 1,
          max: 10,
          help: 'Each interval is this many times the last.',
        }),
      ],
    },
    {
      kind: 'list',
      key: 'catches',
      label: 'Catches by error',
      default: [],
      sameInEveryEnvironment: true,
      maxItems: 20,
      help: 'What a task does with an error once retries are spent, per error name, in order: end the execution as failed with that error, or as handled (succeeded). An error no row names fails the execution as it is.',
      item: [
        text('errorName', 'Error name', 'States.ALL', ERROR_NAME),
        choice('then', 'Then', 'fail', [
          ['fail', 'Fail the execution with this error'],
          ['succeed', 'End the execution as handled'],
        ]),
      ],
    },
  ],
  validate: checkErrorLists,
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

import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { catchers, retriers } from './state-machines.ts';

const row = (errorName: string, maxAttempts = 3, intervalSeconds = 2, backoffRate = 2) => ({
  errorName,
  maxAttempts,
  intervalSeconds,
  backoffRate,
});

describe('state machine error handling', () => {
  it('gives a state machine the default retries: transient Lambda errors and timeouts, no catches', () => {
    const g = lowerDesign(design('Flow').node('step-functions', { id: 'flow' }).build());
    expect(g.components.find((c) => c.id === 'flow')!.errorHandling).toEqual({
      retries: [
        {
          errors: [
            'Lambda.ServiceException',
            'Lambda.AWSLambdaException',
            'Lambda.SdkClientException',
            'Lambda.TooManyRequestsException',
            'States.Timeout',
          ],
          maxAttempts: 3,
          intervalSeconds: 2,
          backoffRate: 2,
        },
      ],
      catches: [],
    });
  });

  it('groups consecutive rows with equal settings, keeps States.ALL alone and a repeated name once', () => {
    expect(
      retriers([row('A'), row('B'), row('C', 5), row('A', 9), row('D', 5), row('States.ALL', 5)]),
    ).toEqual([
      { errors: ['A', 'B'], maxAttempts: 3, intervalSeconds: 2, backoffRate: 2 },
      { errors: ['C', 'D'], maxAttempts: 5, intervalSeconds: 2, backoffRate: 2 },
      { errors: ['States.ALL'], maxAttempts: 5, intervalSeconds: 2, backoffRate: 2 },
    ]);
  });

  it('names each catch its own terminal state', () => {
    expect(
      catchers([
        { errorName: 'PaymentDeclined', then: 'succeed' },
        { errorName: 'States.ALL', then: 'fail' },
      ]),
    ).toEqual([
      { error: 'PaymentDeclined', then: 'succeed', stateName: 'Handled1' },
      { error: 'States.ALL', then: 'fail', stateName: 'Failed2' },
    ]);
  });
});

import type { ServiceDefinition } from '../types.ts';
import { WATCHED_BY_ALARM, bool, choice, num } from '../define.ts';

export const cognitoUserPool: ServiceDefinition = {
  type: 'cognito-user-pool',
  displayName: 'Cognito user pool',
  keywords: [
    'auth',
    'authentication',
    'login',
    'log in',
    'sign in',
    'sign up',
    'identity',
    'users',
    'oauth',
    'oidc',
    'sso',
    'jwt',
  ],
  category: 'Security',
  icon: 'cognito-user-pool',
  description:
    'User directory and OIDC identity provider: sign-up, sign-in, MFA and JWTs that API Gateway verifies without custom code.',
  placements: ['regional'],
  properties: [
    choice(
      'mfa',
      'Multi-factor authentication',
      'required',
      [
        ['off', 'Off'],
        ['optional', 'Optional (users choose)'],
        ['required', 'Required'],
      ],
      { help: 'Required MFA (authenticator app) stops most account takeovers from leaked passwords.' },
    ),
    num('passwordMinLength', 'Minimum password length', 12, { integer: true, min: 6, max: 99 }),
    bool('advancedSecurity', 'Threat protection', false, {
      help: 'Blocks sign-ins from compromised credentials and risky contexts (formerly "advanced security features"); billed per monthly active user.',
    }),
  ],
  accepts: [{ kind: 'read', from: ['api-gateway'], meaning: 'authorizes with' }, WATCHED_BY_ALARM],
  stackResources: () => ({ count: 1 }),
};

import type { ServiceDefinition } from '../types.ts';
import { WATCHED_BY_ALARM, num, text } from '../define.ts';

export const secret: ServiceDefinition = {
  type: 'secret',
  displayName: 'Secrets Manager secret',
  keywords: ['secrets', 'password', 'credentials', 'secretsmanager', 'secrets manager', 'api key'],
  category: 'Security',
  icon: 'secret',
  description:
    'An API key, password or other credential kept encrypted and rotated; functions and tasks read it at run time instead of carrying it in environment variables or code.',
  placements: ['regional'],
  properties: [
    text('description', 'Description', '', {
      maxLength: 2048,
      help: 'What the secret is for and who owns it.',
    }),
    num('rotationDays', 'Rotate every', 30, {
      unit: 'days',
      integer: true,
      min: 0,
      max: 1000,
      help: '0 = no rotation. Rotation needs a rotation function; database credentials use the AWS-provided one.',
    }),
  ],
  accepts: [{ kind: 'read', from: ['lambda', 'ecs-fargate'], meaning: 'reads the secret' }, WATCHED_BY_ALARM],
  stackResources: () => ({ count: 1 }),
};

import type { ServiceDefinition } from '../types.ts';

/** A diagram source for internet traffic; it emits no infrastructure. */
export const users: ServiceDefinition = {
  type: 'users',
  displayName: 'Internet users',
  plural: true,
  keywords: ['internet', 'clients', 'client', 'browser', 'people', 'public', 'end users'],
  category: 'Networking',
  icon: 'users',
  description:
    'People or clients on the internet. Connect them to the front door (ALB, CloudFront or API Gateway) to show where public traffic enters; nothing is deployed for this node.',
  placements: ['regional'],
  properties: [],
  accepts: [],
  // A diagram source for traffic: no infrastructure.
  stackResources: () => ({ count: 0 }),
};

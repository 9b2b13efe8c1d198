import type { ServiceDefinition } from '../types.ts';
import { WATCHED_BY_ALARM, choice } from '../define.ts';

export const natGateway: ServiceDefinition = {
  type: 'nat-gateway',
  displayName: 'NAT gateway',
  abbreviations: ['nat', 'natgw'],
  keywords: ['egress', 'outbound internet', 'internet access'],
  category: 'Networking',
  icon: 'nat-gateway',
  description:
    'Gives private subnets outbound internet access (package registries, AWS APIs without VPC endpoints) while nothing on the internet can connect in. Lives in the public tier.',
  placements: ['public'],
  properties: [
    choice(
      'mode',
      'Gateways',
      'per-az',
      [
        ['per-az', 'One per availability zone'],
        ['single', 'One shared gateway'],
      ],
      {
        help: 'One per AZ keeps each AZ independent: losing an AZ does not cut the others off. One shared gateway saves about $32/month per AZ plus cross-AZ data charges; fine for dev, a single point of failure in prod.',
      },
    ),
  ],
  accepts: [WATCHED_BY_ALARM],
  refusalHint:
    'no edge is needed. Private subnets reach the internet through the NAT gateway by their route table, so a service in a private subnet already has outbound access.',
  // Its Elastic IPs, gateways and routes belong to the VPC's network, counted per VPC by LIM-01.
  stackResources: () => ({ count: 0 }),
};

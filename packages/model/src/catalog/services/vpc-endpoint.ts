import type { ServiceDefinition } from '../types.ts';
import { bool, choice, text } from '../define.ts';

/** The services AWS offers a gateway endpoint for (free; routes through the tier's route tables). */
export const GATEWAY_ENDPOINT_SERVICES: readonly string[] = ['s3', 'dynamodb'];

export const vpcEndpoint: ServiceDefinition = {
  type: 'vpc-endpoint',
  displayName: 'VPC endpoint',
  abbreviations: ['vpce'],
  keywords: [
    'endpoint',
    'vpc endpoint',
    'vpc endpoints',
    'privatelink',
    'private link',
    'gateway endpoint',
    'interface endpoint',
  ],
  category: 'Networking',
  icon: 'vpc-endpoint',
  description:
    'Reaches an AWS service from private or isolated subnets without the NAT gateway: a free gateway endpoint for S3 or DynamoDB on the tier’s route tables, or an interface endpoint (PrivateLink) with private DNS and a security group open to the VPC on 443.',
  placements: ['private', 'isolated'],
  properties: [
    choice(
      'endpointType',
      'Endpoint type',
      'gateway',
      [
        ['gateway', 'Gateway (S3, DynamoDB; free)'],
        ['interface', 'Interface (PrivateLink; billed per AZ-hour and GB)'],
      ],
      {
        sameInEveryEnvironment: true,
        help: 'Gateway endpoints add a route to the tier’s route tables and cost nothing. Interface endpoints put a network interface in each AZ of the tier.',
      },
    ),
    text('service', 'AWS service', 's3', {
      pattern: '^[a-z0-9][a-z0-9.-]*$',
      patternHint: 'the short service name, e.g. s3, dynamodb, secretsmanager, ecr.api, logs',
      maxLength: 64,
      sameInEveryEnvironment: true,
      help: 'The endpoint reaches com.amazonaws.<region>.<service> in each environment’s region.',
    }),
    bool('privateDns', 'Private DNS', true, {
      visibleWhen: { key: 'endpointType', equals: 'interface' },
      help: 'The service’s usual hostname resolves to the endpoint inside the VPC, so SDKs need no change.',
    }),
  ],
  validate: (props) => {
    const service = String(props.service ?? 's3');
    return props.endpointType !== 'interface' && !GATEWAY_ENDPOINT_SERVICES.includes(service)
      ? [
          {
            path: 'service',
            message: `Gateway endpoints exist only for ${GATEWAY_ENDPOINT_SERVICES.join(' and ')}; use an interface endpoint for "${service}".`,
          },
        ]
      : [];
  },
  accepts: [],
  refusalHint:
    'no edge is needed. Services in the endpoint’s VPC reach the AWS service through it by route (gateway) or private DNS (interface).',
  // The endpoint; an interface endpoint also has a security group with its ingress rule.
  stackResources: ({ props }) => ({ count: props.endpointType === 'interface' ? 3 : 1 }),
};

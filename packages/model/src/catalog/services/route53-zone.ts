import type { AcceptedConnection, ServiceDefinition } from '../types.ts';
import { bool, text } from '../define.ts';

/** A domain name: lower-case labels separated by dots, no trailing dot. */
const DOMAIN = '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$';

/** Services a zone's alias records can point at (an API through a custom domain of that name). */
export const ALIAS_TARGETS = ['cloudfront', 'alb', 'api-gateway'] as const;

/**
 * zone -> cloudfront/alb/api-gateway: an alias record in the zone naming the target. The record
 * name is the connection's own setting; empty is the zone apex. An API answers the name through
 * an API Gateway custom domain of that name.
 */
export const ALIAS_CONNECTION: AcceptedConnection = {
  kind: 'alias',
  from: ['route53-zone'],
  meaning: 'names',
  properties: [
    text('recordName', 'Record name', '', {
      maxLength: 63,
      pattern: '^([a-z0-9*]([a-z0-9-]{0,61}[a-z0-9])?)?$',
      patternHint: 'one lower-case label ("www", "api"); empty = the zone apex',
      help: 'The record is <name>.<zone>; empty names the zone itself. For an API Gateway API it is also the name of its custom domain.',
    }),
  ],
  // The A record (a distribution's entry also counts its AAAA record).
  stackResources: { count: 1 },
};

export const route53Zone: ServiceDefinition = {
  type: 'route53-zone',
  displayName: 'Route 53 hosted zone',
  abbreviations: ['route53', 'r53'],
  keywords: [
    'route 53',
    'dns',
    'dns zone',
    'hosted zone',
    'domain',
    'domain name',
    'dns record',
    'alias record',
  ],
  category: 'Networking',
  icon: 'route53-zone',
  description:
    'A Route 53 hosted zone for a domain, with alias records naming the CloudFront distributions, load balancers and API Gateway APIs it connects to. A private zone answers only inside the design’s VPCs.',
  placements: ['regional'],
  properties: [
    text('zoneName', 'Zone name', 'example.com', {
      maxLength: 253,
      pattern: DOMAIN,
      patternHint: 'a lower-case domain name like example.com, without the trailing dot',
      sameInEveryEnvironment: true,
      help: 'Public zones need the domain’s registrar to delegate to the zone’s name servers (an output of the generated code).',
    }),
    bool('private', 'Private zone', false, {
      sameInEveryEnvironment: true,
      help: 'Answers only inside the design’s VPCs (associated with each); public zones answer the internet.',
    }),
  ],
  accepts: [
    // ACM's validation records live in the zone: CloudFormation and CDK make them with the
    // certificate (counted there), Terraform with records of its own.
    { kind: 'validate-in', from: ['acm-certificate'], meaning: 'validates the certificate' },
  ],
  refusalHint:
    'the zone is the source: connect it to the CloudFront distribution, load balancer or API it names ("alias"); an ACM certificate connects to it to be validated.',
  stackResources: () => ({ count: 1 }),
};

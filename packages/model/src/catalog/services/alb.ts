import type { ServiceDefinition } from '../types.ts';
import { ALIAS_CONNECTION } from './route53-zone.ts';
import { CERTIFICATE_CONNECTION } from './acm-certificate.ts';
import {
  APP_COMPUTE,
  WATCHED_BY_ALARM,
  bool,
  choice,
  num,
  text,
  securityGroup,
  SECURITY_GROUP_RULES,
} from '../define.ts';

export const alb: ServiceDefinition = {
  type: 'alb',
  displayName: 'Application Load Balancer',
  abbreviations: ['alb', 'elb'],
  keywords: ['load balancer', 'application load balancer', 'elastic load balancing', 'balancer', 'layer 7'],
  category: 'Networking',
  icon: 'alb',
  description:
    'Layer-7 load balancer that terminates TLS and forwards HTTP requests to containers, instances or Lambda functions. Internet-facing in public subnets, internal in private subnets.',
  placements: ['public', 'private'],
  properties: [
    choice(
      'scheme',
      'Scheme',
      'internet-facing',
      [
        ['internet-facing', 'Internet-facing'],
        ['internal', 'Internal'],
      ],
      {
        sameInEveryEnvironment: true,
        help: 'Internet-facing ALBs need public subnets; internal ALBs belong in private subnets and are reachable only inside the VPC.',
      },
    ),
    text('certificateArn', 'ACM certificate ARN', '', {
      pattern: '^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+$',
      patternHint: 'must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)',
      help: 'Certificate for the HTTPS listener, issued by ACM in the same region as the ALB. A drawn ACM certificate connected to the ALB replaces it. Leave empty only for an internal HTTP-only ALB.',
    }),
    bool('httpRedirect', 'Redirect HTTP to HTTPS', true, {
      help: 'Adds a port 80 listener whose only action is a 301 redirect to HTTPS.',
    }),
    bool('waf', 'AWS WAF', false, {
      help: 'Attaches a WAFv2 web ACL with the AWS managed common rule set. Recommended on every internet-facing ALB.',
    }),
    bool('accessLogs', 'Access logs', false, {
      help: 'Writes one line per request to an S3 bucket; needed to investigate incidents after the fact.',
    }),
    num('idleTimeoutSeconds', 'Idle timeout', 60, {
      unit: 'seconds',
      integer: true,
      min: 1,
      max: 4000,
      help: 'Closes connections idle this long. Raise it for long polling or websockets; keep backend keep-alive longer than this.',
    }),
    bool('dropInvalidHeaders', 'Drop invalid header fields', true, {
      help: 'Drops headers with invalid characters instead of forwarding them, closing a request-smuggling vector.',
    }),
  ],
  accepts: [
    { kind: 'traffic', from: ['users'], meaning: 'HTTPS :443' },
    { kind: 'traffic', from: ['cloudfront'], meaning: 'forwards requests over HTTPS' },
    {
      kind: 'traffic',
      from: APP_COMPUTE,
      meaning: 'calls the internal ALB',
      stackResources: SECURITY_GROUP_RULES,
    },
    { kind: 'route', from: ['cloudfront'], meaning: 'uses as origin' },
    // The web ACL association.
    { kind: 'protect', from: ['waf-web-acl'], meaning: 'filters requests', stackResources: { count: 1 } },
    ALIAS_CONNECTION,
    CERTIFICATE_CONNECTION,
    WATCHED_BY_ALARM,
  ],
  listener: { port: 443, protocol: 'https' },
  // Security group, load balancer, HTTP listener, and an HTTPS listener with a certificate; a
  // listener rule per target after the first; a web ACL and its association; an access-log
  // bucket and its policy. Compute calling it gets a security group rule pair per listener (the
  // connection counts the first).
  stackResources: (input) => {
    const { props, outgoing, incoming } = input;
    const listeners = props.certificateArn || incoming.some((c) => c.kind === 'certificate') ? 2 : 1;
    const targets = outgoing.filter((c) => c.kind === 'traffic' || c.kind === 'invoke').length;
    const callers = incoming.filter(
      (c) => c.kind === 'traffic' && (APP_COMPUTE as readonly string[]).includes(c.fromType),
    ).length;
    return {
      count:
        securityGroup(input) +
        1 +
        listeners +
        Math.max(0, targets - 1) +
        2 * (listeners - 1) * callers +
        // A drawn web ACL (protect) replaces the one the switch makes.
        (props.waf === true && !incoming.some((c) => c.kind === 'protect') ? 2 : 0) +
        (props.accessLogs === true ? 2 : 0),
    };
  },
};

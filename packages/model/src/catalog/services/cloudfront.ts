import type { ServiceDefinition } from '../types.ts';
import { ALIAS_CONNECTION } from './route53-zone.ts';
import { CERTIFICATE_CONNECTION } from './acm-certificate.ts';
import { WATCHED_BY_ALARM, bool, choice, text } from '../define.ts';

const properties = [
  choice(
    'priceClass',
    'Price class',
    'PriceClass_100',
    [
      ['PriceClass_100', 'North America and Europe'],
      ['PriceClass_200', 'Adds Asia, Middle East and Africa'],
      ['PriceClass_All', 'All edge locations'],
    ],
    {
      help: 'Which edge locations serve viewers. Fewer locations cost less; viewers elsewhere are served from the nearest included one.',
    },
  ),
  text('defaultRootObject', 'Default root object', 'index.html', {
    maxLength: 255,
    pattern: '^[^/\\s][^\\s]*$',
    patternHint: 'must be an object key without a leading "/" or spaces',
    help: 'Object returned for requests to "/".',
  }),
  choice('minimumTls', 'Minimum viewer TLS', 'TLSv1.2_2021', [['TLSv1.2_2021', 'TLS 1.2 (2021 ciphers)']], {
    help: 'Security policy for viewer connections. Applies when a custom certificate is attached; the default *.cloudfront.net certificate always allows TLS 1.0+.',
  }),
  bool('waf', 'AWS WAF', false, {
    help: 'Attaches a WAFv2 web ACL (scope CLOUDFRONT, created in us-east-1) with the AWS managed common rule set.',
  }),
  bool('accessLogs', 'Access logs', false, {
    help: 'Standard logs to an S3 bucket, one line per viewer request.',
  }),
  text('certificateArn', 'ACM certificate ARN', '', {
    pattern: '^arn:aws[a-z-]*:acm:us-east-1:\\d{12}:certificate/[A-Za-z0-9-]+$',
    patternHint:
      'must be an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from that region)',
    help: 'Certificate for the custom domain names, requested in us-east-1 whatever the design region. A drawn ACM certificate connected to the distribution replaces it.',
  }),
  text('aliases', 'Custom domain names', '', {
    maxLength: 1024,
    pattern: '^[a-z0-9*.-]+(\\s*,\\s*[a-z0-9*.-]+)*$',
    patternHint: 'must be lower-case domain names separated by commas',
    help: 'Comma-separated alternate domain names, e.g. "www.example.com, example.com". Each needs the certificate to cover it and a DNS record pointing at the distribution.',
  }),
];

export const cloudfront: ServiceDefinition = {
  type: 'cloudfront',
  displayName: 'CloudFront distribution',
  abbreviations: ['cdn'],
  keywords: ['edge', 'edge cache', 'distribution', 'content delivery', 'static site'],
  category: 'Networking',
  icon: 'cloudfront',
  description:
    'Global CDN in front of S3, an ALB or an API: caches at the edge, terminates TLS close to viewers and keeps S3 buckets private through Origin Access Control.',
  placements: ['regional'],
  properties,
  // Custom names without a certificate: CF-01 says so, counting a drawn certificate (a
  // connection, which a property check cannot see).
  accepts: [
    { kind: 'traffic', from: ['users'], meaning: 'HTTPS :443' },
    // The distribution names the ACL (no association resource).
    { kind: 'protect', from: ['waf-web-acl'], meaning: 'filters requests' },
    // A and AAAA records (IPv6 is on).
    { ...ALIAS_CONNECTION, stackResources: { count: 2 } },
    CERTIFICATE_CONNECTION,
    WATCHED_BY_ALARM,
  ],
  listener: { port: 443, protocol: 'https' },
  // The distribution; an origin access control for S3 origins; a web ACL; an access-log bucket and
  // its policy; routed nowhere, a private origin bucket with its policy and log bucket.
  stackResources: ({ props, outgoing, incoming }) => {
    const routes = outgoing.filter((c) => c.kind === 'route');
    return {
      count:
        1 +
        (routes.some((c) => c.toType === 's3') ? 1 : 0) +
        (routes.length === 0 ? 5 : 0) +
        // A drawn web ACL (protect) replaces the one the switch makes.
        (props.waf === true && !incoming.some((c) => c.kind === 'protect') ? 1 : 0) +
        (props.accessLogs === true ? 2 : 0),
    };
  },
};

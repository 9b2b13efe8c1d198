import type { AcceptedConnection, PropertyIssue, ServiceDefinition } from '../types.ts';
import { bool, choice, text } from '../define.ts';

/** A certificate name: lower-case labels separated by dots, the first may be "*" (wildcard). */
const CERTIFICATE_NAME = '^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$';
const CERTIFICATE_NAME_RE = new RegExp(CERTIFICATE_NAME);

/** Front doors whose HTTPS a drawn certificate serves (an API: its custom domains). */
export const CERTIFICATE_USERS = ['alb', 'cloudfront', 'api-gateway'] as const;

/**
 * certificate -> alb/cloudfront/api-gateway: the load balancer's HTTPS listener, the
 * distribution's viewer certificate, or the API's custom domains (the names the zones' alias
 * records give it) use the drawn certificate instead of the certificateArn property.
 */
export const CERTIFICATE_CONNECTION: AcceptedConnection = {
  kind: 'certificate',
  from: ['acm-certificate'],
  meaning: 'serves HTTPS with',
};

/**
 * The names of a comma-separated list ("a.example.com, b.example.com"): a certificate's
 * alternative names, a distribution's aliases.
 */
export function commaSeparatedNames(value: unknown): string[] {
  return String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const acmCertificate: ServiceDefinition = {
  type: 'acm-certificate',
  displayName: 'ACM certificate',
  abbreviations: ['acm', 'cert'],
  keywords: [
    'certificate',
    'certificate manager',
    'certs',
    'tls',
    'tls certificate',
    'ssl',
    'ssl certificate',
    'https',
  ],
  category: 'Security',
  icon: 'acm-certificate',
  description:
    'A public TLS certificate from AWS Certificate Manager for the load balancers, CloudFront distributions and API Gateway custom domains it connects to. Validated by DNS records in a connected Route 53 zone (renewed automatically), or by email.',
  placements: ['regional'],
  properties: [
    text('domainName', 'Domain name', 'example.com', {
      maxLength: 253,
      pattern: CERTIFICATE_NAME,
      patternHint: 'a lower-case domain name like example.com or *.example.com',
      sameInEveryEnvironment: true,
      help: 'The name the certificate is issued for; "*.example.com" covers every name one label below.',
    }),
    text('subjectAlternativeNames', 'Other names', '', {
      maxLength: 2048,
      pattern: '^$|^[a-z0-9*.-]+(\\s*,\\s*[a-z0-9*.-]+)*$',
      patternHint: 'lower-case domain names separated by commas',
      sameInEveryEnvironment: true,
      help: 'Comma-separated further names the certificate covers, e.g. "www.example.com".',
    }),
    choice(
      'validationMethod',
      'Validation',
      'DNS',
      [
        ['DNS', 'DNS (records in a Route 53 zone)'],
        ['EMAIL', 'Email to the domain owner'],
      ],
      {
        sameInEveryEnvironment: true,
        help: 'DNS: validation records in the connected hosted zone; ACM renews the certificate by itself. Email: someone approves each issue and renewal.',
      },
    ),
    choice(
      'keyAlgorithm',
      'Key algorithm',
      'RSA_2048',
      [
        ['RSA_2048', 'RSA 2048'],
        ['EC_prime256v1', 'ECDSA P-256'],
        ['EC_secp384r1', 'ECDSA P-384'],
      ],
      {
        sameInEveryEnvironment: true,
        help: 'RSA 2048 works with every client; ECDSA keys are smaller and faster.',
      },
    ),
    bool('transparencyLogging', 'Certificate transparency logging', true, {
      sameInEveryEnvironment: true,
      help: 'Browsers distrust public certificates missing from the public transparency logs: keep it on.',
    }),
  ],
  validate(props) {
    const issues: PropertyIssue[] = [];
    const names = commaSeparatedNames(props.subjectAlternativeNames);
    names.forEach((name) => {
      if (!CERTIFICATE_NAME_RE.test(name))
        issues.push({ path: 'subjectAlternativeNames', message: `"${name}" is not a domain name` });
    });
    // ACM allows 10 names by default (the domain name and 9 others).
    if (names.length > 9)
      issues.push({
        path: 'subjectAlternativeNames',
        message: 'ACM allows at most 9 other names by default',
      });
    return issues;
  },
  accepts: [],
  refusalHint:
    'the certificate is the source: connect it to the load balancer, distribution or API that serves it ("certificate") and to the hosted zone that validates it ("validate in").',
  stackResources: () => ({ count: 1 }),
};

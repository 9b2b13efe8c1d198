import type { ServiceDefinition } from '../types.ts';
import { WATCHED_BY_ALARM, bool, choice, num, reader, text } from '../define.ts';
import { ALIAS_CONNECTION } from './route53-zone.ts';
import { CERTIFICATE_CONNECTION } from './acm-certificate.ts';

const properties = [
  choice(
    'apiType',
    'API type',
    'http',
    [
      ['http', 'HTTP API'],
      ['rest', 'REST API'],
    ],
    {
      sameInEveryEnvironment: true,
      help: 'HTTP APIs are cheaper and faster, with JWT and IAM authorizers. REST APIs add request validation, usage plans, API keys, X-Ray and WAF.',
    },
  ),
  choice(
    'authorizer',
    'Authorizer',
    'iam',
    [
      ['none', 'None (open to anyone)'],
      ['iam', 'IAM (SigV4-signed requests)'],
      ['jwt', 'JWT (OIDC issuer, e.g. Cognito)'],
      ['cognito', 'Cognito user pool (REST API)'],
    ],
    {
      sameInEveryEnvironment: true,
      help: 'Who may call the API. Connect a Cognito user pool to use it as the JWT issuer or the REST authorizer.',
    },
  ),
  num('throttleRateLimit', 'Throttle rate', 1000, {
    unit: 'requests/s',
    min: 1,
    max: 10000,
    help: 'Steady-state request rate allowed on the stage before API Gateway answers 429; protects the backend and the bill.',
  }),
  num('throttleBurstLimit', 'Throttle burst', 500, {
    unit: 'requests',
    integer: true,
    min: 1,
    max: 5000,
    help: 'Requests allowed at once above the steady rate (token bucket size).',
  }),
  bool('accessLogs', 'Access logs', true, {
    help: 'JSON access log per request (request id, caller, status, latency) to a CloudWatch log group.',
  }),
  bool('tracing', 'X-Ray tracing', true, {
    help: 'Traces requests through API Gateway into the backend. REST APIs only; HTTP APIs do not support X-Ray.',
    visibleWhen: { key: 'apiType', equals: 'rest' },
  }),
  bool('requestValidation', 'Request validation', true, {
    help: 'Rejects requests with missing parameters or an invalid body before they reach the backend. REST APIs only.',
    visibleWhen: { key: 'apiType', equals: 'rest' },
  }),
  text('certificateArn', 'Custom domain certificate ARN', '', {
    maxLength: 2048,
    pattern: '^$|^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+$',
    patternHint: 'must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)',
    // One custom domain in every environment: its certificate cannot come and go.
    sameInEveryEnvironment: true,
    help: 'An existing certificate for the custom domains, used when no ACM certificate is connected. A Route 53 zone connected to the API ("alias") names each custom domain (<record>.<zone>, a regional endpoint); the certificate must cover the name and be issued in the API’s region.',
  }),
];

export const apiGateway: ServiceDefinition = {
  type: 'api-gateway',
  displayName: 'API Gateway',
  abbreviations: ['apigw', 'apig'],
  keywords: ['api', 'rest api', 'http api', 'rest', 'webhook', 'api endpoint'],
  category: 'Networking',
  icon: 'api-gateway',
  description:
    'Managed HTTPS front door for APIs: authorization, throttling, access logs and integrations with Lambda functions without any servers to run.',
  placements: ['regional'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    if (p.str('apiType') === 'http' && p.str('authorizer') === 'cognito')
      return [
        {
          path: 'authorizer',
          message: 'HTTP APIs use a JWT authorizer with the Cognito user pool as issuer; choose "jwt"',
        },
      ];
    return [];
  },
  accepts: [
    { kind: 'traffic', from: ['users'], meaning: 'HTTPS :443' },
    { kind: 'route', from: ['cloudfront'], meaning: 'uses as origin' },
    // The web ACL association.
    { kind: 'protect', from: ['waf-web-acl'], meaning: 'filters requests', stackResources: { count: 1 } },
    WATCHED_BY_ALARM,
    // The A record, the custom domain of its name and the mapping to the stage.
    { ...ALIAS_CONNECTION, stackResources: { count: 3 } },
    // The certificate of the API's custom domains (regional: issued in the API's region).
    CERTIFICATE_CONNECTION,
  ],
  listener: { port: 443, protocol: 'https' },
  // HTTP API: the API and its stage. REST API: the API, deployment and stage once it has methods,
  // and a request validator. Access logs: a log group (REST: and the role it logs with). A JWT or
  // Cognito authorizer on a user pool it reads (HTTP: and an app client). Each integration is
  // counted on its connection.
  stackResources: ({ props, outgoing }) => {
    const logs = props.accessLogs === true ? 1 : 0;
    const rest = props.apiType === 'rest';
    const authorizer =
      (props.authorizer === 'jwt' || props.authorizer === 'cognito') &&
      outgoing.some((c) => c.kind === 'read' && c.toType === 'cognito-user-pool');
    const auth = authorizer ? (rest ? 1 : 2) : 0;
    if (!rest) return { count: 2 + logs + auth };
    const methods = outgoing.some((c) => c.kind === 'invoke');
    return { count: (methods ? 3 + (props.requestValidation === true ? 1 : 0) : 0) + 2 * logs + auth };
  },
};

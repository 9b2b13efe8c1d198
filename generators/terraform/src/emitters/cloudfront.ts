/**
 * CloudFront distribution: HTTPS viewers, TLS 1.2 (CF-01), Origin Access Control for S3 origins
 * (CF-02), HTTPS to custom origins that serve it, optional access logs; the web ACL the lowering
 * decided (created here in us-east-1, else attached by ARN from a variable).
 */
import { REST_API_STAGE, requireResolved, type ResolvedComponent, type ResolvedRoute } from '@archgen/infra';
import { commaSeparatedNames, type PropertyValue } from '@archgen/model';
import {
  type Block,
  type BodyInput,
  type Expr,
  attr,
  block,
  call,
  cond,
  literal,
  nul,
  num,
  ref,
  str,
  tpl,
} from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { emitWebAcl, skip, tags } from './common.ts';
import { accessLogPresence, bucketAttribute, emitBucket } from './buckets.ts';

const address = (c: ResolvedComponent) => `aws_cloudfront_distribution.${c.names.tfName}`;

/** AWS managed cache and origin request policies (fixed, documented ids). */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

interface Origin {
  id: string;
  body: BodyInput[];
  cached: boolean;
  pathPattern?: string;
}

function origin(ctx: TfContext, cf: ResolvedComponent, r: ResolvedRoute): Origin {
  const target = ctx.component(r.targetId);
  const id = target.names.slug;
  if (target.type === 's3') {
    return {
      id,
      cached: true,
      pathPattern: r.pathPattern,
      body: [
        attr('origin_id', str(id)),
        attr('domain_name', ctx.attribute(target.id, 'domainName')),
        attr('origin_access_control_id', ref(`aws_cloudfront_origin_access_control.${cf.names.tfName}.id`)),
      ],
    };
  }
  let domain: Expr;
  let originPath: Expr | undefined;
  let protocol = str('https-only');
  if (target.type === 'alb') {
    domain = ctx.attribute(target.id, 'domainName');
    // HTTPS in the environments where the load balancer has a certificate, drawn or by ARN (CF-01).
    protocol = ctx.derived(target, 'origin_protocol_policy', 'CloudFront origin protocol', (env) =>
      target.certificateId !== undefined || ctx.textIn(target, 'certificateArn', env) !== ''
        ? 'https-only'
        : 'http-only',
    );
  } else if (target.type === 'api-gateway' && ctx.text(target, 'apiType') === 'rest') {
    domain = tpl(ctx.attribute(target.id, 'id'), '.execute-api.', ref('var.region'), '.amazonaws.com');
    originPath = str(`/${REST_API_STAGE}`);
  } else {
    domain = call('replace', ctx.attribute(target.id, 'endpoint'), str('https://'), str(''));
  }
  return {
    id,
    cached: false,
    pathPattern: r.pathPattern ?? `/${target.names.slug}/*`,
    body: [
      attr('origin_id', str(id)),
      attr('domain_name', domain),
      attr('origin_path', originPath),
      block(
        'custom_origin_config',
        [],
        [
          attr('http_port', num(80)),
          attr('https_port', num(443)),
          attr('origin_protocol_policy', protocol),
          attr('origin_ssl_protocols', literal(['TLSv1.2'])),
        ],
      ),
    ],
  };
}

function behavior(o: Origin): BodyInput[] {
  return [
    attr('target_origin_id', str(o.id)),
    attr('viewer_protocol_policy', str('redirect-to-https')),
    attr(
      'allowed_methods',
      literal(
        o.cached ? ['GET', 'HEAD', 'OPTIONS'] : ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
      ),
    ),
    attr('cached_methods', literal(['GET', 'HEAD'])),
    attr('compress', literal(true)),
    attr('cache_policy_id', str(o.cached ? CACHING_OPTIMIZED : CACHING_DISABLED)),
    !o.cached && attr('origin_request_policy_id', str(ALL_VIEWER_EXCEPT_HOST)),
  ];
}

/** Which environments have a custom certificate. */
type Certificate = 'every' | 'some' | 'none';

/**
 * The certificate viewers see: the design's where it has one, CloudFront's default elsewhere.
 * One block either way; where only some environments have a certificate, each attribute is that
 * environment's value (null leaves it unset, as the provider wants next to the default certificate).
 */
function viewerCertificate(
  ctx: TfContext,
  c: ResolvedComponent,
  certificate: Certificate,
  hasCertificate: (env: string) => boolean,
): Block {
  if (certificate === 'none')
    return block('viewer_certificate', [], [attr('cloudfront_default_certificate', literal(true))]);
  if (certificate === 'every')
    return block(
      'viewer_certificate',
      [],
      [
        attr(
          'acm_certificate_arn',
          c.certificateId ? ctx.attribute(c.certificateId, 'arn') : ctx.prop(c, 'certificateArn'),
        ),
        attr('ssl_support_method', str('sni-only')),
        attr('minimum_protocol_version', ctx.prop(c, 'minimumTls')),
      ],
    );
  const defaultCertificate = ctx.derived(
    c,
    'default_certificate',
    'Whether viewers get the default *.cloudfront.net certificate',
    (env) => !hasCertificate(env),
  );
  return block(
    'viewer_certificate',
    [],
    [
      attr(
        'acm_certificate_arn',
        ctx.derived(c, 'certificate_arn', 'ACM certificate ARN (null: the default certificate)', (env) =>
          hasCertificate(env) ? ctx.textIn(c, 'certificateArn', env) : null,
        ),
      ),
      attr('cloudfront_default_certificate', defaultCertificate),
      attr('ssl_support_method', cond(defaultCertificate, nul, str('sni-only'))),
      attr('minimum_protocol_version', cond(defaultCertificate, nul, ctx.prop(c, 'minimumTls'))),
    ],
  );
}

/** The custom domain names, in the environments whose certificate can serve them. */
function aliases(
  ctx: TfContext,
  c: ResolvedComponent,
  certificate: Certificate,
  hasCertificate: (env: string) => boolean,
  split: (v: PropertyValue) => string[],
): Expr {
  if (certificate === 'every') return ctx.prop(c, 'aliases', split);
  return ctx.derived(c, 'aliases', 'Custom domain names', (env) =>
    hasCertificate(env) ? split(ctx.valueIn(c, 'aliases', env)) : [],
  );
}

export const cloudfrontEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_cloudfront_distribution.${name}.arn`),
    id: (name) => ref(`aws_cloudfront_distribution.${name}.id`),
    domainName: (name) => ref(`aws_cloudfront_distribution.${name}.domain_name`),
    endpoint: (name) => ref(`aws_cloudfront_distribution.${name}.domain_name`),
  },
  emit(c, ctx) {
    const t = c.names.tfName;
    const routes = ctx.graph.routes.filter((r) => r.kind === 'cloudfront-origin' && r.frontDoorId === c.id);
    const origins = routes.map((r) => origin(ctx, c, r));
    if (origins.some((o) => o.cached)) {
      ctx.add(
        'edge.tf',
        block(
          'resource',
          ['aws_cloudfront_origin_access_control', t],
          [
            attr('name', ctx.physicalName(c.names.slug, 64)),
            attr('description', str(`S3 access for ${c.names.display}`.slice(0, 256))),
            attr('origin_access_control_origin_type', str('s3')),
            attr('signing_behavior', str('always')),
            attr('signing_protocol', str('sigv4')),
          ],
        ),
      );
    }
    // A drawn certificate (its validated ARN) serves every environment; else the certificateArn
    // in the environments that set one, the others keeping CloudFront's default certificate.
    const hasCertificate = (env: string) =>
      c.certificateId !== undefined || ctx.textIn(c, 'certificateArn', env) !== '';
    const withCertificate = ctx.environments.filter(hasCertificate).length;
    const certificate: Certificate =
      withCertificate === 0 ? 'none' : withCertificate === ctx.environments.length ? 'every' : 'some';
    const hasAliases = ctx.some(c, 'aliases', (v) => commaSeparatedNames(v).length > 0);
    const logs = accessLogPresence(ctx, c);
    const logBucket = `${t}_access_logs`;
    if (logs) {
      emitBucket(ctx, logBucket, `${c.names.display} access logs`, {
        presence: logs,
        prefix: tpl(ctx.physicalName(`${c.names.slug}-logs`, 36), '-'),
        kms: false,
        versioned: literal('Enabled'),
        logBucket: requireResolved(c.accessLogBucket, c, 'access log bucket'),
        extraComments: [skip('CKV_AWS_18', 'this is the access log bucket; logging it would recurse')],
        leading: ['trivy:ignore:AVD-AWS-0089'],
      });
    }
    // The lowering decides the ACL: created here when this stack deploys to us-east-1, else an input.
    const waf = c.webAcl !== undefined;
    const external = c.webAcl?.source === 'external';
    const webAcl = external
      ? ctx.variable({
          name: `${t}_web_acl_arn`,
          type: 'string',
          description: `ARN of a CLOUDFRONT-scope WAF web ACL (created in us-east-1) for ${c.names.display}`,
          default: literal(null),
        })
      : emitWebAcl(ctx, c)?.arn;
    const [first, ...rest] = origins;
    ctx.add(
      'edge.tf',
      ctx.resource('aws_cloudfront_distribution', t, c, [
        !waf && skip('CKV_AWS_68', 'WAF is off in the design (CF-03)'),
        (!logs || logs.count) && skip('CKV_AWS_86', 'access logs are off in the design (CF-03)'),
        certificate !== 'every' &&
          skip('CKV_AWS_174', 'the default CloudFront certificate is used until the design sets one'),
        skip('CKV_AWS_310', 'origin failover needs a second origin the design does not have'),
        skip('CKV_AWS_374', 'no geo restriction in the design'),
        external && skip('CKV2_AWS_47', 'the web ACL and its rules are supplied from us-east-1'),
        skip('CKV2_AWS_32', 'response headers policy is left to the application'),
        attr('enabled', literal(true)),
        attr('comment', str(c.names.display.slice(0, 128))),
        attr('price_class', ctx.prop(c, 'priceClass')),
        attr('default_root_object', ctx.prop(c, 'defaultRootObject')),
        attr('is_ipv6_enabled', literal(true)),
        attr('http_version', str('http2and3')),
        certificate !== 'none' &&
          hasAliases &&
          attr('aliases', aliases(ctx, c, certificate, hasCertificate, commaSeparatedNames)),
        webAcl && attr('web_acl_id', webAcl),
        origins.map((o) => block('origin', [], o.body)),
        block('default_cache_behavior', [], behavior(first!)),
        rest.map((o) =>
          block(
            'ordered_cache_behavior',
            [],
            [attr('path_pattern', str(o.pathPattern ?? `/${o.id}/*`)), ...behavior(o)],
          ),
        ),
        block('restrictions', [], [block('geo_restriction', [], [attr('restriction_type', str('none'))])]),
        viewerCertificate(ctx, c, certificate, hasCertificate),
        logs &&
          ctx.presentBlock('logging_config', logs, [
            attr('bucket', bucketAttribute(logBucket, 'bucket_domain_name', logs)),
            attr('prefix', str(requireResolved(c.accessLogBucket, c, 'access log bucket').prefix)),
            attr('include_cookies', literal(false)),
          ]),
        tags(c.names.display),
      ]),
    );
    ctx.output(`${t}_domain_name`, ref(`${address(c)}.domain_name`), `Domain name of "${c.names.display}"`);
  },
};

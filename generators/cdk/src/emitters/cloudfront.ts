/** CloudFront distributions. */
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, cond, eq, lit, member, newExpr, obj, template } from '../ts/ast.ts';
import { onlyWhere } from '../context.ts';
import { accessLogBucket, acknowledgeDesignRisks, resolvedFlag, routesFrom, webAcl } from './common.ts';
import { plainText } from '../naming.ts';
import { regionOf, regionsVary, requireResolved } from '@archgen/infra';
import { commaSeparatedNames } from '@archgen/model';

/** Where the stacks deploy, for a note: the region, or each environment outside us-east-1. */
function stackRegions(ctx: StackContext): string {
  const graph = ctx.graph;
  if (!regionsVary(graph)) return `this stack is in ${graph.design.region}`;
  const outside = graph.environments.filter((env) => regionOf(graph, env) !== 'us-east-1');
  return outside.map((env) => `${env} deploys in ${regionOf(graph, env)}`).join(', ');
}

const PRICE_CLASS: Record<string, string> = {
  PriceClass_100: 'PRICE_CLASS_100',
  PriceClass_200: 'PRICE_CLASS_200',
  PriceClass_All: 'PRICE_CLASS_ALL',
};

function originFor(ctx: StackContext, targetId: string): Expr {
  const target = ctx.component(targetId);
  const handle = ctx.handle(targetId);
  switch (target.type) {
    case 's3':
      return call(ctx.api('origins', 'S3BucketOrigin.withOriginAccessControl'), handle.construct);
    case 'alb': {
      // HTTPS to the origin in the environments where its load balancer has a certificate, drawn
      // or by ARN (CF-01).
      const policy = (https: boolean) =>
        ctx.api('cloudfront', https ? 'OriginProtocolPolicy.HTTPS_ONLY' : 'OriginProtocolPolicy.HTTP_ONLY');
      return newExpr(
        ctx.api('origins', 'LoadBalancerV2Origin'),
        handle.construct,
        obj({
          protocolPolicy:
            target.certificateId !== undefined
              ? policy(true)
              : ctx.chooseResolved(
                  target,
                  'originProtocolPolicy',
                  requireResolved(target.props.certificateArn, target, 'certificateArn'),
                  (arn) => policy(typeof arn === 'string' && arn.trim() !== ''),
                ),
        }),
      );
    }
    case 'api-gateway':
      if (ctx.str(target, 'apiType') === 'rest')
        return newExpr(ctx.api('origins', 'RestApiOrigin'), handle.construct);
      return newExpr(
        ctx.api('origins', 'HttpOrigin'),
        template(
          member(handle.construct, 'apiId'),
          '.execute-api.',
          member(ctx.scope, 'region'),
          '.',
          member(ctx.scope, 'urlSuffix'),
        ),
      );
    default:
      throw new Error(`CloudFront cannot use a ${target.type} ("${targetId}") as an origin`);
  }
}

export const cloudfrontEmitter: ComponentEmitter = {
  dependencies: (component, graph) =>
    routesFrom(graph, component, 'cloudfront-origin').map((r) => r.targetId),
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: CloudFront distribution.`);
    const routes = [...routesFrom(ctx.graph, component, 'cloudfront-origin')].sort(
      (a, b) => Number(Boolean(a.pathPattern)) - Number(Boolean(b.pathPattern)),
    );
    // The lowering gives every distribution an origin; the first route is the default one.
    const [first, ...rest] = routes;
    if (!first || first.pathPattern)
      throw new Error(`CloudFront distribution "${component.id}" has no default origin route`);
    const defaultOrigin = originFor(ctx, first.targetId);
    const behaviors = rest.map(
      (route) =>
        [
          route.pathPattern ?? '/*',
          obj({
            origin: originFor(ctx, route.targetId),
            viewerProtocolPolicy: ctx.api('cloudfront', 'ViewerProtocolPolicy.REDIRECT_TO_HTTPS'),
            allowedMethods: ctx.api('cloudfront', 'AllowedMethods.ALLOW_ALL'),
            cachePolicy: ctx.api('cloudfront', 'CachePolicy.CACHING_DISABLED'),
            originRequestPolicy: ctx.api('cloudfront', 'OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER'),
          }),
        ] as [string, Expr],
    );
    // Certificate, aliases and price class per environment (staging and prod serve their own names).
    // A drawn certificate serves every environment; else the certificateArn where one is set.
    const drawn = component.certificateId ? ctx.handle(component.certificateId).construct : undefined;
    const cert = drawn
      ? { test: undefined, value: drawn }
      : ctx.optional(component, 'certificateArn', (v) => typeof v === 'string' && v.trim() !== '');
    const certificate = drawn
      ? drawn
      : cert
        ? onlyWhere(
            cert.test,
            call(
              ctx.api('acm', 'Certificate.fromCertificateArn'),
              ctx.scope,
              lit(`${component.names.logicalId}Certificate`),
              cert.value,
            ),
          )
        : undefined;
    // Names only where the environment has a certificate: CloudFront refuses names it cannot serve.
    const domainNames = cert
      ? onlyWhere(
          cert.test,
          ctx.choose(component, 'aliases', (v) => {
            const aliases = commaSeparatedNames(v);
            return aliases.length ? arr(aliases.map((a) => lit(a))) : lit(undefined);
          }),
        )
      : undefined;
    const logs = accessLogBucket(ctx, component);
    const logging = logs && ctx.flag(component, 'accessLogs');
    // The lowering decides where WAF is on and whether this stack can create the ACL (us-east-1).
    const waf = resolvedFlag(ctx, component, 'WebAcl', component.webAcl?.enabled, 'WAF web ACL attached');
    const acl = waf && component.webAcl?.source === 'stack' ? webAcl(ctx, component) : undefined;
    const aclArn = acl ? member(acl, 'attrArn') : undefined;
    const distribution = ctx.declare(
      name,
      newExpr(
        ctx.api('cloudfront', 'Distribution'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          comment: lit(plainText(component.names.display, 128)),
          defaultBehavior: obj({
            origin: defaultOrigin,
            viewerProtocolPolicy: ctx.api('cloudfront', 'ViewerProtocolPolicy.REDIRECT_TO_HTTPS'),
          }),
          additionalBehaviors: behaviors.length ? obj(behaviors) : undefined,
          defaultRootObject: ctx.choose(component, 'defaultRootObject', (v) => lit(String(v ?? ''))),
          priceClass: ctx.choose(component, 'priceClass', (v) =>
            ctx.api('cloudfront', `PriceClass.${PRICE_CLASS[String(v)] ?? 'PRICE_CLASS_100'}`),
          ),
          minimumProtocolVersion: ctx.api('cloudfront', 'SecurityPolicyProtocol.TLS_V1_2_2021'),
          certificate,
          domainNames: domainNames && onlyWhere(cert?.test, domainNames),
          httpVersion: ctx.api('cloudfront', 'HttpVersion.HTTP2_AND_3'),
          enableLogging: logging ? (logging.test ?? lit(true)) : undefined,
          logBucket: logs?.bucket,
          logFilePrefix: logs ? lit(component.accessLogBucket!.prefix) : undefined,
          webAclId: aclArn && waf?.test ? cond(waf.test, aclArn, lit(undefined)) : aclArn,
        }),
      ),
    );
    ctx.acknowledge(
      distribution,
      'AwsSolutions-CFR1',
      'The design serves every country; add geoRestriction to limit where content is delivered.',
    );
    if (!cert || cert.test)
      ctx.when(cert && eq(cert.value, lit(undefined)), () =>
        ctx.acknowledge(
          distribution,
          'AwsSolutions-CFR4',
          'No certificate in the design yet: the default *.cloudfront.net certificate cannot enforce TLSv1.2_2021.',
        ),
      );
    if (waf && !acl)
      ctx.acknowledge(
        distribution,
        'AwsSolutions-CFR2',
        `The design asks for WAF: create the CLOUDFRONT-scope web ACL in us-east-1 (${stackRegions(ctx)}) and set webAclId.`,
      );
    acknowledgeDesignRisks(ctx, component, distribution);
    ctx.register(component.id, {
      construct: distribution,
      attributes: {
        id: member(distribution, 'distributionId'),
        domainName: member(distribution, 'distributionDomainName'),
        url: template('https://', member(distribution, 'distributionDomainName')),
      },
    });
  },
};

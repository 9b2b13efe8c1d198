/** Front doors: Application Load Balancers, CloudFront distributions and API Gateway APIs. */
import type { ResolvedComponent, ResolvedGraph, ResolvedRoute } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, comment, lit, member, newExpr, obj, template, thisExpr } from '../ts/ast.ts';
import { accessLogsBucket, acknowledgeDesignRisks, logGroupFor, removalPolicy, securityGroupOf, subnetSelection, vpcOf } from './common.ts';
import { plainText } from '../naming.ts';

function routesFrom(graph: ResolvedGraph, component: ResolvedComponent, kind: ResolvedRoute['kind']): ResolvedRoute[] {
  return graph.routes.filter((r) => r.frontDoorId === component.id && r.kind === kind);
}

/** A WAF web ACL with AWS managed common and known-bad-inputs rules (no L2 exists). */
function webAcl(ctx: StackContext, component: ResolvedComponent, scope: 'REGIONAL' | 'CLOUDFRONT'): Expr {
  const rule = (name: string, priority: number) =>
    obj({
      name: lit(name),
      priority: lit(priority),
      overrideAction: obj({ none: obj({}) }),
      statement: obj({ managedRuleGroupStatement: obj({ vendorName: lit('AWS'), name: lit(name) }) }),
      visibilityConfig: obj({ cloudWatchMetricsEnabled: lit(true), metricName: lit(name), sampledRequestsEnabled: lit(true) }),
    });
  return ctx.declare(
    `${ctx.variableName(component)}WebAcl`,
    newExpr(
      ctx.api('wafv2', 'CfnWebACL'),
      thisExpr,
      lit(`${component.names.logicalId}WebAcl`),
      obj({
        scope: lit(scope),
        defaultAction: obj({ allow: obj({}) }),
        visibilityConfig: obj({ cloudWatchMetricsEnabled: lit(true), metricName: lit(`${component.names.logicalId}WebAcl`), sampledRequestsEnabled: lit(true) }),
        rules: arr([rule('AWSManagedRulesCommonRuleSet', 0), rule('AWSManagedRulesKnownBadInputsRuleSet', 1)]),
      }),
    ),
  );
}

export const albEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: Application Load Balancer.`);
    const internetFacing = ctx.str(component, 'scheme') === 'internet-facing';
    const certificateArn = ctx.str(component, 'certificateArn').trim();
    const alb = ctx.declare(
      name,
      newExpr(
        ctx.api('elbv2', 'ApplicationLoadBalancer'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          internetFacing: lit(internetFacing),
          securityGroup: securityGroupOf(ctx, component),
          idleTimeout: ctx.duration('seconds', ctx.value(component, 'idleTimeoutSeconds')),
          dropInvalidHeaderFields: ctx.value(component, 'dropInvalidHeaders'),
        }),
      ),
    );
    if (ctx.any(component, 'accessLogs'))
      ctx.expr(call(member(alb, 'logAccessLogs'), accessLogsBucket(ctx), lit(component.names.slug)));
    const notFound = call(
      ctx.api('elbv2', 'ListenerAction.fixedResponse'),
      lit(404),
      obj({ contentType: lit('text/plain'), messageBody: lit('Not found') }),
    );
    let listener: Expr;
    if (certificateArn) {
      listener = ctx.declare(
        `${name}HttpsListener`,
        call(
          member(alb, 'addListener'),
          lit('HttpsListener'),
          obj({
            port: lit(443),
            protocol: ctx.api('elbv2', 'ApplicationProtocol.HTTPS'),
            certificates: arr([call(ctx.api('elbv2', 'ListenerCertificate.fromArn'), lit(certificateArn))]),
            sslPolicy: ctx.api('elbv2', 'SslPolicy.RECOMMENDED_TLS'),
            open: lit(false),
            defaultAction: notFound,
          }),
        ),
      );
      if (ctx.bool(component, 'httpRedirect'))
        ctx.expr(call(member(alb, 'addRedirect'), obj({ sourcePort: lit(80), targetPort: lit(443), open: lit(false) })));
    } else {
      ctx.add(comment('No certificate in the design (certificateArn): plain HTTP until one is set (ALB-01).'));
      listener = ctx.declare(
        `${name}HttpListener`,
        call(
          member(alb, 'addListener'),
          lit('HttpListener'),
          obj({ port: lit(80), protocol: ctx.api('elbv2', 'ApplicationProtocol.HTTP'), open: lit(false), defaultAction: notFound }),
        ),
      );
    }
    if (ctx.bool(component, 'waf')) {
      const acl = webAcl(ctx, component, 'REGIONAL');
      ctx.expr(
        newExpr(ctx.api('wafv2', 'CfnWebACLAssociation'), thisExpr, lit(`${component.names.logicalId}WebAclAssociation`), obj({ resourceArn: member(alb, 'loadBalancerArn'), webAclArn: member(acl, 'attrArn') })),
      );
    }
    acknowledgeDesignRisks(ctx, component, alb);
    ctx.register(component.id, {
      construct: alb,
      attributes: {
        arn: member(alb, 'loadBalancerArn'),
        name: member(alb, 'loadBalancerName'),
        fullName: member(alb, 'loadBalancerFullName'),
        domainName: member(alb, 'loadBalancerDnsName'),
        endpoint: member(alb, 'loadBalancerDnsName'),
      },
      extras: { listener },
    });
  },
};

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
      const https = ctx.str(target, 'certificateArn').trim() !== '';
      return newExpr(
        ctx.api('origins', 'LoadBalancerV2Origin'),
        handle.construct,
        obj({ protocolPolicy: ctx.api('cloudfront', https ? 'OriginProtocolPolicy.HTTPS_ONLY' : 'OriginProtocolPolicy.HTTP_ONLY') }),
      );
    }
    case 'api-gateway':
      if (ctx.str(target, 'apiType') === 'rest') return newExpr(ctx.api('origins', 'RestApiOrigin'), handle.construct);
      return newExpr(
        ctx.api('origins', 'HttpOrigin'),
        template(member(handle.construct, 'apiId'), '.execute-api.', member(thisExpr, 'region'), '.', member(thisExpr, 'urlSuffix')),
      );
    default:
      throw new Error(`CloudFront cannot use a ${target.type} ("${targetId}") as an origin`);
  }
}

export const cloudfrontEmitter: ComponentEmitter = {
  dependencies: (component, graph) => routesFrom(graph, component, 'cloudfront-origin').map((r) => r.targetId),
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
    const behaviors = rest.map((route) => [
      route.pathPattern ?? '/*',
      obj({
        origin: originFor(ctx, route.targetId),
        viewerProtocolPolicy: ctx.api('cloudfront', 'ViewerProtocolPolicy.REDIRECT_TO_HTTPS'),
        allowedMethods: ctx.api('cloudfront', 'AllowedMethods.ALLOW_ALL'),
        cachePolicy: ctx.api('cloudfront', 'CachePolicy.CACHING_DISABLED'),
        originRequestPolicy: ctx.api('cloudfront', 'OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER'),
      }),
    ] as [string, Expr]);
    const certificateArn = ctx.str(component, 'certificateArn').trim();
    const certificate = certificateArn
      ? call(ctx.api('acm', 'Certificate.fromCertificateArn'), thisExpr, lit(`${component.names.logicalId}Certificate`), lit(certificateArn))
      : undefined;
    const aliases = certificateArn
      ? ctx.str(component, 'aliases').split(',').map((a) => a.trim()).filter(Boolean)
      : [];
    const logging = ctx.any(component, 'accessLogs');
    // CloudFront web ACLs live in us-east-1: created here only when this stack deploys there.
    const waf = ctx.bool(component, 'waf');
    const acl = waf && ctx.graph.design.region === 'us-east-1' ? webAcl(ctx, component, 'CLOUDFRONT') : undefined;
    const distribution = ctx.declare(
      name,
      newExpr(
        ctx.api('cloudfront', 'Distribution'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          comment: lit(plainText(component.names.display, 128)),
          defaultBehavior: obj({
            origin: defaultOrigin,
            viewerProtocolPolicy: ctx.api('cloudfront', 'ViewerProtocolPolicy.REDIRECT_TO_HTTPS'),
          }),
          additionalBehaviors: behaviors.length ? obj(behaviors) : undefined,
          defaultRootObject: lit(ctx.str(component, 'defaultRootObject')),
          priceClass: ctx.api('cloudfront', `PriceClass.${PRICE_CLASS[ctx.str(component, 'priceClass')] ?? 'PRICE_CLASS_100'}`),
          minimumProtocolVersion: ctx.api('cloudfront', 'SecurityPolicyProtocol.TLS_V1_2_2021'),
          certificate,
          domainNames: aliases.length ? arr(aliases.map((a) => lit(a))) : undefined,
          httpVersion: ctx.api('cloudfront', 'HttpVersion.HTTP2_AND_3'),
          enableLogging: logging ? lit(true) : undefined,
          logBucket: logging ? accessLogsBucket(ctx) : undefined,
          logFilePrefix: logging ? lit(`${component.names.slug}/`) : undefined,
          webAclId: acl ? member(acl, 'attrArn') : undefined,
        }),
      ),
    );
    ctx.acknowledge(distribution, 'AwsSolutions-CFR1', 'The design serves every country; add geoRestriction to limit where content is delivered.');
    if (!certificateArn)
      ctx.acknowledge(distribution, 'AwsSolutions-CFR4', 'No certificate in the design yet: the default *.cloudfront.net certificate cannot enforce TLSv1.2_2021.');
    if (waf && !acl)
      ctx.acknowledge(
        distribution,
        'AwsSolutions-CFR2',
        `The design asks for WAF: create the CLOUDFRONT-scope web ACL in us-east-1 (this stack is in ${ctx.graph.design.region}) and set webAclId.`,
      );
    acknowledgeDesignRisks(ctx, component, distribution);
    ctx.register(component.id, {
      construct: distribution,
      attributes: { id: member(distribution, 'distributionId'), domainName: member(distribution, 'distributionDomainName'), url: template('https://', member(distribution, 'distributionDomainName')) },
    });
  },
};

export const apiGatewayEmitter: ComponentEmitter = {
  dependencies: (component) => (component.userPoolId ? [component.userPoolId] : []),
  emit(component, ctx) {
    const name = ctx.variableName(component);
    const rest = ctx.str(component, 'apiType') === 'rest';
    ctx.section(`${component.names.logicalId}: API Gateway ${rest ? 'REST' : 'HTTP'} API.`);
    const logGroup = logGroupFor(ctx, component);
    const throttle = { rate: ctx.value(component, 'throttleRateLimit'), burst: ctx.value(component, 'throttleBurstLimit') };
    if (rest) {
      const api = ctx.declare(
        name,
        newExpr(
          ctx.api('apigw', 'RestApi'),
          thisExpr,
          lit(component.names.logicalId),
          obj({
            description: lit(plainText(component.names.display, 1000)),
            cloudWatchRole: lit(true),
            cloudWatchRoleRemovalPolicy: removalPolicy(ctx, 'RETAIN'),
            deployOptions: obj({
              tracingEnabled: ctx.value(component, 'tracing'),
              throttlingRateLimit: throttle.rate,
              throttlingBurstLimit: throttle.burst,
              loggingLevel: ctx.api('apigw', 'MethodLoggingLevel.ERROR'),
              metricsEnabled: lit(true),
              accessLogDestination: ctx.choose(component, 'accessLogs', (v) => (v === true ? newExpr(ctx.api('apigw', 'LogGroupLogDestination'), logGroup) : lit(undefined))),
              accessLogFormat: ctx.choose(component, 'accessLogs', (v) => (v === true ? call(ctx.api('apigw', 'AccessLogFormat.jsonWithStandardFields')) : lit(undefined))),
            }),
          }),
        ),
      );
      ctx.acknowledge(api, 'AwsSolutions-APIG3', 'The design has no WAF for this API; stage throttling limits abuse.');
      ctx.acknowledge(api, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]', 'API Gateway\'s account-level logging role requires this AWS managed policy.');
      let authorizer: Expr | undefined;
      const authorizerType = ctx.str(component, 'authorizer');
      const poolId = component.userPoolId;
      if (authorizerType === 'cognito' && poolId)
        authorizer = ctx.declare(
          `${name}Authorizer`,
          newExpr(ctx.api('apigw', 'CognitoUserPoolsAuthorizer'), thisExpr, lit(`${component.names.logicalId}Authorizer`), obj({ cognitoUserPools: arr([ctx.handle(poolId).construct]) })),
        );
      const validator = ctx.bool(component, 'requestValidation')
        ? ctx.declare(
            `${name}Validator`,
            call(member(api, 'addRequestValidator'), lit('RequestValidator'), obj({ validateRequestBody: lit(true), validateRequestParameters: lit(true) })),
          )
        : undefined;
      const methodOptions = obj({
        authorizer,
        authorizationType: authorizer
          ? ctx.api('apigw', 'AuthorizationType.COGNITO')
          : authorizerType === 'iam'
            ? ctx.api('apigw', 'AuthorizationType.IAM')
            : undefined,
        requestValidator: validator,
      });
      ctx.register(component.id, {
        construct: api,
        attributes: { id: member(api, 'restApiId'), url: member(api, 'url'), name: member(api, 'restApiName'), arn: call(member(api, 'arnForExecuteApi')) },
        extras: { methodOptions },
      });
      if (!authorizer) {
        if (authorizerType === 'iam')
          ctx.acknowledge(api, 'AwsSolutions-COG4', 'The design authorizes callers with IAM (SigV4), not a Cognito user pool.');
        else if (authorizerType !== 'none')
          ctx.add(comment(`Authorizer "${authorizerType}" needs a user pool or issuer connected in the design; none is.`));
      }
      if (routesFrom(ctx.graph, component, 'api-integration').length === 0) {
        ctx.add(comment('No integration in the design yet: a mock health check keeps the API deployable.'));
        ctx.expr(
          call(
            member(member(api, 'root'), 'addMethod'),
            lit('GET'),
            newExpr(ctx.api('apigw', 'MockIntegration'), obj({ integrationResponses: arr([obj({ statusCode: lit('200') })]), requestTemplates: obj({ 'application/json': lit('{"statusCode": 200}') }) })),
            obj({ methodResponses: arr([obj({ statusCode: lit('200') })]), authorizer, authorizationType: authorizer ? ctx.api('apigw', 'AuthorizationType.COGNITO') : authorizerType === 'iam' ? ctx.api('apigw', 'AuthorizationType.IAM') : undefined, requestValidator: validator }),
          ),
        );
      }
      acknowledgeDesignRisks(ctx, component, api);
      return;
    }
    const authorizerType = ctx.str(component, 'authorizer');
    const poolId = component.userPoolId;
    const api = ctx.declare(
      name,
      newExpr(
        ctx.api('apigwv2', 'HttpApi'),
        thisExpr,
        lit(component.names.logicalId),
        obj({ description: lit(plainText(component.names.display, 1000)), createDefaultStage: lit(false) }),
      ),
    );
    ctx.declare(
      `${name}Stage`,
      newExpr(
        ctx.api('apigwv2', 'HttpStage'),
        thisExpr,
        lit(`${component.names.logicalId}Stage`),
        obj({
          httpApi: api,
          stageName: lit('$default'),
          autoDeploy: lit(true),
          throttle: obj({ rateLimit: throttle.rate, burstLimit: throttle.burst }),
          accessLogSettings: ctx.choose(component, 'accessLogs', (v) =>
            v === true ? obj({ destination: newExpr(ctx.api('apigwv2', 'LogGroupLogDestination'), logGroup) }) : lit(undefined),
          ),
        }),
      ),
    );
    let authorizer: Expr | undefined;
    if (authorizerType === 'iam') authorizer = newExpr(ctx.api('apigwv2Authorizers', 'HttpIamAuthorizer'));
    else if ((authorizerType === 'cognito' || authorizerType === 'jwt') && poolId) {
      const pool = ctx.handle(poolId);
      authorizer = newExpr(
        ctx.api('apigwv2Authorizers', 'HttpUserPoolAuthorizer'),
        lit(`${component.names.logicalId}Authorizer`),
        pool.construct,
        obj({ userPoolClients: pool.extras?.client ? arr([pool.extras.client]) : undefined }),
      );
    } else if (authorizerType !== 'none')
      ctx.add(comment(`Authorizer "${authorizerType}" needs a user pool or issuer connected in the design; none is.`));
    const authorizerVar = authorizer ? ctx.declare(`${name}Authorizer`, authorizer) : undefined;
    acknowledgeDesignRisks(ctx, component, api);
    ctx.register(component.id, {
      construct: api,
      attributes: { id: member(api, 'apiId'), url: member(api, 'apiEndpoint'), name: member(api, 'apiId'), arn: call(member(api, 'arnForExecuteApi')) },
      extras: authorizerVar ? { authorizer: authorizerVar } : {},
    });
  },
};

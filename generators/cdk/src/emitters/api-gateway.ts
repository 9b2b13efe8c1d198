/**
 * API Gateway REST and HTTP APIs, and their custom domains as the lowering decided them (a
 * regional DomainName per name, mapped to the stage; the zone's record aliases the domain).
 */
import { REST_API_STAGE } from '@archgen/infra';
import type { ResolvedComponent } from '@archgen/infra';
import type { ComponentEmitter } from './types.ts';
import type { StackContext } from '../context.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, comment, cond, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, logGroupFor, removalPolicy, routesFrom } from './common.ts';
import { plainText } from '../naming.ts';

export const apiGatewayEmitter: ComponentEmitter = {
  dependencies: (component) => (component.userPoolId ? [component.userPoolId] : []),
  emit(component, ctx) {
    const name = ctx.variableName(component);
    const rest = ctx.str(component, 'apiType') === 'rest';
    ctx.section(`${component.names.logicalId}: API Gateway ${rest ? 'REST' : 'HTTP'} API.`);
    const logGroup = logGroupFor(ctx, component);
    const throttle = {
      rate: ctx.value(component, 'throttleRateLimit'),
      burst: ctx.value(component, 'throttleBurstLimit'),
    };
    if (rest) {
      const api = ctx.declare(
        name,
        newExpr(
          ctx.api('apigw', 'RestApi'),
          ctx.scope,
          lit(component.names.logicalId),
          obj({
            description: lit(plainText(component.names.display, 1000)),
            cloudWatchRole: lit(true),
            cloudWatchRoleRemovalPolicy: removalPolicy(ctx, 'RETAIN'),
            deployOptions: obj({
              stageName: lit(REST_API_STAGE),
              tracingEnabled: ctx.value(component, 'tracing'),
              throttlingRateLimit: throttle.rate,
              throttlingBurstLimit: throttle.burst,
              loggingLevel: ctx.api('apigw', 'MethodLoggingLevel.ERROR'),
              metricsEnabled: lit(true),
              accessLogDestination: ctx.choose(component, 'accessLogs', (v) =>
                v === true ? newExpr(ctx.api('apigw', 'LogGroupLogDestination'), logGroup) : lit(undefined),
              ),
              accessLogFormat: ctx.choose(component, 'accessLogs', (v) =>
                v === true
                  ? call(ctx.api('apigw', 'AccessLogFormat.jsonWithStandardFields'))
                  : lit(undefined),
              ),
            }),
          }),
        ),
      );
      ctx.acknowledge(
        api,
        'AwsSolutions-APIG3',
        'The design has no WAF for this API; stage throttling limits abuse.',
      );
      ctx.acknowledge(
        api,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        "API Gateway's account-level logging role requires this AWS managed policy.",
      );
      let authorizer: Expr | undefined;
      const authorizerType = ctx.str(component, 'authorizer');
      const poolId = component.userPoolId;
      if (authorizerType === 'cognito' && poolId)
        authorizer = ctx.declare(
          `${name}Authorizer`,
          newExpr(
            ctx.api('apigw', 'CognitoUserPoolsAuthorizer'),
            ctx.scope,
            lit(`${component.names.logicalId}Authorizer`),
            obj({ cognitoUserPools: arr([ctx.handle(poolId).construct]) }),
          ),
        );
      // The validator exists in the environments that validate (config.ts decides where it varies).
      const validating = ctx.flag(component, 'requestValidation');
      const addValidator = call(
        member(api, 'addRequestValidator'),
        lit('RequestValidator'),
        obj({ validateRequestBody: lit(true), validateRequestParameters: lit(true) }),
      );
      const validator = validating
        ? ctx.declare(
            `${name}Validator`,
            validating.test ? cond(validating.test, addValidator, lit(undefined)) : addValidator,
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
        attributes: {
          id: member(api, 'restApiId'),
          url: member(api, 'url'),
          name: member(api, 'restApiName'),
          arn: call(member(api, 'arnForExecuteApi')),
        },
        extras: { methodOptions, ...customDomains(component, ctx, api, member(api, 'deploymentStage')) },
      });
      if (!authorizer) {
        if (authorizerType === 'iam')
          ctx.acknowledge(
            api,
            'AwsSolutions-COG4',
            'The design authorizes callers with IAM (SigV4), not a Cognito user pool.',
          );
        else if (authorizerType !== 'none')
          ctx.add(
            comment(
              `Authorizer "${authorizerType}" needs a user pool or issuer connected in the design; none is.`,
            ),
          );
      }
      if (routesFrom(ctx.graph, component, 'api-integration').length === 0) {
        ctx.add(comment('No integration in the design yet: a mock health check keeps the API deployable.'));
        ctx.expr(
          call(
            member(member(api, 'root'), 'addMethod'),
            lit('GET'),
            newExpr(
              ctx.api('apigw', 'MockIntegration'),
              obj({
                integrationResponses: arr([obj({ statusCode: lit('200') })]),
                requestTemplates: obj({ 'application/json': lit('{"statusCode": 200}') }),
              }),
            ),
            obj({
              methodResponses: arr([obj({ statusCode: lit('200') })]),
              authorizer,
              authorizationType: authorizer
                ? ctx.api('apigw', 'AuthorizationType.COGNITO')
                : authorizerType === 'iam'
                  ? ctx.api('apigw', 'AuthorizationType.IAM')
                  : undefined,
              requestValidator: validator,
            }),
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
        ctx.scope,
        lit(component.names.logicalId),
        obj({ description: lit(plainText(component.names.display, 1000)), createDefaultStage: lit(false) }),
      ),
    );
    const stage = ctx.declare(
      `${name}Stage`,
      newExpr(
        ctx.api('apigwv2', 'HttpStage'),
        ctx.scope,
        lit(`${component.names.logicalId}Stage`),
        obj({
          httpApi: api,
          stageName: lit('$default'),
          autoDeploy: lit(true),
          throttle: obj({ rateLimit: throttle.rate, burstLimit: throttle.burst }),
          accessLogSettings: ctx.choose(component, 'accessLogs', (v) =>
            v === true
              ? obj({ destination: newExpr(ctx.api('apigwv2', 'LogGroupLogDestination'), logGroup) })
              : lit(undefined),
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
      ctx.add(
        comment(
          `Authorizer "${authorizerType}" needs a user pool or issuer connected in the design; none is.`,
        ),
      );
    const authorizerVar = authorizer ? ctx.declare(`${name}Authorizer`, authorizer) : undefined;
    acknowledgeDesignRisks(ctx, component, api);
    ctx.register(component.id, {
      construct: api,
      attributes: {
        id: member(api, 'apiId'),
        url: member(api, 'apiEndpoint'),
        name: member(api, 'apiId'),
        arn: call(member(api, 'arnForExecuteApi')),
      },
      extras: {
        ...(authorizerVar ? { authorizer: authorizerVar } : {}),
        ...customDomains(component, ctx, api, stage),
      },
    });
  },
};

/**
 * The API's custom domains (apigateway or apigatewayv2 DomainName with the drawn certificate or
 * the ARN's, and the mapping of the name's root to `stage`). Returns, per domain, the Route 53
 * alias target of it under "aliasTarget:<name>" for the zone's record.
 */
function customDomains(
  component: ResolvedComponent,
  ctx: StackContext,
  api: Expr,
  stage: Expr,
): Record<string, Expr> {
  const rest = ctx.str(component, 'apiType') === 'rest';
  const module = rest ? 'apigw' : 'apigwv2';
  const targets: Record<string, Expr> = {};
  for (const decided of component.apiDomains ?? []) {
    const certificate =
      'certificateId' in decided.certificate
        ? ctx.handle(decided.certificate.certificateId).construct
        : call(
            ctx.api('acm', 'Certificate.fromCertificateArn'),
            ctx.scope,
            lit(`${decided.logicalId}Certificate`),
            lit(decided.certificate.arn),
          );
    const domain = ctx.declare(
      `${ctx.variableName(component)}Domain`,
      newExpr(
        ctx.api(module, 'DomainName'),
        ctx.scope,
        lit(decided.logicalId),
        obj({
          domainName: lit(decided.domainName),
          certificate,
          endpointType: ctx.api(module, `EndpointType.${decided.endpointType}`),
          securityPolicy: ctx.api(module, `SecurityPolicy.${decided.securityPolicy}`),
        }),
      ),
    );
    ctx.expr(
      rest
        ? newExpr(
            ctx.api('apigw', 'BasePathMapping'),
            ctx.scope,
            lit(`${decided.logicalId}Mapping`),
            obj({ domainName: domain, restApi: api, stage }),
          )
        : newExpr(
            ctx.api('apigwv2', 'ApiMapping'),
            ctx.scope,
            lit(`${decided.logicalId}Mapping`),
            obj({ api, domainName: domain, stage }),
          ),
    );
    targets[`aliasTarget:${decided.domainName}`] = rest
      ? newExpr(ctx.api('route53Targets', 'ApiGatewayDomain'), domain)
      : newExpr(
          ctx.api('route53Targets', 'ApiGatewayv2DomainProperties'),
          member(domain, 'regionalDomainName'),
          member(domain, 'regionalHostedZoneId'),
        );
  }
  return targets;
}

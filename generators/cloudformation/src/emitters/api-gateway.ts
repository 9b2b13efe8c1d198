/**
 * API Gateway in front of the design's functions: an HTTP API (v2) or a REST API, with the
 * designed authorizer on every route (APIG-01), access logs, throttling, X-Ray where the API type
 * supports it and request validation for REST (APIG-02), and invoke permissions scoped to the API;
 * the custom domains the lowering decided (regional, their root mapped to the stage).
 */
import { REST_API_STAGE, type ResolvedComponent } from '@archgen/infra';
import type { ComponentEmitter, EmitContext, Suppression } from '../context.ts';
import { getAtt, ref, sub, type TemplateValue } from '../template/intrinsics.ts';
import { lambdaPermission } from './relationships.ts';
import { functionRoutes } from './api-domains.ts';

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  integrationError: '$context.integrationErrorMessage',
});

/**
 * The API's custom domains and the mappings of their root to the stage: ApiGatewayV2 for an HTTP
 * API, ApiGateway DomainName and BasePathMapping for a REST API. The zone's alias record reads the
 * domain's RegionalDomainName and RegionalHostedZoneId (both types have them).
 */
function emitCustomDomains(api: ResolvedComponent, ctx: EmitContext, rest: boolean): void {
  const id = api.names.logicalId;
  for (const d of api.apiDomains ?? []) {
    const certificateArn =
      'certificateId' in d.certificate
        ? ctx.attribute(d.certificate.certificateId, 'arn')
        : d.certificate.arn;
    if (rest) {
      ctx.template.addResource(d.logicalId, {
        Type: 'AWS::ApiGateway::DomainName',
        Properties: {
          DomainName: d.domainName,
          RegionalCertificateArn: certificateArn,
          EndpointConfiguration: { Types: [d.endpointType] },
          SecurityPolicy: d.securityPolicy,
          Tags: ctx.tags(api.names.display),
        },
      });
      ctx.template.addResource(`${d.logicalId}Mapping`, {
        Type: 'AWS::ApiGateway::BasePathMapping',
        Properties: { DomainName: ref(d.logicalId), RestApiId: ref(id), Stage: ref(`${id}Stage`) },
      });
    } else {
      ctx.template.addResource(d.logicalId, {
        Type: 'AWS::ApiGatewayV2::DomainName',
        Properties: {
          DomainName: d.domainName,
          DomainNameConfigurations: [
            {
              CertificateArn: certificateArn,
              EndpointType: d.endpointType,
              SecurityPolicy: d.securityPolicy,
            },
          ],
          Tags: ctx.tagMap(),
        },
      });
      ctx.template.addResource(`${d.logicalId}Mapping`, {
        Type: 'AWS::ApiGatewayV2::ApiMapping',
        Properties: { ApiId: ref(id), DomainName: ref(d.logicalId), Stage: ref(`${id}Stage`) },
      });
    }
  }
}

function invokePermissions(api: ResolvedComponent, ctx: EmitContext): void {
  const id = api.names.logicalId;
  const seen = new Set<string>();
  for (const route of functionRoutes(api, ctx)) {
    if (seen.has(route.targetId)) continue;
    seen.add(route.targetId);
    lambdaPermission(
      ctx,
      route.targetId,
      `${ctx.logicalId(route.targetId)}InvokeFrom${id}`,
      'apigateway.amazonaws.com',
      {
        arn: sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id}}/*`),
      },
    );
  }
}

/** The user pool client and issuer a JWT authorizer checks tokens against. */
function userPoolClient(
  api: ResolvedComponent,
  ctx: EmitContext,
): { client: string; pool: string } | undefined {
  if (!api.userPoolId) return undefined;
  const pool = ctx.logicalId(api.userPoolId);
  const client = ctx.template.addResource(`${api.names.logicalId}UserPoolClient`, {
    Type: 'AWS::Cognito::UserPoolClient',
    Properties: {
      UserPoolId: ref(pool),
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    },
  });
  return { client, pool };
}

function emitHttpApi(api: ResolvedComponent, ctx: EmitContext): void {
  const id = api.names.logicalId;
  const authorizer = String(ctx.constant(api, 'authorizer'));
  const suppressions: Suppression[] = [
    {
      id: 'CKV_AWS_73',
      reason: 'HTTP APIs do not support X-Ray; functions behind the API trace their own work',
    },
  ];
  ctx.template.addResource(id, {
    Type: 'AWS::ApiGatewayV2::Api',
    Metadata: ctx.metadata(api.acknowledgements, suppressions),
    Properties: {
      Name: sub(`\${AWS::StackName}-${api.names.slug}`),
      ProtocolType: 'HTTP',
      Description: api.names.display.slice(0, 1024),
      Tags: ctx.tagMap(api.names.display),
    },
  });
  const pool = authorizer === 'jwt' || authorizer === 'cognito' ? userPoolClient(api, ctx) : undefined;
  const authorizerId = pool
    ? ctx.template.addResource(`${id}Authorizer`, {
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: {
          ApiId: ref(id),
          Name: 'jwt',
          AuthorizerType: 'JWT',
          IdentitySource: ['$request.header.Authorization'],
          JwtConfiguration: {
            Audience: [ref(pool.client)],
            Issuer: sub(`https://cognito-idp.\${AWS::Region}.\${AWS::URLSuffix}/\${${pool.pool}}`),
          },
        },
      })
    : undefined;
  const authorization = authorizerId ? 'JWT' : authorizer === 'iam' ? 'AWS_IAM' : 'NONE';
  const routeIds: string[] = [];
  functionRoutes(api, ctx).forEach((route, i) => {
    const target = ctx.logicalId(route.targetId);
    const integration = ctx.template.addResource(`${id}To${target}Integration`, {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: ref(id),
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: getAtt(target, 'Arn'),
        PayloadFormatVersion: '2.0',
      },
    });
    routeIds.push(
      ctx.template.addResource(`${id}To${target}Route`, {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: {
          ApiId: ref(id),
          RouteKey: route.pathPattern
            ? `ANY ${route.pathPattern.replace(/\*$/, '{proxy+}')}`
            : i === 0
              ? '$default'
              : `ANY /${ctx.component(route.targetId).names.slug}/{proxy+}`,
          Target: sub(`integrations/\${${integration}}`),
          AuthorizationType: authorization,
          AuthorizerId: authorizerId ? ref(authorizerId) : undefined,
        },
      }),
    );
  });
  const accessLogs = ctx.flag(api, 'accessLogs');
  ctx.template.addResource(`${id}Stage`, {
    Type: 'AWS::ApiGatewayV2::Stage',
    DependsOn: routeIds.length > 0 ? routeIds : undefined,
    Properties: {
      ApiId: ref(id),
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings:
        api.logGroupId && accessLogs !== false
          ? ctx.choose(
              accessLogs,
              {
                DestinationArn: ctx.attribute(api.logGroupId, 'arn'),
                Format: ACCESS_LOG_FORMAT,
              },
              undefined,
            )
          : undefined,
      DefaultRouteSettings: {
        ThrottlingRateLimit: ctx.value(api, 'throttleRateLimit'),
        ThrottlingBurstLimit: ctx.value(api, 'throttleBurstLimit'),
        DetailedMetricsEnabled: true,
      },
      Tags: ctx.tagMap(),
    },
  });
  invokePermissions(api, ctx);
}

function emitRestApi(api: ResolvedComponent, ctx: EmitContext): void {
  const id = api.names.logicalId;
  if (functionRoutes(api, ctx).length === 0) {
    ctx.omissions.push({
      display: api.names.display,
      reason: 'a REST API cannot be deployed without a method (connect it to a function)',
    });
    return;
  }
  const authorizer = String(ctx.constant(api, 'authorizer'));
  ctx.template.addResource(id, {
    Type: 'AWS::ApiGateway::RestApi',
    Metadata: ctx.metadata(api.acknowledgements),
    Properties: {
      Name: sub(`\${AWS::StackName}-${api.names.slug}`),
      Description: api.names.display.slice(0, 1024),
      EndpointConfiguration: { Types: ['REGIONAL'] },
      Tags: ctx.tags(api.names.display),
    },
  });
  const pool =
    authorizer === 'cognito' || authorizer === 'jwt'
      ? api.userPoolId
        ? ctx.logicalId(api.userPoolId)
        : undefined
      : undefined;
  const authorizerId = pool
    ? ctx.template.addResource(`${id}Authorizer`, {
        Type: 'AWS::ApiGateway::Authorizer',
        Properties: {
          RestApiId: ref(id),
          Name: 'cognito',
          Type: 'COGNITO_USER_POOLS',
          IdentitySource: 'method.request.header.Authorization',
          ProviderARNs: [getAtt(pool, 'Arn')],
        },
      })
    : undefined;
  const validator = ctx.flag(api, 'requestValidation');
  const validatorId =
    validator !== false
      ? ctx.template.addResource(`${id}RequestValidator`, {
          Type: 'AWS::ApiGateway::RequestValidator',
          Condition: typeof validator === 'string' ? validator : undefined,
          Properties: { RestApiId: ref(id), ValidateRequestBody: true, ValidateRequestParameters: true },
        })
      : undefined;
  const methods: string[] = [];
  functionRoutes(api, ctx).forEach((route, i) => {
    const target = ctx.logicalId(route.targetId);
    const segment = route.pathPattern?.split('/').filter((part) => part !== '' && part !== '*')[0];
    const resource = ctx.template.addResource(`${id}${target}Resource`, {
      Type: 'AWS::ApiGateway::Resource',
      Properties: {
        RestApiId: ref(id),
        ParentId: getAtt(id, 'RootResourceId'),
        PathPart: segment ?? (i === 0 ? '{proxy+}' : ctx.component(route.targetId).names.slug),
      },
    });
    methods.push(
      ctx.template.addResource(`${id}${target}Method`, {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: ref(id),
          ResourceId: ref(resource),
          HttpMethod: 'ANY',
          AuthorizationType: authorizerId ? 'COGNITO_USER_POOLS' : authorizer === 'iam' ? 'AWS_IAM' : 'NONE',
          AuthorizerId: authorizerId ? ref(authorizerId) : undefined,
          RequestValidatorId: validatorId ? ctx.choose(validator, ref(validatorId), undefined) : undefined,
          Integration: {
            Type: 'AWS_PROXY',
            IntegrationHttpMethod: 'POST',
            Uri: sub(
              `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${target}.Arn}/invocations`,
            ),
          },
        },
      }),
    );
  });
  const deployment = ctx.template.addResource(`${id}Deployment`, {
    Type: 'AWS::ApiGateway::Deployment',
    DependsOn: methods.length > 0 ? methods : undefined,
    Properties: { RestApiId: ref(id), Description: 'Deployment of the generated API' },
  });
  const accessLogs = ctx.flag(api, 'accessLogs');
  ctx.template.addResource(`${id}Stage`, {
    Type: 'AWS::ApiGateway::Stage',
    Properties: {
      RestApiId: ref(id),
      DeploymentId: ref(deployment),
      StageName: REST_API_STAGE,
      TracingEnabled: ctx.value(api, 'tracing'),
      AccessLogSetting:
        api.logGroupId && accessLogs !== false
          ? ctx.choose(
              accessLogs,
              {
                DestinationArn: ctx.attribute(api.logGroupId, 'arn'),
                Format: ACCESS_LOG_FORMAT,
              },
              undefined,
            )
          : undefined,
      MethodSettings: [
        {
          ResourcePath: '/*',
          HttpMethod: '*',
          ThrottlingRateLimit: ctx.value(api, 'throttleRateLimit'),
          ThrottlingBurstLimit: ctx.value(api, 'throttleBurstLimit'),
          MetricsEnabled: true,
        },
      ],
      Tags: ctx.tags(api.names.display),
    },
  });
  invokePermissions(api, ctx);
}

export const apiGatewayEmitter: ComponentEmitter = {
  references: {
    id: (id) => ref(id),
    name: (id) => ref(id),
    url: (id, api, ctx) =>
      sub(
        `https://\${${id}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${ctx.constant(api, 'apiType') === 'rest' ? `${REST_API_STAGE}/` : ''}`,
      ),
    domainName: (id) => sub(`\${${id}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`),
    arn: (id) => sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id}}/*`),
  },
  emit(api, ctx) {
    const rest = ctx.constant(api, 'apiType') === 'rest';
    if (rest) {
      emitRestApi(api, ctx);
      if (!ctx.template.resources.has(api.names.logicalId)) return;
    } else emitHttpApi(api, ctx);
    emitCustomDomains(api, ctx, rest);
    const url = apiGatewayEmitter.references.url!(api.names.logicalId, api, ctx);
    ctx.template.addOutput(`${api.names.logicalId}Url`, {
      Description: `URL of ${api.names.display}`,
      Value: url as TemplateValue,
      exportName: `${api.names.logicalId}Url`,
    });
  },
};

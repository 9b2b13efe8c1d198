/**
 * API Gateway in front of functions. HTTP APIs (apigatewayv2) or REST APIs, with the design's
 * authorizer (APIG-01), access logs, X-Ray (REST), throttling and request validation (APIG-02),
 * and the custom domains the lowering decided (regional, mapped to the stage).
 */
import {
  REST_API_STAGE,
  type ResolvedApiDomain,
  type ResolvedComponent,
  type ResolvedRoute,
} from '@archgen/infra';
import {
  type Block,
  type BodyItem,
  type Expr,
  attr,
  block,
  call,
  list,
  literal,
  obj,
  ref,
  str,
  tpl,
} from '../hcl/ast.ts';
import type { ComponentEmitter, Presence, TfContext } from '../context.ts';
import { jsonencode, lambdaPermission, skip, tags } from './common.ts';

const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  integrationError: '$context.integrationErrorMessage',
};

function isRest(ctx: TfContext, c: ResolvedComponent): boolean {
  return ctx.text(c, 'apiType') === 'rest';
}

/** The user pool this API authorizes with (api-gateway -> cognito-user-pool "read"). */
/** The API resource: REST (v1) or HTTP (v2) API, as the design chose. */
function api(ctx: TfContext, c: ResolvedComponent, name: string): string {
  return isRest(ctx, c) ? `aws_api_gateway_rest_api.${name}` : `aws_apigatewayv2_api.${name}`;
}

function invokeUrl(ctx: TfContext, c: ResolvedComponent, name: string): Expr {
  return isRest(ctx, c)
    ? ref(`aws_api_gateway_stage.${name}.invoke_url`)
    : ref(`aws_apigatewayv2_api.${name}.api_endpoint`);
}

function userPool(ctx: TfContext, c: ResolvedComponent): ResolvedComponent | undefined {
  return ctx.findComponent(c.userPoolId);
}

/**
 * The access log group ARN and the environments that log into it (the lowering derives the group
 * where some environment logs).
 */
function accessLogGroup(ctx: TfContext, c: ResolvedComponent): { arn: Expr; presence: Presence } | undefined {
  const presence = ctx.presence(c, 'accessLogs', (v) => v === true, 'access_logs_count');
  const group = presence ? ctx.logGroupOf(c) : undefined;
  return group && presence ? { arn: ctx.attribute(group.id, 'arn'), presence } : undefined;
}

function accessLogSettings(ctx: TfContext, logs: { arn: Expr; presence: Presence }): Block {
  return ctx.presentBlock('access_log_settings', logs.presence, [
    attr('destination_arn', logs.arn),
    attr('format', jsonencode(ACCESS_LOG_FORMAT)),
  ]);
}

function routeKey(ctx: TfContext, r: ResolvedRoute, i: number): string {
  if (i === 0) return '$default';
  const path = (r.pathPattern ?? `/${ctx.component(r.targetId).names.slug}`).replace(/\/?\*$/, '');
  return `ANY ${path}/{proxy+}`;
}

function emitHttpApi(ctx: TfContext, c: ResolvedComponent, routes: ResolvedRoute[]): void {
  const t = c.names.tfName;
  const api = `aws_apigatewayv2_api.${t}`;
  const authorizer = ctx.text(c, 'authorizer');
  const pool = userPool(ctx, c);
  const logs = accessLogGroup(ctx, c);
  ctx.add(
    'edge.tf',
    ctx.resource('aws_apigatewayv2_api', t, c, [
      attr('name', ctx.physicalName(c.names.slug, 128)),
      attr('description', str(c.names.display.slice(0, 1024))),
      attr('protocol_type', str('HTTP')),
      tags(c.names.display),
    ]),
    block(
      'resource',
      ['aws_apigatewayv2_stage', t],
      [
        attr('api_id', ref(`${api}.id`)),
        attr('name', str('$default')),
        attr('auto_deploy', literal(true)),
        block(
          'default_route_settings',
          [],
          [
            attr('throttling_rate_limit', ctx.prop(c, 'throttleRateLimit')),
            attr('throttling_burst_limit', ctx.prop(c, 'throttleBurstLimit')),
            attr('detailed_metrics_enabled', literal(true)),
          ],
        ),
        logs && accessLogSettings(ctx, logs),
        tags(c.names.display),
      ],
    ),
  );
  let authorization: BodyItem[] = [
    skip('CKV_AWS_309', 'the design sets no authorizer on this API (APIG-01)'),
    attr('authorization_type', str('NONE'))!,
  ];
  if (authorizer === 'iam') authorization = [attr('authorization_type', str('AWS_IAM'))!];
  else if (authorizer === 'jwt' || authorizer === 'cognito') {
    let issuer: Expr;
    let audience: Expr;
    if (pool) {
      ctx.add(
        'security.tf',
        block(
          'resource',
          ['aws_cognito_user_pool_client', t],
          [
            attr('name', ctx.physicalName(c.names.slug, 128)),
            attr('user_pool_id', ctx.attribute(pool.id, 'id')),
            attr('generate_secret', literal(false)),
            attr('explicit_auth_flows', literal(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'])),
            attr('prevent_user_existence_errors', str('ENABLED')),
          ],
        ),
      );
      issuer = tpl('https://', ctx.attribute(pool.id, 'endpoint'));
      audience = list([ref(`aws_cognito_user_pool_client.${t}.id`)]);
    } else {
      issuer = ctx.variable({
        name: `${t}_jwt_issuer`,
        type: 'string',
        description: `JWT issuer URL trusted by ${c.names.display}`,
        default: str('https://issuer.example.com'),
      });
      audience = ctx.variable({
        name: `${t}_jwt_audience`,
        type: 'list(string)',
        description: `JWT audiences accepted by ${c.names.display}`,
        default: literal(['replace-me']),
      });
    }
    ctx.add(
      'edge.tf',
      block(
        'resource',
        ['aws_apigatewayv2_authorizer', t],
        [
          attr('api_id', ref(`${api}.id`)),
          attr('name', str('jwt')),
          attr('authorizer_type', str('JWT')),
          attr('identity_sources', literal(['$request.header.Authorization'])),
          block('jwt_configuration', [], [attr('issuer', issuer), attr('audience', audience)]),
        ],
      ),
    );
    authorization = [
      attr('authorization_type', str('JWT'))!,
      attr('authorizer_id', ref(`aws_apigatewayv2_authorizer.${t}.id`))!,
    ];
  }
  routes.forEach((r, i) => {
    const target = ctx.component(r.targetId);
    const name = `${t}_${target.names.tfName}`;
    ctx.add(
      'edge.tf',
      block(
        'resource',
        ['aws_apigatewayv2_integration', name],
        [
          attr('api_id', ref(`${api}.id`)),
          attr('integration_type', str('AWS_PROXY')),
          attr('integration_uri', ctx.attribute(target.id, 'arn')),
          attr('payload_format_version', str('2.0')),
        ],
      ),
      block(
        'resource',
        ['aws_apigatewayv2_route', name],
        [
          authorization,
          attr('api_id', ref(`${api}.id`)),
          attr('route_key', str(routeKey(ctx, r, i))),
          attr('target', tpl('integrations/', ref(`aws_apigatewayv2_integration.${name}.id`))),
        ],
      ),
    );
    lambdaPermission(
      ctx,
      `${name}_invoke`,
      target.id,
      'apigateway.amazonaws.com',
      tpl(ref(`${api}.execution_arn`), '/*/*'),
    );
  });
  ctx.output(`${t}_url`, ref(`${api}.api_endpoint`), `Endpoint of the API "${c.names.display}"`);
  emitCustomDomains(ctx, c);
}

/** The certificate ARN a custom domain serves: the drawn certificate's (once validated) or the ARN. */
function domainCertificateArn(ctx: TfContext, certificate: ResolvedApiDomain['certificate']): Expr {
  return 'certificateId' in certificate
    ? ctx.attribute(certificate.certificateId, 'arn')
    : str(certificate.arn);
}

/**
 * The API's custom domains and the mappings of their root to the stage: apigatewayv2 for an HTTP
 * API, the REST API's own domain name and base path mapping for a REST API. The zone's alias
 * record reads the domain's regional name and zone (apiDomainAliasTarget).
 */
function emitCustomDomains(ctx: TfContext, c: ResolvedComponent): void {
  const t = c.names.tfName;
  for (const d of c.apiDomains ?? []) {
    const certificateArn = domainCertificateArn(ctx, d.certificate);
    if (isRest(ctx, c))
      ctx.add(
        'edge.tf',
        block(
          'resource',
          ['aws_api_gateway_domain_name', d.tfName],
          [
            attr('domain_name', str(d.domainName)),
            attr('regional_certificate_arn', certificateArn),
            attr('security_policy', str(d.securityPolicy)),
            block('endpoint_configuration', [], [attr('types', literal([d.endpointType]))]),
            tags(c.names.display),
          ],
        ),
        block(
          'resource',
          ['aws_api_gateway_base_path_mapping', d.tfName],
          [
            attr('api_id', ref(`aws_api_gateway_rest_api.${t}.id`)),
            attr('stage_name', ref(`aws_api_gateway_stage.${t}.stage_name`)),
            attr('domain_name', ref(`aws_api_gateway_domain_name.${d.tfName}.domain_name`)),
          ],
        ),
      );
    else
      ctx.add(
        'edge.tf',
        block(
          'resource',
          ['aws_apigatewayv2_domain_name', d.tfName],
          [
            attr('domain_name', str(d.domainName)),
            block(
              'domain_name_configuration',
              [],
              [
                attr('certificate_arn', certificateArn),
                attr('endpoint_type', str(d.endpointType)),
                attr('security_policy', str(d.securityPolicy)),
              ],
            ),
            tags(c.names.display),
          ],
        ),
        block(
          'resource',
          ['aws_apigatewayv2_api_mapping', d.tfName],
          [
            attr('api_id', ref(`aws_apigatewayv2_api.${t}.id`)),
            attr('domain_name', ref(`aws_apigatewayv2_domain_name.${d.tfName}.id`)),
            attr('stage', ref(`aws_apigatewayv2_stage.${t}.id`)),
          ],
        ),
      );
  }
}

function emitRestApi(ctx: TfContext, c: ResolvedComponent, routes: ResolvedRoute[]): void {
  const t = c.names.tfName;
  const api = `aws_api_gateway_rest_api.${t}`;
  const authorizer = ctx.text(c, 'authorizer');
  const pool = userPool(ctx, c);
  const validate = ctx.presence(c, 'requestValidation', (v) => v === true, 'request_validator_count');
  const logs = accessLogGroup(ctx, c);
  ctx.add(
    'edge.tf',
    ctx.resource('aws_api_gateway_rest_api', t, c, [
      attr('name', ctx.physicalName(c.names.slug, 128)),
      attr('description', str(c.names.display)),
      block('endpoint_configuration', [], [attr('types', literal(['REGIONAL']))]),
      tags(c.names.display),
    ]),
  );
  if (validate)
    ctx.add(
      'edge.tf',
      block(
        'resource',
        ['aws_api_gateway_request_validator', t],
        [
          validate.count && attr('count', validate.count),
          attr('rest_api_id', ref(`${api}.id`)),
          attr('name', str('body-and-parameters')),
          attr('validate_request_body', literal(true)),
          attr('validate_request_parameters', literal(true)),
        ],
      ),
    );
  let authorization: BodyItem[] = [attr('authorization', str('NONE'))!];
  if (authorizer === 'iam') authorization = [attr('authorization', str('AWS_IAM'))!];
  else if ((authorizer === 'cognito' || authorizer === 'jwt') && pool) {
    ctx.add(
      'edge.tf',
      block(
        'resource',
        ['aws_api_gateway_authorizer', t],
        [
          attr('rest_api_id', ref(`${api}.id`)),
          attr('name', str('cognito')),
          attr('type', str('COGNITO_USER_POOLS')),
          attr('provider_arns', list([ctx.attribute(pool.id, 'arn')])),
          attr('identity_source', str('method.request.header.Authorization')),
        ],
      ),
    );
    authorization = [
      attr('authorization', str('COGNITO_USER_POOLS'))!,
      attr('authorizer_id', ref(`aws_api_gateway_authorizer.${t}.id`))!,
    ];
  }
  const unauthenticated = authorization.length === 1 && authorizer !== 'iam';
  const deploymentInputs: Expr[] = [];
  routes.forEach((r, i) => {
    const target = ctx.component(r.targetId);
    const name = `${t}_${target.names.tfName}`;
    let parent: Expr = ref(`${api}.root_resource_id`);
    if (i > 0) {
      ctx.add(
        'edge.tf',
        block(
          'resource',
          ['aws_api_gateway_resource', `${name}_prefix`],
          [
            attr('rest_api_id', ref(`${api}.id`)),
            attr('parent_id', parent),
            attr('path_part', str(target.names.slug)),
          ],
        ),
      );
      parent = ref(`aws_api_gateway_resource.${name}_prefix.id`);
    }
    ctx.add(
      'edge.tf',
      block(
        'resource',
        ['aws_api_gateway_resource', name],
        [
          attr('rest_api_id', ref(`${api}.id`)),
          attr('parent_id', parent),
          attr('path_part', str('{proxy+}')),
        ],
      ),
      block(
        'resource',
        ['aws_api_gateway_method', name],
        [
          unauthenticated && skip('CKV_AWS_59', 'the design sets no authorizer on this API (APIG-01)'),
          unauthenticated && skip('CKV2_AWS_53', 'request validation follows the design (APIG-02)'),
          attr('rest_api_id', ref(`${api}.id`)),
          attr('resource_id', ref(`aws_api_gateway_resource.${name}.id`)),
          attr('http_method', str('ANY')),
          authorization,
          validate &&
            attr(
              'request_validator_id',
              validate.count
                ? call('one', ref(`aws_api_gateway_request_validator.${t}[*].id`))
                : ref(`aws_api_gateway_request_validator.${t}.id`),
            ),
        ],
      ),
      block(
        'resource',
        ['aws_api_gateway_integration', name],
        [
          attr('rest_api_id', ref(`${api}.id`)),
          attr('resource_id', ref(`aws_api_gateway_resource.${name}.id`)),
          attr('http_method', ref(`aws_api_gateway_method.${name}.http_method`)),
          attr('type', str('AWS_PROXY')),
          attr('integration_http_method', str('POST')),
          attr(
            'uri',
            tpl(
              'arn:aws:apigateway:',
              ref('var.region'),
              ':lambda:path/2015-03-31/functions/',
              ctx.attribute(target.id, 'arn'),
              '/invocations',
            ),
          ),
        ],
      ),
    );
    deploymentInputs.push(
      ref(`aws_api_gateway_method.${name}.id`),
      ref(`aws_api_gateway_integration.${name}.id`),
    );
    lambdaPermission(
      ctx,
      `${name}_invoke`,
      target.id,
      'apigateway.amazonaws.com',
      tpl(ref(`${api}.execution_arn`), '/*/*'),
    );
  });
  // REST stages log through the account-level role (one per region) the lowering made.
  const accountRole = ctx.graph.roles.find((r) => r.assumedBy === 'apigateway.amazonaws.com');
  if (logs && accountRole && ctx.once('api_gateway_account')) {
    ctx.add(
      'edge.tf',
      block(
        'resource',
        ['aws_api_gateway_account', 'this'],
        [attr('cloudwatch_role_arn', ctx.roleArn(accountRole))],
      ),
    );
  }
  ctx.add(
    'edge.tf',
    block(
      'resource',
      ['aws_api_gateway_deployment', t],
      [
        attr('rest_api_id', ref(`${api}.id`)),
        attr('triggers', obj({ redeployment: call('sha1', call('jsonencode', list(deploymentInputs))) })),
        block('lifecycle', [], [attr('create_before_destroy', literal(true))]),
      ],
    ),
    block(
      'resource',
      ['aws_api_gateway_stage', t],
      [
        skip(
          'CKV2_AWS_51',
          'client certificates are for backends that verify API Gateway; Lambda integrations do not need them',
        ),
        skip('CKV2_AWS_29', 'WAF is not part of the API Gateway design'),
        skip('CKV_AWS_120', 'caching is an application decision'),
        attr('rest_api_id', ref(`${api}.id`)),
        attr('deployment_id', ref(`aws_api_gateway_deployment.${t}.id`)),
        attr('stage_name', str(REST_API_STAGE)),
        attr('xray_tracing_enabled', ctx.prop(c, 'tracing')),
        logs && accessLogSettings(ctx, logs),
        logs && accountRole && attr('depends_on', list([ref('aws_api_gateway_account.this')])),
        tags(c.names.display),
      ],
    ),
    block(
      'resource',
      ['aws_api_gateway_method_settings', t],
      [
        attr('rest_api_id', ref(`${api}.id`)),
        attr('stage_name', ref(`aws_api_gateway_stage.${t}.stage_name`)),
        attr('method_path', str('*/*')),
        block(
          'settings',
          [],
          [
            attr('metrics_enabled', literal(true)),
            attr('throttling_rate_limit', ctx.prop(c, 'throttleRateLimit')),
            attr('throttling_burst_limit', ctx.prop(c, 'throttleBurstLimit')),
          ],
        ),
      ],
    ),
  );
  ctx.output(
    `${t}_url`,
    ref(`aws_api_gateway_stage.${t}.invoke_url`),
    `Invoke URL of the API "${c.names.display}"`,
  );
  emitCustomDomains(ctx, c);
}

export const apiGatewayEmitter: ComponentEmitter = {
  references: {
    arn: (name, c, ctx) => ref(`${api(ctx, c, name)}.execution_arn`),
    id: (name, c, ctx) => ref(`${api(ctx, c, name)}.id`),
    name: (name, c, ctx) => ref(`${api(ctx, c, name)}.name`),
    url: (name, c, ctx) => invokeUrl(ctx, c, name),
    endpoint: (name, c, ctx) => invokeUrl(ctx, c, name),
  },
  emit(c, ctx) {
    const routes = ctx.graph.routes.filter((r) => r.kind === 'api-integration' && r.frontDoorId === c.id);
    if (isRest(ctx, c)) emitRestApi(ctx, c, routes);
    else emitHttpApi(ctx, c, routes);
  },
};

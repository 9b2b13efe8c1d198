/**
 * What a part says about the node it serves: a bucket's versioning and public access block, an
 * API's stages and routes, a service's task definition, a cluster's instances, a function's log
 * group retention, an auto scaling policy. Read into the node's properties through its reader,
 * so every value is checked against the catalog.
 */
import type { DesignNode, PropertyValue } from '@archgen/model';
import { argument, rawAt, type Block, type Configuration } from './config.ts';
import { instanceCount } from './network.ts';
import type { PropertyReader } from './reader.ts';
import { Unknown, partialTemplate } from './expr.ts';
import { lifecycleNumbers } from '../cloudformation/readers/ecr-repository.ts';

function list(v: unknown): Record<string, unknown>[] {
  return (Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []).filter(
    (x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x),
  );
}

export function applyPartEffect(part: Block, node: DesignNode, r: PropertyReader, cfg: Configuration): void {
  const v = (path: string): unknown => r.value(path, part);
  switch (part.type) {
    case 'aws_s3_bucket_versioning': {
      const status = v('versioning_configuration.status');
      if (typeof status === 'string')
        r.set('versioned', status === 'Enabled', `${part.address} status`, part);
      return;
    }
    case 'aws_s3_bucket_server_side_encryption_configuration': {
      const alg = v('rule.apply_server_side_encryption_by_default.sse_algorithm');
      if (typeof alg === 'string')
        r.set('encryption', alg.startsWith('aws:kms') ? 'kms' : 's3-managed', 'sse_algorithm', part);
      return;
    }
    case 'aws_s3_bucket_public_access_block': {
      const keys = [
        'block_public_acls',
        'block_public_policy',
        'ignore_public_acls',
        'restrict_public_buckets',
      ];
      const values = keys.map((k) => v(k));
      if (values.every((x) => typeof x === 'boolean' || x === undefined))
        r.set(
          'blockPublicAccess',
          values.every((x) => x === true),
          'public access block',
          part,
        );
      return;
    }
    case 'aws_s3_bucket_notification':
      r.set('eventNotifications', true, 'aws_s3_bucket_notification', part);
      return;
    case 'aws_s3_bucket_logging':
      r.set('accessLogs', true, 'aws_s3_bucket_logging', part);
      return;
    case 'aws_s3_bucket_lifecycle_configuration':
      readLifecycle(part, r);
      return;
    case 'aws_apigatewayv2_route': {
      const auth = v('authorization_type');
      const mapped = { JWT: 'jwt', AWS_IAM: 'iam' }[String(auth)];
      if (mapped && node.type === 'api-gateway')
        r.set('authorizer', mapped, `${part.address} authorization_type`, part);
      else if (auth === 'CUSTOM')
        r.info(
          `${part.address} uses a Lambda authorizer, which the design does not draw; the API is drawn without one`,
          part,
        );
      return;
    }
    case 'aws_apigatewayv2_stage':
      if (v('access_log_settings') !== undefined) r.set('accessLogs', true, 'access_log_settings', part);
      r.num('throttleRateLimit', 'default_route_settings.throttling_rate_limit', part);
      r.num('throttleBurstLimit', 'default_route_settings.throttling_burst_limit', part);
      return;
    case 'aws_api_gateway_method': {
      const auth = v('authorization');
      const mapped = { AWS_IAM: 'iam', COGNITO_USER_POOLS: 'cognito' }[String(auth)];
      if (mapped) r.set('authorizer', mapped, `${part.address} authorization`, part);
      else if (auth === 'CUSTOM')
        r.info(
          `${part.address} uses a Lambda authorizer, which the design does not draw; the API is drawn without one`,
          part,
        );
      return;
    }
    case 'aws_api_gateway_stage':
      if (v('xray_tracing_enabled') === true) r.set('tracing', true, 'xray_tracing_enabled', part);
      if (v('access_log_settings') !== undefined) r.set('accessLogs', true, 'access_log_settings', part);
      return;
    case 'aws_api_gateway_request_validator':
      r.set('requestValidation', true, 'aws_api_gateway_request_validator', part);
      return;
    case 'aws_api_gateway_method_settings':
      r.num('throttleRateLimit', 'settings.throttling_rate_limit', part);
      r.num('throttleBurstLimit', 'settings.throttling_burst_limit', part);
      return;
    case 'aws_rds_cluster_instance': {
      if (node.type !== 'aurora') return;
      const cls = v('instance_class');
      if (cls === 'db.serverless') r.set('capacity', 'serverless-v2', 'instance_class', part);
      else if (typeof cls === 'string') {
        r.set('capacity', 'provisioned', 'instance_class', part);
        r.set('instanceClass', cls, 'instance_class', part);
      }
      const count = instanceCount(part) ?? 1;
      const instances = (r.counters.get('instances') ?? 0) + count;
      r.counters.set('instances', instances);
      r.set('readers', Math.min(15, Math.max(0, instances - 1)), 'aws_rds_cluster_instance count', part);
      return;
    }
    case 'aws_ecs_task_definition':
      if (node.type === 'ecs-fargate') readTaskDefinition(part, r);
      return;
    case 'aws_ecs_cluster': {
      const insights = list(v('setting')).find((s) => s.name === 'containerInsights');
      if (node.type === 'ecs-fargate')
        r.set(
          'containerInsights',
          insights?.value === 'enabled' || insights?.value === 'enhanced',
          'setting containerInsights',
          part,
        );
      return;
    }
    case 'aws_cloudwatch_log_group':
      if (r.service.properties.some((p) => p.key === 'logRetentionDays'))
        r.num('logRetentionDays', 'retention_in_days', part);
      return;
    case 'aws_ecr_lifecycle_policy': {
      if (node.type !== 'ecr-repository') return;
      const policy = v('policy');
      if (policy instanceof Unknown || policy === undefined) return;
      const numbers = lifecycleNumbers(typeof policy === 'string' ? policy : JSON.stringify(policy));
      r.set('keepLastImages', numbers.keepLast, `${part.address} policy`, part);
      r.set('untaggedExpiryDays', numbers.untaggedDays, `${part.address} policy`, part);
      return;
    }
    case 'aws_secretsmanager_secret_rotation':
      r.num('rotationDays', 'rotation_rules.automatically_after_days', part);
      return;
    case 'aws_lb_listener':
    case 'aws_alb_listener': {
      if (node.type !== 'alb') return;
      const action = list(v('default_action'))[0];
      if (action?.type === 'redirect' && v('protocol') === 'HTTP')
        r.set('httpRedirect', true, 'default_action redirect', part);
      const cert = v('certificate_arn');
      if (typeof cert === 'string') r.set('certificateArn', cert, 'certificate_arn', part);
      return;
    }
    case 'aws_appautoscaling_target': {
      const dim = v('scalable_dimension');
      if (node.type === 'ecs-fargate') {
        r.num('minCount', 'min_capacity', part);
        r.num('maxCount', 'max_capacity', part);
      } else if (node.type === 'dynamodb') {
        r.set('autoScaling', true, 'aws_appautoscaling_target', part);
        if (dim === 'dynamodb:table:ReadCapacityUnits') r.num('maxReadCapacity', 'max_capacity', part);
        if (dim === 'dynamodb:table:WriteCapacityUnits') r.num('maxWriteCapacity', 'max_capacity', part);
      }
      return;
    }
    case 'aws_appautoscaling_policy': {
      if (node.type !== 'ecs-fargate') return;
      const type = v('policy_type');
      r.set('scaling', type === 'StepScaling' ? 'step' : 'target-tracking', 'policy_type', part);
      const metric = v(
        'target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type',
      );
      if (metric === 'ECSServiceAverageCPUUtilization')
        r.num('targetCpuPercent', 'target_tracking_scaling_policy_configuration.target_value', part);
      return;
    }
    case 'aws_appautoscaling_scheduled_action':
      if (node.type === 'ecs-fargate')
        r.set('scaling', 'scheduled', 'aws_appautoscaling_scheduled_action', part);
      return;
    case 'aws_eks_node_group': {
      if (node.type !== 'eks') return;
      r.num('nodeMin', 'scaling_config.min_size', part);
      r.num('nodeMax', 'scaling_config.max_size', part);
      r.num('nodeDesired', 'scaling_config.desired_size', part);
      const types = v('instance_types');
      if (Array.isArray(types) && typeof types[0] === 'string')
        r.set('nodeInstanceType', types[0], 'instance_types', part);
      if (v('capacity_type') === 'SPOT') r.set('spot', true, 'capacity_type', part);
      return;
    }
    case 'aws_launch_template': {
      if (node.type !== 'ec2-asg') return;
      r.str('instanceType', 'instance_type', part);
      return;
    }
    default:
      void cfg;
  }
}

function readLifecycle(part: Block, r: PropertyReader): void {
  const rules = list(argument(part, part.body.rule));
  const prefixed: Record<string, PropertyValue>[] = [];
  for (const rule of rules) {
    if (rule.status !== 'Enabled') continue;
    const prefix =
      (list(rule.filter)[0]?.prefix as string | undefined) ?? (rule.prefix as string | undefined) ?? '';
    const item: Record<string, PropertyValue> = {};
    for (const t of list(rule.transition)) {
      if (typeof t.days !== 'number') continue;
      if (t.storage_class === 'STANDARD_IA') item.transitionToIaDays = t.days;
      if (
        t.storage_class === 'GLACIER' ||
        t.storage_class === 'GLACIER_IR' ||
        t.storage_class === 'DEEP_ARCHIVE'
      )
        item.transitionToGlacierDays = t.days;
      if (t.storage_class === 'INTELLIGENT_TIERING') item.intelligentTiering = true;
    }
    const days = list(rule.expiration)[0]?.days;
    if (typeof days === 'number') item.expirationDays = days;
    const abort = list(rule.abort_incomplete_multipart_upload)[0]?.days_after_initiation;
    if (typeof prefix !== 'string') continue;
    if (prefix === '') {
      for (const [k, value] of Object.entries(item)) r.set(k, value, `${part.address} rule`, part);
      if (typeof abort === 'number')
        r.set('abortIncompleteUploadDays', abort, 'abort_incomplete_multipart_upload', part);
    } else if (Object.keys(item).length > 0) prefixed.push({ prefix, ...item });
  }
  if (prefixed.length > 0) r.set('lifecycleRules', prefixed, `${part.address} rules with a prefix`, part);
}

function readTaskDefinition(part: Block, r: PropertyReader): void {
  const cpu = r.value('cpu', part);
  if (cpu !== undefined && (typeof cpu === 'string' || typeof cpu === 'number'))
    r.set('cpu', String(cpu), 'cpu', part);
  const memory = r.value('memory', part);
  if (typeof memory === 'string' || typeof memory === 'number')
    r.set('memoryMiB', Number(memory), 'memory', part);
  const raw = rawAt(part.body, 'container_definitions');
  let defs: unknown = argument(part, raw);
  // JSON text naming values known only at apply (a log group, an image tag): read its shape.
  if (defs instanceof Unknown && defs.structure === undefined && typeof raw === 'string')
    defs = partialTemplate(raw, part.module.scope);
  if (typeof defs === 'string') {
    try {
      defs = JSON.parse(defs);
    } catch {
      defs = undefined;
    }
  } else if (defs && typeof defs === 'object' && 'structure' in defs)
    defs = (defs as { structure: unknown }).structure;
  const first = list(defs)[0];
  if (!first) return;
  if (typeof first.image === 'string') r.set('image', first.image, 'container_definitions image', part);
  const port = list(first.portMappings)[0]?.containerPort;
  if (typeof port === 'number') r.set('containerPort', port, 'container_definitions portMappings', part);
  if (typeof first.readonlyRootFilesystem === 'boolean')
    r.set('readonlyRootFilesystem', first.readonlyRootFilesystem, 'readonlyRootFilesystem', part);
  else r.set('readonlyRootFilesystem', false, 'readonlyRootFilesystem (absent: false)', part);
}

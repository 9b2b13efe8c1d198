/**
 * Which `aws_*` resource types become which catalog service, and how their arguments become the
 * service's properties. A type listed here may still be kept as an "other resource" when the
 * block is a variant the catalog has no service for (a network load balancer, a WebSocket API).
 */
import type { Block } from './config.ts';
import type { PropertyReader } from './reader.ts';
import { Unknown, partialTemplate } from './expr.ts';

export interface ServiceMapping {
  service: string;
  /** A reason to keep this block as an other resource instead, when it is a variant we lack. */
  keepBecause?: (r: PropertyReader) => string | undefined;
  read: (r: PropertyReader) => void;
}

const ENABLED = { true: true, false: false } as const;

function upper(v: unknown): string {
  return typeof v === 'string' ? v.toUpperCase() : '';
}

export const SERVICE_MAPPINGS: Readonly<Record<string, ServiceMapping>> = {
  aws_sqs_queue: {
    service: 'sqs',
    read(r) {
      r.bool('fifo', 'fifo_queue');
      r.num('visibilityTimeoutSeconds', 'visibility_timeout_seconds');
      r.num('retentionSeconds', 'message_retention_seconds');
      const kms = r.value('kms_master_key_id');
      if (kms !== undefined && kms !== null) r.set('encryption', 'kms', 'kms_master_key_id');
      // Faithful to the source: no redrive policy means no dead-letter queue (a drawn one comes
      // from a dead-letter connection, set when the policy names a queue of this configuration).
      if (r.value('redrive_policy') === undefined) r.set('deadLetterQueue', false, 'redrive_policy');
      else {
        const policy = r.value('redrive_policy');
        const count = readRedriveCount(policy);
        if (count !== undefined) r.set('maxReceiveCount', count, 'redrive_policy.maxReceiveCount');
      }
    },
  },
  aws_sns_topic: {
    service: 'sns',
    read(r) {
      r.bool('fifo', 'fifo_topic');
      r.set('kmsEncryption', r.value('kms_master_key_id') !== undefined, 'kms_master_key_id');
    },
  },
  aws_lambda_function: {
    service: 'lambda',
    keepBecause: (r) =>
      r.value('image_uri') !== undefined || r.value('package_type') === 'Image'
        ? 'a container-image Lambda function (the catalog draws zip-packaged functions)'
        : undefined,
    read(r) {
      readRuntime(r);
      const arch = r.value('architectures');
      if (Array.isArray(arch) && typeof arch[0] === 'string') r.set('architecture', arch[0], 'architectures');
      else if (arch === undefined) r.set('architecture', 'x86_64', 'architectures (absent: AWS uses x86_64)');
      r.num('memorySize', 'memory_size');
      if (r.value('memory_size') === undefined)
        r.set('memorySize', 128, 'memory_size (absent: AWS uses 128)');
      r.num('timeoutSeconds', 'timeout');
      if (r.value('timeout') === undefined) r.set('timeoutSeconds', 3, 'timeout (absent: AWS uses 3)');
      r.num('reservedConcurrency', 'reserved_concurrent_executions');
      r.str('handler', 'handler');
      const tracing = r.value('tracing_config.mode');
      r.set('tracing', tracing === 'Active', 'tracing_config.mode');
      const format = r.value('logging_config.log_format');
      if (format !== undefined) r.set('structuredLogging', format === 'JSON', 'logging_config.log_format');
    },
  },
  aws_dynamodb_table: {
    service: 'dynamodb',
    read(r) {
      r.str('partitionKey', 'hash_key');
      const range = r.value('range_key');
      if (range === undefined) r.set('sortKey', '', 'range_key (absent: no sort key)');
      else r.str('sortKey', 'range_key');
      const attributes = attributeTypes(r);
      const hash = r.value('hash_key');
      if (typeof hash === 'string' && attributes[hash])
        r.set('partitionKeyType', attributes[hash], 'attribute.type');
      if (typeof range === 'string' && attributes[range])
        r.set('sortKeyType', attributes[range], 'attribute.type');
      r.map('billingMode', 'billing_mode', { PAY_PER_REQUEST: 'on-demand', PROVISIONED: 'provisioned' });
      if (r.value('billing_mode') === undefined)
        r.set('billingMode', 'provisioned', 'billing_mode (absent: PROVISIONED)');
      r.num('readCapacity', 'read_capacity');
      r.num('writeCapacity', 'write_capacity');
      r.set('autoScaling', false, 'no aws_appautoscaling_target');
      const gsis = r.value('global_secondary_index');
      const raw = r.block.body.global_secondary_index;
      if (Array.isArray(raw) && raw.length > 0 && Array.isArray(gsis)) {
        const list = (gsis as unknown[])
          .filter((g): g is Record<string, unknown> => !!g && typeof g === 'object' && !Array.isArray(g))
          .filter((g) => typeof g.name === 'string' && typeof g.hash_key === 'string')
          .map((g) => ({
            name: g.name as string,
            partitionKey: g.hash_key as string,
            sortKey: typeof g.range_key === 'string' ? g.range_key : '',
          }));
        r.set('gsis', list, 'global_secondary_index');
      }
      r.map('pointInTimeRecovery', 'point_in_time_recovery.enabled', ENABLED);
      if (r.value('point_in_time_recovery') === undefined)
        r.set('pointInTimeRecovery', false, 'point_in_time_recovery (absent: off)');
      const streamOn = r.value('stream_enabled');
      if (streamOn === true)
        r.map('stream', 'stream_view_type', {
          NEW_IMAGE: 'new-image',
          NEW_AND_OLD_IMAGES: 'new-and-old-images',
          KEYS_ONLY: 'keys-only',
        });
      const ttl = r.value('ttl.attribute_name');
      if (typeof ttl === 'string' && r.value('ttl.enabled') !== false)
        r.set('ttlAttribute', ttl, 'ttl.attribute_name');
    },
  },
  aws_s3_bucket: {
    service: 's3',
    read(r) {
      const versioning = r.value('versioning.enabled');
      r.set('versioned', versioning === true, 'versioning (absent: off)');
      const sse = r.value(
        'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm',
      );
      if (typeof sse === 'string')
        r.set(
          'encryption',
          sse.startsWith('aws:kms') ? 'kms' : 's3-managed',
          'server_side_encryption_configuration',
        );
      if (r.value('force_destroy') === true) r.set('onDelete', 'delete', 'force_destroy');
    },
  },
  aws_apigatewayv2_api: {
    service: 'api-gateway',
    keepBecause: (r) =>
      upper(r.value('protocol_type')) === 'WEBSOCKET'
        ? 'a WebSocket API (the catalog draws HTTP and REST APIs)'
        : undefined,
    read(r) {
      r.set('apiType', 'http', 'protocol_type');
      // Routes say how callers authenticate; until one is read, the API has none.
      r.set('authorizer', 'none', 'routes (authorization_type)');
      r.set('accessLogs', false, 'stage access_log_settings');
      r.set('tracing', false, 'HTTP APIs have no X-Ray tracing');
      r.set('requestValidation', false, 'HTTP APIs do not validate requests');
    },
  },
  aws_api_gateway_rest_api: {
    service: 'api-gateway',
    read(r) {
      r.set('apiType', 'rest', 'aws_api_gateway_rest_api');
      r.set('authorizer', 'none', 'methods (authorization)');
      r.set('accessLogs', false, 'stage access_log_settings');
      r.set('tracing', false, 'stage xray_tracing_enabled');
      r.set('requestValidation', false, 'aws_api_gateway_request_validator');
    },
  },
  aws_cloudwatch_event_bus: {
    service: 'eventbridge-bus',
    read() {},
  },
  aws_cloudwatch_event_rule: {
    service: 'eventbridge-rule',
    read(r) {
      const pattern = r.value('event_pattern');
      const schedule = r.value('schedule_expression');
      if (typeof schedule === 'string') r.set('schedule', schedule, 'schedule_expression');
      if (typeof pattern === 'string') {
        try {
          r.set('eventPattern', JSON.stringify(JSON.parse(pattern)), 'event_pattern');
        } catch {
          r.info(`${r.block.address}: event_pattern is not JSON; eventPattern keeps the catalog default`);
        }
      } else if (pattern === undefined && typeof schedule === 'string')
        r.set('eventPattern', '', 'event_pattern (absent)');
      else if (pattern instanceof Unknown && pattern.structure !== undefined) {
        // A pattern naming resources of the configuration (a bucket's name): keep its shape, with
        // each value known only at apply written as the reference it is.
        const text = JSON.stringify(pattern.structure, (_key, value: unknown) =>
          value instanceof Unknown ? `\${${value.refs.join(', ')}}` : value,
        );
        r.info(
          `${r.block.address}: event_pattern refers to values known only at apply; they are kept as \${reference} text`,
        );
        r.set('eventPattern', text, 'event_pattern');
      } else if (pattern instanceof Unknown && typeof r.block.body.event_pattern === 'string') {
        const text = partialTemplate(r.block.body.event_pattern, r.block.module.scope);
        try {
          r.set('eventPattern', JSON.stringify(JSON.parse(text)), 'event_pattern');
          r.info(
            `${r.block.address}: event_pattern refers to values known only at apply; they are kept as \${reference} text`,
          );
        } catch {
          r.scalar('event_pattern', 'eventPattern');
        }
      } else if (pattern !== undefined) r.scalar('event_pattern', 'eventPattern');
    },
  },
  aws_sfn_state_machine: {
    service: 'step-functions',
    read(r) {
      r.map('workflowType', 'type', { STANDARD: 'STANDARD', EXPRESS: 'EXPRESS' });
      if (r.value('logging_configuration') === undefined)
        r.set('logLevel', 'OFF', 'logging_configuration (absent)');
      else r.str('logLevel', 'logging_configuration.level');
      const tracing = r.value('tracing_configuration.enabled');
      r.set('tracing', tracing === true, 'tracing_configuration.enabled');
      // Retries live in the definition; the importer does not rewrite it into the catalog's list.
      r.set('retries', [], 'definition (its retries stay in the source)');
    },
  },
  aws_ecs_service: {
    service: 'ecs-fargate',
    keepBecause: (r) => {
      const launch = r.value('launch_type');
      return typeof launch === 'string' && launch !== 'FARGATE'
        ? `an ECS service on ${launch} (the catalog draws Fargate)`
        : undefined;
    },
    read(r) {
      r.num('desiredCount', 'desired_count');
      const desired = r.value('desired_count');
      if (typeof desired === 'number') {
        r.set('minCount', desired, 'desired_count');
        r.set('maxCount', Math.max(1, desired), 'desired_count');
      }
      r.set('scaling', 'none', 'no aws_appautoscaling_policy');
      r.bool('circuitBreaker', 'deployment_circuit_breaker.enable');
      if (r.value('deployment_circuit_breaker') === undefined)
        r.set('circuitBreaker', false, 'deployment_circuit_breaker (absent)');
      const strategy = r.value('capacity_provider_strategy.capacity_provider');
      if (strategy === 'FARGATE_SPOT') r.set('spot', true, 'capacity_provider_strategy');
    },
  },
  aws_lb: {
    service: 'alb',
    keepBecause: (r) => {
      const t = r.value('load_balancer_type');
      return typeof t === 'string' && t !== 'application'
        ? `a ${t} load balancer (the catalog draws application load balancers)`
        : undefined;
    },
    read: readAlb,
  },
  aws_alb: { service: 'alb', read: readAlb },
  aws_elasticache_replication_group: {
    service: 'elasticache',
    read(r) {
      r.map('engine', 'engine', { redis: 'redis', valkey: 'redis', memcached: 'memcached' });
      if (r.value('engine') === undefined) r.set('engine', 'redis', 'engine (absent: redis)');
      r.str('redisVersion', 'engine_version');
      r.str('nodeType', 'node_type');
      r.num('nodes', 'num_cache_clusters');
      r.bool('automaticFailover', 'automatic_failover_enabled');
      r.bool('atRestEncryption', 'at_rest_encryption_enabled');
      r.bool('transitEncryption', 'transit_encryption_enabled');
      r.set('authToken', r.value('auth_token') !== undefined, 'auth_token');
      r.num('snapshotRetentionDays', 'snapshot_retention_limit');
    },
  },
  aws_elasticache_cluster: {
    service: 'elasticache',
    read(r) {
      r.map('engine', 'engine', { redis: 'redis', valkey: 'redis', memcached: 'memcached' });
      r.str('redisVersion', 'engine_version');
      r.str('nodeType', 'node_type');
      r.num('nodes', 'num_cache_nodes');
      r.set('automaticFailover', false, 'a single cluster has no failover');
      r.set('authToken', false, 'a cache cluster has no auth token');
      r.num('snapshotRetentionDays', 'snapshot_retention_limit');
    },
  },
  aws_db_instance: {
    service: 'rds',
    keepBecause: (r) => {
      const engine = r.value('engine');
      return typeof engine === 'string' && engine !== 'postgres' && engine !== 'mysql'
        ? `an RDS ${engine} instance (the catalog draws PostgreSQL and MySQL)`
        : undefined;
    },
    read(r) {
      r.str('engine', 'engine');
      r.str('engineVersion', 'engine_version');
      r.str('instanceClass', 'instance_class');
      r.num('allocatedStorageGb', 'allocated_storage');
      r.bool('multiAz', 'multi_az');
      r.num('backupRetentionDays', 'backup_retention_period');
      r.bool('deletionProtection', 'deletion_protection');
      if (r.value('deletion_protection') === undefined)
        r.set('deletionProtection', false, 'deletion_protection (absent: off)');
      r.bool('storageEncrypted', 'storage_encrypted');
      if (r.value('storage_encrypted') === undefined)
        r.set('storageEncrypted', false, 'storage_encrypted (absent: off)');
      r.bool('iamAuth', 'iam_database_authentication_enabled');
      if (r.value('iam_database_authentication_enabled') === undefined)
        r.set('iamAuth', false, 'iam_database_authentication_enabled (absent: off)');
      r.bool('publiclyAccessible', 'publicly_accessible');
      r.num('port', 'port');
      if (r.value('port') === undefined && r.value('engine') === 'mysql')
        r.set('port', 3306, 'port (absent: 3306 for mysql)');
    },
  },
  aws_rds_cluster: {
    service: 'aurora',
    keepBecause: (r) => {
      const engine = r.value('engine');
      return typeof engine === 'string' && !engine.startsWith('aurora')
        ? `a ${engine} cluster (the catalog draws Aurora PostgreSQL and MySQL clusters)`
        : undefined;
    },
    read(r) {
      r.map('engine', 'engine', {
        'aurora-postgresql': 'aurora-postgresql',
        'aurora-mysql': 'aurora-mysql',
        aurora: 'aurora-mysql',
      });
      const engine = r.value('engine');
      r.str(engine === 'aurora-postgresql' ? 'postgresVersion' : 'mysqlVersion', 'engine_version');
      const serverless = r.value('serverlessv2_scaling_configuration') !== undefined;
      r.set('capacity', serverless ? 'serverless-v2' : 'provisioned', 'serverlessv2_scaling_configuration');
      if (r.value('engine_mode') === 'serverless')
        r.info(
          `${r.block.address}: Aurora Serverless v1 (engine_mode = "serverless") is drawn as Serverless v2`,
        );
      r.num('minAcu', 'serverlessv2_scaling_configuration.min_capacity');
      r.num('maxAcu', 'serverlessv2_scaling_configuration.max_capacity');
      r.num('backupRetentionDays', 'backup_retention_period');
      if (r.value('backup_retention_period') === undefined)
        r.set('backupRetentionDays', 1, 'backup_retention_period (absent: 1)');
      r.bool('deletionProtection', 'deletion_protection');
      if (r.value('deletion_protection') === undefined)
        r.set('deletionProtection', false, 'deletion_protection (absent: off)');
      r.bool('storageEncrypted', 'storage_encrypted');
      r.bool('iamAuth', 'iam_database_authentication_enabled');
      if (r.value('iam_database_authentication_enabled') === undefined)
        r.set('iamAuth', false, 'iam_database_authentication_enabled (absent: off)');
      // Cluster instances (parts) set the instance class and the readers.
      r.set('readers', 0, 'aws_rds_cluster_instance count');
    },
  },
  aws_kinesis_stream: {
    service: 'kinesis-stream',
    read(r) {
      const mode = r.value('stream_mode_details.stream_mode');
      r.set('mode', mode === 'ON_DEMAND' ? 'on-demand' : 'provisioned', 'stream_mode_details.stream_mode');
      r.num('shards', 'shard_count');
      r.num('retentionHours', 'retention_period');
      r.set('encryption', r.value('encryption_type') === 'KMS', 'encryption_type');
    },
  },
  aws_cognito_user_pool: {
    service: 'cognito-user-pool',
    read(r) {
      r.map('mfa', 'mfa_configuration', { OFF: 'off', ON: 'required', OPTIONAL: 'optional' });
      if (r.value('mfa_configuration') === undefined) r.set('mfa', 'off', 'mfa_configuration (absent: OFF)');
      r.num('passwordMinLength', 'password_policy.minimum_length');
      if (r.value('password_policy') === undefined)
        r.set('passwordMinLength', 8, 'password_policy (absent: 8)');
      const mode = r.value('user_pool_add_ons.advanced_security_mode');
      r.set(
        'advancedSecurity',
        mode === 'ENFORCED' || mode === 'AUDIT',
        'user_pool_add_ons.advanced_security_mode',
      );
    },
  },
  aws_secretsmanager_secret: {
    service: 'secret',
    read(r) {
      r.str('description', 'description');
      r.set('rotationDays', 0, 'no aws_secretsmanager_secret_rotation');
    },
  },
  aws_opensearch_domain: {
    service: 'opensearch',
    read(r) {
      r.str('engineVersion', 'engine_version');
      r.str('instanceType', 'cluster_config.instance_type');
      r.num('instanceCount', 'cluster_config.instance_count');
      r.bool('dedicatedMasters', 'cluster_config.dedicated_master_enabled');
      r.bool('zoneAwareness', 'cluster_config.zone_awareness_enabled');
      r.num('volumeSizeGb', 'ebs_options.volume_size');
      r.bool('encryptionAtRest', 'encrypt_at_rest.enabled');
      r.bool('nodeToNodeEncryption', 'node_to_node_encryption.enabled');
      r.bool('enforceHttps', 'domain_endpoint_options.enforce_https');
    },
  },
  aws_cloudfront_distribution: {
    service: 'cloudfront',
    read(r) {
      r.str('priceClass', 'price_class');
      if (r.value('price_class') === undefined)
        r.set('priceClass', 'PriceClass_All', 'price_class (absent: PriceClass_All)');
      r.str('defaultRootObject', 'default_root_object');
      r.str('certificateArn', 'viewer_certificate.acm_certificate_arn');
      const aliases = r.value('aliases');
      if (Array.isArray(aliases) && aliases.every((a) => typeof a === 'string'))
        r.set('aliases', aliases.join(', '), 'aliases');
      r.set('waf', r.value('web_acl_id') !== undefined, 'web_acl_id');
      r.set('accessLogs', r.value('logging_config') !== undefined, 'logging_config');
    },
  },
  aws_eks_cluster: {
    service: 'eks',
    read(r) {
      r.str('version', 'version');
      r.bool('endpointPublicAccess', 'vpc_config.endpoint_public_access');
      if (r.value('vpc_config.endpoint_public_access') === undefined)
        r.set('endpointPublicAccess', true, 'vpc_config.endpoint_public_access (absent: true)');
    },
  },
  aws_autoscaling_group: {
    service: 'ec2-asg',
    read(r) {
      r.num('minSize', 'min_size');
      r.num('maxSize', 'max_size');
      r.num('desiredCapacity', 'desired_capacity');
    },
  },
  aws_athena_workgroup: {
    service: 'athena-workgroup',
    read(r) {
      r.bool('enforceConfiguration', 'configuration.enforce_workgroup_configuration');
      const cutoff = r.value('configuration.bytes_scanned_cutoff_per_query');
      if (typeof cutoff === 'number')
        r.set(
          'bytesScannedCutoffGb',
          Math.round(cutoff / 1024 ** 3),
          'configuration.bytes_scanned_cutoff_per_query',
        );
    },
  },
  aws_neptune_cluster: {
    service: 'neptune',
    read(r) {
      r.str('engineVersion', 'engine_version');
      r.num('backupRetentionDays', 'backup_retention_period');
      r.bool('storageEncrypted', 'storage_encrypted');
      r.bool('iamAuth', 'iam_database_authentication_enabled');
      r.bool('deletionProtection', 'deletion_protection');
    },
  },
  aws_cloudwatch_metric_alarm: {
    service: 'cloudwatch-alarm',
    read(r) {
      r.str('metricName', 'metric_name');
      r.str('statistic', 'statistic');
      r.num('threshold', 'threshold');
      r.num('evaluationPeriods', 'evaluation_periods');
      r.num('periodSeconds', 'period');
      r.str('comparison', 'comparison_operator');
    },
  },
  aws_ecr_repository: {
    service: 'ecr-repository',
    read(r) {
      const scan = r.value('image_scanning_configuration.scan_on_push');
      r.set('scanOnPush', scan === true, 'image_scanning_configuration.scan_on_push (absent: no scan)');
      const mutability = r.value('image_tag_mutability');
      r.set(
        'tagMutability',
        mutability === 'IMMUTABLE' ? 'IMMUTABLE' : 'MUTABLE',
        'image_tag_mutability (absent: AWS uses MUTABLE)',
      );
      const encryption = r.value('encryption_configuration.encryption_type');
      r.set(
        'encryption',
        encryption === 'KMS' ? 'KMS' : 'AES256',
        'encryption_configuration.encryption_type',
      );
      // No aws_ecr_lifecycle_policy: nothing expires (a policy, a part, says otherwise: effects.ts).
      r.set('keepLastImages', 0, 'no aws_ecr_lifecycle_policy');
      r.set('untaggedExpiryDays', 0, 'no aws_ecr_lifecycle_policy');
    },
  },
  aws_timestreamwrite_table: {
    service: 'timestream',
    read(r) {
      r.num('memoryRetentionHours', 'retention_properties.memory_store_retention_period_in_hours');
      r.num('magneticRetentionDays', 'retention_properties.magnetic_store_retention_period_in_days');
    },
  },
};

/**
 * A runtime the catalog does not offer becomes the nearest one of the same language (the oldest
 * offered version at or above it, else the newest), never another language.
 */
function readRuntime(r: PropertyReader): void {
  const runtime = r.scalar('runtime', 'runtime');
  if (typeof runtime !== 'string') return;
  const def = r.service.properties.find((p) => p.key === 'runtime');
  const offered = def?.kind === 'enum' ? def.options.map((o) => o.value) : [];
  if (offered.includes(runtime)) {
    r.set('runtime', runtime, 'runtime');
    return;
  }
  const parse = (v: string): { lang: string; version: number[] } | undefined => {
    const m = /^([a-z]+?)(\d+(?:\.\d+)*)(?:\.x)?$/.exec(v);
    return m ? { lang: m[1]!, version: m[2]!.split('.').map(Number) } : undefined;
  };
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const source = parse(runtime);
  const same = offered
    .map((o) => ({ o, p: parse(o) }))
    .filter((x) => x.p && source && x.p.lang === source.lang)
    .sort((a, b) => compare(a.p!.version, b.p!.version));
  const pick = same.find((x) => compare(x.p!.version, source!.version) >= 0) ?? same[same.length - 1];
  if (!pick) {
    r.info(
      `${r.block.address}: runtime ${runtime} is not one the design offers (${offered.join(', ')}); runtime keeps the catalog default`,
    );
    return;
  }
  r.info(
    `${r.block.address}: runtime ${runtime} is not one the design offers; drawn as ${pick.o}, the nearest of the same language`,
  );
  r.set('runtime', pick.o, 'runtime');
}

function readAlb(r: PropertyReader): void {
  const internal = r.value('internal');
  r.set('scheme', internal === true ? 'internal' : 'internet-facing', 'internal');
  r.num('idleTimeoutSeconds', 'idle_timeout');
  r.bool('dropInvalidHeaders', 'drop_invalid_header_fields');
  if (r.value('drop_invalid_header_fields') === undefined)
    r.set('dropInvalidHeaders', false, 'drop_invalid_header_fields (absent: false)');
  r.set('accessLogs', r.value('access_logs.enabled') === true, 'access_logs.enabled');
  r.set('httpRedirect', false, 'listeners');
}

function attributeTypes(r: PropertyReader): Record<string, string> {
  const out: Record<string, string> = {};
  const attrs = r.value('attribute');
  const raw = r.block.body.attribute;
  const list = Array.isArray(attrs) ? attrs : Array.isArray(raw) ? [] : [];
  for (const a of list)
    if (
      a &&
      typeof a === 'object' &&
      !Array.isArray(a) &&
      typeof (a as Record<string, unknown>).name === 'string'
    )
      out[(a as Record<string, string>).name!] = String((a as Record<string, unknown>).type);
  return out;
}

function readRedriveCount(policy: unknown): number | undefined {
  let v: unknown = policy;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (v && typeof v === 'object' && 'structure' in v) v = (v as { structure: unknown }).structure;
  const n = v && typeof v === 'object' ? (v as Record<string, unknown>).maxReceiveCount : undefined;
  return typeof n === 'number'
    ? n
    : typeof n === 'string' && n !== '' && !Number.isNaN(Number(n))
      ? Number(n)
      : undefined;
}

/** The catalog service a block maps to, or undefined. */
export function serviceMapping(block: Block): ServiceMapping | undefined {
  return block.mode === 'resource' ? SERVICE_MAPPINGS[block.type] : undefined;
}

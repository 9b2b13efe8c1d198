import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICES, design, parseDesign, type Design } from '@archgen/model';
import { lowerDesign, type GeneratedFiles } from '@archgen/infra';
import { API_DOMAINS_CERT_ARN, apiDomainsDesign } from '../../../test-support/scenarios.ts';
import { EMITTERS, NO_INFRASTRUCTURE, generateTerraform } from './index.ts';
import { variantsDesign } from './variants.test-support.ts';

const REPO = new URL('../../../', import.meta.url).pathname;

function loadDesign(path: string): Design {
  const result = parseDesign(readFileSync(REPO + path, 'utf8'));
  if (!result.ok) throw new Error(`${path} does not parse`);
  return result.design;
}

/** Whitespace-insensitive "this code appears in the file" (terraform fmt alignment aside). */
function expectCode(files: GeneratedFiles, file: string, code: string): void {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const text = files[file];
  expect(text, `${file} exists`).toBeDefined();
  expect(squash(text!), `${file} contains:\n${code}`).toContain(squash(code));
}

function hclFiles(files: GeneratedFiles): [string, string][] {
  return Object.entries(files).filter(([path]) => path.endsWith('.tf') || path.endsWith('.tfvars'));
}

function queueWorker(): Design {
  return design('Queue worker')
    .environments('dev', 'prod')
    .node('sqs', { id: 'orders', name: 'Orders queue' })
    .node('lambda', { id: 'worker', name: 'Worker' })
    .node('s3', { id: 'archive', name: 'Archive' })
    .connect('orders', 'worker', 'event-source')
    .connect('worker', 'archive', 'write')
    .override('prod', 'worker', { memorySize: 1024 })
    .build();
}

function webApp(): Design {
  return design('Web app')
    .environments('dev', 'prod')
    .vpc()
    .node('nat-gateway', { id: 'nat', name: 'NAT' })
    .node('alb', { id: 'alb', name: 'Web ALB' })
    .node('ecs-fargate', { id: 'app', name: 'App' })
    .node('rds', { id: 'db', name: 'Orders DB' })
    .connect('alb', 'app', 'traffic')
    .connect('app', 'db', 'traffic')
    .override('dev', 'nat', { mode: 'single' })
    .build();
}

describe('emitter registry', () => {
  it('has an emitter for every catalog service that is infrastructure, and nothing else', () => {
    const infrastructure = SERVICES.map((s) => s.type).filter((t) => !NO_INFRASTRUCTURE.has(t));
    expect(Object.keys(EMITTERS).sort()).toEqual([...infrastructure].sort());
  });

  it('fails loudly on a component type it does not know', () => {
    const graph = lowerDesign(queueWorker());
    graph.components[0]!.type = 'quantum-database';
    expect(() => generateTerraform(graph)).toThrow(
      /No Terraform emitter for component type "quantum-database"/,
    );
  });
});

describe('generateTerraform', () => {
  it('is deterministic: the same design gives the same bytes', () => {
    const design = loadDesign('fixtures/adversarial/every-service.json');
    expect(generateTerraform(lowerDesign(design))).toEqual(generateTerraform(lowerDesign(design)));
  });

  it('writes the fixed files, one tfvars per environment, and only the environments asked for', () => {
    const graph = lowerDesign(queueWorker());
    const all = generateTerraform(graph);
    expect(Object.keys(all)).toEqual(
      expect.arrayContaining([
        'README.md',
        'versions.tf',
        'providers.tf',
        'variables.tf',
        'environments/dev.tfvars',
        'environments/prod.tfvars',
      ]),
    );
    expect(all['network.tf']).toBeUndefined();
    const onlyProd = generateTerraform(graph, { environments: ['prod'] });
    expect(Object.keys(onlyProd).filter((f) => f.startsWith('environments/'))).toEqual([
      'environments/prod.tfvars',
    ]);
    expect(() => generateTerraform(graph, { environments: ['qa'] })).toThrow(/Unknown environment "qa"/);
  });

  it('pins Terraform and the provider, and tags everything through default_tags', () => {
    const files = generateTerraform(lowerDesign(queueWorker()));
    expectCode(files, 'versions.tf', 'required_version = ">= 1.5"');
    expectCode(files, 'versions.tf', 'source = "hashicorp/aws" version = "~> 5.100"');
    expectCode(
      files,
      'providers.tf',
      'default_tags { tags = { Environment = var.environment ManagedBy = "archgen" } }',
    );
  });

  it('turns a value that differs by environment into a validated variable set in each tfvars', () => {
    const files = generateTerraform(lowerDesign(queueWorker()));
    expectCode(files, 'compute.tf', 'memory_size = var.worker_memory_size');
    expectCode(files, 'variables.tf', 'variable "worker_memory_size" {');
    expectCode(
      files,
      'variables.tf',
      'condition = var.worker_memory_size >= 128 && var.worker_memory_size <= 10240',
    );
    expectCode(files, 'environments/dev.tfvars', 'worker_memory_size = 512');
    expectCode(files, 'environments/prod.tfvars', 'worker_memory_size = 1024');
    // A value every environment shares stays a literal.
    expectCode(files, 'compute.tf', 'timeout = 30');
  });

  it('gives a queue its DLQ redrive, encryption and a TLS-only policy, and maps it to the function', () => {
    const files = generateTerraform(lowerDesign(queueWorker()));
    expectCode(
      files,
      'messaging.tf',
      'redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.orders_queue_dlq.arn maxReceiveCount = 5 })',
    );
    expectCode(files, 'messaging.tf', 'sqs_managed_sse_enabled = true');
    expectCode(files, 'messaging.tf', 'Condition = { Bool = { "aws:SecureTransport" = "false" } }');
    expectCode(
      files,
      'compute.tf',
      'resource "aws_lambda_event_source_mapping" "orders_queue_to_worker" { event_source_arn = aws_sqs_queue.orders_queue.arn',
    );
    expectCode(
      files,
      'monitoring.tf',
      'namespace = "AWS/SQS" metric_name = "ApproximateNumberOfMessagesVisible"',
    );
  });

  it('blocks all public access to a bucket and enforces TLS', () => {
    const files = generateTerraform(lowerDesign(queueWorker()));
    expectCode(
      files,
      'data.tf',
      'block_public_acls = true block_public_policy = true ignore_public_acls = true restrict_public_buckets = true',
    );
    expectCode(files, 'data.tf', 'resource "aws_s3_bucket_policy" "archive"');
  });

  it('builds the network with a closed default security group and a NAT count per environment', () => {
    const files = generateTerraform(lowerDesign(webApp()));
    expectCode(
      files,
      'network.tf',
      'resource "aws_default_security_group" "main_vpc_default" { vpc_id = aws_vpc.main_vpc.id }',
    );
    expectCode(files, 'network.tf', 'availability_zone = var.availability_zones[count.index]');
    expectCode(
      files,
      'network.tf',
      'resource "aws_nat_gateway" "main_vpc" { count = var.main_vpc_nat_gateway_count',
    );
    expectCode(files, 'environments/dev.tfvars', 'main_vpc_nat_gateway_count = 1');
    expectCode(files, 'environments/prod.tfvars', 'main_vpc_nat_gateway_count = 2');
    expect(files['network.tf']).not.toMatch(/data "aws_availability_zones"/);
  });

  it('derives ingress from connections by security group, and keeps database credentials out of the code', () => {
    const files = generateTerraform(lowerDesign(webApp()));
    expect(files['security.tf']).toMatch(
      /resource "aws_vpc_security_group_ingress_rule" "orders_db_sg_from_app_sg_5432" \{[^}]*referenced_security_group_id = aws_security_group\.app_sg\.id/,
    );
    expectCode(files, 'data.tf', 'manage_master_user_password = true');
    expect(files['data.tf']).not.toMatch(/\bpassword\s*=/);
  });

  it('carries accepted risks as checkov and trivy suppressions with the reason', () => {
    const d = webApp();
    d.acceptedRisks.push({ ruleId: 'ALB-02', targetId: 'alb', reason: 'Internal tool; WAF later' });
    const files = generateTerraform(lowerDesign(d));
    expectCode(files, 'edge.tf', '# Accepted risk ALB-02: Internal tool; WAF later');
    expectCode(files, 'edge.tf', '# checkov:skip=CKV2_AWS_28:Internal tool; WAF later');
    expect(files['edge.tf']).toMatch(/# trivy:ignore:AVD-AWS-0052\n(# .*\n)*resource "aws_lb" "web_alb"/);
  });
});

describe('hostile names', () => {
  const hostile = loadDesign('fixtures/adversarial/hostile-names.json');
  const files = generateTerraform(lowerDesign(hostile));

  it('never lets user text open a template interpolation or directive', () => {
    for (const [path, file] of hclFiles(files)) {
      // Comments may quote the design's name as-is: they are never evaluated.
      const text = file
        .split('\n')
        .filter((line) => !line.trim().startsWith('#'))
        .join('\n');
      for (const match of text.matchAll(/(?<!\$)\$\{([^}]*)/g))
        expect(match[1], `${path}: interpolation`).toMatch(
          /^(local|var|aws_[a-z0-9_]+|count|each|replace|substr|split|try|tostring)\b/,
        );
      expect(text.match(/(?<!%)%\{/g), `${path}: directives`).toBeNull();
    }
  });

  it('prints each hostile name as one escaped string literal', () => {
    const tf = hclFiles(files)
      .map(([, t]) => t)
      .join('\n');
    for (const node of hostile.nodes) {
      if (node.type === 'users' || !node.name.includes('${')) continue;
      const escaped = JSON.stringify(node.name)
        .slice(1, -1)
        .replace(/\\u2028/g, '\\u2028')
        .replace(/\$\{/g, () => '$${')
        .replace(/%\{/g, () => '%%{');
      expect(tf, node.name).toContain(`"${escaped}"`);
    }
  });

  it('keeps multi-line reasons on their comment line', () => {
    const lines = files['edge.tf']!.split('\n');
    const accepted = lines.find((l) => l.includes('Accepted risk ALB-02'));
    expect(accepted).toContain('second line');
    for (const line of lines) expect(line).not.toMatch(/^second line/);
  });
});

describe('variants the examples leave off', () => {
  const files = generateTerraform(lowerDesign(variantsDesign()));

  it('authorizes a REST API with the connected Cognito pool and validates requests', () => {
    expectCode(
      files,
      'edge.tf',
      'type = "COGNITO_USER_POOLS" provider_arns = [aws_cognito_user_pool.users_pool.arn]',
    );
    expectCode(
      files,
      'edge.tf',
      'authorization = "COGNITO_USER_POOLS" authorizer_id = aws_api_gateway_authorizer.rest_api.id',
    );
    expectCode(files, 'edge.tf', 'request_validator_id = aws_api_gateway_request_validator.rest_api.id');
  });

  it('serves plain HTTP only with an acknowledged reason when the ALB has no certificate', () => {
    expect(files['edge.tf']).toMatch(
      /# trivy:ignore:AVD-AWS-0054\n# .*\nresource "aws_lb_listener" "plain_alb_http" \{\n {2}# checkov:skip=CKV_AWS_2:/,
    );
    expect(files['edge.tf']).not.toContain('"aws_lb_listener" "plain_alb_https"');
  });

  it('encrypts a log group with a customer managed key that CloudWatch Logs may use', () => {
    expectCode(files, 'monitoring.tf', 'kms_key_id = aws_kms_key.audit_log_logs.arn');
    expectCode(files, 'security.tf', 'Service = "logs.${var.region}.amazonaws.com"');
    expect(files['monitoring.tf']).toMatch(
      /resource "aws_cloudwatch_log_group" "audit_log" \{\n {2}# checkov:skip=CKV_AWS_338/,
    );
  });

  it('forwards S3 events through EventBridge to a KMS-encrypted queue whose key trusts events.amazonaws.com', () => {
    expectCode(files, 'messaging.tf', 'kms_master_key_id = aws_kms_key.upload_events_queue.arn');
    expectCode(
      files,
      'data.tf',
      'resource "aws_s3_bucket_notification" "tiered_bucket" { bucket = aws_s3_bucket.tiered_bucket.id eventbridge = true }',
    );
    expectCode(
      files,
      'data.tf',
      'rule = aws_cloudwatch_event_rule.tiered_bucket_to_upload_events_events.name target_id = "upload-events" arn = aws_sqs_queue.upload_events.arn',
    );
    const keyPolicy = files['security.tf']!.split('resource "aws_kms_key_policy" "upload_events_queue"')[1]!;
    expect(keyPolicy.slice(0, keyPolicy.indexOf('\n}\n'))).toContain('Service = "events.amazonaws.com"');
  });

  it('runs a spot ASG from a launch template whose AMI is a per-environment variable', () => {
    expectCode(files, 'compute.tf', 'spot_allocation_strategy = "price-capacity-optimized"');
    expectCode(files, 'compute.tf', 'image_id = var.spot_fleet_ami_id');
    expectCode(files, 'compute.tf', 'http_tokens = "required"');
    expectCode(files, 'environments/prod.tfvars', 'spot_fleet_instance_type = "m7g.large"');
  });

  it('scales Fargate with steps or a schedule, as the design says', () => {
    expectCode(files, 'compute.tf', 'policy_type = "StepScaling"');
    expectCode(
      files,
      'compute.tf',
      'resource "aws_appautoscaling_scheduled_action" "cron_service_business_hours"',
    );
  });

  it('uses memcached without pretending it encrypts at rest', () => {
    expectCode(
      files,
      'data.tf',
      'resource "aws_elasticache_cluster" "memcache" { # checkov:skip=CKV_AWS_29:',
    );
  });

  it('auto scales a provisioned table and lets scaling own its capacity', () => {
    expectCode(
      files,
      'data.tf',
      'billing_mode = var.provisioned_table_billing_mode read_capacity = var.provisioned_table_provisioned_read_capacity',
    );
    expectCode(files, 'data.tf', 'ignore_changes = [read_capacity, write_capacity]');
    expectCode(files, 'data.tf', 'predefined_metric_type = "DynamoDBWriteCapacityUtilization"');
  });
});

describe('shape that differs between environments', () => {
  it('switches a table between on-demand and provisioned per environment, with scaling only where provisioned', () => {
    const d = design('Billing per env')
      .environments('dev', 'prod')
      .node('dynamodb', { id: 'table', name: 'Table' })
      .override('prod', 'table', { billingMode: 'provisioned' })
      .build();
    const files = generateTerraform(lowerDesign(d));
    expectCode(files, 'environments/dev.tfvars', 'table_billing_mode = "PAY_PER_REQUEST"');
    expectCode(files, 'environments/prod.tfvars', 'table_billing_mode = "PROVISIONED"');
    expectCode(files, 'environments/dev.tfvars', 'table_provisioned_read_capacity = null');
    expectCode(files, 'environments/dev.tfvars', 'table_autoscaling_count = 0');
    expectCode(files, 'environments/prod.tfvars', 'table_autoscaling_count = 1');
    expectCode(
      files,
      'data.tf',
      'resource "aws_appautoscaling_target" "table_read" { count = var.table_autoscaling_count',
    );
  });

  it('keeps a lifecycle expiration only in the environments that set one', () => {
    const d = design('Expiry per env')
      .environments('dev', 'prod')
      .node('s3', { id: 'bucket', name: 'Bucket' })
      .override('dev', 'bucket', { expirationDays: 30 })
      .build();
    const files = generateTerraform(lowerDesign(d));
    // The whole rule: S3 refuses a rule without an action, which prod's would be.
    expectCode(
      files,
      'data.tf',
      'dynamic "rule" { for_each = var.bucket_expiration_days content { id = "storage-classes" status = "Enabled" filter { } expiration { days = rule.value } } }',
    );
    expectCode(files, 'environments/dev.tfvars', 'bucket_expiration_days = [30]');
    expectCode(files, 'environments/prod.tfvars', 'bucket_expiration_days = []');
  });

  it('runs a rule on its pattern and bus where it has no schedule, and on the schedule elsewhere', () => {
    const d = design('Schedule per env')
      .environments('dev', 'prod')
      .node('eventbridge-bus', { id: 'bus', name: 'Bus' })
      .node('eventbridge-rule', { id: 'rule', name: 'Rule' })
      .node('sqs', { id: 'queue', name: 'Queue' })
      .connect('bus', 'rule', 'route')
      .connect('rule', 'queue', 'route')
      .override('prod', 'rule', { schedule: 'rate(1 hour)' })
      .build();
    const files = generateTerraform(lowerDesign(d));
    const onPattern = 'var.rule_schedule == null';
    expectCode(
      files,
      'messaging.tf',
      `event_bus_name = ${onPattern} ? aws_cloudwatch_event_bus.bus.name : null ` +
        'schedule_expression = var.rule_schedule ' +
        `event_pattern = ${onPattern} ? "{\\"source\\":[\\"app.orders\\"]}" : null`,
    );
    // The target follows its rule onto the default bus where the rule is scheduled.
    expectCode(
      files,
      'messaging.tf',
      `rule = aws_cloudwatch_event_rule.rule.name event_bus_name = ${onPattern} ?`,
    );
    expectCode(files, 'environments/dev.tfvars', 'rule_schedule = null');
    expectCode(files, 'environments/prod.tfvars', 'rule_schedule = "rate(1 hour)"');
  });

  it('gives a rule scheduled everywhere each environment its own schedule', () => {
    const d = design('Schedules per env')
      .environments('dev', 'prod')
      .node('eventbridge-rule', {
        id: 'nightly',
        name: 'Nightly',
        properties: { eventPattern: '', schedule: 'cron(0 2 * * ? *)' },
      })
      .node('lambda', { id: 'job', name: 'Job' })
      .connect('nightly', 'job', 'route')
      .override('prod', 'nightly', { schedule: 'rate(15 minutes)' })
      .build();
    const files = generateTerraform(lowerDesign(d));
    expectCode(files, 'messaging.tf', 'schedule_expression = var.nightly_schedule tags');
    expect(files['messaging.tf']).not.toContain('event_pattern');
    expectCode(files, 'environments/dev.tfvars', 'nightly_schedule = "cron(0 2 * * ? *)"');
    expectCode(files, 'environments/prod.tfvars', 'nightly_schedule = "rate(15 minutes)"');
  });

  it('logs a state machine at each environment’s level, with execution data where it logs', () => {
    const d = design('Log level per env')
      .environments('dev', 'prod')
      .node('step-functions', { id: 'flow', name: 'Flow' })
      .override('dev', 'flow', { logLevel: 'OFF' })
      .build();
    const files = generateTerraform(lowerDesign(d));
    expectCode(
      files,
      'compute.tf',
      'include_execution_data = var.flow_include_execution_data level = var.flow_log_level',
    );
    expectCode(files, 'environments/dev.tfvars', 'flow_log_level = "OFF"');
    expectCode(files, 'environments/prod.tfvars', 'flow_log_level = "ALL"');
    // The lowering decides execution data with the level; every target prints its decision.
    expectCode(files, 'environments/dev.tfvars', 'flow_include_execution_data = false');
    expectCode(files, 'environments/prod.tfvars', 'flow_include_execution_data = true');
  });

  it('serves the certificate and its names where an environment has one, the default certificate elsewhere', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/prod';
    const d = design('Certificate per env')
      .environments('dev', 'prod')
      .node('s3', { id: 'site', name: 'Site' })
      .node('cloudfront', { id: 'cdn', name: 'CDN' })
      .connect('cdn', 'site', 'route')
      .override('prod', 'cdn', { certificateArn: arn, aliases: 'www.example.com' })
      .build();
    const files = generateTerraform(lowerDesign(d));
    expectCode(files, 'edge.tf', 'aliases = var.cdn_aliases');
    expectCode(
      files,
      'edge.tf',
      'viewer_certificate { acm_certificate_arn = var.cdn_certificate_arn ' +
        'cloudfront_default_certificate = var.cdn_default_certificate ' +
        'ssl_support_method = var.cdn_default_certificate ? null : "sni-only" ' +
        'minimum_protocol_version = var.cdn_default_certificate ? null : "TLSv1.2_2021" }',
    );
    // checkov reads the code, not the tfvars: dev still uses the default certificate.
    expect(files['edge.tf']).toContain('checkov:skip=CKV_AWS_174');
    expectCode(files, 'environments/dev.tfvars', 'cdn_certificate_arn = null');
    expectCode(files, 'environments/dev.tfvars', 'cdn_default_certificate = true');
    expectCode(files, 'environments/dev.tfvars', 'cdn_aliases = []');
    expectCode(files, 'environments/prod.tfvars', `cdn_certificate_arn = "${arn}"`);
    expectCode(files, 'environments/prod.tfvars', 'cdn_default_certificate = false');
    expectCode(files, 'environments/prod.tfvars', 'cdn_aliases = ["www.example.com"]');
  });

  it('reaches a load balancer origin over HTTPS only in the environments where it has a certificate', () => {
    const d = design('Origin protocol per env')
      .environments('dev', 'prod')
      .vpc()
      .node('alb', { id: 'alb', name: 'ALB' })
      .node('ecs-fargate', { id: 'app', name: 'App' })
      .node('cloudfront', { id: 'cdn', name: 'CDN' })
      .connect('alb', 'app', 'traffic')
      .connect('cdn', 'alb', 'route')
      .override('prod', 'alb', { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/prod' })
      .build();
    const files = generateTerraform(lowerDesign(d));
    expectCode(files, 'edge.tf', 'origin_protocol_policy = var.alb_origin_protocol_policy');
    expectCode(files, 'environments/dev.tfvars', 'alb_origin_protocol_policy = "http-only"');
    expectCode(files, 'environments/prod.tfvars', 'alb_origin_protocol_policy = "https-only"');
  });
});

describe('scaling, MFA and AUTH per environment', () => {
  const generate = (d: Design) => generateTerraform(lowerDesign(d));

  it('creates the scalable target and step policy with its alarm only where the environment scales', () => {
    const files = generate(
      design('Scaling per env')
        .environments('dev', 'prod')
        .vpc()
        .node('ecs-fargate', { id: 'svc', name: 'Svc', properties: { scaling: 'step' } })
        .override('dev', 'svc', { scaling: 'none' })
        .build(),
    );
    expectCode(files, 'environments/dev.tfvars', 'svc_auto_scaling_count = 0');
    expectCode(files, 'environments/prod.tfvars', 'svc_auto_scaling_count = 1');
    expectCode(
      files,
      'compute.tf',
      'resource "aws_appautoscaling_target" "svc" { count = var.svc_auto_scaling_count',
    );
    // Step scaling is all prod does: the policies and alarms follow the target's count.
    for (const direction of ['out', 'in'])
      expectCode(
        files,
        'compute.tf',
        `resource "aws_appautoscaling_policy" "svc_cpu_scale_${direction}" { count = var.svc_auto_scaling_count`,
      );
    expectCode(files, 'compute.tf', 'service_namespace = aws_appautoscaling_target.svc[0].service_namespace');
    // The lowering's steps and alarms (task-scaling.ts): out at the target CPU, in at half of it.
    expectCode(
      files,
      'compute.tf',
      'step_adjustment { metric_interval_lower_bound = 20 scaling_adjustment = 3 }',
    );
    expectCode(
      files,
      'compute.tf',
      'step_adjustment { metric_interval_upper_bound = 0 scaling_adjustment = -1 }',
    );
    expectCode(
      files,
      'compute.tf',
      'resource "aws_cloudwatch_metric_alarm" "svc_cpu_scale_out" { count = var.svc_auto_scaling_count',
    );
    expectCode(
      files,
      'compute.tf',
      'evaluation_periods = 3 threshold = 60 comparison_operator = "GreaterThanOrEqualToThreshold"',
    );
    expectCode(
      files,
      'compute.tf',
      'evaluation_periods = 15 threshold = 30 comparison_operator = "LessThanOrEqualToThreshold"',
    );
    expectCode(files, 'compute.tf', 'alarm_actions = [aws_appautoscaling_policy.svc_cpu_scale_out[0].arn]');
    expectCode(files, 'compute.tf', 'alarm_actions = [aws_appautoscaling_policy.svc_cpu_scale_in[0].arn]');
  });

  it('keeps one scalable target and switches policies where environments scale differently', () => {
    const files = generate(
      design('Policies per env')
        .environments('dev', 'prod')
        .vpc()
        .node('ecs-fargate', { id: 'svc', name: 'Svc', properties: { scaling: 'scheduled' } })
        .override('dev', 'svc', { scaling: 'target-tracking' })
        .build(),
    );
    expect(files['compute.tf']).not.toMatch(/svc_auto_scaling_count/);
    expectCode(
      files,
      'compute.tf',
      'resource "aws_appautoscaling_policy" "svc_cpu" { count = var.svc_cpu_target_tracking_count',
    );
    expectCode(
      files,
      'compute.tf',
      'resource "aws_appautoscaling_scheduled_action" "svc_business_hours" { count = var.svc_scheduled_scaling_count',
    );
    expectCode(files, 'compute.tf', 'name = "off-hours"');
    expectCode(files, 'compute.tf', 'schedule = "cron(0 19 ? * MON-FRI *)"');
    expectCode(files, 'compute.tf', 'scalable_target_action { min_capacity = 2 max_capacity = 2 }');
    expectCode(files, 'environments/dev.tfvars', 'svc_cpu_target_tracking_count = 1');
    expectCode(files, 'environments/dev.tfvars', 'svc_scheduled_scaling_count = 0');
    expectCode(files, 'environments/prod.tfvars', 'svc_cpu_target_tracking_count = 0');
    expectCode(files, 'environments/prod.tfvars', 'svc_scheduled_scaling_count = 1');
  });

  it('offers authenticator apps only where MFA is on', () => {
    const files = generate(
      design('MFA per env')
        .environments('dev', 'prod')
        .node('cognito-user-pool', { id: 'pool', name: 'Pool', properties: { mfa: 'required' } })
        .override('dev', 'pool', { mfa: 'off' })
        .build(),
    );
    expectCode(files, 'security.tf', 'mfa_configuration = var.pool_mfa_configuration');
    expectCode(
      files,
      'security.tf',
      'dynamic "software_token_mfa_configuration" { for_each = range(var.pool_software_token_mfa_count) content { enabled = true } }',
    );
    expectCode(files, 'environments/dev.tfvars', 'pool_mfa_configuration = "OFF"');
    expectCode(files, 'environments/dev.tfvars', 'pool_software_token_mfa_count = 0');
    expectCode(files, 'environments/prod.tfvars', 'pool_mfa_configuration = "ON"');
    expectCode(files, 'environments/prod.tfvars', 'pool_software_token_mfa_count = 1');
  });

  it('authenticates Redis clients only in the environments that want AUTH', () => {
    const files = generate(
      design('AUTH per env')
        .environments('dev', 'prod')
        .vpc()
        .node('elasticache', { id: 'cache', name: 'Cache' })
        .override('dev', 'cache', { authToken: false })
        .build(),
    );
    expectCode(
      files,
      'data.tf',
      'user_group_ids = var.cache_iam_auth ? [aws_elasticache_user_group.cache.user_group_id] : []',
    );
    expectCode(files, 'environments/dev.tfvars', 'cache_iam_auth = false');
    expectCode(files, 'environments/prod.tfvars', 'cache_iam_auth = true');
  });
});

describe('API Gateway custom domains', () => {
  const CERT_ARN = API_DOMAINS_CERT_ARN;
  const files = generateTerraform(lowerDesign(apiDomainsDesign()));

  it('an HTTP API: a regional domain with the validated drawn certificate, mapped to its stage', () => {
    expectCode(
      files,
      'edge.tf',
      `resource "aws_apigatewayv2_domain_name" "http_domain_1" {
        domain_name = "api.example.com"
        domain_name_configuration {
          certificate_arn = aws_acm_certificate_validation.cert.certificate_arn
          endpoint_type = "REGIONAL"
          security_policy = "TLS_1_2"
        }`,
    );
    expectCode(
      files,
      'edge.tf',
      `resource "aws_apigatewayv2_api_mapping" "http_domain_1" {
        api_id = aws_apigatewayv2_api.http.id
        domain_name = aws_apigatewayv2_domain_name.http_domain_1.id
        stage = aws_apigatewayv2_stage.http.id
      }`,
    );
  });

  it('a REST API: a regional domain with its certificate ARN, its base path mapped to the stage', () => {
    expectCode(
      files,
      'edge.tf',
      `resource "aws_api_gateway_domain_name" "rest_domain_1" {
        domain_name = "rest.example.com"
        regional_certificate_arn = "${CERT_ARN}"
        security_policy = "TLS_1_2"
        endpoint_configuration {
          types = ["REGIONAL"]
        }`,
    );
    expectCode(
      files,
      'edge.tf',
      `resource "aws_api_gateway_base_path_mapping" "rest_domain_1" {
        api_id = aws_api_gateway_rest_api.rest.id
        stage_name = aws_api_gateway_stage.rest.stage_name
        domain_name = aws_api_gateway_domain_name.rest_domain_1.domain_name
      }`,
    );
  });

  it('the zone aliases each name to its domain’s regional name and zone', () => {
    expectCode(
      files,
      'edge.tf',
      `alias {
        name = aws_apigatewayv2_domain_name.http_domain_1.domain_name_configuration[0].target_domain_name
        zone_id = aws_apigatewayv2_domain_name.http_domain_1.domain_name_configuration[0].hosted_zone_id
        evaluate_target_health = false
      }`,
    );
    expectCode(
      files,
      'edge.tf',
      `alias {
        name = aws_api_gateway_domain_name.rest_domain_1.regional_domain_name
        zone_id = aws_api_gateway_domain_name.rest_domain_1.regional_zone_id
        evaluate_target_health = false
      }`,
    );
  });
});

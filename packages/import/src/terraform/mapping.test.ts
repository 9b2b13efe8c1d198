import { parse } from '@cdktf/hcl2json';
import { parseDesign } from '@archgen/model';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../report.ts';
import { importTerraform } from './index.ts';

const run = (text: string): Promise<ImportResult> =>
  importTerraform([{ path: 'main.tf', text }], { parseHcl: parse });
const node = (r: ImportResult, address: string) => {
  const o = r.report.resources.find((e) => e.sourceId === address)?.outcome;
  return r.design.nodes.find((n) => o && 'nodeId' in o && n.id === o.nodeId);
};
const edges = (r: ImportResult) => r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`).sort();
const role = (r: ImportResult, address: string) => {
  const o = r.report.resources.find((e) => e.sourceId === address)?.outcome;
  return o?.kind === 'part-of' ? `${o.nodeId}: ${o.role}` : o?.kind;
};
const expectParses = (r: ImportResult) => {
  const parsed = parseDesign(r.design);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
};

describe('importTerraform: lambda runtimes', () => {
  it('draws a runtime the catalog lacks as the nearest of the same language, and says so', async () => {
    const fn = (name: string, runtime: string) =>
      `resource "aws_lambda_function" "${name}" {\n  function_name = "${name}"\n  role = "r"\n  handler = "h"\n  runtime = "${runtime}"\n}\n`;
    const r = await run(
      fn('py', 'python3.9') + fn('node', 'nodejs18.x') + fn('java', 'java17') + fn('go', 'provided.al2023'),
    );
    expect(node(r, 'aws_lambda_function.py')!.properties.runtime).toBe('python3.12');
    expect(node(r, 'aws_lambda_function.node')!.properties.runtime).toBe('nodejs20.x');
    expect(node(r, 'aws_lambda_function.java')!.properties.runtime).toBe('java21');
    expect(node(r, 'aws_lambda_function.go')!.properties).not.toHaveProperty('runtime');
    expect(
      r.report.problems.filter((p) => /runtime .* is not one the design offers/.test(p.message)),
    ).toHaveLength(4);
  });
});

describe('importTerraform: values the service refuses together', () => {
  it('falls back to the catalog default where a cross-field check fails, so the design parses', async () => {
    const r = await run(`
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "r"
  handler       = "h"
  runtime       = "nodejs22.x"
}
resource "aws_cloudwatch_log_group" "fn" {
  name              = "/aws/lambda/fn"
  retention_in_days = 5
}
`);
    const fn = node(r, 'aws_lambda_function.fn')!;
    expect(role(r, 'aws_cloudwatch_log_group.fn')).toBe(`${fn.id}: log group`);
    expect(fn.properties).not.toHaveProperty('logRetentionDays');
    expect(
      r.report.problems.some(
        (p) =>
          p.sourceId === 'aws_lambda_function.fn' &&
          /logRetentionDays keeps the catalog default/.test(p.message),
      ),
    ).toBe(true);
    expectParses(r);
  });
});

describe('importTerraform: what parts say about their node', () => {
  it('reads a bucket from its versioning, public access block, lifecycle and notification resources', async () => {
    const r = await run(`
resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}
resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false
}
resource "aws_s3_bucket_lifecycle_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  rule {
    id     = "all"
    status = "Enabled"
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    expiration {
      days = 365
    }
  }
  rule {
    id     = "tmp"
    status = "Enabled"
    filter {
      prefix = "tmp/"
    }
    expiration {
      days = 7
    }
  }
}
resource "aws_sqs_queue" "jobs" {}
resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  queue {
    queue_arn = aws_sqs_queue.jobs.arn
    events    = ["s3:ObjectCreated:*"]
  }
}
`);
    const bucket = node(r, 'aws_s3_bucket.uploads')!;
    expect(bucket.properties).toMatchObject({
      versioned: true,
      blockPublicAccess: false,
      transitionToIaDays: 30,
      expirationDays: 365,
      lifecycleRules: [{ prefix: 'tmp/', expirationDays: 7 }],
      eventNotifications: true,
    });
    expect(role(r, 'aws_s3_bucket_public_access_block.uploads')).toBe(`${bucket.id}: public access block`);
    expect(edges(r)).toEqual([`${bucket.id} publish ${node(r, 'aws_sqs_queue.jobs')!.id}`]);
    expectParses(r);
  });

  it('reads an HTTP API from its routes and stage, and connects it to its integration', async () => {
    const r = await run(`
resource "aws_apigatewayv2_api" "api" {
  name          = "orders"
  protocol_type = "HTTP"
}
resource "aws_cognito_user_pool" "users" {
  name              = "users"
  mfa_configuration = "OPTIONAL"
  password_policy {
    minimum_length = 10
  }
}
resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id          = aws_apigatewayv2_api.api.id
  authorizer_type = "JWT"
  jwt_configuration {
    issuer   = "https://\${aws_cognito_user_pool.users.endpoint}"
    audience = ["x"]
  }
}
resource "aws_apigatewayv2_route" "get" {
  api_id             = aws_apigatewayv2_api.api.id
  route_key          = "GET /orders"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
  target             = "integrations/\${aws_apigatewayv2_integration.fn.id}"
}
resource "aws_apigatewayv2_integration" "fn" {
  api_id           = aws_apigatewayv2_api.api.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.fn.invoke_arn
}
resource "aws_apigatewayv2_stage" "default" {
  api_id = aws_apigatewayv2_api.api.id
  name   = "$default"
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.requestId"
  }
  default_route_settings {
    throttling_rate_limit  = 200
    throttling_burst_limit = 100
  }
}
resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/apigateway/orders"
  retention_in_days = 30
}
resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/x"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
}
`);
    const api = node(r, 'aws_apigatewayv2_api.api')!;
    expect(api.properties).toMatchObject({
      apiType: 'http',
      authorizer: 'jwt',
      accessLogs: true,
      throttleRateLimit: 200,
      throttleBurstLimit: 100,
    });
    expect(node(r, 'aws_cognito_user_pool.users')!.properties).toMatchObject({
      mfa: 'optional',
      passwordMinLength: 10,
    });
    // The stage's access log group belongs to the API (through the stage), not a node of its own.
    expect(role(r, 'aws_cloudwatch_log_group.api')).toBe(`${api.id}: log group`);
    expect(edges(r)).toEqual(
      [
        `${api.id} invoke ${node(r, 'aws_lambda_function.fn')!.id}`,
        `${api.id} read ${node(r, 'aws_cognito_user_pool.users')!.id}`,
      ].sort(),
    );
    expectParses(r);
  });

  it('reads an event rule on a custom bus, its targets, and a heredoc pattern naming a bucket', async () => {
    const r = await run(`
resource "aws_cloudwatch_event_bus" "bus" {
  name = "orders"
}
resource "aws_s3_bucket" "b" {}
resource "aws_cloudwatch_event_rule" "created" {
  event_bus_name = aws_cloudwatch_event_bus.bus.name
  event_pattern  = <<EOF
{
  "source": ["aws.s3"],
  "detail": { "bucket": { "name": ["\${aws_s3_bucket.b.id}"] } }
}
EOF
}
resource "aws_sns_topic" "t" {}
resource "aws_sns_topic_subscription" "q" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.q.arn
}
resource "aws_sqs_queue" "q" {}
resource "aws_cloudwatch_event_target" "t" {
  rule           = aws_cloudwatch_event_rule.created.name
  event_bus_name = aws_cloudwatch_event_bus.bus.name
  arn            = aws_sns_topic.t.arn
}
`);
    const rule = node(r, 'aws_cloudwatch_event_rule.created')!;
    expect(JSON.parse(String(rule.properties.eventPattern))).toEqual({
      source: ['aws.s3'],
      detail: { bucket: { name: ['${aws_s3_bucket.b.id}'] } },
    });
    const bus = node(r, 'aws_cloudwatch_event_bus.bus')!.id;
    const topic = node(r, 'aws_sns_topic.t')!.id;
    expect(role(r, 'aws_cloudwatch_event_target.t')).toBe(`${rule.id}: rule target`);
    expect(role(r, 'aws_sns_topic_subscription.q')).toBe(`${topic}: subscription`);
    expect(edges(r)).toEqual(
      [
        `${bus} route ${rule.id}`,
        `${rule.id} route ${topic}`,
        `${topic} subscribe ${node(r, 'aws_sqs_queue.q')!.id}`,
      ].sort(),
    );
    expectParses(r);
  });

  it('reads a Fargate service from its task definition, scaling and load balancer', async () => {
    const r = await run(`
resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  idle_timeout       = 120
}
resource "aws_lb_target_group" "app" {
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
resource "aws_ecs_cluster" "main" {
  name = "main"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  cpu                      = "1024"
  memory                   = "2048"
  requires_compatibilities = ["FARGATE"]
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/acme/app:1.2", portMappings = [{ containerPort = 8080 }] }
  ])
}
resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 3
  launch_type     = "FARGATE"
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 8080
  }
}
resource "aws_appautoscaling_target" "app" {
  service_namespace  = "ecs"
  resource_id        = "service/\${aws_ecs_cluster.main.name}/\${aws_ecs_service.app.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 2
  max_capacity       = 12
}
resource "aws_appautoscaling_policy" "cpu" {
  name               = "cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.app.resource_id
  scalable_dimension = aws_appautoscaling_target.app.scalable_dimension
  service_namespace  = "ecs"
  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
`);
    const svc = node(r, 'aws_ecs_service.app')!;
    expect(svc.properties).toMatchObject({
      cpu: '1024',
      memoryMiB: 2048,
      image: 'public.ecr.aws/acme/app:1.2',
      containerPort: 8080,
      desiredCount: 3,
      minCount: 2,
      maxCount: 12,
      scaling: 'target-tracking',
      targetCpuPercent: 70,
      containerInsights: true,
    });
    const alb = node(r, 'aws_lb.web')!;
    expect(alb.properties).toMatchObject({ idleTimeoutSeconds: 120, scheme: 'internet-facing' });
    expect(role(r, 'aws_lb_target_group.app')).toBe(`${alb.id}: target group`);
    expect(role(r, 'aws_ecs_task_definition.app')).toBe(`${svc.id}: task definition`);
    expect(r.design.connections).toEqual([
      expect.objectContaining({ from: alb.id, to: svc.id, kind: 'traffic', port: 8080 }),
    ]);
    expectParses(r);
  });

  it('reads an Aurora cluster with its instances, and keeps a network load balancer', async () => {
    const r = await run(`
resource "aws_rds_cluster" "db" {
  engine                  = "aurora-postgresql"
  engine_version          = "16.13"
  backup_retention_period = 14
  deletion_protection     = true
  serverlessv2_scaling_configuration {
    min_capacity = 1
    max_capacity = 8
  }
}
resource "aws_rds_cluster_instance" "db" {
  count              = 3
  cluster_identifier = aws_rds_cluster.db.id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.db.engine
}
resource "aws_lb" "nlb" {
  load_balancer_type = "network"
}
`);
    expect(node(r, 'aws_rds_cluster.db')!.properties).toMatchObject({
      engine: 'aurora-postgresql',
      postgresVersion: '16.13',
      capacity: 'serverless-v2',
      minAcu: 1,
      maxAcu: 8,
      readers: 2,
      backupRetentionDays: 14,
      deletionProtection: true,
    });
    const nlb = r.report.resources.find((e) => e.sourceId === 'aws_lb.nlb')!.outcome;
    expect(nlb).toMatchObject({ kind: 'kept', reason: expect.stringContaining('network load balancer') });
    expect(node(r, 'aws_lb.nlb')).toMatchObject({
      type: 'other-resource',
      properties: { terraformType: 'aws_lb' },
    });
  });

  it('reads alarms as alarm nodes watching their metric and notifying their topic, and CloudFront origins', async () => {
    const r = await run(`
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "r"
  handler       = "index.handler"
  runtime       = "nodejs22.x"
}
resource "aws_sns_topic" "ops" {}
resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "fn-errors"
  metric_name         = "Errors"
  namespace           = "AWS/Lambda"
  statistic           = "Sum"
  threshold           = 5
  evaluation_periods  = 2
  period              = 60
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    FunctionName = aws_lambda_function.fn.function_name
  }
  alarm_actions = [aws_sns_topic.ops.arn]
}
resource "aws_s3_bucket" "site" {}
resource "aws_cloudfront_distribution" "cdn" {
  enabled             = true
  default_root_object = "index.html"
  price_class         = "PriceClass_200"
  origin {
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id   = "site"
  }
}
resource "aws_eks_cluster" "k8s" {
  name     = "k8s"
  role_arn = "r"
  version  = "1.33"
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}
resource "aws_eks_node_group" "workers" {
  cluster_name   = aws_eks_cluster.k8s.name
  instance_types = ["m7g.xlarge"]
  capacity_type  = "SPOT"
  scaling_config {
    min_size     = 3
    max_size     = 9
    desired_size = 4
  }
}
`);
    const alarm = node(r, 'aws_cloudwatch_metric_alarm.errors')!;
    expect(alarm).toMatchObject({
      type: 'cloudwatch-alarm',
      name: 'fn-errors',
      properties: {
        metricName: 'Errors',
        statistic: 'Sum',
        threshold: 5,
        evaluationPeriods: 2,
        periodSeconds: 60,
        comparison: 'GreaterThanThreshold',
      },
    });
    const cdn = node(r, 'aws_cloudfront_distribution.cdn')!;
    expect(cdn.properties).toMatchObject({ priceClass: 'PriceClass_200', defaultRootObject: 'index.html' });
    expect(edges(r)).toEqual(
      [
        `${alarm.id} read ${node(r, 'aws_lambda_function.fn')!.id}`,
        `${alarm.id} publish ${node(r, 'aws_sns_topic.ops')!.id}`,
        `${cdn.id} route ${node(r, 'aws_s3_bucket.site')!.id}`,
      ].sort(),
    );
    expect(node(r, 'aws_eks_cluster.k8s')!.properties).toMatchObject({
      version: '1.33',
      nodeMin: 3,
      nodeMax: 9,
      nodeDesired: 4,
      nodeInstanceType: 'm7g.xlarge',
      spot: true,
    });
  });
});

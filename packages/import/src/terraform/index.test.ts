import { parse } from '@cdktf/hcl2json';
import { parseDesign, type Design } from '@archgen/model';
// @archgen/import does not depend on the rules package; the test reaches it by path.
import { validateDesign } from '../../../rules/src/index.ts';
import { generateAll } from '@archgen/export';
import { describe, expect, it } from 'vitest';
import type { ImportResult, SourceFile } from '../report.ts';
import { importTerraform, parseTfvars } from './index.ts';
import { hclNestingDepth, readConfiguration } from './config.ts';

const run = (files: SourceFile[], variables?: Record<string, unknown>): Promise<ImportResult> =>
  importTerraform(files, { parseHcl: parse, ...(variables ? { variables } : {}) });

const outcome = (r: ImportResult, address: string) =>
  r.report.resources.find((e) => e.sourceId === address)?.outcome;
const node = (r: ImportResult, address: string) => {
  const o = outcome(r, address);
  const id = o && 'nodeId' in o ? o.nodeId : undefined;
  return r.design.nodes.find((n) => n.id === id);
};
const edges = (r: ImportResult) => r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`).sort();

/** Parses as a design file would be, and runs the rules: no schema error, no throw. */
function expectValid(design: Design): void {
  const parsed = parseDesign(design);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  if (parsed.ok) expect(() => validateDesign(parsed.design)).not.toThrow();
}

const SERVERLESS = `
variable "env" {
  default = "dev"
}
variable "timeout" {}
locals {
  prefix = "orders-\${var.env}"
}
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { team = "payments" }
  }
}
resource "aws_sqs_queue" "orders" {
  name                       = "\${local.prefix}-queue"
  visibility_timeout_seconds = var.timeout
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 3
  })
}
resource "aws_sqs_queue" "orders_dlq" {
  name = "\${local.prefix}-dlq"
}
resource "aws_sns_topic" "events" {
  name = "events"
}
resource "aws_lambda_function" "worker" {
  function_name = "\${local.prefix}-worker"
  role          = aws_iam_role.worker.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  memory_size   = 1024
  timeout       = 60
  environment {
    variables = { TOPIC = aws_sns_topic.events.arn }
  }
}
resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "worker" {
  role = aws_iam_role.worker.id
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource = aws_sqs_queue.orders.arn },
    ]
  })
}
resource "aws_iam_role_policy" "publish" {
  role   = aws_iam_role.worker.id
  policy = data.aws_iam_policy_document.publish.json
}
data "aws_iam_policy_document" "publish" {
  statement {
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.events.arn]
  }
}
resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn                   = aws_sqs_queue.orders.arn
  function_name                      = aws_lambda_function.worker.arn
  batch_size                         = 50
  maximum_batching_window_in_seconds = 5
}
resource "aws_cloudwatch_log_group" "worker" {
  name              = "/aws/lambda/\${aws_lambda_function.worker.function_name}"
  retention_in_days = 14
}
resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "N"
  }
}
resource "aws_ssm_parameter" "flag" {
  name  = "/orders/flag"
  type  = "String"
  value = "on"
}
resource "random_id" "suffix" {
  byte_length = 4
}
`;

describe('importTerraform: services, parts and connections', () => {
  it('reads properties through variables, locals and tfvars, and accounts for every resource block', async () => {
    const r = await run([{ path: 'main.tf', text: SERVERLESS }], { timeout: 120 });
    expect(r.report.format).toBe('terraform');
    expect(r.report.resources.map((e) => e.sourceId)).toEqual([
      'aws_sqs_queue.orders',
      'aws_sqs_queue.orders_dlq',
      'aws_sns_topic.events',
      'aws_lambda_function.worker',
      'aws_iam_role.worker',
      'aws_iam_role_policy.worker',
      'aws_iam_role_policy.publish',
      'aws_lambda_event_source_mapping.orders',
      'aws_cloudwatch_log_group.worker',
      'aws_dynamodb_table.orders',
      'aws_ssm_parameter.flag',
      'random_id.suffix',
    ]);
    const queue = node(r, 'aws_sqs_queue.orders')!;
    expect(queue).toMatchObject({ type: 'sqs', name: 'orders-dev-queue' });
    expect(queue.properties).toMatchObject({ visibilityTimeoutSeconds: 120, maxReceiveCount: 3 });
    const fn = node(r, 'aws_lambda_function.worker')!;
    expect(fn.properties).toMatchObject({
      runtime: 'python3.12',
      memorySize: 1024,
      timeoutSeconds: 60,
      handler: 'app.handler',
      logRetentionDays: 14,
    });
    expect(node(r, 'aws_dynamodb_table.orders')!.properties).toMatchObject({
      billingMode: 'on-demand',
      partitionKey: 'id',
      partitionKeyType: 'N',
      sortKey: '',
    });
    for (const [address, role] of [
      ['aws_iam_role.worker', 'IAM role'],
      ['aws_iam_role_policy.worker', 'IAM inline policy'],
      ['aws_lambda_event_source_mapping.orders', 'event source mapping'],
      ['aws_cloudwatch_log_group.worker', 'log group'],
    ] as const)
      expect(outcome(r, address)).toEqual({ kind: 'part-of', nodeId: fn.id, role });
    expect(outcome(r, 'random_id.suffix')).toMatchObject({ kind: 'skipped' });
    expect(r.design.region).toBe('eu-west-1');
    expect(r.design.tags).toEqual({ team: 'payments' });
    expect(
      r.report.problems.some(
        (p) => p.severity === 'info' && p.sourceId === 'data.aws_iam_policy_document.publish',
      ),
    ).toBe(true);
  });

  it('infers connections from the event source mapping, the redrive policy and IAM statements', async () => {
    const r = await run([{ path: 'main.tf', text: SERVERLESS }], { timeout: 120 });
    const queue = node(r, 'aws_sqs_queue.orders')!.id;
    const dlq = node(r, 'aws_sqs_queue.orders_dlq')!.id;
    const fn = node(r, 'aws_lambda_function.worker')!.id;
    const topic = node(r, 'aws_sns_topic.events')!.id;
    // The queue's ReceiveMessage grant is what the event source means: no extra edge for it.
    expect(edges(r)).toEqual(
      [`${queue} event-source ${fn}`, `${queue} dead-letter ${dlq}`, `${fn} publish ${topic}`].sort(),
    );
    const mapping = r.design.connections.find((c) => c.kind === 'event-source')!;
    expect(mapping.properties).toEqual({ batchSize: 50, maxBatchingWindowSeconds: 5 });
  });

  it('keeps a resource the catalog has no service for, with its arguments verbatim', async () => {
    const r = await run([{ path: 'main.tf', text: SERVERLESS }], { timeout: 120 });
    const kept = node(r, 'aws_ssm_parameter.flag')!;
    expect(outcome(r, 'aws_ssm_parameter.flag')).toMatchObject({ kind: 'kept', nodeId: kept.id });
    expect(kept).toMatchObject({
      type: 'other-resource',
      properties: {
        terraformType: 'aws_ssm_parameter',
        terraformArguments: { name: '/orders/flag', type: 'String', value: 'on' },
      },
    });
    // Kept nodes validate once the generators know them (h/passthrough): check the rest.
    expectValid({ ...r.design, nodes: r.design.nodes.filter((n) => n.type !== 'other-resource') });
  });

  it('leaves a value unknown before apply at the catalog default and says so', async () => {
    const r = await run([{ path: 'main.tf', text: SERVERLESS }]);
    expect(node(r, 'aws_sqs_queue.orders')!.properties).not.toHaveProperty('visibilityTimeoutSeconds');
    expect(
      r.report.problems.some(
        (p) =>
          p.sourceId === 'aws_sqs_queue.orders' && /visibility_timeout_seconds is not known/.test(p.message),
      ),
    ).toBe(true);
  });

  it('does not draw a connection the catalog refuses, and reports it', async () => {
    const r = await run([
      {
        path: 'api.tf',
        text: `
resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}
resource "aws_sqs_queue" "q" {}
resource "aws_api_gateway_integration" "send" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = "x"
  http_method = "POST"
  type        = "AWS"
  uri         = "arn:aws:apigateway:us-east-1:sqs:path/\${aws_sqs_queue.q.name}"
}
`,
      },
    ]);
    expect(r.design.connections).toEqual([]);
    expect(outcome(r, 'aws_api_gateway_integration.send')).toMatchObject({
      kind: 'part-of',
      role: 'integration',
    });
    expect(
      r.report.problems.some(
        (p) => p.severity === 'info' && /not a connection the design draws/.test(p.message),
      ),
    ).toBe(true);
    expectValid(r.design);
  });
});

const NETWORK = `
variable "cidr" {
  default = "10.20.0.0/16"
}
variable "azs" {
  default = ["eu-west-1a", "eu-west-1b"]
}
resource "aws_vpc" "main" {
  cidr_block = var.cidr
  tags = { Name = "shop" }
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}
resource "aws_subnet" "public" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.cidr, 8, count.index)
  availability_zone = var.azs[count.index]
}
resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.cidr, 8, count.index + 10)
  availability_zone = element(var.azs, count.index)
}
resource "aws_subnet" "data" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.cidr, 8, count.index + 20)
  availability_zone = var.azs[count.index]
}
resource "aws_eip" "nat" {
  domain = "vpc"
}
resource "aws_nat_gateway" "nat" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public[0].id
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route" "private_nat" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat.id
}
resource "aws_route_table" "data" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route_table_association" "public" {
  count          = 2
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}
resource "aws_route_table_association" "private" {
  count          = 2
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}
resource "aws_route_table_association" "data" {
  count          = 2
  subnet_id      = aws_subnet.data[count.index].id
  route_table_id = aws_route_table.data.id
}
resource "aws_security_group" "app" {
  vpc_id = aws_vpc.main.id
}
resource "aws_security_group" "db" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.app.id]
  }
}
resource "aws_db_subnet_group" "db" {
  subnet_ids = aws_subnet.data[*].id
}
resource "aws_db_instance" "db" {
  engine                 = "postgres"
  engine_version         = "16.4"
  instance_class         = "db.t4g.micro"
  allocated_storage      = 50
  multi_az               = true
  db_subnet_group_name   = aws_db_subnet_group.db.name
  vpc_security_group_ids = [aws_security_group.db.id]
}
`;

describe('importTerraform: IAM statements', () => {
  it('reads heredoc JSON policies, managed policies through attachments, and modules passing ARNs', async () => {
    const r = await run([
      {
        path: 'main.tf',
        text: `
resource "aws_dynamodb_table" "t" {
  name     = "t"
  hash_key = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
}
resource "aws_s3_bucket" "b" {}
module "fn" {
  source    = "./fn"
  table_arn = aws_dynamodb_table.t.arn
}
resource "aws_iam_policy" "bucket" {
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["\${aws_s3_bucket.b.arn}", "\${aws_s3_bucket.b.arn}/*"] },
    { "Effect": "Deny", "Action": "s3:PutObject", "Resource": "\${aws_s3_bucket.b.arn}/*" }
  ]
}
EOF
}
resource "aws_iam_role_policy_attachment" "bucket" {
  role       = module.fn.role_name
  policy_arn = aws_iam_policy.bucket.arn
}
`,
      },
      {
        path: 'fn/main.tf',
        text: `
variable "table_arn" {}
resource "aws_iam_role" "this" {
  assume_role_policy = "{}"
  inline_policy {
    name = "table"
    policy = jsonencode({
      Statement = [{ Effect = "Allow", Action = ["dynamodb:PutItem", "dynamodb:Query"], Resource = var.table_arn }]
    })
  }
}
resource "aws_lambda_function" "this" {
  function_name = "fn"
  role          = aws_iam_role.this.arn
  handler       = "index.handler"
  runtime       = "nodejs22.x"
}
output "role_name" {
  value = aws_iam_role.this.name
}
`,
      },
    ]);
    const fn = node(r, 'module.fn.aws_lambda_function.this')!.id;
    expect(edges(r)).toEqual(
      [
        `${fn} read ${node(r, 'aws_s3_bucket.b')!.id}`,
        `${fn} read-write ${node(r, 'aws_dynamodb_table.t')!.id}`,
      ].sort(),
    );
    expect(outcome(r, 'aws_iam_policy.bucket')).toEqual({
      kind: 'part-of',
      nodeId: fn,
      role: 'IAM managed policy',
    });
    expect(outcome(r, 'module.fn.aws_iam_role.this')).toEqual({
      kind: 'part-of',
      nodeId: fn,
      role: 'IAM role',
    });
    expectValid(r.design);
  });
});

describe('importTerraform: the network', () => {
  it('rebuilds the VPC with its CIDRs per tier from route tables, and places services in their tiers', async () => {
    const r = await run([{ path: 'network.tf', text: NETWORK }]);
    expect(r.design.vpcs).toHaveLength(1);
    const vpc = r.design.vpcs[0]!;
    expect(vpc).toMatchObject({
      name: 'shop',
      cidr: '10.20.0.0/16',
      azCount: 2,
      tiers: ['public', 'private', 'isolated'],
      subnetCidrs: {
        public: ['10.20.0.0/24', '10.20.1.0/24'],
        private: ['10.20.10.0/24', '10.20.11.0/24'],
        isolated: ['10.20.20.0/24', '10.20.21.0/24'],
      },
      flowLogs: false,
    });
    expect(node(r, 'aws_lambda_function.api')!.placement).toEqual({ vpcId: vpc.id, tier: 'private' });
    const db = node(r, 'aws_db_instance.db')!;
    expect(db.placement).toEqual({ vpcId: vpc.id, tier: 'isolated' });
    expect(db.properties).toMatchObject({
      engine: 'postgres',
      engineVersion: '16.4',
      instanceClass: 'db.t4g.micro',
      allocatedStorageGb: 50,
      multiAz: true,
    });
    // One NAT gateway for two AZs: a single shared gateway.
    expect(node(r, 'aws_nat_gateway.nat')).toMatchObject({
      type: 'nat-gateway',
      properties: { mode: 'single' },
      placement: { vpcId: vpc.id, tier: 'public' },
    });
    for (const address of [
      'aws_subnet.public',
      'aws_route_table.private',
      'aws_route.private_nat',
      'aws_eip.nat',
      'aws_route_table_association.data',
    ])
      expect(outcome(r, address)).toMatchObject({ kind: 'network', vpcId: vpc.id });
    expect(outcome(r, 'aws_security_group.db')).toEqual({
      kind: 'part-of',
      nodeId: db.id,
      role: 'security group',
    });
    expect(outcome(r, 'aws_security_group.app')).toMatchObject({
      kind: 'part-of',
      nodeId: node(r, 'aws_lambda_function.api')!.id,
    });
    // The database's ingress rule from the function's group is the function's connection to it.
    const traffic = r.design.connections.find((c) => c.kind === 'traffic');
    expect(traffic).toMatchObject({ from: node(r, 'aws_lambda_function.api')!.id, to: db.id, port: 5432 });
    expectValid(r.design);
  });

  it('draws a subnet without a route to a gateway as isolated, and keeps an unknown CIDR automatic', async () => {
    const r = await run([
      {
        path: 'main.tf',
        text: `
variable "subnet_cidr" {}
resource "aws_vpc" "v" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.v.id
  cidr_block        = var.subnet_cidr
  availability_zone = "us-east-1a"
}
resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.v.id
  cidr_block        = "10.1.2.0/24"
  availability_zone = "us-east-1b"
}
`,
      },
    ]);
    const vpc = r.design.vpcs[0]!;
    expect(vpc.tiers).toEqual(['isolated']);
    expect(vpc.subnetCidrs).toBeUndefined();
    expect(r.report.problems.some((p) => /CIDRs are not known before apply/.test(p.message))).toBe(true);
    expectValid(r.design);
  });
});

describe('importTerraform: VPC extras', () => {
  it('turns flow logs on when the source has them, and places the VPC where the layout comment says', async () => {
    const r = await run([
      {
        path: 'vpc.tf',
        text: `
// archgen:layout {"nodes":{},"vpcs":{"aws_vpc.core":{"id":"core-net","x":10,"y":20}}}
resource "aws_vpc" "core" {
  cidr_block = "172.16.0.0/16"
}
resource "aws_flow_log" "core" {
  vpc_id       = aws_vpc.core.id
  traffic_type = "ALL"
}
`,
      },
    ]);
    expect(r.design.vpcs).toEqual([
      expect.objectContaining({
        id: 'core-net',
        cidr: '172.16.0.0/16',
        flowLogs: true,
        position: { x: 10, y: 20 },
      }),
    ]);
    expect(outcome(r, 'aws_flow_log.core')).toEqual({ kind: 'network', vpcId: 'core-net', role: 'flow log' });
    expectValid(r.design);
  });
});

describe('importTerraform: count and for_each', () => {
  it('expands for_each subnets over a known map, and caps a runaway count', async () => {
    const r = await run([
      {
        path: 'main.tf',
        text: `
variable "private" {
  default = {
    a = { cidr = "10.9.1.0/24", az = "us-east-1a" }
    b = { cidr = "10.9.2.0/24", az = "us-east-1b" }
    c = { cidr = "10.9.3.0/24", az = "us-east-1c" }
  }
}
resource "aws_vpc" "v" {
  cidr_block = "10.9.0.0/16"
}
resource "aws_subnet" "private" {
  for_each          = var.private
  vpc_id            = aws_vpc.v.id
  cidr_block        = each.value.cidr
  availability_zone = each.value.az
}
resource "aws_subnet" "many" {
  count      = 100000000
  vpc_id     = aws_vpc.v.id
  cidr_block = cidrsubnet("10.9.0.0/16", 8, count.index + 100)
}
`,
      },
    ]);
    const vpc = r.design.vpcs[0]!;
    expect(vpc.azCount).toBe(3);
    expect(vpc.subnetCidrs?.isolated).toEqual(['10.9.1.0/24', '10.9.2.0/24', '10.9.3.0/24']);
    expect(
      r.report.problems.filter((p) => /more isolated subnets than the 3 AZs/.test(p.message)),
    ).toHaveLength(1);
    expectValid(r.design);
  });
});

describe('importTerraform: modules and layout', () => {
  const files: SourceFile[] = [
    {
      path: 'main.tf',
      text: `
# archgen:layout {"nodes":{"module.queue.aws_sqs_queue.this":{"id":"jobs","x":40,"y":80}},"vpcs":{}}
module "queue" {
  source = "./modules/queue"
  name   = "jobs"
}
module "remote" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "7.0.0"
}
resource "aws_lambda_function" "consumer" {
  function_name = "consumer"
  role          = "arn:aws:iam::123456789012:role/x"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
}
resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = module.queue.arn
  function_name    = aws_lambda_function.consumer.function_name
}
`,
    },
    {
      path: 'modules/queue/main.tf',
      text: `
variable "name" {}
resource "aws_sqs_queue" "this" {
  name                       = var.name
  visibility_timeout_seconds = 90
}
output "arn" {
  value = aws_sqs_queue.this.arn
}
`,
    },
  ];

  it('reads a local module under module.<name>. addresses, keeps a remote one as its call, and follows outputs', async () => {
    const r = await run(files);
    expect(r.report.resources.map((e) => `${e.sourceId} ${e.outcome.kind}`)).toEqual([
      'module.queue skipped',
      'module.remote kept',
      'aws_lambda_function.consumer node',
      'aws_lambda_event_source_mapping.jobs part-of',
      'module.queue.aws_sqs_queue.this node',
    ]);
    const queue = node(r, 'module.queue.aws_sqs_queue.this')!;
    expect(queue).toMatchObject({
      id: 'jobs',
      name: 'jobs',
      position: { x: 40, y: 80 },
      properties: { visibilityTimeoutSeconds: 90 },
    });
    expect(r.report.resources.find((e) => e.sourceId === 'module.queue.aws_sqs_queue.this')!.file).toBe(
      'modules/queue/main.tf',
    );
    expect(edges(r)).toEqual([`jobs event-source ${node(r, 'aws_lambda_function.consumer')!.id}`]);
    const warnings = r.report.problems.filter((p) => p.severity === 'warning').map((p) => p.sourceId);
    expect(warnings).toEqual(['module.remote']);
    expect(r.report.problems.find((p) => p.sourceId === 'module.remote')).toMatchObject({
      file: 'main.tf',
      line: 7,
    });
    expect(r.design.nodes.every((n) => n.position === undefined || n.id === 'jobs')).toBe(true);
    expectValid(r.design);
    // The remote module is on the canvas as its call, IMP-04 says its resources are not read,
    // and the Terraform export prints the call back.
    const remote = node(r, 'module.remote')!;
    expect(remote).toMatchObject({
      type: 'other-resource',
      name: 'remote',
      properties: {
        terraformType: 'module',
        terraformArguments: { source: 'terraform-aws-modules/lambda/aws', version: '7.0.0' },
      },
    });
    expect(
      validateDesign(r.design)
        .filter((f) => f.target.id === remote.id)
        .map((f) => f.ruleId),
    ).toEqual(['IMP-04']);
    const main = generateAll(r.design, { targets: ['terraform'] }).terraform!['main.tf']!;
    expect(main).toMatch(
      /^module "remote" \{\n {2}source {2}= "terraform-aws-modules\/lambda\/aws"\n {2}version = "7\.0\.0"\n\}/m,
    );
  });

  it('puts the nodes of a local module in a group named after its call, with an IMP-05 finding', async () => {
    const r = await run(files);
    expect(r.design.groups).toEqual([
      { id: 'module-queue', name: 'module.queue', kind: 'terraform-module', source: './modules/queue' },
    ]);
    expect(r.design.nodes.filter((n) => n.group !== undefined).map((n) => `${n.id} ${n.group}`)).toEqual([
      'jobs module-queue',
    ]);
    // The root's own nodes and the remote module's call are in no group.
    expect(node(r, 'aws_lambda_function.consumer')!.group).toBeUndefined();
    expect(node(r, 'module.remote')!.group).toBeUndefined();
    expect(
      validateDesign(r.design)
        .filter((f) => f.ruleId === 'IMP-05')
        .map((f) => `${f.target.id}: ${f.message}`),
    ).toEqual([
      'jobs: module.queue (source "./modules/queue"): the module\'s 1 resource is shown as a group; the Terraform, CloudFormation and CDK exports write it flat, without the module block',
    ]);
    expect(r.report.problems.find((p) => p.sourceId === 'module.queue')!.message).toMatch(
      /inside a group named module\.queue; the exports write them flat \(IMP-05\)/,
    );
    // Groups are design-only: the export is the same as for the design without them.
    const flat = { ...r.design, nodes: r.design.nodes.map(({ group: _group, ...n }) => n) };
    delete flat.groups;
    expect(generateAll(r.design, { targets: ['terraform'] })).toEqual(
      generateAll(flat, { targets: ['terraform'] }),
    );
  });

  it('flattens nested module calls to one group per instance, named by the path', async () => {
    const r = await run([
      {
        path: 'main.tf',
        text: `
module "app" {
  source = "./modules/app"
}
module "app_copy" {
  source = "./modules/app"
}
`,
      },
      {
        path: 'modules/app/main.tf',
        text: `
resource "aws_sns_topic" "events" {}
module "jobs" {
  source = "../jobs"
}
`,
      },
      {
        path: 'modules/jobs/main.tf',
        text: `
resource "aws_sqs_queue" "this" {}
resource "aws_sqs_queue" "dlq" {}
`,
      },
    ]);
    expect(r.design.groups!.map((g) => `${g.id} ${g.name} ${g.source}`)).toEqual([
      'module-app module.app ./modules/app',
      'module-app_copy module.app_copy ./modules/app',
      'module-app-module-jobs module.app.module.jobs ../jobs',
      'module-app_copy-module-jobs module.app_copy.module.jobs ../jobs',
    ]);
    const members = (groupId: string) =>
      r.report.resources
        .filter((e) => e.outcome.kind === 'node')
        .filter(
          (e) =>
            r.design.nodes.find((n) => n.id === (e.outcome as { nodeId: string }).nodeId)!.group === groupId,
        )
        .map((e) => e.sourceId);
    expect(members('module-app')).toEqual(['module.app.aws_sns_topic.events']);
    expect(members('module-app-module-jobs')).toEqual([
      'module.app.module.jobs.aws_sqs_queue.this',
      'module.app.module.jobs.aws_sqs_queue.dlq',
    ]);
    expect(members('module-app_copy-module-jobs')).toHaveLength(2);
    expectValid(r.design);
  });

  it('reports a file that is not valid HCL as an error and still reads the others', async () => {
    const r = await run([...files, { path: 'broken.tf', text: 'resource "aws_sqs_queue" {' }]);
    expect(r.report.problems.filter((p) => p.severity === 'error').map((p) => p.file)).toEqual(['broken.tf']);
    expect(r.design.nodes.length).toBeGreaterThan(0);
  });
});

describe('importTerraform: dynamic blocks', () => {
  const TEXT = `
variable "ports" {
  default = { https = 443, admin = 8443 }
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_security_group" "lb" {
  vpc_id = aws_vpc.main.id
}
resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
  dynamic "ingress" {
    for_each = var.ports
    iterator = rule
    content {
      description     = "\${rule.key} from the load balancer"
      from_port       = rule.value
      to_port         = rule.value
      protocol        = "tcp"
      security_groups = [aws_security_group.lb.id]
    }
  }
  dynamic "egress" {
    for_each = data.aws_prefix_list.s3.cidr_blocks
    content {
      from_port   = 443
      to_port     = 443
      protocol    = "tcp"
      cidr_blocks = [egress.value]
    }
  }
}
data "aws_prefix_list" "s3" {
  name = "com.amazonaws.us-east-1.s3"
}
`;

  it('expands a dynamic block over a known collection, and leaves one known only at apply with an info', async () => {
    const r = await run([{ path: 'main.tf', text: TEXT }]);
    // The group's rules as the readers see them: one ingress block per port (map keys in order), the iterator's
    // values filled in, the reference to the other group kept for connection inference.
    const cfg = await readConfiguration([{ path: 'main.tf', text: TEXT }], parse, {});
    expect(cfg.byAddress.get('aws_security_group.web')!.body.ingress).toEqual([
      {
        description: 'admin from the load balancer',
        from_port: 8443,
        to_port: 8443,
        protocol: 'tcp',
        security_groups: ['${aws_security_group.lb.id}'],
      },
      {
        description: 'https from the load balancer',
        from_port: 443,
        to_port: 443,
        protocol: 'tcp',
        security_groups: ['${aws_security_group.lb.id}'],
      },
    ]);
    expect(cfg.byAddress.get('aws_security_group.web')!.body.egress).toBeUndefined();
    const { expandDynamicBlocks } = await import('./dynamic.ts');
    const parsed = (await parse(
      'main.tf',
      'resource "x" "y" {\n dynamic "ingress" {\n for_each = { a = 1, b = 2 }\n content {\n port = ingress.value\n note = "${ingress.key}-${aws_sg.lb.id}"\n }\n }\n}\n',
    )) as { resource: { x: { y: Record<string, unknown>[] } } };
    const expanded = expandDynamicBlocks(parsed.resource.x.y[0]!, {
      variable: () => undefined,
      local: () => undefined,
    });
    expect(expanded.body).toEqual({
      ingress: [
        { port: 1, note: 'a-${aws_sg.lb.id}' },
        { port: 2, note: 'b-${aws_sg.lb.id}' },
      ],
    });
    expect(r.report.problems.map((p) => p.message)).toContain(
      'aws_security_group.web: dynamic "egress" iterates over a collection known only at apply; its blocks are not read',
    );
  });
});

describe('importTerraform: Terraform JSON syntax', () => {
  it('reads a .tf.json configuration as the same HCL would be read: blocks as objects or lists, comments dropped', async () => {
    const hcl = await run([{ path: 'main.tf', text: SERVERLESS }], { timeout: 120 });
    // Terraform's JSON syntax: what HashiCorp's parser gives, with one nested block written as
    // an object (JSON allows both) and a "//" comment key.
    const json = (await parse('main.tf', SERVERLESS)) as Record<
      string,
      Record<string, Record<string, unknown[]>>
    >;
    const worker = json.resource!.aws_lambda_function!.worker![0] as Record<string, unknown>;
    worker.environment = (worker.environment as unknown[])[0];
    worker['//'] = 'environment written as one object';
    const r = await run([{ path: 'main.tf.json', text: JSON.stringify(json, null, 2) }], { timeout: 120 });
    expect(r.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Compared by source address: node ids are taken in file order, which JSON groups by type.
    const bySource = (x: ImportResult) => {
      const source = new Map<string, string>();
      const rows = x.report.resources.map((e) => {
        const o = e.outcome;
        const n = 'nodeId' in o ? x.design.nodes.find((d) => d.id === o.nodeId) : undefined;
        if (n && o.kind !== 'part-of') source.set(n.id, e.sourceId);
        return JSON.stringify([e.sourceId, o.kind, n?.type, o.kind === 'part-of' ? '' : n?.properties]);
      });
      const connections = x.design.connections.map(
        (c) => `${source.get(c.from) ?? c.from} ${c.kind} ${source.get(c.to) ?? c.to}`,
      );
      return { rows: rows.sort(), connections: connections.sort() };
    };
    expect(bySource(r)).toEqual(bySource(hcl));
    expect(bySource(r).connections).toContain('aws_lambda_function.worker publish aws_sns_topic.events');
    expectValid(r.design);
  });

  it('reports a .tf.json file that is not JSON as an error, with its name', async () => {
    const r = await run([
      { path: 'broken.tf.json', text: '{"resource": ' },
      { path: 'main.tf', text: 'resource "aws_sqs_queue" "q" {}\n' },
    ]);
    const errors = r.report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.file)).toEqual(['broken.tf.json']);
    expect(errors[0]!.message).toMatch(/^broken\.tf\.json is not valid Terraform JSON: /);
    expect(r.design.nodes.map((n) => n.type)).toEqual(['sqs']);
  });
});

describe('importTerraform: several root configurations', () => {
  it('keeps two roots declaring the same address apart', async () => {
    const queue = 'resource "aws_sqs_queue" "q" {\n  visibility_timeout_seconds = VT\n}\n';
    const r = await run([
      { path: 'main.tf', text: queue.replace('VT', '60') },
      { path: 'other/main.tf', text: queue.replace('VT', '90') },
    ]);
    expect(r.report.resources.map((e) => `${e.file} ${e.sourceId}`)).toEqual([
      'main.tf aws_sqs_queue.q',
      'other/main.tf other/aws_sqs_queue.q',
    ]);
    expect(node(r, 'aws_sqs_queue.q')!.properties.visibilityTimeoutSeconds).toBe(60);
    expect(node(r, 'other/aws_sqs_queue.q')!.properties.visibilityTimeoutSeconds).toBe(90);
    expect(new Set(r.design.nodes.map((n) => n.id)).size).toBe(2);
  });
});

describe('importTerraform: nothing to read', () => {
  it('says so when no .tf file was given', async () => {
    const r = await run([{ path: 'template.yaml', text: 'Resources: {}' }]);
    const errors = r.report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.message)).toEqual([
      'none of the 1 file(s) is a Terraform .tf or .tf.json file; nothing was imported',
    ]);
    expect(r.design.nodes).toEqual([]);
    expect(r.report.resources).toEqual([]);
  });
});

describe('importTerraform: hostile input', () => {
  it('reads labels named like prototype keys as plain addresses', async () => {
    const r = await run([
      {
        path: 'main.tf',
        text: `
resource "aws_sqs_queue" "__proto__" {
  visibility_timeout_seconds = 40
}
resource "aws_sqs_queue" "constructor" {
  visibility_timeout_seconds = 50
}
`,
      },
    ]);
    expect(r.report.resources.map((e) => e.sourceId)).toEqual([
      'aws_sqs_queue.__proto__',
      'aws_sqs_queue.constructor',
    ]);
    expect(r.design.nodes.map((n) => n.properties.visibilityTimeoutSeconds)).toEqual([40, 50]);
    expectValid(r.design);
  });

  it('reports a file the HCL parser gives up on (nesting too deep) as an error, without throwing', async () => {
    const nested = `${'('.repeat(3000)}1${')'.repeat(3000)}`;
    const r = await run([{ path: 'deep.tf', text: `locals {\n  x = ${nested}\n}\n` }]);
    const errors = r.report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.file)).toEqual(['deep.tf']);
    expect(errors[0]!.message).toMatch(/brackets nest 3001 levels deep/);
    // The parser in wasm is never handed it, so it still parses the next file of the process
    // (thousands deep, its Go runtime died and took every later parse with it).
    const next = await run([{ path: 'main.tf', text: 'resource "aws_sqs_queue" "q" {}\n' }]);
    expect(next.design.nodes.map((n) => n.type)).toEqual(['sqs']);
  });

  it('measures bracket nesting outside strings and comments', () => {
    expect(hclNestingDepth('a = { b = [ (1) ] }')).toBe(3);
    expect(hclNestingDepth('a = "((((\\"((" # {{{{\n// [[[[\n/* (((( */ b = {}')).toBe(1);
    expect(hclNestingDepth('')).toBe(0);
  });
});

describe('parseTfvars', () => {
  it('returns the values a tfvars file sets', async () => {
    expect(await parseTfvars('env = "prod"\nsizes = [1, 2]\n', parse)).toEqual({
      env: 'prod',
      sizes: [1, 2],
    });
  });
});

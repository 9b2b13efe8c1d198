/**
 * The AWS decisions of the lowering (issue 10 item 1), printed by Terraform as CDK and
 * CloudFormation print them: a created key for "kms", the design's public access, the web ACL
 * where WAF is on and the redrive count of each environment. Each case was printed differently
 * by one of the three targets before.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign, type GeneratedFiles } from '@archgen/infra';
import { generateTerraform } from './index.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function expectCode(files: GeneratedFiles, file: string, code: string): void {
  expect(files[file], `${file} exists`).toBeDefined();
  expect(squash(files[file]!), `${file} contains:\n${code}`).toContain(squash(code));
}

/** The block `resource "<type>" "<name>" { ... }`, up to the next top-level block. */
function resource(files: GeneratedFiles, file: string, type: string, name: string): string {
  const text = files[file] ?? '';
  const start = text.indexOf(`resource "${type}" "${name}" {`);
  expect(start, `${file} has ${type}.${name}`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n}\n', start);
  return squash(text.slice(start, end + 2));
}

const files = generateTerraform(
  lowerDesign(
    design('Decisions')
      .region('us-east-1')
      .environments('dev', 'prod')
      .vpc()
      .node('sqs', { id: 'jobs', name: 'Jobs', properties: { encryption: 'kms', deadLetterQueue: false } })
      .node('s3', { id: 'files', name: 'Files', properties: { encryption: 'kms' } })
      .node('rds', { id: 'db', name: 'Orders db', tier: 'public', properties: { publiclyAccessible: true } })
      .node('cloudfront', { id: 'cdn', name: 'Site cdn', properties: { waf: false } })
      .node('sqs', { id: 'q', name: 'Q', properties: { maxReceiveCount: 3 } })
      .override('prod', 'db', { publiclyAccessible: false })
      .override('prod', 'cdn', { waf: true })
      .override('prod', 'q', { maxReceiveCount: 10 })
      .build(),
  ),
);
const tfvars = (env: string) => squash(files[`environments/${env}.tfvars`] ?? '');

describe("Terraform prints the lowering's AWS decisions", () => {
  it('a queue with encryption "kms" gets its own rotated key, not alias/aws/sqs', () => {
    const queue = resource(files, 'messaging.tf', 'aws_sqs_queue', 'jobs');
    expect(queue).toContain('kms_master_key_id = aws_kms_key.jobs_queue.arn');
    expect(queue).not.toContain('sqs_managed_sse_enabled');
    expect(resource(files, 'security.tf', 'aws_kms_key', 'jobs_queue')).toContain(
      'enable_key_rotation = true',
    );
    expect(Object.values(files).join('\n')).not.toContain('alias/aws/');
  });

  it('a bucket with encryption "kms" names its own key, not the AWS managed aws/s3', () => {
    const sse = resource(files, 'data.tf', 'aws_s3_bucket_server_side_encryption_configuration', 'files');
    expect(sse).toContain('sse_algorithm = "aws:kms" kms_master_key_id = aws_kms_key.files_bucket.arn');
    expect(resource(files, 'security.tf', 'aws_kms_key', 'files_bucket')).toContain(
      'deletion_window_in_days = 30',
    );
  });

  it("publicly_accessible is the design's value in each environment", () => {
    expect(resource(files, 'data.tf', 'aws_db_instance', 'orders_db')).toContain(
      'publicly_accessible = var.orders_db_publicly_accessible',
    );
    expect(tfvars('dev')).toContain('orders_db_publicly_accessible = true');
    expect(tfvars('prod')).toContain('orders_db_publicly_accessible = false');
  });

  it('creates the CloudFront web ACL in us-east-1 where WAF is on, instead of reading a null variable', () => {
    expect(resource(files, 'edge.tf', 'aws_wafv2_web_acl', 'site_cdn')).toContain(
      'count = var.site_cdn_web_acl_count name',
    );
    expect(resource(files, 'edge.tf', 'aws_wafv2_web_acl', 'site_cdn')).toContain('scope = "CLOUDFRONT"');
    expect(resource(files, 'edge.tf', 'aws_cloudfront_distribution', 'site_cdn')).toContain(
      'web_acl_id = one(aws_wafv2_web_acl.site_cdn[*].arn)',
    );
    expect(tfvars('dev')).toContain('site_cdn_web_acl_count = 0');
    expect(tfvars('prod')).toContain('site_cdn_web_acl_count = 1');
    expect(files['variables.tf']).not.toContain('site_cdn_web_acl_arn');
  });

  it("maxReceiveCount follows each environment's value", () => {
    expectCode(files, 'messaging.tf', 'maxReceiveCount = var.q_max_receive_count');
    expect(tfvars('dev')).toContain('q_max_receive_count = 3');
    expect(tfvars('prod')).toContain('q_max_receive_count = 10');
  });
});

describe('a key used in some environments only', () => {
  const mixed = generateTerraform(
    lowerDesign(
      design('Mixed')
        .environments('dev', 'prod')
        .node('sqs', { id: 'q', name: 'Jobs', properties: { deadLetterQueue: false } })
        .override('prod', 'q', { encryption: 'kms' })
        .build(),
    ),
  );

  it('creates the key once and uses it, or SSE-SQS, per environment', () => {
    const queue = resource(mixed, 'messaging.tf', 'aws_sqs_queue', 'jobs');
    expect(queue).toContain('sqs_managed_sse_enabled = var.jobs_customer_managed_key ? null : true');
    expect(queue).toContain(
      'kms_master_key_id = var.jobs_customer_managed_key ? aws_kms_key.jobs_queue.arn : null',
    );
    expect(squash(mixed['environments/dev.tfvars']!)).toContain('jobs_customer_managed_key = false');
    expect(squash(mixed['environments/prod.tfvars']!)).toContain('jobs_customer_managed_key = true');
  });
});

describe('tables', () => {
  it('DynamoDB: deletion protection on, encrypted under aws/dynamodb (CDK protected it, Terraform did not)', () => {
    const t = generateTerraform(
      lowerDesign(design('T').environments('prod').node('dynamodb', { id: 't', name: 'Orders' }).build()),
    );
    const table = resource(t, 'data.tf', 'aws_dynamodb_table', 'orders');
    expect(table).toContain('server_side_encryption { enabled = true }');
    expect(table).toContain('deletion_protection_enabled = true');
  });
});

describe("OpenSearch zones, the lowering's per environment", () => {
  const search = generateTerraform(
    lowerDesign(
      design('Search')
        .environments('dev', 'prod')
        .vpc({ azCount: 3 })
        .node('opensearch', {
          id: 'search',
          name: 'Search',
          tier: 'private',
          properties: { zoneAwareness: true, instanceCount: 2 },
        })
        .override('dev', 'search', { zoneAwareness: false, instanceCount: 1 })
        .override('prod', 'search', { instanceCount: 6 })
        .build(),
    ),
  );

  it("each environment's zone count, not the first environment's awareness for all (prod was single-zone)", () => {
    const domain = resource(search, 'data.tf', 'aws_opensearch_domain', 'search');
    expect(domain).toContain('zone_awareness_enabled = var.search_zone_count > 1');
    expect(domain).toContain(
      'subnet_ids = slice(aws_subnet.main_vpc_private[*].id, 0, var.search_zone_count)',
    );
    expectCode(search, 'environments/dev.tfvars', 'search_zone_count = 1');
    expectCode(search, 'environments/prod.tfvars', 'search_zone_count = 3');
  });
});

describe("load balancer access logs, the lowering's prefix and delivery", () => {
  const logs = design('Logs')
    .environments('dev', 'prod')
    .vpc()
    .node('alb', { id: 'web', name: 'Web ALB', tier: 'public', properties: { accessLogs: true } })
    .build();
  const zurich = generateTerraform(
    lowerDesign({
      ...logs,
      environments: logs.environments.map((e) => (e.name === 'prod' ? { ...e, region: 'eu-central-2' } : e)),
    }),
  );

  it('writes under the prefix every target uses, delivered by each region’s ELB account or service (was the service everywhere, refused in us-east-1)', () => {
    expect(resource(zurich, 'edge.tf', 'aws_lb', 'web_alb')).toContain('prefix = "web-alb"');
    expectCode(
      zurich,
      'environments/dev.tfvars',
      'web_alb_log_delivery_principal = { AWS = "arn:aws:iam::127311923021:root" }',
    );
    expectCode(
      zurich,
      'environments/prod.tfvars',
      'web_alb_log_delivery_principal = { Service = "logdelivery.elasticloadbalancing.amazonaws.com" }',
    );
  });
});

/**
 * Cross-target agreement: every service node's primary resource type must appear in the CDK
 * synth, the Terraform plan and the CloudFormation template of the same design. Each toolchain
 * suite records the resource types its REAL output holds (synthesized templates, `terraform show
 * -json` of a saved plan, the parsed template); agreement.check.test.ts compares them afterwards.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Design, DesignNode } from '@archgen/model';
import { resolveProperties } from '@archgen/model';
import { REPO_ROOT } from './designs.ts';

export type AgreementTarget = 'cdk' | 'terraform' | 'cloudformation';
export const AGREEMENT_TARGETS: readonly AgreementTarget[] = ['cdk', 'terraform', 'cloudformation'];

const DIR = join(REPO_ROOT, '.tmp', 'agreement');

/** Resource type -> count, as found in one target's real output for one design. */
export type ResourceTypeCounts = Record<string, number>;

function designDir(target: AgreementTarget, designName: string): string {
  return join(DIR, target, designName);
}

/** Forget what an earlier run recorded for a design, so a stale file never stands in for a new one. */
export function clearRecording(target: AgreementTarget, designName: string): void {
  rmSync(designDir(target, designName), { recursive: true, force: true });
  mkdirSync(designDir(target, designName), { recursive: true });
}

/** The synthesized template of one environment's CDK stack (cdk.out/<stack>.template.json). */
export function recordCdkTemplate(designName: string, env: string, template: unknown): void {
  mkdirSync(designDir('cdk', designName), { recursive: true });
  writeFileSync(
    join(designDir('cdk', designName), `${env}.template.json`),
    JSON.stringify(template, null, 1),
  );
}

/** The generated CloudFormation template (parsed from YAML, long-form intrinsics) and its parameter files. */
export function recordCloudFormation(
  designName: string,
  template: unknown,
  parameterFiles: Record<string, string>,
): void {
  clearRecording('cloudformation', designName);
  const dir = designDir('cloudformation', designName);
  writeFileSync(join(dir, 'template.json'), JSON.stringify(template, null, 1));
  for (const [env, text] of Object.entries(parameterFiles))
    writeFileSync(join(dir, `${env}.parameters.json`), text);
}

/** `terraform show -json` of one environment's saved plan. */
export function recordTerraformPlan(designName: string, env: string, showJson: string): void {
  mkdirSync(designDir('terraform', designName), { recursive: true });
  writeFileSync(join(designDir('terraform', designName), `${env}.plan.json`), showJson);
}

function readJson(file: string): unknown {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined;
}

export function readCdkTemplate(designName: string, env: string): unknown {
  return readJson(join(designDir('cdk', designName), `${env}.template.json`));
}

export function readCloudFormation(
  designName: string,
  env: string,
): { template: unknown; parameters: unknown } | undefined {
  const dir = designDir('cloudformation', designName);
  const template = readJson(join(dir, 'template.json'));
  const parameters = readJson(join(dir, `${env}.parameters.json`));
  return template === undefined || parameters === undefined ? undefined : { template, parameters };
}

export function readTerraformPlan(designName: string, env: string): unknown {
  return readJson(join(designDir('terraform', designName), `${env}.plan.json`));
}

interface Primary {
  /** CloudFormation types (CDK synth produces these too); any one satisfies. */
  cloudformation: readonly string[];
  terraform: readonly string[];
}

/** The resource that *is* each service, per target. Some depend on a property (HTTP vs REST API). */
export function primaryResource(design: Design, node: DesignNode): Primary | undefined {
  const props = resolveProperties(design, node);
  switch (node.type) {
    case 'users':
      return undefined; // a diagram source only
    case 'nat-gateway':
      return { cloudformation: ['AWS::EC2::NatGateway'], terraform: ['aws_nat_gateway'] };
    case 'alb':
      return { cloudformation: ['AWS::ElasticLoadBalancingV2::LoadBalancer'], terraform: ['aws_lb'] };
    case 'cloudfront':
      return {
        cloudformation: ['AWS::CloudFront::Distribution'],
        terraform: ['aws_cloudfront_distribution'],
      };
    case 'api-gateway':
      return props.apiType === 'rest'
        ? { cloudformation: ['AWS::ApiGateway::RestApi'], terraform: ['aws_api_gateway_rest_api'] }
        : { cloudformation: ['AWS::ApiGatewayV2::Api'], terraform: ['aws_apigatewayv2_api'] };
    case 'lambda':
      return { cloudformation: ['AWS::Lambda::Function'], terraform: ['aws_lambda_function'] };
    case 'ec2-asg':
      return { cloudformation: ['AWS::AutoScaling::AutoScalingGroup'], terraform: ['aws_autoscaling_group'] };
    case 'ecs-fargate':
      return { cloudformation: ['AWS::ECS::Service'], terraform: ['aws_ecs_service'] };
    case 'eks':
      return { cloudformation: ['AWS::EKS::Cluster'], terraform: ['aws_eks_cluster'] };
    case 's3':
      return { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] };
    case 'rds':
      return { cloudformation: ['AWS::RDS::DBInstance'], terraform: ['aws_db_instance'] };
    case 'aurora':
      return { cloudformation: ['AWS::RDS::DBCluster'], terraform: ['aws_rds_cluster'] };
    case 'dynamodb':
      return {
        cloudformation: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
        terraform: ['aws_dynamodb_table'],
      };
    case 'opensearch':
      return { cloudformation: ['AWS::OpenSearchService::Domain'], terraform: ['aws_opensearch_domain'] };
    case 'neptune':
      return { cloudformation: ['AWS::Neptune::DBCluster'], terraform: ['aws_neptune_cluster'] };
    case 'timestream':
      return { cloudformation: ['AWS::Timestream::Database'], terraform: ['aws_timestreamwrite_database'] };
    case 'elasticache':
      return props.engine === 'memcached'
        ? { cloudformation: ['AWS::ElastiCache::CacheCluster'], terraform: ['aws_elasticache_cluster'] }
        : {
            cloudformation: ['AWS::ElastiCache::ReplicationGroup'],
            terraform: ['aws_elasticache_replication_group'],
          };
    case 'sqs':
      return { cloudformation: ['AWS::SQS::Queue'], terraform: ['aws_sqs_queue'] };
    case 'sns':
      return { cloudformation: ['AWS::SNS::Topic'], terraform: ['aws_sns_topic'] };
    case 'eventbridge-bus':
      return { cloudformation: ['AWS::Events::EventBus'], terraform: ['aws_cloudwatch_event_bus'] };
    case 'eventbridge-rule':
      return { cloudformation: ['AWS::Events::Rule'], terraform: ['aws_cloudwatch_event_rule'] };
    case 'step-functions':
      return { cloudformation: ['AWS::StepFunctions::StateMachine'], terraform: ['aws_sfn_state_machine'] };
    case 'kinesis-stream':
      return { cloudformation: ['AWS::Kinesis::Stream'], terraform: ['aws_kinesis_stream'] };
    case 'athena-workgroup':
      return { cloudformation: ['AWS::Athena::WorkGroup'], terraform: ['aws_athena_workgroup'] };
    case 'secret':
      return { cloudformation: ['AWS::SecretsManager::Secret'], terraform: ['aws_secretsmanager_secret'] };
    case 'cognito-user-pool':
      return { cloudformation: ['AWS::Cognito::UserPool'], terraform: ['aws_cognito_user_pool'] };
    case 'cloudwatch-alarm':
      return { cloudformation: ['AWS::CloudWatch::Alarm'], terraform: ['aws_cloudwatch_metric_alarm'] };
    case 'log-group':
      return { cloudformation: ['AWS::Logs::LogGroup'], terraform: ['aws_cloudwatch_log_group'] };
    case 'other-resource': {
      // A kept resource is in the targets whose form it has (IMP-01 / IMP-02 name the others).
      const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? [v.trim()] : []);
      return { cloudformation: text(props.cloudFormationType), terraform: text(props.terraformType) };
    }
    case 'msk-cluster':
      return { cloudformation: ['AWS::MSK::Cluster'], terraform: ['aws_msk_cluster'] };
    case 'firehose':
      return {
        cloudformation: ['AWS::KinesisFirehose::DeliveryStream'],
        terraform: ['aws_kinesis_firehose_delivery_stream'],
      };
    case 'cloudtrail':
      return { cloudformation: ['AWS::CloudTrail::Trail'], terraform: ['aws_cloudtrail'] };
    case 'config-recorder':
      return {
        cloudformation: ['AWS::Config::ConfigurationRecorder'],
        terraform: ['aws_config_configuration_recorder'],
      };
    case 'vpc-endpoint':
      return { cloudformation: ['AWS::EC2::VPCEndpoint'], terraform: ['aws_vpc_endpoint'] };
    case 'bastion':
      return { cloudformation: ['AWS::EC2::Instance'], terraform: ['aws_instance'] };
    case 'ecr-repository':
      return { cloudformation: ['AWS::ECR::Repository'], terraform: ['aws_ecr_repository'] };
    case 'efs':
      return { cloudformation: ['AWS::EFS::FileSystem'], terraform: ['aws_efs_file_system'] };
    // Components' own keys are AWS::KMS::Key too; only a drawn key has an alias.
    case 'kms-key':
      return { cloudformation: ['AWS::KMS::Alias'], terraform: ['aws_kms_alias'] };
    // Front doors' own ACLs (their waf switch) are WebACLs too; none is left where a drawn one protects them.
    case 'route53-zone':
      return { cloudformation: ['AWS::Route53::HostedZone'], terraform: ['aws_route53_zone'] };
    case 'waf-web-acl':
      return { cloudformation: ['AWS::WAFv2::WebACL'], terraform: ['aws_wafv2_web_acl'] };
    // The plan; its vault and selection come with it.
    case 'backup-plan':
      return { cloudformation: ['AWS::Backup::BackupPlan'], terraform: ['aws_backup_plan'] };
    case 'acm-certificate':
      return { cloudformation: ['AWS::CertificateManager::Certificate'], terraform: ['aws_acm_certificate'] };
    default:
      throw new Error(
        `No primary resource known for service type "${node.type}": add it to test-support/agreement.ts`,
      );
  }
}

/** JSON with object keys sorted at every level, so key order never counts as a difference. */
function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(value));
}

type TemplateResources = { Resources?: Record<string, Record<string, unknown>> };

/**
 * Kept resources (other-resource) are passed through, so CDK and CloudFormation must hold each
 * one identically under the same logical id: Type, Properties and DependsOn (CDK's own Metadata
 * aside). `keptIds` are their logical ids (lowered names).
 */
export function keptResourceProblems(
  keptIds: readonly string[],
  cdk: TemplateResources,
  cloudformation: TemplateResources,
): string[] {
  const problems: string[] = [];
  for (const id of keptIds) {
    const { Metadata: _cdkMetadata, ...fromCdk } = cdk.Resources?.[id] ?? {};
    const { Metadata: _cfnMetadata, ...fromCfn } = cloudformation.Resources?.[id] ?? {};
    const a = canonicalJson(fromCdk);
    const b = canonicalJson(fromCfn);
    if (a !== b) problems.push(`${id} / kept resource: cdk=${a} cloudformation=${b}`);
  }
  return problems;
}

/**
 * Problems with one design: for each primary type group, every target must hold at least as
 * many resources of it as the design has nodes needing it.
 */
export function agreementProblems(
  design: Design,
  outputs: Record<AgreementTarget, ResourceTypeCounts>,
): string[] {
  const needed = new Map<string, { primary: Primary; nodes: string[] }>();
  for (const node of design.nodes) {
    const primary = primaryResource(design, node);
    if (!primary) continue;
    const key = `${primary.cloudformation.join('|')}#${primary.terraform.join('|')}`;
    const entry = needed.get(key) ?? { primary, nodes: [] };
    entry.nodes.push(node.id);
    needed.set(key, entry);
  }
  const problems: string[] = [];
  for (const { primary, nodes } of needed.values()) {
    for (const target of AGREEMENT_TARGETS) {
      const types = target === 'terraform' ? primary.terraform : primary.cloudformation;
      // No form for this target (a kept resource from one source only): nothing to hold.
      if (types.length === 0) continue;
      const found = types.reduce((sum, type) => sum + (outputs[target][type] ?? 0), 0);
      if (found < nodes.length)
        problems.push(
          `${target}: ${found} × ${types.join(' or ')} for ${nodes.length} node(s) (${nodes.join(', ')})`,
        );
    }
  }
  return problems;
}

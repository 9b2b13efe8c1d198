/**
 * The "meaning" of each target's output for the agreement check (pure, no Node APIs): per
 * resource type, an extractor turns a resolved CloudFormation resource (CDK's synthesized template
 * or the generated template) or a planned Terraform resource (`terraform show -json`) into
 * contributions to entities: a bucket, a queue, a database, a security group, ... Each entity holds
 * normalised values (key kind "customer-managed" rather than a key ARN, a lifecycle rule as
 * "GLACIER@90", a reference as "topic:<name>"), so the three targets compare on what they mean.
 *
 * Normalisations (where the targets legitimately say the same thing differently):
 * - An absent property means the AWS default, written out (MultiAZ absent = false, no
 *   DeletionPolicy on a bucket = Delete, on a database = Snapshot, no KMS key = AWS-managed).
 * - KMS keys: a key created in the same output = "customer-managed"; `alias/aws/...` or no key =
 *   "aws-managed"; SQS without a key = "sqs-managed".
 * - References become "<kind>:<name>" with the name reduced to lower-case letters and digits, so
 *   CloudFormation's `OnCallAlerts`, CDK's `OnCallAlerts/Resource` and Terraform's `on_call_alerts`
 *   are the same name.
 * - Lists whose order carries no meaning (ports, CIDRs, aliases, actions, instance types) are sorted.
 * - Terraform: a value unknown until apply is `undefined` and skipped; references are read from the
 *   plan's configuration section instead, where the meaning is "which resource".
 */
import type { ResolvedResource, ResolvedTemplate } from './agreement-cfn.ts';

export type Value = string | number | boolean | null | Value[];

export interface Contribution {
  kind: string;
  /** The entity's own resource in this output (CloudFormation logical id or Terraform address). */
  id: string;
  /** True for the resource that *is* the entity; its props are the defaults others override. */
  primary?: boolean;
  props?: Record<string, Value | undefined>;
  /** Values appended to list properties (ingress rules, instances of a cluster, ...). */
  append?: Record<string, Value[]>;
}

export interface Entity {
  kind: string;
  id: string;
  /** Matching keys, best first (lower-case letters and digits). */
  keys: string[];
  /** How the report names it in this output. */
  label: string;
  props: Record<string, Value | undefined>;
}

/** The one entity all NAT gateways of an output count into. */
const ALL_NAT = '(all NAT gateways)';

export const normName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const num = (v: unknown): number | undefined =>
  typeof v === 'number'
    ? v
    : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))
      ? Number(v)
      : undefined;
const bool = (v: unknown): boolean | undefined =>
  typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** An engine version as text ("7.1", "16.13"), even where a template printed it as a number. */
const version = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const sorted = (values: Value[]): Value[] =>
  [...values].sort((a, b) =>
    JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0,
  );
/** A scalar as the targets print it (numbers and booleans of CloudFormation are often strings). */
const scalar = (v: unknown): Value | undefined => {
  if (v === undefined) return undefined;
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'string') return bool(v) ?? num(v) ?? v;
  return undefined;
};

/**
 * What fires a rule: its schedule, or the events matching its pattern, and on which bus (a
 * schedule only runs on the default one). The bus is "custom" rather than named: Terraform plans
 * its physical name where the templates hold a reference.
 */
function ruleTrigger(
  schedule: unknown,
  bus: unknown,
  target: 'template' | 'plan',
): Record<string, Value | undefined> {
  // A plan leaves out what is unknown until apply (skipped); a template leaves out the default.
  const unknown = (v: unknown) => target === 'plan' && v === undefined;
  return {
    trigger: unknown(schedule)
      ? undefined
      : typeof schedule === 'string' && schedule !== ''
        ? schedule
        : 'event pattern',
    bus: unknown(bus)
      ? undefined
      : bus === undefined || bus === null || bus === '' || bus === 'default'
        ? 'default'
        : 'custom',
  };
}

// ---------------------------------------------------------------------------------------------
// Kinds: which CloudFormation / Terraform type is which entity kind (for references too).

const CFN_KIND: Record<string, string> = {
  'AWS::S3::Bucket': 'bucket',
  'AWS::SQS::Queue': 'queue',
  'AWS::SNS::Topic': 'topic',
  'AWS::KMS::Key': 'kms-key',
  'AWS::RDS::DBInstance': 'db-instance',
  'AWS::RDS::DBCluster': 'db-cluster',
  'AWS::Neptune::DBCluster': 'neptune-cluster',
  'AWS::DynamoDB::Table': 'table',
  'AWS::DynamoDB::GlobalTable': 'table',
  'AWS::ElastiCache::ReplicationGroup': 'cache',
  'AWS::ElastiCache::CacheCluster': 'cache',
  'AWS::Kinesis::Stream': 'stream',
  'AWS::KinesisFirehose::DeliveryStream': 'delivery-stream',
  'AWS::SecretsManager::Secret': 'secret',
  'AWS::Logs::LogGroup': 'log-group',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'alb',
  'AWS::CloudFront::Distribution': 'cloudfront',
  'AWS::Events::EventBus': 'event-bus',
  'AWS::Events::Archive': 'event-archive',
  'AWS::ECS::Service': 'ecs-service',
  'AWS::ECS::TaskDefinition': 'task-definition',
  'AWS::Lambda::Function': 'function',
  'AWS::Lambda::EventSourceMapping': 'event-source',
  'AWS::ECR::Repository': 'ecr-repository',
  'AWS::CloudWatch::Alarm': 'alarm',
  'AWS::EC2::VPC': 'vpc',
  'AWS::EC2::SecurityGroup': 'security-group',
  'AWS::Athena::WorkGroup': 'athena-workgroup',
  'AWS::EKS::Cluster': 'eks-cluster',
  'AWS::EKS::Nodegroup': 'eks-nodegroup',
  'AWS::OpenSearchService::Domain': 'opensearch',
  'AWS::AutoScaling::AutoScalingGroup': 'asg',
  'AWS::ApiGatewayV2::Stage': 'api-stage',
  'AWS::ApiGateway::Stage': 'api-stage',
  'AWS::ApiGatewayV2::DomainName': 'api-domain',
  'AWS::ApiGateway::DomainName': 'api-domain',
  'AWS::WAFv2::WebACL': 'web-acl',
  'AWS::StepFunctions::StateMachine': 'state-machine',
  'AWS::EC2::NatGateway': 'nat-gateways',
  'AWS::MSK::Cluster': 'kafka-cluster',
};

const TF_KIND: Record<string, string> = {
  aws_s3_bucket: 'bucket',
  aws_sqs_queue: 'queue',
  aws_sns_topic: 'topic',
  aws_kms_key: 'kms-key',
  aws_db_instance: 'db-instance',
  aws_rds_cluster: 'db-cluster',
  aws_neptune_cluster: 'neptune-cluster',
  aws_dynamodb_table: 'table',
  aws_elasticache_replication_group: 'cache',
  aws_elasticache_cluster: 'cache',
  aws_kinesis_stream: 'stream',
  aws_kinesis_firehose_delivery_stream: 'delivery-stream',
  aws_secretsmanager_secret: 'secret',
  aws_cloudwatch_log_group: 'log-group',
  aws_lb: 'alb',
  aws_cloudfront_distribution: 'cloudfront',
  aws_cloudwatch_event_bus: 'event-bus',
  aws_cloudwatch_event_archive: 'event-archive',
  aws_ecs_service: 'ecs-service',
  aws_ecs_task_definition: 'task-definition',
  aws_lambda_function: 'function',
  aws_lambda_event_source_mapping: 'event-source',
  aws_ecr_repository: 'ecr-repository',
  aws_cloudwatch_metric_alarm: 'alarm',
  aws_vpc: 'vpc',
  aws_security_group: 'security-group',
  aws_athena_workgroup: 'athena-workgroup',
  aws_eks_cluster: 'eks-cluster',
  aws_eks_node_group: 'eks-nodegroup',
  aws_opensearch_domain: 'opensearch',
  aws_autoscaling_group: 'asg',
  aws_apigatewayv2_stage: 'api-stage',
  aws_api_gateway_stage: 'api-stage',
  aws_apigatewayv2_domain_name: 'api-domain',
  aws_api_gateway_domain_name: 'api-domain',
  aws_wafv2_web_acl: 'web-acl',
  aws_sfn_state_machine: 'state-machine',
  aws_nat_gateway: 'nat-gateways',
  aws_msk_cluster: 'kafka-cluster',
};

/** Every kind of entity compared; a kind missing in one output is reported as an unmatched entity. */
export const COMPARED_KINDS = new Set(
  Object.values(CFN_KIND).filter((k) => k !== 'kms-key' && k !== 'web-acl' && k !== 'task-definition'),
);

// ---------------------------------------------------------------------------------------------
// The common vocabulary of values.

export type KeyKind = 'customer-managed' | 'aws-managed' | 'none' | string;

/** Key kind from a KMS key id value: a reference to a key created here, an AWS alias, or nothing. */
function keyKindOf(value: unknown, refKind: (v: unknown) => string | undefined): KeyKind {
  if (value === undefined || value === null || value === '') return 'aws-managed';
  const referenced = refKind(value);
  if (referenced === 'kms-key') return 'customer-managed';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/alias\/aws\//.test(text)) return 'aws-managed';
  if (referenced) return `reference to ${referenced}`;
  return `external key ${text}`;
}

/**
 * A lifecycle rule as its actions, each with the rule's scope: "GLACIER@90", "expire@365",
 * "noncurrent expire@30", "abort multipart@7" (+ " [prefix p]" / " [Disabled]"). How actions are
 * grouped into rules carries no meaning (CDK puts expiry and multipart abort in one rule where
 * the template writes two), so a bucket's lifecycle is the sorted list of all its actions.
 */
function lifecycleActions(rule: {
  status?: unknown;
  prefix?: unknown;
  transitions: { days: unknown; storageClass: unknown }[];
  expirationDays?: unknown;
  noncurrentTransitions: { days: unknown; storageClass: unknown }[];
  noncurrentExpirationDays?: unknown;
  abortMultipartDays?: unknown;
}): string[] {
  const scope = [
    ...(str(rule.prefix) ? [`prefix ${String(rule.prefix)}`] : []),
    ...(str(rule.status) && rule.status !== 'Enabled' ? [String(rule.status)] : []),
  ];
  const suffix = scope.length ? ` [${scope.join(' ')}]` : '';
  const days = (v: unknown): string => String(num(v) ?? JSON.stringify(v));
  const actions = [
    ...rule.transitions.map((t) => `${String(t.storageClass)}@${days(t.days)}`),
    ...(rule.expirationDays !== undefined && rule.expirationDays !== null
      ? [`expire@${days(rule.expirationDays)}`]
      : []),
    ...rule.noncurrentTransitions.map((t) => `noncurrent ${String(t.storageClass)}@${days(t.days)}`),
    ...(rule.noncurrentExpirationDays !== undefined && rule.noncurrentExpirationDays !== null
      ? [`noncurrent expire@${days(rule.noncurrentExpirationDays)}`]
      : []),
    ...(rule.abortMultipartDays !== undefined && rule.abortMultipartDays !== null
      ? [`abort multipart@${days(rule.abortMultipartDays)}`]
      : []),
  ];
  return (actions.length ? actions : ['(rule without actions)']).map((a) => a + suffix);
}

/**
 * An ECS service's capacity: "FARGATE only" whether written as launch type FARGATE or as a
 * strategy with FARGATE alone; otherwise the strategy's providers with weight and base.
 */
function capacityOf(
  strategy: { provider: unknown; weight: unknown; base: unknown }[],
  launchType: unknown,
): Value[] {
  const used = strategy.filter((s) => (num(s.weight) ?? 0) > 0 || (num(s.base) ?? 0) > 0);
  if (used.length === 0) return [`${str(launchType) ?? 'EC2'} only`];
  if (used.length === 1) return [`${String(used[0]!.provider)} only`];
  return sorted(
    used.map(
      (s) => `${String(s.provider)} weight ${String(num(s.weight) ?? 0)} base ${String(num(s.base) ?? 0)}`,
    ),
  );
}

function ingressRule(protocol: unknown, from: unknown, to: unknown, peer: string): string {
  const proto = String(protocol) === '-1' ? 'all' : String(protocol);
  const fromPort = num(from);
  const toPort = num(to);
  const ports =
    proto === 'all'
      ? ''
      : fromPort === toPort
        ? `:${String(fromPort)}`
        : `:${String(fromPort)}-${String(toPort)}`;
  return `${proto}${ports} from ${peer}`;
}

/**
 * ECS task scaling, compared on the service it scales (each target names its policies, alarms
 * and actions its own way; CDK's come from scaleOnMetric's construct tree): a policy as its type
 * and configuration, a scaling alarm as its metric and condition followed by the policy it
 * triggers, a scheduled action as its name, schedule, time zone and capacities.
 */
interface StepAdjustmentMeaning {
  lower: unknown;
  upper: unknown;
  adjustment: unknown;
}

function stepPolicyText(p: {
  adjustmentType: unknown;
  cooldown: unknown;
  aggregation: unknown;
  steps: StepAdjustmentMeaning[];
}): string {
  const bound = (v: unknown, open: string): string => String(num(v) ?? open);
  const steps = [...p.steps]
    .map((s) => ({
      lower: num(s.lower),
      text: `[${bound(s.lower, '-inf')},${bound(s.upper, 'inf')}):${String(num(s.adjustment))}`,
    }))
    .sort((a, b) => (a.lower ?? -Infinity) - (b.lower ?? -Infinity))
    .map((s) => s.text);
  return `step ${String(p.adjustmentType ?? 'ChangeInCapacity')} cooldown=${String(num(p.cooldown) ?? 'default')} ${String(p.aggregation ?? 'Average')} ${steps.join(' ')}`;
}

function targetTrackingText(p: {
  metric: unknown;
  target: unknown;
  scaleIn: unknown;
  scaleOut: unknown;
  disableScaleIn: unknown;
}): string {
  return `target-tracking ${String(p.metric)} target=${String(num(p.target))} in=${String(num(p.scaleIn) ?? 'default')}s out=${String(num(p.scaleOut) ?? 'default')}s${bool(p.disableScaleIn) ? ' no-scale-in' : ''}`;
}

function scalingAlarmText(a: {
  metric: string;
  statistic: unknown;
  comparison: unknown;
  threshold: unknown;
  evaluationPeriods: unknown;
  period: unknown;
  datapoints: unknown;
}): string {
  const datapoints = num(a.datapoints) ?? num(a.evaluationPeriods);
  return `${a.metric} ${String(a.statistic)} ${String(a.comparison)} ${String(num(a.threshold))} for ${String(datapoints)} of ${String(num(a.evaluationPeriods))}x${String(num(a.period))}s`;
}

/** No time zone means UTC in Application Auto Scaling. */
const scheduleZone = (v: unknown): string =>
  v === undefined || v === null || v === '' || v === 'Etc/UTC' ? 'UTC' : String(v);

function scheduledActionText(a: {
  name: unknown;
  schedule: unknown;
  timezone: unknown;
  min: unknown;
  max: unknown;
}): string {
  return `${String(a.name)} ${String(a.schedule)} ${scheduleZone(a.timezone)} min=${String(num(a.min) ?? 'unchanged')} max=${String(num(a.max) ?? 'unchanged')}`;
}

/**
 * Who an ECR repository policy lets pull, as "<service principal> <sorted actions>" for each
 * statement allowing ecr:BatchGetImage (the policy as text or as an object); none without one.
 */
function repositoryPullers(policy: unknown): Value[] {
  let document = policy;
  if (typeof policy === 'string')
    try {
      document = JSON.parse(policy) as unknown;
    } catch {
      return [`unreadable policy ${policy}`];
    }
  const pullers = list(at(document, 'Statement')).flatMap((statement) => {
    if (at(statement, 'Effect') !== 'Allow') return [];
    const actions = list(at(statement, 'Action')).map(String).sort();
    if (!actions.includes('ecr:BatchGetImage')) return [];
    return list(at(statement, 'Principal', 'Service')).map((p) => `${String(p)} ${actions.join(',')}`);
  });
  // CDK adds one statement per image function; the same statement twice means the same.
  return sorted([...new Set(pullers)]);
}

/** The tag at the end of an image URI: a string, a Sub's text, or a Join's last part. */
function imageTagOf(uri: unknown): string | undefined {
  const sub = at(uri, 'Fn::Sub');
  const parts = at(uri, 'Fn::Join', 1);
  const tail =
    typeof uri === 'string'
      ? uri
      : typeof sub === 'string'
        ? sub
        : Array.isArray(parts)
          ? parts[parts.length - 1]
          : undefined;
  return typeof tail === 'string' ? /:([A-Za-z0-9_][A-Za-z0-9_.-]*)$/.exec(tail)?.[1] : undefined;
}

/** An MSK cluster's client authentication from its switches (one is on in what archgen makes). */
function mskClientAuth(
  iam: boolean | undefined,
  scram: boolean | undefined,
  unauthenticated: boolean | undefined,
): string {
  const on = [iam && 'iam', scram && 'scram', unauthenticated && 'unauthenticated'].filter(Boolean);
  return on.length === 0 ? 'none' : on.join('+');
}

// ---------------------------------------------------------------------------------------------
// CloudFormation (the generated template and CDK's synthesized one).

export interface CfnContext {
  resources: Map<string, ResolvedResource>;
  /** "<kind>:<name>" of a Ref / GetAtt / Sub naming a resource of this template, else undefined. */
  describe(value: unknown): string | undefined;
  /** The logical id a Ref / GetAtt (or a Sub / Join holding one) points to. */
  target(value: unknown): string | undefined;
  /** Every logical id the value refers to, in order. */
  targets(value: unknown): string[];
  /** The entity name of a logical id (CDK: the construct path; CloudFormation: the logical id). */
  nameOf(logicalId: string): string;
}

type CfnExtractor = (r: ResolvedResource, ctx: CfnContext) => Contribution[];

const P = (r: ResolvedResource): Record<string, unknown> => r.properties;
const at = (value: unknown, ...path: (string | number)[]): unknown => {
  let v = value;
  for (const step of path) {
    if (Array.isArray(v) && typeof step === 'number') v = v[step];
    else if (isRecord(v) && typeof step === 'string') v = v[step];
    else return undefined;
  }
  return v;
};

const cfnKeyKind = (value: unknown, ctx: CfnContext): KeyKind =>
  keyKindOf(value, (v) => {
    const target = ctx.target(v);
    return target
      ? (CFN_KIND[ctx.resources.get(target)?.type ?? ''] ?? ctx.resources.get(target)?.type)
      : undefined;
  });

/**
 * The key prefix of an "s3://<bucket>/<prefix>" location, whether a plain string, a Sub or a Join
 * around the bucket's reference; undefined where it cannot be read (an unknown plan value).
 */
function s3KeyPrefix(location: unknown): string | undefined {
  const sub = at(location, 'Fn::Sub');
  const join = at(location, 'Fn::Join', 1);
  const text =
    typeof location === 'string'
      ? location
      : typeof sub === 'string'
        ? sub
        : typeof at(sub, 0) === 'string'
          ? (at(sub, 0) as string)
          : Array.isArray(join)
            ? join.map((part) => (typeof part === 'string' ? part : 'bucket')).join('')
            : undefined;
  return text?.match(/^s3:\/\/[^/]+\/(.*)$/)?.[1];
}

/** An event delivery appended to the function, queue, topic or state machine `arn` names. */
function cfnDelivery(ctx: CfnContext, arn: unknown, how: string): Contribution[] {
  const id = ctx.target(arn);
  const kind = id ? CFN_KIND[ctx.resources.get(id)?.type ?? ''] : undefined;
  return id && kind ? [{ kind, id, append: { eventDeliveries: [how] } }] : [];
}

/** S3 notification configurations S3 delivers itself (not through EventBridge). */
function s3DirectDeliveries(config: unknown, ctx: CfnContext): Contribution[] {
  return [
    ...list(at(config, 'LambdaConfigurations')).map((c) => at(c, 'Function')),
    ...list(at(config, 'LambdaFunctionConfigurations')).map((c) => at(c, 'LambdaFunctionArn')),
    ...list(at(config, 'QueueConfigurations')).map((c) => at(c, 'Queue') ?? at(c, 'QueueArn')),
    ...list(at(config, 'TopicConfigurations')).map((c) => at(c, 'Topic') ?? at(c, 'TopicArn')),
  ].flatMap((arn) => cfnDelivery(ctx, arn, 's3 direct'));
}

/** The ECS service a scaling policy scales: through its scalable target, or its own resource id. */
function cfnScaledService(policy: ResolvedResource, ctx: CfnContext): string | undefined {
  const targetId = ctx.target(P(policy).ScalingTargetId);
  const resourceId = targetId
    ? at(ctx.resources.get(targetId)?.properties, 'ResourceId')
    : P(policy).ResourceId;
  return ctx.targets(resourceId).find((id) => ctx.resources.get(id)?.type === 'AWS::ECS::Service');
}

function cfnScalingPolicyText(policy: ResolvedResource): string {
  const p = P(policy);
  if (p.PolicyType === 'StepScaling') {
    const c = at(p, 'StepScalingPolicyConfiguration');
    return stepPolicyText({
      adjustmentType: at(c, 'AdjustmentType'),
      cooldown: at(c, 'Cooldown'),
      aggregation: at(c, 'MetricAggregationType'),
      steps: list(at(c, 'StepAdjustments')).map((s) => ({
        lower: at(s, 'MetricIntervalLowerBound'),
        upper: at(s, 'MetricIntervalUpperBound'),
        adjustment: at(s, 'ScalingAdjustment'),
      })),
    });
  }
  const c = at(p, 'TargetTrackingScalingPolicyConfiguration');
  return targetTrackingText({
    metric:
      at(c, 'PredefinedMetricSpecification', 'PredefinedMetricType') ??
      JSON.stringify(at(c, 'CustomizedMetricSpecification')),
    target: at(c, 'TargetValue'),
    scaleIn: at(c, 'ScaleInCooldown'),
    scaleOut: at(c, 'ScaleOutCooldown'),
    disableScaleIn: at(c, 'DisableScaleIn'),
  });
}

const CFN_EXTRACTORS: Record<string, CfnExtractor> = {
  'AWS::S3::Bucket': (r, ctx) => {
    const p = P(r);
    const sse = at(
      p,
      'BucketEncryption',
      'ServerSideEncryptionConfiguration',
      0,
      'ServerSideEncryptionByDefault',
    );
    const algorithm = str(at(sse, 'SSEAlgorithm')) ?? 'AES256';
    const pab = at(p, 'PublicAccessBlockConfiguration');
    const flags = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
    const rules = list(at(p, 'LifecycleConfiguration', 'Rules')).flatMap((rule) =>
      lifecycleActions({
        status: at(rule, 'Status'),
        prefix: at(rule, 'Prefix') ?? at(rule, 'Filter', 'Prefix'),
        transitions: [
          ...list(at(rule, 'Transitions')).map((t) => ({
            days: at(t, 'TransitionInDays'),
            storageClass: at(t, 'StorageClass'),
          })),
          ...(at(rule, 'Transition')
            ? [
                {
                  days: at(rule, 'Transition', 'TransitionInDays'),
                  storageClass: at(rule, 'Transition', 'StorageClass'),
                },
              ]
            : []),
        ],
        expirationDays: at(rule, 'ExpirationInDays'),
        noncurrentTransitions: list(at(rule, 'NoncurrentVersionTransitions')).map((t) => ({
          days: at(t, 'TransitionInDays'),
          storageClass: at(t, 'StorageClass'),
        })),
        noncurrentExpirationDays:
          at(rule, 'NoncurrentVersionExpiration', 'NoncurrentDays') ??
          at(rule, 'NoncurrentVersionExpirationInDays'),
        abortMultipartDays: at(rule, 'AbortIncompleteMultipartUpload', 'DaysAfterInitiation'),
      }),
    );
    return [
      {
        kind: 'bucket',
        id: r.logicalId,
        primary: true,
        props: {
          encryption:
            algorithm === 'AES256' ? 'SSE-S3' : `${algorithm} ${cfnKeyKind(at(sse, 'KMSMasterKeyID'), ctx)}`,
          blockPublicAccess:
            flags.filter((f) => bool(at(pab, f)) === true).length === 4
              ? 'all'
              : flags.filter((f) => bool(at(pab, f)) === true).join(',') || 'none',
          versioning: str(at(p, 'VersioningConfiguration', 'Status')) ?? 'off',
          lifecycle: sorted(rules),
          deletionPolicy: r.deletionPolicy ?? 'Delete',
        },
      },
      ...s3DirectDeliveries(p.NotificationConfiguration, ctx),
    ];
  },
  'AWS::SQS::Queue': (r, ctx) => {
    const p = P(r);
    const key = p.KmsMasterKeyId;
    return [
      {
        kind: 'queue',
        id: r.logicalId,
        primary: true,
        props: {
          encryption:
            key !== undefined
              ? cfnKeyKind(key, ctx)
              : bool(p.SqsManagedSseEnabled) === false
                ? 'none'
                : 'sqs-managed',
          maxReceiveCount: scalar(at(p, 'RedrivePolicy', 'maxReceiveCount')) ?? null,
          deadLetterQueue: ctx.describe(at(p, 'RedrivePolicy', 'deadLetterTargetArn')) ?? null,
          visibilityTimeout: num(p.VisibilityTimeout) ?? 30,
          retentionSeconds: num(p.MessageRetentionPeriod) ?? 345600,
          fifo: bool(p.FifoQueue) ?? false,
        },
      },
    ];
  },
  'AWS::SNS::Topic': (r, ctx) => [
    {
      kind: 'topic',
      id: r.logicalId,
      primary: true,
      props: {
        encryption: P(r).KmsMasterKeyId === undefined ? 'none' : cfnKeyKind(P(r).KmsMasterKeyId, ctx),
      },
    },
  ],
  'AWS::RDS::DBInstance': (r, ctx) => {
    const p = P(r);
    const cluster = ctx.target(p.DBClusterIdentifier);
    if (cluster)
      return [
        { kind: 'db-cluster', id: cluster, append: { instanceClasses: [str(p.DBInstanceClass) ?? null] } },
      ];
    return [
      {
        kind: 'db-instance',
        id: r.logicalId,
        primary: true,
        props: {
          instanceClass: str(p.DBInstanceClass),
          engine: str(p.Engine),
          engineVersion: version(p.EngineVersion) ?? null,
          multiAZ: bool(p.MultiAZ) ?? false,
          publiclyAccessible: bool(p.PubliclyAccessible) ?? false,
          deletionProtection: bool(p.DeletionProtection) ?? false,
          backupRetentionDays: num(p.BackupRetentionPeriod) ?? 1,
          storageEncrypted: bool(p.StorageEncrypted) ?? false,
          keyKind: cfnKeyKind(p.KmsKeyId, ctx),
          allocatedStorage: num(p.AllocatedStorage),
          maxAllocatedStorage: num(p.MaxAllocatedStorage) ?? null,
          deletionPolicy: r.deletionPolicy ?? 'Snapshot',
        },
      },
    ];
  },
  'AWS::RDS::DBCluster': (r, ctx) => {
    const p = P(r);
    return [
      {
        kind: 'db-cluster',
        id: r.logicalId,
        primary: true,
        props: {
          engine: str(p.Engine),
          engineVersion: version(p.EngineVersion) ?? null,
          deletionProtection: bool(p.DeletionProtection) ?? false,
          backupRetentionDays: num(p.BackupRetentionPeriod) ?? 1,
          storageEncrypted: bool(p.StorageEncrypted) ?? false,
          keyKind: cfnKeyKind(p.KmsKeyId, ctx),
          minCapacity: num(at(p, 'ServerlessV2ScalingConfiguration', 'MinCapacity')) ?? null,
          maxCapacity: num(at(p, 'ServerlessV2ScalingConfiguration', 'MaxCapacity')) ?? null,
          publiclyAccessible: false,
          deletionPolicy: r.deletionPolicy ?? 'Snapshot',
          instanceClasses: [],
        },
      },
    ];
  },
  'AWS::Neptune::DBCluster': (r) => [
    {
      kind: 'neptune-cluster',
      id: r.logicalId,
      primary: true,
      props: {
        engineVersion: version(P(r).EngineVersion) ?? null,
        deletionProtection: bool(P(r).DeletionProtection) ?? false,
        backupRetentionDays: num(P(r).BackupRetentionPeriod) ?? 1,
        storageEncrypted: bool(P(r).StorageEncrypted) ?? false,
        deletionPolicy: r.deletionPolicy ?? 'Snapshot',
      },
    },
  ],
  'AWS::DynamoDB::Table': (r, ctx) => {
    const p = P(r);
    const sse = at(p, 'SSESpecification');
    return [
      {
        kind: 'table',
        id: r.logicalId,
        primary: true,
        props: {
          billingMode: str(p.BillingMode) ?? 'PROVISIONED',
          readCapacity: num(at(p, 'ProvisionedThroughput', 'ReadCapacityUnits')) ?? null,
          writeCapacity: num(at(p, 'ProvisionedThroughput', 'WriteCapacityUnits')) ?? null,
          pointInTimeRecovery:
            bool(at(p, 'PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled')) ?? false,
          deletionProtection: bool(p.DeletionProtectionEnabled) ?? false,
          encryption: bool(at(sse, 'SSEEnabled'))
            ? `KMS ${cfnKeyKind(at(sse, 'KMSMasterKeyId'), ctx)}`
            : 'owned-by-dynamodb',
          deletionPolicy: r.deletionPolicy ?? 'Delete',
        },
      },
    ];
  },
  // CDK's TableV2: per-replica settings, one replica (the stack's region) here.
  'AWS::DynamoDB::GlobalTable': (r, ctx) => {
    const p = P(r);
    const replica = list(p.Replicas)[0];
    const sse = at(p, 'SSESpecification');
    const billing = str(p.BillingMode) ?? 'PROVISIONED';
    return [
      {
        kind: 'table',
        id: r.logicalId,
        primary: true,
        props: {
          billingMode: billing,
          readCapacity:
            billing === 'PAY_PER_REQUEST'
              ? null
              : (num(at(replica, 'ReadProvisionedThroughputSettings', 'ReadCapacityUnits')) ??
                num(
                  at(
                    replica,
                    'ReadProvisionedThroughputSettings',
                    'ReadCapacityAutoScalingSettings',
                    'MinCapacity',
                  ),
                ) ??
                null),
          writeCapacity:
            billing === 'PAY_PER_REQUEST'
              ? null
              : (num(
                  at(
                    p,
                    'WriteProvisionedThroughputSettings',
                    'WriteCapacityAutoScalingSettings',
                    'MinCapacity',
                  ),
                ) ?? null),
          pointInTimeRecovery:
            bool(at(replica, 'PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled')) ?? false,
          deletionProtection: bool(at(replica, 'DeletionProtectionEnabled')) ?? false,
          encryption: bool(at(sse, 'SSEEnabled'))
            ? `KMS ${cfnKeyKind(at(replica, 'SSESpecification', 'KMSMasterKeyId'), ctx)}`
            : 'owned-by-dynamodb',
          deletionPolicy: r.deletionPolicy ?? 'Delete',
        },
      },
    ];
  },
  'AWS::ElastiCache::ReplicationGroup': (r, ctx) => {
    const p = P(r);
    return [
      {
        kind: 'cache',
        id: r.logicalId,
        primary: true,
        props: {
          nodeType: str(p.CacheNodeType),
          engineVersion: version(p.EngineVersion) ?? null,
          nodes: num(p.NumCacheClusters) ?? null,
          automaticFailover: bool(p.AutomaticFailoverEnabled) ?? false,
          multiAZ: bool(p.MultiAZEnabled) ?? false,
          atRestEncryption: bool(p.AtRestEncryptionEnabled) ?? false,
          transitEncryption: bool(p.TransitEncryptionEnabled) ?? false,
          keyKind: cfnKeyKind(p.KmsKeyId, ctx),
          snapshotRetentionDays: num(p.SnapshotRetentionLimit) ?? 0,
        },
      },
    ];
  },
  'AWS::ElastiCache::CacheCluster': (r) => [
    {
      kind: 'cache',
      id: r.logicalId,
      primary: true,
      props: { nodeType: str(P(r).CacheNodeType), nodes: num(P(r).NumCacheNodes) ?? null },
    },
  ],
  'AWS::Kinesis::Stream': (r, ctx) => {
    const p = P(r);
    return [
      {
        kind: 'stream',
        id: r.logicalId,
        primary: true,
        props: {
          mode: str(at(p, 'StreamModeDetails', 'StreamMode')) ?? 'PROVISIONED',
          shards: num(p.ShardCount) ?? null,
          retentionHours: num(p.RetentionPeriodHours) ?? 24,
          encryption: at(p, 'StreamEncryption')
            ? `KMS ${cfnKeyKind(at(p, 'StreamEncryption', 'KeyId'), ctx)}`
            : 'none',
        },
      },
    ];
  },
  // Where a Firehose stream reads and delivers: the bucket (the destination, or an OpenSearch
  // destination's backup), the domain and index, buffering, retries and the VPC delivery.
  'AWS::KinesisFirehose::DeliveryStream': (r, ctx) => {
    const p = P(r);
    const search = at(p, 'AmazonopensearchserviceDestinationConfiguration');
    const s3 = search ? at(search, 'S3Configuration') : at(p, 'ExtendedS3DestinationConfiguration');
    const buffering = at(search ?? s3, 'BufferingHints');
    return [
      {
        kind: 'delivery-stream',
        id: r.logicalId,
        primary: true,
        props: {
          source: p.KinesisStreamSourceConfiguration
            ? (ctx.describe(at(p, 'KinesisStreamSourceConfiguration', 'KinesisStreamARN')) ?? 'stream')
            : 'direct put',
          destination: search ? 'opensearch' : s3 ? 's3' : 'other',
          bucket: ctx.describe(at(s3, 'BucketARN')) ?? null,
          domain: search ? (ctx.describe(at(search, 'DomainARN')) ?? null) : null,
          indexName: search ? (str(at(search, 'IndexName')) ?? null) : null,
          indexRotation: search ? (str(at(search, 'IndexRotationPeriod')) ?? 'OneDay') : null,
          retrySeconds: search ? (num(at(search, 'RetryOptions', 'DurationInSeconds')) ?? 300) : null,
          backupMode: search ? (str(at(search, 'S3BackupMode')) ?? 'FailedDocumentsOnly') : null,
          vpcDelivery: search ? at(search, 'VpcConfiguration') !== undefined : false,
          bufferSizeMb: num(at(buffering, 'SizeInMBs')) ?? 5,
          bufferIntervalSeconds: num(at(buffering, 'IntervalInSeconds')) ?? 300,
          compression: str(at(s3, 'CompressionFormat')) ?? 'UNCOMPRESSED',
          encryption: str(at(p, 'DeliveryStreamEncryptionConfigurationInput', 'KeyType')) ?? 'none',
        },
      },
    ];
  },
  'AWS::SecretsManager::Secret': (r, ctx) => [
    { kind: 'secret', id: r.logicalId, primary: true, props: { keyKind: cfnKeyKind(P(r).KmsKeyId, ctx) } },
  ],
  'AWS::Logs::LogGroup': (r, ctx) => [
    {
      kind: 'log-group',
      id: r.logicalId,
      primary: true,
      props: {
        retentionDays: num(P(r).RetentionInDays) ?? 'never expire',
        keyKind: cfnKeyKind(P(r).KmsKeyId, ctx),
      },
    },
  ],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': (r) => [
    {
      kind: 'alb',
      id: r.logicalId,
      primary: true,
      props: {
        scheme: str(P(r).Scheme) ?? 'internet-facing',
        deletionProtection:
          bool(
            list(P(r).LoadBalancerAttributes).find((a) => at(a, 'Key') === 'deletion_protection.enabled') &&
              at(
                list(P(r).LoadBalancerAttributes).find((a) => at(a, 'Key') === 'deletion_protection.enabled'),
                'Value',
              ),
          ) ?? false,
        waf: 'none',
      },
    },
  ],
  'AWS::WAFv2::WebACLAssociation': (r, ctx) => {
    // A REST API stage's ARN names the API, then the stage: the stage is what the ACL protects.
    const target =
      ctx.targets(P(r).ResourceArn).find((id) => ctx.resources.get(id)?.type === 'AWS::ApiGateway::Stage') ??
      ctx.target(P(r).ResourceArn);
    const type = target ? ctx.resources.get(target)?.type : undefined;
    const kind = type ? CFN_KIND[type] : undefined;
    return target && kind ? [{ kind, id: target, props: { waf: 'web-acl' } }] : [];
  },
  // An API custom domain: its name, endpoint type and TLS policy.
  'AWS::ApiGatewayV2::DomainName': (r) => {
    const configuration = (P(r).DomainNameConfigurations as Record<string, unknown>[] | undefined)?.[0] ?? {};
    return [
      {
        kind: 'api-domain',
        id: r.logicalId,
        primary: true,
        props: {
          domainName: str(P(r).DomainName) ?? null,
          endpointType: str(configuration.EndpointType) ?? null,
          securityPolicy: str(configuration.SecurityPolicy) ?? null,
        },
      },
    ];
  },
  'AWS::ApiGateway::DomainName': (r) => [
    {
      kind: 'api-domain',
      id: r.logicalId,
      primary: true,
      props: {
        domainName: str(P(r).DomainName) ?? null,
        endpointType:
          str((P(r).EndpointConfiguration as { Types?: unknown[] } | undefined)?.Types?.[0]) ?? null,
        securityPolicy: str(P(r).SecurityPolicy) ?? null,
      },
    },
  ],
  'AWS::ApiGatewayV2::Stage': (r) => [
    { kind: 'api-stage', id: r.logicalId, primary: true, props: { waf: 'none' } },
  ],
  'AWS::ApiGateway::Stage': (r) => [
    { kind: 'api-stage', id: r.logicalId, primary: true, props: { waf: 'none' } },
  ],
  'AWS::CloudFront::Distribution': (r, ctx) => {
    const c = at(P(r), 'DistributionConfig');
    const acl = at(c, 'WebACLId');
    return [
      {
        kind: 'cloudfront',
        id: r.logicalId,
        primary: true,
        props: {
          aliases: sorted(list(at(c, 'Aliases')).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))),
          priceClass: str(at(c, 'PriceClass')) ?? 'PriceClass_All',
          waf:
            acl === undefined
              ? 'none'
              : ctx.describe(acl)?.startsWith('web-acl:')
                ? 'web-acl'
                : String(ctx.describe(acl) ?? JSON.stringify(acl)),
          minimumProtocol: str(at(c, 'ViewerCertificate', 'MinimumProtocolVersion')) ?? null,
        },
      },
    ];
  },
  'AWS::Events::EventBus': (r) => [{ kind: 'event-bus', id: r.logicalId, primary: true, props: {} }],
  'AWS::Events::Archive': (r, ctx) => [
    {
      kind: 'event-archive',
      id: r.logicalId,
      primary: true,
      props: {
        source: ctx.describe(P(r).SourceArn) ?? String(P(r).SourceArn),
        retentionDays: num(P(r).RetentionDays) ?? 'indefinite',
      },
    },
  ],
  'AWS::ECS::Service': (r) => {
    const p = P(r);
    const strategy = list(p.CapacityProviderStrategy).map((s) => ({
      provider: at(s, 'CapacityProvider'),
      weight: at(s, 'Weight'),
      base: at(s, 'Base'),
    }));
    return [
      {
        kind: 'ecs-service',
        id: r.logicalId,
        primary: true,
        props: {
          capacityProviders: capacityOf(strategy, p.LaunchType),
          desiredCount: num(p.DesiredCount) ?? null,
          minCapacity: null,
          maxCapacity: null,
          scalingPolicies: [],
          scalingAlarms: [],
          scheduledActions: [],
        },
      },
    ];
  },
  'AWS::ECS::TaskDefinition': (r) => [
    {
      kind: 'task-definition',
      id: r.logicalId,
      primary: true,
      props: { cpu: scalar(P(r).Cpu), memory: scalar(P(r).Memory) },
    },
  ],
  'AWS::ApplicationAutoScaling::ScalableTarget': (r, ctx) => {
    const p = P(r);
    const resourceId = p.ResourceId;
    // service/<cluster>/<service name>: the service is the one whose name the id holds.
    const service = ctx.targets(resourceId).find((id) => ctx.resources.get(id)?.type === 'AWS::ECS::Service');
    if (!service) return [];
    return [
      {
        kind: 'ecs-service',
        id: service,
        props: { minCapacity: num(p.MinCapacity), maxCapacity: num(p.MaxCapacity) },
        append: {
          scheduledActions: list(p.ScheduledActions).map((a) =>
            scheduledActionText({
              name: at(a, 'ScheduledActionName'),
              schedule: at(a, 'Schedule'),
              timezone: at(a, 'Timezone'),
              min: at(a, 'ScalableTargetAction', 'MinCapacity'),
              max: at(a, 'ScalableTargetAction', 'MaxCapacity'),
            }),
          ),
        },
      },
    ];
  },
  'AWS::ApplicationAutoScaling::ScalingPolicy': (r, ctx) => {
    const service = cfnScaledService(r, ctx);
    return service
      ? [{ kind: 'ecs-service', id: service, append: { scalingPolicies: [cfnScalingPolicyText(r)] } }]
      : [];
  },
  'AWS::ECR::Repository': (r) => {
    const p = P(r);
    return [
      {
        kind: 'ecr-repository',
        id: r.logicalId,
        primary: true,
        props: {
          scanOnPush: bool(at(p, 'ImageScanningConfiguration', 'ScanOnPush')) ?? false,
          tagMutability: str(p.ImageTagMutability) ?? 'MUTABLE',
          encryption: str(at(p, 'EncryptionConfiguration', 'EncryptionType')) ?? 'AES256',
          pulledBy: repositoryPullers(p.RepositoryPolicyText),
        },
      },
    ];
  },
  // An image function: its package type, the repository and tag it runs, and no runtime.
  'AWS::Lambda::Function': (r, ctx) => {
    const p = P(r);
    const imageUri = at(p, 'Code', 'ImageUri');
    return [
      {
        kind: 'function',
        id: r.logicalId,
        primary: true,
        props: {
          packageType: str(p.PackageType) ?? 'Zip',
          runtime: str(p.Runtime) ?? null,
          image: imageUri === undefined ? null : (ctx.describe(imageUri) ?? JSON.stringify(imageUri)),
          imageTag: imageUri === undefined ? null : (imageTagOf(imageUri) ?? JSON.stringify(imageUri)),
          reservedConcurrency: num(p.ReservedConcurrentExecutions) ?? null,
          memoryMiB: num(p.MemorySize) ?? 128,
          timeoutSeconds: num(p.Timeout) ?? 3,
          architecture: str(list(p.Architectures)[0]) ?? 'x86_64',
          tracing: str(at(p, 'TracingConfig', 'Mode')) ?? 'PassThrough',
        },
      },
    ];
  },
  // How events reach a function, queue, topic or state machine: an EventBridge rule target with
  // its retry policy, or S3 delivering a bucket's notifications itself. Appended to the receiver,
  // so a target delivering another way (or retrying differently) is a disagreement.
  'AWS::Events::Rule': (r, ctx) => [
    {
      kind: 'event-rule',
      id: r.logicalId,
      primary: true,
      props: ruleTrigger(P(r).ScheduleExpression, P(r).EventBusName, 'template'),
    },
    ...list(P(r).Targets).flatMap((t) =>
      cfnDelivery(
        ctx,
        at(t, 'Arn'),
        `eventbridge ${String(num(at(t, 'RetryPolicy', 'MaximumRetryAttempts')) ?? 185)}x/${String(
          num(at(t, 'RetryPolicy', 'MaximumEventAgeInSeconds')) ?? 86400,
        )}s`,
      ),
    ),
  ],
  // What a state machine writes to its log group (no logging configuration = nothing).
  'AWS::StepFunctions::StateMachine': (r) => [
    {
      kind: 'state-machine',
      id: r.logicalId,
      primary: true,
      props: {
        logLevel: str(at(P(r), 'LoggingConfiguration', 'Level')) ?? 'OFF',
        executionData: bool(at(P(r), 'LoggingConfiguration', 'IncludeExecutionData')) ?? false,
      },
    },
  ],
  // CDK's S3 notifications custom resource carries the same configuration as a bucket's own.
  'Custom::S3BucketNotifications': (r, ctx) => s3DirectDeliveries(P(r).NotificationConfiguration, ctx),
  'AWS::Lambda::EventSourceMapping': (r, ctx) => {
    const p = P(r);
    return [
      {
        kind: 'event-source',
        id: r.logicalId,
        primary: true,
        props: {
          function: ctx.describe(p.FunctionName) ?? String(p.FunctionName),
          source: ctx.describe(p.EventSourceArn) ?? String(p.EventSourceArn),
          batchSize: num(p.BatchSize) ?? null,
          maxBatchingWindowSeconds: num(p.MaximumBatchingWindowInSeconds) ?? 0,
          // How the poller signs in (a Kafka source's SASL/SCRAM secret); none: the role or nothing.
          access: sorted(
            list(p.SourceAccessConfigurations).map(
              (c) => `${String(at(c, 'Type'))} ${ctx.describe(at(c, 'URI')) ?? String(at(c, 'URI'))}`,
            ),
          ),
        },
      },
    ];
  },
  // What clients sign in with, how they reach the brokers, and the SCRAM secrets associated.
  'AWS::MSK::Cluster': (r) => {
    const p = P(r);
    return [
      {
        kind: 'kafka-cluster',
        id: r.logicalId,
        primary: true,
        props: {
          clientAuth: mskClientAuth(
            bool(at(p, 'ClientAuthentication', 'Sasl', 'Iam', 'Enabled')),
            bool(at(p, 'ClientAuthentication', 'Sasl', 'Scram', 'Enabled')),
            bool(at(p, 'ClientAuthentication', 'Unauthenticated', 'Enabled')),
          ),
          clientBroker: str(at(p, 'EncryptionInfo', 'EncryptionInTransit', 'ClientBroker')) ?? 'TLS',
          brokerNodes: num(p.NumberOfBrokerNodes) ?? null,
        },
        append: { scramSecrets: [] },
      },
    ];
  },
  'AWS::MSK::BatchScramSecret': (r, ctx) => {
    const cluster = ctx.target(P(r).ClusterArn);
    if (!cluster) return [];
    const secrets = list(P(r).SecretArnList).map((a) => ctx.describe(a) ?? JSON.stringify(a));
    return [{ kind: 'kafka-cluster', id: cluster, append: { scramSecrets: secrets } }];
  },
  'AWS::CloudWatch::Alarm': (r, ctx) => {
    const p = P(r);
    // An alarm that drives a scaling policy belongs to the service it scales.
    const policy = list(p.AlarmActions)
      .map((a) => ctx.target(a))
      .map((id) => (id ? ctx.resources.get(id) : undefined))
      .find((res) => res?.type === 'AWS::ApplicationAutoScaling::ScalingPolicy');
    const scaled = policy ? cfnScaledService(policy, ctx) : undefined;
    if (policy && scaled) {
      const condition = scalingAlarmText({
        metric: `${String(p.Namespace)}/${String(p.MetricName)}`,
        statistic: str(p.Statistic) ?? str(p.ExtendedStatistic),
        comparison: p.ComparisonOperator,
        threshold: p.Threshold,
        evaluationPeriods: p.EvaluationPeriods,
        period: p.Period,
        datapoints: p.DatapointsToAlarm,
      });
      return [
        {
          kind: 'ecs-service',
          id: scaled,
          append: { scalingAlarms: [`${condition} -> ${cfnScalingPolicyText(policy)}`] },
        },
      ];
    }
    return [
      {
        kind: 'alarm',
        id: r.logicalId,
        primary: true,
        props: {
          metric: `${String(p.Namespace)}/${String(p.MetricName)}`,
          statistic: str(p.Statistic) ?? str(p.ExtendedStatistic),
          threshold: num(p.Threshold),
          comparison: str(p.ComparisonOperator),
          evaluationPeriods: num(p.EvaluationPeriods),
          periodSeconds: num(p.Period),
          actions: sorted(list(p.AlarmActions).map((a) => ctx.describe(a) ?? JSON.stringify(a))),
          treatMissingData: str(p.TreatMissingData) ?? 'missing',
        },
      },
    ];
  },
  'AWS::EC2::VPC': (r) => [
    {
      kind: 'vpc',
      id: r.logicalId,
      primary: true,
      props: { cidr: str(P(r).CidrBlock) },
      append: { subnetCidrs: [] },
    },
  ],
  'AWS::EC2::Subnet': (r, ctx) => {
    const vpc = ctx.target(P(r).VpcId);
    const cidr = str(P(r).CidrBlock) ?? JSON.stringify(P(r).CidrBlock);
    return vpc ? [{ kind: 'vpc', id: vpc, append: { subnetCidrs: [cidr] } }] : [];
  },
  // NAT gateways are counted per output: their names follow each target's own numbering.
  'AWS::EC2::NatGateway': () => [{ kind: 'nat-gateways', id: ALL_NAT, append: { gatewayCount: ['nat'] } }],
  'AWS::EC2::SecurityGroup': (r, ctx) => {
    const p = P(r);
    const peer = (rule: unknown): string =>
      str(at(rule, 'CidrIp')) ??
      str(at(rule, 'CidrIpv6')) ??
      ctx.describe(at(rule, 'SourceSecurityGroupId')) ??
      ctx.describe(at(rule, 'SourcePrefixListId')) ??
      JSON.stringify(rule);
    return [
      {
        kind: 'security-group',
        id: r.logicalId,
        primary: true,
        append: {
          ingress: list(p.SecurityGroupIngress).map((rule) =>
            ingressRule(at(rule, 'IpProtocol'), at(rule, 'FromPort'), at(rule, 'ToPort'), peer(rule)),
          ),
        },
      },
    ];
  },
  'AWS::EC2::SecurityGroupIngress': (r, ctx) => {
    const p = P(r);
    const group = ctx.target(p.GroupId);
    if (!group) return [];
    const peer =
      str(p.CidrIp) ??
      str(p.CidrIpv6) ??
      ctx.describe(p.SourceSecurityGroupId) ??
      JSON.stringify(p.SourceSecurityGroupId);
    return [
      {
        kind: 'security-group',
        id: group,
        append: { ingress: [ingressRule(p.IpProtocol, p.FromPort, p.ToPort, peer)] },
      },
    ];
  },
  'AWS::Athena::WorkGroup': (r) => {
    const c = at(P(r), 'WorkGroupConfiguration');
    const prefix = s3KeyPrefix(at(c, 'ResultConfiguration', 'OutputLocation'));
    return [
      {
        kind: 'athena-workgroup',
        id: r.logicalId,
        primary: true,
        props: {
          bytesScannedCutoff: num(at(c, 'BytesScannedCutoffPerQuery')) ?? null,
          recursiveDelete: bool(P(r).RecursiveDeleteOption) ?? false,
          ...(prefix === undefined ? {} : { resultsPrefix: prefix }),
          enforceConfiguration: bool(at(c, 'EnforceWorkGroupConfiguration')) ?? false,
          resultEncryption:
            str(at(c, 'ResultConfiguration', 'EncryptionConfiguration', 'EncryptionOption')) ?? 'none',
        },
      },
    ];
  },
  'AWS::EKS::Cluster': (r) => [
    {
      kind: 'eks-cluster',
      id: r.logicalId,
      primary: true,
      props: {
        version: scalar(P(r).Version),
        endpointPublic: bool(at(P(r), 'ResourcesVpcConfig', 'EndpointPublicAccess')) ?? true,
        endpointPrivate: bool(at(P(r), 'ResourcesVpcConfig', 'EndpointPrivateAccess')) ?? false,
      },
    },
  ],
  'AWS::EKS::Nodegroup': (r) => {
    const p = P(r);
    return [
      {
        kind: 'eks-nodegroup',
        id: r.logicalId,
        primary: true,
        props: {
          instanceTypes: sorted(list(p.InstanceTypes).map((t) => String(t))),
          capacityType: str(p.CapacityType) ?? 'ON_DEMAND',
          minSize: num(at(p, 'ScalingConfig', 'MinSize')),
          maxSize: num(at(p, 'ScalingConfig', 'MaxSize')),
          desiredSize: num(at(p, 'ScalingConfig', 'DesiredSize')),
        },
      },
    ];
  },
  'AWS::OpenSearchService::Domain': (r, ctx) => {
    const p = P(r);
    const c = at(p, 'ClusterConfig');
    return [
      {
        kind: 'opensearch',
        id: r.logicalId,
        primary: true,
        props: {
          engineVersion: version(p.EngineVersion) ?? null,
          instanceType: str(at(c, 'InstanceType')),
          instanceCount: num(at(c, 'InstanceCount')) ?? 1,
          zoneAwareness: bool(at(c, 'ZoneAwarenessEnabled')) ?? false,
          dedicatedMaster: bool(at(c, 'DedicatedMasterEnabled')) ?? false,
          atRestEncryption: bool(at(p, 'EncryptionAtRestOptions', 'Enabled')) ?? false,
          keyKind: cfnKeyKind(at(p, 'EncryptionAtRestOptions', 'KmsKeyId'), ctx),
          nodeToNodeEncryption: bool(at(p, 'NodeToNodeEncryptionOptions', 'Enabled')) ?? false,
          volumeSize: num(at(p, 'EBSOptions', 'VolumeSize')) ?? null,
        },
      },
    ];
  },
  'AWS::AutoScaling::AutoScalingGroup': (r) => {
    const p = P(r);
    return [
      {
        kind: 'asg',
        id: r.logicalId,
        primary: true,
        props: {
          minSize: num(p.MinSize),
          maxSize: num(p.MaxSize),
          desiredCapacity: num(p.DesiredCapacity) ?? num(p.MinSize), // absent: the group starts at its minimum
        },
      },
    ];
  },
};

/** The CDK construct path below the stack: "Stack/Bucket/Resource" -> ["Bucket", "Resource"]. */
function pathBelowStack(path: string): string[] {
  return path.split('/').slice(1);
}

/**
 * A CDK logical id without its 8-hex-digit path hash: "OrdersDatabasewriter7CE48AFA" ->
 * "OrdersDatabasewriter" (the construct path's ids concatenated). For templates synthesized without
 * `aws:cdk:path` metadata (`tsx bin/app.ts` outside the CDK CLI adds none unless asked).
 */
export function withoutCdkHash(logicalId: string): string {
  const stripped = logicalId.replace(/[0-9A-F]{8}$/, '');
  return stripped === '' ? logicalId : stripped;
}

/** Matching keys of a CDK resource: every prefix of its construct path (longest first), without "Resource" / "Default". */
function cdkKeys(path: string): string[] {
  const segments = pathBelowStack(path).filter((s) => s !== 'Resource' && s !== 'Default');
  const keys: string[] = [];
  for (let n = segments.length; n >= 1; n--) keys.push(normName(segments.slice(0, n).join('')));
  return keys;
}

export function cfnEntities(template: ResolvedTemplate, origin: 'cdk' | 'cloudformation'): Entity[] {
  const { resources } = template;
  const nameOf = (logicalId: string): string => {
    const path = resources.get(logicalId)?.cdkPath;
    if (origin !== 'cdk') return normName(logicalId);
    return path ? (cdkKeys(path)[0] ?? normName(logicalId)) : normName(withoutCdkHash(logicalId));
  };
  const targets = (value: unknown): string[] => {
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (isRecord(v)) {
        if (typeof v.Ref === 'string' && resources.has(v.Ref)) out.push(v.Ref);
        const getAtt = v['Fn::GetAtt'];
        if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && resources.has(getAtt[0]))
          out.push(getAtt[0]);
        const sub = v['Fn::Sub'];
        const text = typeof sub === 'string' ? sub : Array.isArray(sub) ? String(sub[0]) : undefined;
        for (const m of (text ?? '').matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g))
          if (resources.has(m[1]!)) out.push(m[1]!);
        for (const [k, inner] of Object.entries(v)) if (k !== 'Ref' && k !== 'Fn::GetAtt') walk(inner);
      }
    };
    walk(value);
    return out;
  };
  const target = (value: unknown): string | undefined => {
    if (isRecord(value)) {
      if (typeof value.Ref === 'string' && resources.has(value.Ref)) return value.Ref;
      const getAtt = value['Fn::GetAtt'];
      if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && resources.has(getAtt[0]))
        return getAtt[0];
      if (typeof getAtt === 'string' && resources.has(getAtt.split('.')[0]!)) return getAtt.split('.')[0];
      const sub = value['Fn::Sub'];
      const text = typeof sub === 'string' ? sub : Array.isArray(sub) ? String(sub[0]) : undefined;
      if (text) {
        for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g))
          if (resources.has(m[1]!)) return m[1];
      }
      for (const inner of Object.values(value)) {
        const found = target(inner);
        if (found) return found;
      }
    }
    if (Array.isArray(value))
      for (const inner of value) {
        const found = target(inner);
        if (found) return found;
      }
    return undefined;
  };
  const describe = (value: unknown): string | undefined => {
    const id = target(value);
    if (!id) return undefined;
    const type = resources.get(id)!.type;
    return `${CFN_KIND[type] ?? type}:${nameOf(id)}`;
  };
  const ctx: CfnContext = { resources, describe, target, targets, nameOf };
  const contributions = [...resources.values()].flatMap((r) => CFN_EXTRACTORS[r.type]?.(r, ctx) ?? []);
  return mergeContributions(contributions, (id) => {
    if (id === ALL_NAT) return { keys: ['natgateways'], label: id };
    const path = resources.get(id)?.cdkPath;
    if (origin === 'cdk' && path) return { keys: cdkKeys(path), label: pathBelowStack(path).join('/') };
    if (origin === 'cdk') return { keys: [normName(withoutCdkHash(id))], label: id };
    return { keys: [normName(id)], label: id };
  });
}

function mergeContributions(
  contributions: Contribution[],
  naming: (id: string) => { keys: string[]; label: string },
): Entity[] {
  const entities = new Map<string, Entity>();
  const ordered = [...contributions.filter((c) => c.primary), ...contributions.filter((c) => !c.primary)];
  for (const c of ordered) {
    const key = `${c.kind}\u0000${c.id}`;
    let entity = entities.get(key);
    if (!entity) {
      entity = { kind: c.kind, id: c.id, ...naming(c.id), props: {} };
      entities.set(key, entity);
    }
    for (const [name, value] of Object.entries(c.props ?? {}))
      if (value !== undefined) entity.props[name] = value;
    for (const [name, values] of Object.entries(c.append ?? {})) {
      const existing = entity.props[name];
      entity.props[name] = sorted([...(Array.isArray(existing) ? existing : []), ...values]);
    }
  }
  // Appended lists named "...Count" are counts.
  for (const entity of entities.values())
    for (const [name, value] of Object.entries(entity.props))
      if (name.endsWith('Count') && Array.isArray(value)) entity.props[name] = value.length;
  return [...entities.values()];
}

// ---------------------------------------------------------------------------------------------
// Terraform (`terraform show -json` of a saved plan).

interface PlannedResource {
  address: string;
  mode: string;
  type: string;
  name: string;
  index?: number | string;
  values: Record<string, unknown>;
}

interface ConfigResource {
  address: string;
  type: string;
  name: string;
  expressions?: Record<string, unknown>;
}

export interface TerraformPlan {
  planned_values?: { root_module?: { resources?: PlannedResource[]; child_modules?: unknown[] } };
  configuration?: { root_module?: { resources?: ConfigResource[] } };
}

export interface TfContext {
  /** Addresses ("aws_kms_key.orders") the configuration expression at `path` refers to. */
  refs(r: PlannedResource, ...path: string[]): string[];
  /** Whether the configuration sets the attribute at `path` at all. */
  configured(r: PlannedResource, ...path: string[]): boolean;
  /** "<kind>:<name>" of the first resource the expression at `path` refers to. */
  describe(r: PlannedResource, ...path: string[]): string | undefined;
  /** The address (without index) of the entity the expression at `path` refers to. */
  target(r: PlannedResource, ...path: string[]): string | undefined;
  /** The planned resource at an address without index (its first instance). */
  planned(address: string): PlannedResource | undefined;
}

type TfExtractor = (r: PlannedResource, ctx: TfContext) => Contribution[];

const V = (r: PlannedResource): Record<string, unknown> => r.values;
const baseAddress = (address: string): string => address.replace(/\[[^\]]*\]$/, '');

const tfKeyKind = (r: PlannedResource, ctx: TfContext, attribute: string, ...block: string[]): KeyKind => {
  const refs = ctx.refs(r, ...block, attribute);
  if (refs.some((a) => a.startsWith('aws_kms_key.'))) return 'customer-managed';
  if (refs.length) return `reference to ${refs[0]!}`;
  let value: unknown = r.values;
  for (const step of block) value = at(value, step, 0);
  return keyKindOf(at(value, attribute), () => undefined);
};

/** Extract from a nested block list of planned values: values.rule[0].x ... */
const blocks = (value: unknown, name: string): unknown[] => list(at(value, name));

/** An event delivery appended to the function, queue, topic or state machine at `address`. */
function tfDelivery(address: string | undefined, how: string): Contribution[] {
  const kind = address ? TF_KIND[address.split('.')[0]!] : undefined;
  return address && kind ? [{ kind, id: address, append: { eventDeliveries: [how] } }] : [];
}

/** The ECS service a policy or scheduled action scales: its resource id, through the scalable target. */
function tfScaledService(r: PlannedResource, ctx: TfContext): string | undefined {
  const direct = ctx.refs(r, 'resource_id');
  const service = direct.find((a) => a.startsWith('aws_ecs_service.'));
  if (service) return service;
  const target = direct.find((a) => a.startsWith('aws_appautoscaling_target.'));
  const planned = target ? ctx.planned(target) : undefined;
  return planned ? ctx.refs(planned, 'resource_id').find((a) => a.startsWith('aws_ecs_service.')) : undefined;
}

function tfScalingPolicyText(r: PlannedResource): string {
  const v = V(r);
  if (v.policy_type === 'StepScaling') {
    const c = at(v, 'step_scaling_policy_configuration', 0);
    return stepPolicyText({
      adjustmentType: at(c, 'adjustment_type'),
      cooldown: at(c, 'cooldown'),
      aggregation: at(c, 'metric_aggregation_type'),
      // The provider keeps bounds as strings, "" for an open end.
      steps: blocks(c, 'step_adjustment').map((s) => ({
        lower: at(s, 'metric_interval_lower_bound'),
        upper: at(s, 'metric_interval_upper_bound'),
        adjustment: at(s, 'scaling_adjustment'),
      })),
    });
  }
  const c = at(v, 'target_tracking_scaling_policy_configuration', 0);
  return targetTrackingText({
    metric:
      at(c, 'predefined_metric_specification', 0, 'predefined_metric_type') ??
      JSON.stringify(at(c, 'customized_metric_specification')),
    target: at(c, 'target_value'),
    scaleIn: at(c, 'scale_in_cooldown'),
    scaleOut: at(c, 'scale_out_cooldown'),
    disableScaleIn: at(c, 'disable_scale_in'),
  });
}

const TF_EXTRACTORS: Record<string, TfExtractor> = {
  aws_s3_bucket: (r) => [
    {
      kind: 'bucket',
      id: baseAddress(r.address),
      primary: true,
      props: { encryption: 'SSE-S3', blockPublicAccess: 'none', versioning: 'off', lifecycle: [] },
    },
  ],
  aws_s3_bucket_server_side_encryption_configuration: (r, ctx) => {
    const bucket = ctx.target(r, 'bucket');
    const byDefault = at(blocks(V(r), 'rule')[0], 'apply_server_side_encryption_by_default', 0);
    const algorithm = str(at(byDefault, 'sse_algorithm')) ?? 'AES256';
    const kind = tfKeyKind(r, ctx, 'kms_master_key_id', 'rule', 'apply_server_side_encryption_by_default');
    return bucket
      ? [
          {
            kind: 'bucket',
            id: bucket,
            props: { encryption: algorithm === 'AES256' ? 'SSE-S3' : `${algorithm} ${kind}` },
          },
        ]
      : [];
  },
  aws_s3_bucket_public_access_block: (r, ctx) => {
    const bucket = ctx.target(r, 'bucket');
    const flags = [
      'block_public_acls',
      'block_public_policy',
      'ignore_public_acls',
      'restrict_public_buckets',
    ];
    const cfnNames = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
    const on = flags.map((f, i) => (V(r)[f] === true ? cfnNames[i]! : '')).filter(Boolean);
    return bucket
      ? [
          {
            kind: 'bucket',
            id: bucket,
            props: { blockPublicAccess: on.length === 4 ? 'all' : on.join(',') || 'none' },
          },
        ]
      : [];
  },
  aws_s3_bucket_versioning: (r, ctx) => {
    const bucket = ctx.target(r, 'bucket');
    const status = str(at(V(r), 'versioning_configuration', 0, 'status'));
    return bucket
      ? [{ kind: 'bucket', id: bucket, props: { versioning: status === 'Disabled' ? 'off' : status } }]
      : [];
  },
  aws_s3_bucket_lifecycle_configuration: (r, ctx) => {
    const bucket = ctx.target(r, 'bucket');
    const rules = blocks(V(r), 'rule').flatMap((rule) =>
      lifecycleActions({
        status: at(rule, 'status'),
        prefix: at(rule, 'filter', 0, 'prefix') || at(rule, 'prefix') || undefined,
        transitions: blocks(rule, 'transition').map((t) => ({
          days: at(t, 'days'),
          storageClass: at(t, 'storage_class'),
        })),
        expirationDays: at(rule, 'expiration', 0, 'days') ?? undefined,
        noncurrentTransitions: blocks(rule, 'noncurrent_version_transition').map((t) => ({
          days: at(t, 'noncurrent_days'),
          storageClass: at(t, 'storage_class'),
        })),
        noncurrentExpirationDays:
          at(rule, 'noncurrent_version_expiration', 0, 'noncurrent_days') ?? undefined,
        abortMultipartDays:
          at(rule, 'abort_incomplete_multipart_upload', 0, 'days_after_initiation') ?? undefined,
      }),
    );
    return bucket ? [{ kind: 'bucket', id: bucket, props: { lifecycle: sorted(rules) } }] : [];
  },
  aws_sqs_queue: (r, ctx) => {
    const v = V(r);
    const keyed = ctx.configured(r, 'kms_master_key_id') || (str(v.kms_master_key_id) ?? '') !== '';
    return [
      {
        kind: 'queue',
        id: baseAddress(r.address),
        primary: true,
        props: {
          encryption: keyed
            ? tfKeyKind(r, ctx, 'kms_master_key_id')
            : v.sqs_managed_sse_enabled === false
              ? 'none'
              : 'sqs-managed',
          // redrive_policy holds the DLQ's ARN, unknown at plan time: compared only when known.
          maxReceiveCount:
            typeof v.redrive_policy === 'string'
              ? (num((JSON.parse(v.redrive_policy) as { maxReceiveCount?: unknown }).maxReceiveCount) ?? null)
              : ctx.configured(r, 'redrive_policy')
                ? undefined
                : null,
          deadLetterQueue: ctx.configured(r, 'redrive_policy') ? ctx.describe(r, 'redrive_policy') : null,
          visibilityTimeout: num(v.visibility_timeout_seconds),
          retentionSeconds: num(v.message_retention_seconds),
          fifo: v.fifo_queue === undefined ? undefined : v.fifo_queue === true,
        },
      },
    ];
  },
  aws_sns_topic: (r, ctx) => [
    {
      kind: 'topic',
      id: baseAddress(r.address),
      primary: true,
      props: {
        encryption:
          ctx.configured(r, 'kms_master_key_id') || (str(V(r).kms_master_key_id) ?? '') !== ''
            ? tfKeyKind(r, ctx, 'kms_master_key_id')
            : 'none',
      },
    },
  ],
  aws_db_instance: (r, ctx) => {
    const v = V(r);
    return [
      {
        kind: 'db-instance',
        id: baseAddress(r.address),
        primary: true,
        props: {
          instanceClass: str(v.instance_class),
          engine: str(v.engine),
          engineVersion: version(v.engine_version),
          multiAZ: v.multi_az === undefined ? undefined : v.multi_az === true,
          publiclyAccessible:
            v.publicly_accessible === undefined ? undefined : v.publicly_accessible === true,
          deletionProtection:
            v.deletion_protection === undefined ? undefined : v.deletion_protection === true,
          backupRetentionDays: num(v.backup_retention_period),
          storageEncrypted: v.storage_encrypted === undefined ? undefined : v.storage_encrypted === true,
          keyKind: ctx.configured(r, 'kms_key_id') ? tfKeyKind(r, ctx, 'kms_key_id') : 'aws-managed',
          allocatedStorage: num(v.allocated_storage),
          maxAllocatedStorage:
            num(v.max_allocated_storage) === 0 ? null : (num(v.max_allocated_storage) ?? undefined),
        },
      },
    ];
  },
  aws_rds_cluster: (r, ctx) => {
    const v = V(r);
    const scaling = at(v, 'serverlessv2_scaling_configuration', 0);
    return [
      {
        kind: 'db-cluster',
        id: baseAddress(r.address),
        primary: true,
        props: {
          engine: str(v.engine),
          engineVersion: version(v.engine_version),
          deletionProtection:
            v.deletion_protection === undefined ? undefined : v.deletion_protection === true,
          backupRetentionDays: num(v.backup_retention_period),
          storageEncrypted: v.storage_encrypted === undefined ? undefined : v.storage_encrypted === true,
          keyKind: ctx.configured(r, 'kms_key_id') ? tfKeyKind(r, ctx, 'kms_key_id') : 'aws-managed',
          minCapacity: scaling ? num(at(scaling, 'min_capacity')) : null,
          maxCapacity: scaling ? num(at(scaling, 'max_capacity')) : null,
          publiclyAccessible: false,
          instanceClasses: [],
        },
      },
    ];
  },
  aws_rds_cluster_instance: (r, ctx) => {
    const cluster = ctx.target(r, 'cluster_identifier');
    const v = V(r);
    return cluster
      ? [
          { kind: 'db-cluster', id: cluster, append: { instanceClasses: [str(v.instance_class) ?? null] } },
          ...(v.publicly_accessible === true
            ? [{ kind: 'db-cluster', id: cluster, props: { publiclyAccessible: true } }]
            : []),
        ]
      : [];
  },
  aws_neptune_cluster: (r) => [
    {
      kind: 'neptune-cluster',
      id: baseAddress(r.address),
      primary: true,
      props: {
        engineVersion: version(V(r).engine_version),
        deletionProtection:
          V(r).deletion_protection === undefined ? undefined : V(r).deletion_protection === true,
        backupRetentionDays: num(V(r).backup_retention_period),
        storageEncrypted: V(r).storage_encrypted === undefined ? undefined : V(r).storage_encrypted === true,
      },
    },
  ],
  aws_dynamodb_table: (r, ctx) => {
    const v = V(r);
    const sse = at(v, 'server_side_encryption', 0);
    return [
      {
        kind: 'table',
        id: baseAddress(r.address),
        primary: true,
        props: {
          billingMode: str(v.billing_mode),
          readCapacity: v.billing_mode === 'PAY_PER_REQUEST' ? null : (num(v.read_capacity) ?? undefined),
          writeCapacity: v.billing_mode === 'PAY_PER_REQUEST' ? null : (num(v.write_capacity) ?? undefined),
          pointInTimeRecovery: at(v, 'point_in_time_recovery', 0, 'enabled') === true,
          deletionProtection: v.deletion_protection_enabled === true,
          encryption:
            at(sse, 'enabled') === true
              ? `KMS ${ctx.configured(r, 'server_side_encryption', 'kms_key_arn') ? tfKeyKind(r, ctx, 'kms_key_arn', 'server_side_encryption') : 'aws-managed'}`
              : 'owned-by-dynamodb',
        },
      },
    ];
  },
  aws_elasticache_replication_group: (r, ctx) => {
    const v = V(r);
    return [
      {
        kind: 'cache',
        id: baseAddress(r.address),
        primary: true,
        props: {
          nodeType: str(v.node_type),
          engineVersion: version(v.engine_version),
          nodes: num(v.num_cache_clusters) ?? undefined,
          automaticFailover:
            v.automatic_failover_enabled === undefined ? undefined : v.automatic_failover_enabled === true,
          multiAZ: v.multi_az_enabled === undefined ? undefined : v.multi_az_enabled === true,
          atRestEncryption:
            v.at_rest_encryption_enabled === undefined
              ? undefined
              : (bool(v.at_rest_encryption_enabled) ?? v.at_rest_encryption_enabled === true),
          transitEncryption:
            v.transit_encryption_enabled === undefined ? undefined : v.transit_encryption_enabled === true,
          keyKind: ctx.configured(r, 'kms_key_id') ? tfKeyKind(r, ctx, 'kms_key_id') : 'aws-managed',
          snapshotRetentionDays: num(v.snapshot_retention_limit),
        },
      },
    ];
  },
  aws_elasticache_cluster: (r) => [
    {
      kind: 'cache',
      id: baseAddress(r.address),
      primary: true,
      props: { nodeType: str(V(r).node_type), nodes: num(V(r).num_cache_nodes) },
    },
  ],
  aws_kinesis_stream: (r, ctx) => {
    const v = V(r);
    return [
      {
        kind: 'stream',
        id: baseAddress(r.address),
        primary: true,
        props: {
          mode: str(at(v, 'stream_mode_details', 0, 'stream_mode')) ?? 'PROVISIONED',
          shards: num(v.shard_count) ?? null,
          retentionHours: num(v.retention_period),
          encryption:
            v.encryption_type === 'KMS'
              ? `KMS ${tfKeyKind(r, ctx, 'kms_key_id')}`
              : v.encryption_type === undefined
                ? undefined
                : 'none',
        },
      },
    ];
  },
  aws_kinesis_firehose_delivery_stream: (r, ctx) => {
    const v = V(r);
    const search = v.destination === 'opensearch' ? at(v, 'opensearch_configuration', 0) : undefined;
    const s3Block = search ? 's3_configuration' : 'extended_s3_configuration';
    const s3 = search ? at(search, 's3_configuration', 0) : at(v, 'extended_s3_configuration', 0);
    const buffering = search ?? s3;
    const inS3 = search ? ['opensearch_configuration', s3Block] : [s3Block];
    const sse = at(v, 'server_side_encryption', 0);
    return [
      {
        kind: 'delivery-stream',
        id: baseAddress(r.address),
        primary: true,
        props: {
          source: ctx.configured(r, 'kinesis_source_configuration')
            ? (ctx.describe(r, 'kinesis_source_configuration', 'kinesis_stream_arn') ?? 'stream')
            : 'direct put',
          destination: search ? 'opensearch' : v.destination === 'extended_s3' ? 's3' : 'other',
          bucket: ctx.describe(r, ...inS3, 'bucket_arn') ?? null,
          domain: search ? (ctx.describe(r, 'opensearch_configuration', 'domain_arn') ?? null) : null,
          indexName: search ? (str(at(search, 'index_name')) ?? null) : null,
          indexRotation: search ? (str(at(search, 'index_rotation_period')) ?? 'OneDay') : null,
          retrySeconds: search ? (num(at(search, 'retry_duration')) ?? 300) : null,
          backupMode: search ? (str(at(search, 's3_backup_mode')) ?? 'FailedDocumentsOnly') : null,
          vpcDelivery: search ? ctx.configured(r, 'opensearch_configuration', 'vpc_config') : false,
          bufferSizeMb: num(at(buffering, 'buffering_size')) ?? 5,
          bufferIntervalSeconds: num(at(buffering, 'buffering_interval')) ?? 300,
          compression: str(at(s3, 'compression_format')) ?? 'UNCOMPRESSED',
          encryption:
            bool(at(sse, 'enabled')) === true ? (str(at(sse, 'key_type')) ?? 'AWS_OWNED_CMK') : 'none',
        },
      },
    ];
  },
  aws_secretsmanager_secret: (r, ctx) => [
    {
      kind: 'secret',
      id: baseAddress(r.address),
      primary: true,
      props: { keyKind: ctx.configured(r, 'kms_key_id') ? tfKeyKind(r, ctx, 'kms_key_id') : 'aws-managed' },
    },
  ],
  aws_cloudwatch_log_group: (r, ctx) => [
    {
      kind: 'log-group',
      id: baseAddress(r.address),
      primary: true,
      props: {
        retentionDays: V(r).retention_in_days === 0 ? 'never expire' : num(V(r).retention_in_days),
        keyKind: ctx.configured(r, 'kms_key_id') ? tfKeyKind(r, ctx, 'kms_key_id') : 'aws-managed',
      },
    },
  ],
  aws_lb: (r) => [
    {
      kind: 'alb',
      id: baseAddress(r.address),
      primary: true,
      props: {
        scheme: V(r).internal === true ? 'internal' : V(r).internal === false ? 'internet-facing' : undefined,
        deletionProtection: V(r).enable_deletion_protection === true,
        waf: 'none',
      },
    },
  ],
  aws_wafv2_web_acl_association: (r, ctx) => {
    const target = ctx.target(r, 'resource_arn');
    const kind = target ? TF_KIND[target.split('.')[0]!] : undefined;
    return target && kind ? [{ kind, id: target, props: { waf: 'web-acl' } }] : [];
  },
  aws_apigatewayv2_domain_name: (r) => {
    const configuration =
      (V(r).domain_name_configuration as Record<string, unknown>[] | undefined)?.[0] ?? {};
    return [
      {
        kind: 'api-domain',
        id: baseAddress(r.address),
        primary: true,
        props: {
          domainName: str(V(r).domain_name) ?? null,
          endpointType: str(configuration.endpoint_type) ?? null,
          securityPolicy: str(configuration.security_policy) ?? null,
        },
      },
    ];
  },
  aws_api_gateway_domain_name: (r) => [
    {
      kind: 'api-domain',
      id: baseAddress(r.address),
      primary: true,
      props: {
        domainName: str(V(r).domain_name) ?? null,
        endpointType:
          str((V(r).endpoint_configuration as { types?: unknown[] }[] | undefined)?.[0]?.types?.[0]) ?? null,
        securityPolicy: str(V(r).security_policy) ?? null,
      },
    },
  ],
  aws_apigatewayv2_stage: (r) => [
    { kind: 'api-stage', id: baseAddress(r.address), primary: true, props: { waf: 'none' } },
  ],
  aws_api_gateway_stage: (r) => [
    { kind: 'api-stage', id: baseAddress(r.address), primary: true, props: { waf: 'none' } },
  ],
  aws_cloudfront_distribution: (r, ctx) => {
    const v = V(r);
    const aclRefs = ctx.refs(r, 'web_acl_id');
    return [
      {
        kind: 'cloudfront',
        id: baseAddress(r.address),
        primary: true,
        props: {
          aliases: sorted(list(v.aliases).map(String)),
          priceClass: str(v.price_class),
          // A web ACL of this configuration, none (null or empty), an ARN given as a value, or
          // unknown until apply (skipped).
          waf: aclRefs.some((a) => a.startsWith('aws_wafv2_web_acl.'))
            ? 'web-acl'
            : v.web_acl_id === null || v.web_acl_id === ''
              ? 'none'
              : typeof v.web_acl_id === 'string'
                ? `external web ACL ${v.web_acl_id}`
                : ctx.configured(r, 'web_acl_id')
                  ? undefined
                  : 'none',
          // With CloudFront's default certificate the provider reports TLSv1, which the other
          // targets leave unset: the same distribution, so nothing to compare.
          minimumProtocol:
            at(v, 'viewer_certificate', 0, 'cloudfront_default_certificate') === true
              ? null
              : (str(at(v, 'viewer_certificate', 0, 'minimum_protocol_version')) ?? null),
        },
      },
    ];
  },
  aws_cloudwatch_event_bus: (r) => [
    { kind: 'event-bus', id: baseAddress(r.address), primary: true, props: {} },
  ],
  aws_cloudwatch_event_archive: (r, ctx) => [
    {
      kind: 'event-archive',
      id: baseAddress(r.address),
      primary: true,
      props: {
        source: ctx.describe(r, 'event_source_arn') ?? String(V(r).event_source_arn),
        retentionDays: V(r).retention_days === 0 ? 'indefinite' : num(V(r).retention_days),
      },
    },
  ],
  aws_ecs_service: (r) => {
    const v = V(r);
    const strategy = blocks(v, 'capacity_provider_strategy').map((s) => ({
      provider: at(s, 'capacity_provider'),
      weight: at(s, 'weight'),
      base: at(s, 'base'),
    }));
    return [
      {
        kind: 'ecs-service',
        id: baseAddress(r.address),
        primary: true,
        props: {
          capacityProviders: capacityOf(strategy, v.launch_type),
          desiredCount: num(v.desired_count) ?? null,
          minCapacity: null,
          maxCapacity: null,
          scalingPolicies: [],
          scalingAlarms: [],
          scheduledActions: [],
        },
      },
    ];
  },
  aws_ecs_task_definition: (r) => [
    {
      kind: 'task-definition',
      id: baseAddress(r.address),
      primary: true,
      props: { cpu: scalar(V(r).cpu), memory: scalar(V(r).memory) },
    },
  ],
  aws_appautoscaling_target: (r, ctx) => {
    const service = ctx.refs(r, 'resource_id').find((a) => a.startsWith('aws_ecs_service.'));
    return service
      ? [
          {
            kind: 'ecs-service',
            id: service,
            props: { minCapacity: num(V(r).min_capacity), maxCapacity: num(V(r).max_capacity) },
          },
        ]
      : [];
  },
  aws_appautoscaling_policy: (r, ctx) => {
    const service = tfScaledService(r, ctx);
    return service
      ? [{ kind: 'ecs-service', id: service, append: { scalingPolicies: [tfScalingPolicyText(r)] } }]
      : [];
  },
  aws_appautoscaling_scheduled_action: (r, ctx) => {
    const service = tfScaledService(r, ctx);
    const v = V(r);
    return service
      ? [
          {
            kind: 'ecs-service',
            id: service,
            append: {
              scheduledActions: [
                scheduledActionText({
                  name: v.name,
                  schedule: v.schedule,
                  timezone: v.timezone,
                  min: at(v, 'scalable_target_action', 0, 'min_capacity'),
                  max: at(v, 'scalable_target_action', 0, 'max_capacity'),
                }),
              ],
            },
          },
        ]
      : [];
  },
  aws_lambda_function: (r, ctx) => {
    const v = V(r);
    const image = ctx.configured(r, 'image_uri');
    return [
      {
        kind: 'function',
        id: baseAddress(r.address),
        primary: true,
        props: {
          packageType: str(v.package_type) ?? 'Zip',
          runtime: str(v.runtime) || null,
          image: image ? ctx.describe(r, 'image_uri') : null,
          // The URI names the repository's URL, unknown until apply: its tag is compared where known.
          imageTag: image ? imageTagOf(v.image_uri) : null,
          reservedConcurrency:
            v.reserved_concurrent_executions === -1 ? null : num(v.reserved_concurrent_executions),
          memoryMiB: num(v.memory_size),
          timeoutSeconds: num(v.timeout),
          architecture: str(list(v.architectures)[0]),
          tracing:
            str(at(v, 'tracing_config', 0, 'mode')) ??
            (v.tracing_config === undefined ? undefined : 'PassThrough'),
        },
      },
    ];
  },
  aws_ecr_repository: (r) => {
    const v = V(r);
    return [
      {
        kind: 'ecr-repository',
        id: baseAddress(r.address),
        primary: true,
        props: {
          scanOnPush: bool(at(v, 'image_scanning_configuration', 0, 'scan_on_push')) ?? false,
          tagMutability: str(v.image_tag_mutability) ?? 'MUTABLE',
          encryption: str(at(v, 'encryption_configuration', 0, 'encryption_type')) ?? 'AES256',
          pulledBy: [],
        },
      },
    ];
  },
  aws_ecr_repository_policy: (r, ctx) => {
    const repository = ctx.target(r, 'repository');
    return repository
      ? [{ kind: 'ecr-repository', id: repository, props: { pulledBy: repositoryPullers(V(r).policy) } }]
      : [];
  },
  aws_cloudwatch_event_rule: (r) => [
    {
      kind: 'event-rule',
      id: baseAddress(r.address),
      primary: true,
      props: ruleTrigger(V(r).schedule_expression, V(r).event_bus_name, 'plan'),
    },
  ],
  aws_sfn_state_machine: (r) => [
    {
      kind: 'state-machine',
      id: baseAddress(r.address),
      primary: true,
      props: {
        logLevel: str(at(V(r), 'logging_configuration', 0, 'level')) ?? 'OFF',
        executionData: bool(at(V(r), 'logging_configuration', 0, 'include_execution_data')) ?? false,
      },
    },
  ],
  aws_cloudwatch_event_target: (r, ctx) => {
    const retry = blocks(V(r), 'retry_policy')[0];
    return tfDelivery(
      ctx.target(r, 'arn'),
      `eventbridge ${String(num(at(retry, 'maximum_retry_attempts')) ?? 185)}x/${String(
        num(at(retry, 'maximum_event_age_in_seconds')) ?? 86400,
      )}s`,
    );
  },
  aws_s3_bucket_notification: (r, ctx) =>
    [
      ...ctx.refs(r, 'lambda_function', 'lambda_function_arn'),
      ...ctx.refs(r, 'queue', 'queue_arn'),
      ...ctx.refs(r, 'topic', 'topic_arn'),
    ].flatMap((address) => tfDelivery(address, 's3 direct')),
  aws_lambda_event_source_mapping: (r, ctx) => [
    {
      kind: 'event-source',
      id: baseAddress(r.address),
      primary: true,
      props: {
        function: ctx.describe(r, 'function_name'),
        source: ctx.describe(r, 'event_source_arn'),
        batchSize: num(V(r).batch_size),
        maxBatchingWindowSeconds: num(V(r).maximum_batching_window_in_seconds) ?? 0,
        // The secret's ARN is unknown until apply: its reference names it.
        access: sorted(
          blocks(V(r), 'source_access_configuration').map(
            (c) =>
              `${String(at(c, 'type'))} ${ctx.describe(r, 'source_access_configuration', 'uri') ?? String(at(c, 'uri'))}`,
          ),
        ),
      },
    },
  ],
  aws_msk_cluster: (r) => {
    const v = V(r);
    const sasl = at(v, 'client_authentication', 0, 'sasl', 0);
    return [
      {
        kind: 'kafka-cluster',
        id: baseAddress(r.address),
        primary: true,
        props: {
          clientAuth: mskClientAuth(
            bool(at(sasl, 'iam')),
            bool(at(sasl, 'scram')),
            bool(at(v, 'client_authentication', 0, 'unauthenticated')),
          ),
          clientBroker:
            str(at(v, 'encryption_info', 0, 'encryption_in_transit', 0, 'client_broker')) ?? 'TLS',
          brokerNodes: num(v.number_of_broker_nodes) ?? null,
        },
        append: { scramSecrets: [] },
      },
    ];
  },
  aws_msk_scram_secret_association: (r, ctx) => {
    const cluster = ctx.target(r, 'cluster_arn');
    if (!cluster) return [];
    // One secret per association here; the list's ARNs are unknown until apply.
    const secret = ctx.describe(r, 'secret_arn_list');
    return [{ kind: 'kafka-cluster', id: cluster, append: { scramSecrets: secret ? [secret] : [] } }];
  },
  aws_cloudwatch_metric_alarm: (r, ctx) => {
    const v = V(r);
    // An alarm that drives a scaling policy belongs to the service it scales.
    const policyAddress = ctx
      .refs(r, 'alarm_actions')
      .find((a) => a.startsWith('aws_appautoscaling_policy.'));
    const policy = policyAddress ? ctx.planned(policyAddress) : undefined;
    const scaled = policy ? tfScaledService(policy, ctx) : undefined;
    if (policy && scaled) {
      const condition = scalingAlarmText({
        metric: `${String(v.namespace)}/${String(v.metric_name)}`,
        statistic: str(v.statistic) ?? str(v.extended_statistic),
        comparison: v.comparison_operator,
        threshold: v.threshold,
        evaluationPeriods: v.evaluation_periods,
        period: v.period,
        datapoints: v.datapoints_to_alarm,
      });
      return [
        {
          kind: 'ecs-service',
          id: scaled,
          append: { scalingAlarms: [`${condition} -> ${tfScalingPolicyText(policy)}`] },
        },
      ];
    }
    const actionRefs = ctx.refs(r, 'alarm_actions').filter((a) => TF_KIND[a.split('.')[0]!]);
    return [
      {
        kind: 'alarm',
        id: baseAddress(r.address),
        primary: true,
        props: {
          metric: `${String(v.namespace)}/${String(v.metric_name)}`,
          statistic: str(v.statistic) ?? str(v.extended_statistic),
          threshold: num(v.threshold),
          comparison: str(v.comparison_operator),
          evaluationPeriods: num(v.evaluation_periods),
          periodSeconds: num(v.period),
          actions: sorted(
            actionRefs.length
              ? actionRefs.map((a) => `${TF_KIND[a.split('.')[0]!]!}:${normName(a.split('.')[1]!)}`)
              : list(v.alarm_actions).map(String),
          ),
          treatMissingData: str(v.treat_missing_data),
        },
      },
    ];
  },
  aws_vpc: (r) => [
    {
      kind: 'vpc',
      id: baseAddress(r.address),
      primary: true,
      props: { cidr: str(V(r).cidr_block) },
      append: { subnetCidrs: [] },
    },
  ],
  aws_subnet: (r, ctx) => {
    const vpc = ctx.target(r, 'vpc_id');
    return vpc ? [{ kind: 'vpc', id: vpc, append: { subnetCidrs: [str(V(r).cidr_block) ?? null] } }] : [];
  },
  aws_nat_gateway: () => [{ kind: 'nat-gateways', id: ALL_NAT, append: { gatewayCount: ['nat'] } }],
  aws_security_group: (r) => {
    const inline = blocks(V(r), 'ingress').flatMap((rule) =>
      list(at(rule, 'cidr_blocks')).map((cidr) =>
        ingressRule(at(rule, 'protocol'), at(rule, 'from_port'), at(rule, 'to_port'), String(cidr)),
      ),
    );
    return [
      { kind: 'security-group', id: baseAddress(r.address), primary: true, append: { ingress: inline } },
    ];
  },
  aws_vpc_security_group_ingress_rule: (r, ctx) => {
    const group = ctx.target(r, 'security_group_id');
    const v = V(r);
    const peer =
      str(v.cidr_ipv4) ??
      str(v.cidr_ipv6) ??
      ctx.describe(r, 'referenced_security_group_id') ??
      'unknown peer';
    return group
      ? [
          {
            kind: 'security-group',
            id: group,
            append: { ingress: [ingressRule(v.ip_protocol, v.from_port, v.to_port, peer)] },
          },
        ]
      : [];
  },
  aws_security_group_rule: (r, ctx) => {
    const v = V(r);
    if (v.type !== 'ingress') return [];
    const group = ctx.target(r, 'security_group_id');
    const peers = [
      ...list(v.cidr_blocks).map(String),
      ...(ctx.describe(r, 'source_security_group_id') ? [ctx.describe(r, 'source_security_group_id')!] : []),
    ];
    return group
      ? [
          {
            kind: 'security-group',
            id: group,
            append: { ingress: peers.map((p) => ingressRule(v.protocol, v.from_port, v.to_port, p)) },
          },
        ]
      : [];
  },
  aws_athena_workgroup: (r) => {
    const c = at(V(r), 'configuration', 0);
    // The location names the bucket, unknown until apply: compared where the plan knows it.
    const prefix = s3KeyPrefix(at(c, 'result_configuration', 0, 'output_location'));
    return [
      {
        kind: 'athena-workgroup',
        id: baseAddress(r.address),
        primary: true,
        props: {
          bytesScannedCutoff: num(at(c, 'bytes_scanned_cutoff_per_query')) ?? null,
          recursiveDelete: at(V(r), 'force_destroy') === true,
          ...(prefix === undefined ? {} : { resultsPrefix: prefix }),
          enforceConfiguration: at(c, 'enforce_workgroup_configuration') === true,
          resultEncryption:
            str(at(c, 'result_configuration', 0, 'encryption_configuration', 0, 'encryption_option')) ??
            'none',
        },
      },
    ];
  },
  aws_eks_cluster: (r) => [
    {
      kind: 'eks-cluster',
      id: baseAddress(r.address),
      primary: true,
      props: {
        version: scalar(V(r).version),
        endpointPublic: at(V(r), 'vpc_config', 0, 'endpoint_public_access') as boolean | undefined,
        endpointPrivate: at(V(r), 'vpc_config', 0, 'endpoint_private_access') as boolean | undefined,
      },
    },
  ],
  aws_eks_node_group: (r) => {
    const v = V(r);
    const scaling = at(v, 'scaling_config', 0);
    return [
      {
        kind: 'eks-nodegroup',
        id: baseAddress(r.address),
        primary: true,
        props: {
          instanceTypes:
            v.instance_types === undefined ? undefined : sorted(list(v.instance_types).map(String)),
          capacityType: str(v.capacity_type),
          minSize: num(at(scaling, 'min_size')),
          maxSize: num(at(scaling, 'max_size')),
          desiredSize: num(at(scaling, 'desired_size')),
        },
      },
    ];
  },
  aws_opensearch_domain: (r, ctx) => {
    const v = V(r);
    const c = at(v, 'cluster_config', 0);
    return [
      {
        kind: 'opensearch',
        id: baseAddress(r.address),
        primary: true,
        props: {
          engineVersion: version(v.engine_version),
          instanceType: str(at(c, 'instance_type')),
          instanceCount: num(at(c, 'instance_count')),
          zoneAwareness: at(c, 'zone_awareness_enabled') as boolean | undefined,
          dedicatedMaster: at(c, 'dedicated_master_enabled') as boolean | undefined,
          atRestEncryption: at(v, 'encrypt_at_rest', 0, 'enabled') as boolean | undefined,
          keyKind: ctx.configured(r, 'encrypt_at_rest', 'kms_key_id')
            ? tfKeyKind(r, ctx, 'kms_key_id', 'encrypt_at_rest')
            : 'aws-managed',
          nodeToNodeEncryption: at(v, 'node_to_node_encryption', 0, 'enabled') as boolean | undefined,
          volumeSize: num(at(v, 'ebs_options', 0, 'volume_size')) ?? null,
        },
      },
    ];
  },
  aws_autoscaling_group: (r) => [
    {
      kind: 'asg',
      id: baseAddress(r.address),
      primary: true,
      props: {
        minSize: num(V(r).min_size),
        maxSize: num(V(r).max_size),
        desiredCapacity: num(V(r).desired_capacity) ?? num(V(r).min_size),
      },
    },
  ],
};

/** Every reference string under a configuration expression (nested blocks are lists of maps). */
function collectRefs(expression: unknown, out: string[]): void {
  if (Array.isArray(expression)) for (const e of expression) collectRefs(e, out);
  else if (isRecord(expression)) {
    if (Array.isArray(expression.references)) out.push(...(expression.references as string[]));
    for (const [k, v] of Object.entries(expression)) if (k !== 'references') collectRefs(v, out);
  }
}

function expressionAt(config: ConfigResource | undefined, path: string[]): unknown {
  let e: unknown = config?.expressions;
  for (const step of path) {
    // Nested blocks are lists of lists ("rule[0].apply_server_side_encryption_by_default[0]"): flatten.
    if (Array.isArray(e))
      e = (e.flat(Infinity) as unknown[]).flatMap((item) =>
        isRecord(item) && step in item ? [item[step]] : [],
      );
    else if (isRecord(e)) e = e[step];
    else return undefined;
    if (Array.isArray(e) && e.length === 0) return undefined;
  }
  return e;
}

export function terraformEntities(plan: TerraformPlan): Entity[] {
  const planned = plan.planned_values?.root_module?.resources ?? [];
  const configs = new Map((plan.configuration?.root_module?.resources ?? []).map((c) => [c.address, c]));
  const refs = (r: PlannedResource, ...path: string[]): string[] => {
    const out: string[] = [];
    collectRefs(expressionAt(configs.get(baseAddress(r.address)), path), out);
    // "aws_kms_key.orders.arn", "aws_kms_key.orders" -> "aws_kms_key.orders" (managed resources only).
    return [
      ...new Set(
        out
          .filter((a) => /^aws_[a-z0-9_]+\.[^.]+/.test(a))
          .map((a) => a.split('.').slice(0, 2).join('.').replace(/\[.*$/, '')),
      ),
    ];
  };
  const configured = (r: PlannedResource, ...path: string[]): boolean =>
    expressionAt(configs.get(baseAddress(r.address)), path) !== undefined;
  const target = (r: PlannedResource, ...path: string[]): string | undefined =>
    refs(r, ...path).find((a) => TF_KIND[a.split('.')[0]!] || a.startsWith('aws_'));
  const describe = (r: PlannedResource, ...path: string[]): string | undefined => {
    const address = refs(r, ...path).find((a) => TF_KIND[a.split('.')[0]!]);
    return address ? `${TF_KIND[address.split('.')[0]!]!}:${normName(address.split('.')[1]!)}` : undefined;
  };
  const byAddress = new Map<string, PlannedResource>();
  for (const r of planned)
    if (r.mode === 'managed' && !byAddress.has(baseAddress(r.address)))
      byAddress.set(baseAddress(r.address), r);
  const ctx: TfContext = { refs, configured, describe, target, planned: (address) => byAddress.get(address) };
  const contributions = planned
    .filter((r) => r.mode === 'managed')
    .flatMap((r) => TF_EXTRACTORS[r.type]?.(r, ctx) ?? []);
  return mergeContributions(contributions, (id) =>
    id === ALL_NAT
      ? { keys: ['natgateways'], label: id }
      : { keys: [normName(id.split('.')[1] ?? id)], label: id },
  );
}

/** Resource types each output holds (for the "same resources" check of primary resources). */
export function cfnTypeCounts(template: ResolvedTemplate): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of template.resources.values()) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
}

export function terraformTypeCounts(plan: TerraformPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of plan.planned_values?.root_module?.resources ?? [])
    if (r.mode === 'managed') counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
}

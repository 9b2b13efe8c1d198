/**
 * Which parts a node's lowering makes again, so the importer claims a source resource as a part
 * only when the re-export regenerates it (and can give it back its logical id). A part the
 * design would not make again (a second role on a function, a user pool client, a CloudFront
 * cache policy, a scaling policy on a metric the design does not scale on) is kept instead: an
 * "other resource" node that passes through unchanged. A part claimed but not regenerated
 * would be a silent loss.
 *
 * The table follows what the lowering and the CloudFormation generator emit per node type
 * (remade.test.ts checks it against every example and fixture design).
 */
import type { Connection, DesignNode } from '@archgen/model';

/** What a rule can look at: the node, its connections in the design, the source part. */
export interface RemadeContext {
  node: DesignNode;
  connections: readonly Connection[];
  nodeType: (id: string) => string | undefined;
  /** The part's source CloudFormation type and properties. */
  type: string;
  props: Record<string, unknown>;
  /** Node ids the part's properties name (through any part of theirs). */
  names: readonly string[];
  /** The AZ count of the VPC the node is placed in. */
  vpcAzCount?: number;
  /** How many parts of this role the node already holds (0 for the first). */
  ordinal: number;
  /**
   * The node's properties in each environment (its own, then that environment's overrides): a
   * part made in one environment only (DynamoDB scaling when prod is provisioned) is made again.
   */
  environmentProperties: readonly Readonly<Record<string, unknown>>[];
}

interface RemadeRule {
  /** Source types the lowering makes for this role. */
  types: readonly string[];
  /** At most this many of the role per node (default: any number). */
  max?: number;
  when?: (ctx: RemadeContext) => boolean;
}

const has = (ctx: RemadeContext, test: (c: Connection) => boolean) => ctx.connections.some(test);
const out = (ctx: RemadeContext, ...kinds: string[]) =>
  has(ctx, (c) => c.from === ctx.node.id && kinds.includes(c.kind));
/** An ALB sends this node traffic or invokes it: the ALB's emitter makes its target group and rule. */
const behindAlb = (ctx: RemadeContext) =>
  has(
    ctx,
    (c) =>
      c.to === ctx.node.id && (c.kind === 'traffic' || c.kind === 'invoke') && ctx.nodeType(c.from) === 'alb',
  );
/** The targets an ALB forwards to: a target group each; the first is the listeners' default. */
const albTargets = (ctx: RemadeContext) =>
  ctx.connections.filter((c) => c.from === ctx.node.id && (c.kind === 'traffic' || c.kind === 'invoke'))
    .length;
/** How many connections make the node a permission (the callers the lowering lets invoke it). */
const invokers = (ctx: RemadeContext) =>
  ctx.connections.filter(
    (c) =>
      c.to === ctx.node.id &&
      ['api-gateway', 'alb', 'eventbridge-rule', 's3', 'sns'].includes(ctx.nodeType(c.from) ?? ''),
  ).length;
/** REST API resources and methods: one per function the API invokes (no OPTIONS methods). */
const restRoutes = (ctx: RemadeContext) =>
  ctx.props.HttpMethod !== 'OPTIONS' &&
  ctx.ordinal < ctx.connections.filter((c) => c.from === ctx.node.id && c.kind === 'invoke').length;
/** Whether `test` holds for the node's properties in some environment. */
const inSomeEnvironment = (ctx: RemadeContext, test: (props: Readonly<Record<string, unknown>>) => boolean) =>
  ctx.environmentProperties.some(test);
/** A provisioned table with auto scaling (its default), in some environment. */
const scaledTable = (ctx: RemadeContext) =>
  inSomeEnvironment(ctx, (p) => p.billingMode === 'provisioned' && p.autoScaling !== false);
/** A service that scales (target tracking on CPU), in some environment. */
const scaledService = (ctx: RemadeContext) =>
  inSomeEnvironment(ctx, (p) => p.scaling !== undefined && p.scaling !== 'none');
/** A service that scales in steps on CPU alarms, in some environment. */
const stepScaled = (ctx: RemadeContext) => inSomeEnvironment(ctx, (p) => p.scaling === 'step');
/** An MSK cluster that signs clients in with SASL/SCRAM (the same in every environment). */
const scram = (ctx: RemadeContext) => ctx.node.properties.clientAuth === 'scram';
/** A rule with targets: its role, target DLQ, DLQ policy and alarm, and invoke permissions. */
const ruleWithTargets = (ctx: RemadeContext) => out(ctx, 'route');

/**
 * A security group rule the lowering derives again: one between two groups of the design
 * (a connection makes it), or an open HTTP(S) ingress on a public ALB (Internet users).
 */
const derivedRule = (ctx: RemadeContext): boolean => {
  const peer = ctx.type.endsWith('Ingress')
    ? (ctx.props.SourceSecurityGroupId ?? ctx.props.SourceSecurityGroupName)
    : ctx.props.DestinationSecurityGroupId;
  if (peer !== undefined)
    return (
      ctx.names.some((id) => id !== ctx.node.id) ||
      // An MSK cluster admits its own group for the pollers of the functions it feeds (infra msk.ts).
      (ctx.node.type === 'msk-cluster' &&
        has(
          ctx,
          (c) => c.from === ctx.node.id && c.kind === 'event-source' && ctx.nodeType(c.to) === 'lambda',
        ))
    );
  // Ports are often written as strings ("80").
  const port = Number(ctx.props.FromPort);
  return (
    ctx.type.endsWith('Ingress') &&
    ctx.node.type === 'alb' &&
    (ctx.props.CidrIp === '0.0.0.0/0' || ctx.props.CidrIpv6 === '::/0') &&
    (port === 80 || port === 443) &&
    has(ctx, (c) => c.to === ctx.node.id && ctx.nodeType(c.from) === 'users')
  );
};

const ROLE = { types: ['AWS::IAM::Role'], max: 1 } as const;
/** A security group only for a node placed in a VPC (a Lambda function outside one has none). */
const inVpc = (ctx: RemadeContext) => ctx.node.placement !== null;
const SECURITY_GROUP = { types: ['AWS::EC2::SecurityGroup'], max: 1, when: inVpc } as const;
const INGRESS = { types: ['AWS::EC2::SecurityGroupIngress'], when: derivedRule } as const;
const EGRESS = { types: ['AWS::EC2::SecurityGroupEgress'], when: derivedRule } as const;
const LOG_GROUP = { types: ['AWS::Logs::LogGroup'], max: 1 } as const;
const LOG_BUCKET = {
  logBucket: { types: ['AWS::S3::Bucket'], max: 1 },
  // The gate that waits for the bucket's policy where only some environments log (common.ts
  // dependencyOn).
  dependencyGate: {
    types: ['AWS::CloudFormation::WaitConditionHandle'],
    max: 1,
    when: (ctx: RemadeContext) => {
      const logs = ctx.environmentProperties.map((p) => p.accessLogs === true);
      return logs.includes(true) && logs.includes(false);
    },
  },
  // The log bucket's policy, and an S3 node's own.
  bucketPolicy: { types: ['AWS::S3::BucketPolicy'], max: 2 },
} as const;
/**
 * The log bucket a trail or recorder writes to when the design draws none (infra audit.ts), with
 * its policy, and its access-log bucket with its policy.
 */
const writesToDrawnBucket = (ctx: RemadeContext) =>
  has(ctx, (c) => c.from === ctx.node.id && c.kind === 'write' && ctx.nodeType(c.to) === 's3');
const AUDIT_BUCKET = {
  logBucket: { types: ['AWS::S3::Bucket'], max: 2, when: (ctx: RemadeContext) => !writesToDrawnBucket(ctx) },
  bucketPolicy: {
    types: ['AWS::S3::BucketPolicy'],
    max: 2,
    when: (ctx: RemadeContext) => !writesToDrawnBucket(ctx),
  },
} as const;
const NETWORKED = {
  securityGroup: SECURITY_GROUP,
  securityGroupIngress: INGRESS,
  securityGroupEgress: EGRESS,
};
/**
 * The design's alarm topic, with its key and policy, folded into the node whose dead-letter
 * queue alarm notifies it (infra derived.ts), and that alarm.
 */
const ALARMS = {
  alarm: { types: ['AWS::CloudWatch::Alarm'], max: 1 },
  alarmTopic: { types: ['AWS::SNS::Topic'], max: 1 },
  kmsKey: { types: ['AWS::KMS::Key'], max: 1 },
  topicPolicy: { types: ['AWS::SNS::TopicPolicy'], max: 1 },
} as const;
/** The rule an S3 bucket's events reach the node through (s3 -> node event-source). */
const S3_EVENTS = { eventRule: { types: ['AWS::Events::Rule'] } } as const;
const ALB_TARGET = {
  targetGroup: { types: ['AWS::ElasticLoadBalancingV2::TargetGroup'], max: 1, when: behindAlb },
};

/** Node type -> part role -> what its lowering makes for it. */
const REMADE: Readonly<Record<string, Readonly<Record<string, RemadeRule>>>> = {
  alb: {
    ...NETWORKED,
    ...LOG_BUCKET,
    // An HTTP listener, and an HTTPS one only with a certificate the design holds (its ARN or a
    // drawn certificate): without one the export makes no HTTPS listener.
    listener: {
      types: ['AWS::ElasticLoadBalancingV2::Listener'],
      max: 2,
      when: (ctx) =>
        ctx.props.Protocol !== 'HTTPS' ||
        (typeof ctx.node.properties.certificateArn === 'string' &&
          ctx.node.properties.certificateArn !== '') ||
        has(ctx, (c) => c.to === ctx.node.id && c.kind === 'certificate'),
    },
    // A rule by path for each further target, on each listener that forwards (HTTPS, HTTP).
    listenerRule: {
      types: ['AWS::ElasticLoadBalancingV2::ListenerRule'],
      when: (ctx) => ctx.ordinal < 2 * (albTargets(ctx) - 1),
    },
    targetGroup: {
      types: ['AWS::ElasticLoadBalancingV2::TargetGroup'],
      when: (ctx) => ctx.ordinal < albTargets(ctx),
    },
    permission: { types: ['AWS::Lambda::Permission'], when: (ctx) => out(ctx, 'invoke') },
    webAcl: { types: ['AWS::WAFv2::WebACL'], max: 1 },
    webAclAssociation: { types: ['AWS::WAFv2::WebACLAssociation'], max: 1 },
  },
  'api-gateway': {
    apiMethod: { types: ['AWS::ApiGateway::Method'], when: restRoutes },
    apiResource: { types: ['AWS::ApiGateway::Resource'], when: restRoutes },
    // The authorizer of the user pool the API authorizes with (api-gateway -> cognito-user-pool).
    authorizer: {
      types: ['AWS::ApiGateway::Authorizer', 'AWS::ApiGatewayV2::Authorizer'],
      max: 1,
      when: (ctx) => has(ctx, (c) => c.from === ctx.node.id && ctx.nodeType(c.to) === 'cognito-user-pool'),
    },
    deployment: { types: ['AWS::ApiGateway::Deployment'], max: 1 },
    // HTTP API routes and integrations are made for the functions the API invokes.
    integration: {
      types: ['AWS::ApiGatewayV2::Integration'],
      when: (ctx) => ctx.names.some((id) => ctx.nodeType(id) === 'lambda'),
    },
    route: { types: ['AWS::ApiGatewayV2::Route'], when: (ctx) => out(ctx, 'invoke') },
    stage: { types: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'], max: 1 },
    requestValidator: { types: ['AWS::ApiGateway::RequestValidator'], max: 1 },
    logGroup: LOG_GROUP,
    permission: { types: ['AWS::Lambda::Permission'] },
    role: ROLE,
    // The account-wide logging role, made for the first REST API that logs (wiring.ts).
    cloudWatchRole: {
      types: ['AWS::IAM::Role'],
      max: 1,
      when: (ctx) => ctx.environmentProperties.some((p) => p.apiType === 'rest' && p.accessLogs !== false),
    },
    webAcl: { types: ['AWS::WAFv2::WebACL'], max: 1 },
    webAclAssociation: { types: ['AWS::WAFv2::WebACLAssociation'], max: 1 },
    // The client of the user pool an HTTP API's JWT authorizer trusts.
    userPoolClient: {
      types: ['AWS::Cognito::UserPoolClient'],
      max: 1,
      when: (ctx) => has(ctx, (c) => c.from === ctx.node.id && ctx.nodeType(c.to) === 'cognito-user-pool'),
    },
  },
  'athena-workgroup': LOG_BUCKET,
  aurora: {
    ...NETWORKED,
    instance: { types: ['AWS::RDS::DBInstance'] },
    subnetGroup: { types: ['AWS::RDS::DBSubnetGroup'], max: 1 },
  },
  bastion: {
    ...NETWORKED,
    role: ROLE,
    instanceProfile: { types: ['AWS::IAM::InstanceProfile'], max: 1 },
  },
  cloudfront: {
    ...LOG_BUCKET,
    originAccessControl: { types: ['AWS::CloudFront::OriginAccessControl'], max: 1 },
    webAcl: { types: ['AWS::WAFv2::WebACL'], max: 1 },
  },
  dynamodb: {
    scalableTarget: {
      types: ['AWS::ApplicationAutoScaling::ScalableTarget'],
      max: 2,
      when: scaledTable,
    },
    scalingPolicy: {
      types: ['AWS::ApplicationAutoScaling::ScalingPolicy'],
      max: 2,
      when: scaledTable,
    },
  },
  'ec2-asg': {
    ...NETWORKED,
    ...ALB_TARGET,
    role: ROLE,
    instanceProfile: { types: ['AWS::IAM::InstanceProfile'], max: 1 },
    launchTemplate: { types: ['AWS::EC2::LaunchTemplate'], max: 1 },
  },
  'ecs-fargate': {
    ...NETWORKED,
    ...ALB_TARGET,
    // The task role and the execution role.
    role: { types: ['AWS::IAM::Role'], max: 2 },
    cluster: { types: ['AWS::ECS::Cluster'], max: 1 },
    taskDefinition: { types: ['AWS::ECS::TaskDefinition'], max: 1 },
    logGroup: LOG_GROUP,
    // Only the scaling the reader recognised (services.ts): target tracking on CPU, a schedule.
    scalableTarget: {
      types: ['AWS::ApplicationAutoScaling::ScalableTarget'],
      max: 1,
      when: scaledService,
    },
    // One target-tracking policy, or step scaling's two policies (out, in) with their CPU alarms.
    scalingPolicy: {
      types: ['AWS::ApplicationAutoScaling::ScalingPolicy'],
      max: 2,
      when: (ctx) => (ctx.ordinal === 0 ? scaledService(ctx) : stepScaled(ctx)),
    },
    alarm: { types: ['AWS::CloudWatch::Alarm'], max: 2, when: stepScaled },
  },
  eks: {
    ...NETWORKED,
    role: { types: ['AWS::IAM::Role'], max: 2 },
    kmsKey: { types: ['AWS::KMS::Key'], max: 1 },
    logGroup: LOG_GROUP,
    nodegroup: { types: ['AWS::EKS::Nodegroup'] },
  },
  elasticache: {
    ...NETWORKED,
    // The AUTH token (import.ts names a cache's token secret 'secret').
    secret: { types: ['AWS::SecretsManager::Secret'], max: 1 },
    subnetGroup: { types: ['AWS::ElastiCache::SubnetGroup'], max: 1 },
  },
  // An archive with a retention (archiveDays 0 means none), in some environment.
  'eventbridge-bus': {
    archive: {
      types: ['AWS::Events::Archive'],
      max: 1,
      when: (ctx) => inSomeEnvironment(ctx, (p) => typeof p.archiveDays === 'number' && p.archiveDays > 0),
    },
  },
  // A drawn alarm that notifies the design's alarm topic.
  'cloudwatch-alarm': {
    alarmTopic: ALARMS.alarmTopic,
    kmsKey: ALARMS.kmsKey,
    topicPolicy: ALARMS.topicPolicy,
  },
  'cognito-user-pool': {
    // The client an HTTP API's JWT authorizer trusts, one per API authorizing with the pool.
    userPoolClient: {
      types: ['AWS::Cognito::UserPoolClient'],
      when: (ctx) =>
        ctx.ordinal <
        ctx.connections.filter((c) => c.to === ctx.node.id && ctx.nodeType(c.from) === 'api-gateway').length,
    },
  },
  'eventbridge-rule': {
    ...ALARMS,
    role: { ...ROLE, when: ruleWithTargets },
    deadLetterQueue: { types: ['AWS::SQS::Queue'], max: 1, when: ruleWithTargets },
    queuePolicy: { types: ['AWS::SQS::QueuePolicy'], max: 1, when: ruleWithTargets },
    permission: { types: ['AWS::Lambda::Permission'], when: ruleWithTargets },
  },
  firehose: {
    // The bucket the lowering made when none is drawn (the destination, or an OpenSearch
    // destination's backup), its policy, and its access-log bucket with its policy.
    ...AUDIT_BUCKET,
    role: ROLE,
    logGroup: LOG_GROUP,
    logStream: {
      types: ['AWS::Logs::LogStream'],
      max: 1,
      when: (ctx) => inSomeEnvironment(ctx, (p) => p.logging !== false),
    },
    // Delivery to a domain in a VPC: the stream's group and its HTTPS rule to the domain's.
    securityGroup: {
      types: ['AWS::EC2::SecurityGroup'],
      max: 1,
      when: (ctx) =>
        has(ctx, (c) => c.from === ctx.node.id && c.kind === 'write' && ctx.nodeType(c.to) === 'opensearch'),
    },
    securityGroupEgress: EGRESS,
  },
  'kms-key': { kmsAlias: { types: ['AWS::KMS::Alias'], max: 1 } },
  lambda: {
    ...NETWORKED,
    ...S3_EVENTS,
    ...ALB_TARGET,
    role: ROLE,
    logGroup: LOG_GROUP,
    eventSourceMapping: { types: ['AWS::Lambda::EventSourceMapping'] },
    permission: { types: ['AWS::Lambda::Permission'], when: (ctx) => ctx.ordinal < invokers(ctx) },
    subscription: { types: ['AWS::SNS::Subscription'] },
  },
  'msk-cluster': {
    ...NETWORKED,
    logGroup: LOG_GROUP,
    // With SASL/SCRAM: the credentials secret, its key and alias, and their association.
    secret: { types: ['AWS::SecretsManager::Secret'], max: 1, when: scram },
    kmsKey: { types: ['AWS::KMS::Key'], max: 1, when: scram },
    kmsAlias: { types: ['AWS::KMS::Alias'], max: 1, when: scram },
    scramSecrets: { types: ['AWS::MSK::BatchScramSecret'], max: 1, when: scram },
  },
  neptune: {
    ...NETWORKED,
    instance: { types: ['AWS::Neptune::DBInstance'] },
    subnetGroup: { types: ['AWS::Neptune::DBSubnetGroup'], max: 1 },
  },
  opensearch: {
    ...NETWORKED,
    logGroup: LOG_GROUP,
    // The policy letting OpenSearch write to its log group, when it names nothing else.
    logsPolicy: {
      types: ['AWS::Logs::ResourcePolicy'],
      max: 1,
      when: (ctx) => ctx.names.every((id) => id === ctx.node.id),
    },
  },
  rds: { ...NETWORKED, subnetGroup: { types: ['AWS::RDS::DBSubnetGroup'], max: 1 } },
  s3: {
    ...LOG_BUCKET,
    kmsKey: { types: ['AWS::KMS::Key'], max: 1 },
    eventRule: { types: ['AWS::Events::Rule'] },
    permission: { types: ['AWS::Lambda::Permission'] },
  },
  sns: {
    ...ALARMS,
    ...S3_EVENTS,
    // Its own key and policy, and the alarm topic's.
    kmsKey: { types: ['AWS::KMS::Key'], max: 2 },
    topicPolicy: { types: ['AWS::SNS::TopicPolicy'], max: 2 },
    // The dead-letter queue its subscriptions get, with its policy and alarm.
    deadLetterQueue: { types: ['AWS::SQS::Queue'], max: 1 },
    queuePolicy: { types: ['AWS::SQS::QueuePolicy'], max: 1 },
  },
  sqs: {
    ...ALARMS,
    ...S3_EVENTS,
    deadLetterQueue: { types: ['AWS::SQS::Queue'], max: 1 },
    // Its own policy and its dead-letter queue's.
    queuePolicy: { types: ['AWS::SQS::QueuePolicy'], max: 2 },
    subscription: { types: ['AWS::SNS::Subscription'] },
  },
  'step-functions': { ...S3_EVENTS, role: ROLE, logGroup: LOG_GROUP },
  timestream: { table: { types: ['AWS::Timestream::Table'] } },
  'vpc-endpoint': { securityGroup: SECURITY_GROUP },
  'route53-zone': {
    // An alias record (A; AAAA too for a distribution) for each alias connection of the zone.
    record: {
      types: ['AWS::Route53::RecordSet'],
      when: (ctx) => {
        const target = ctx.names.find((id) =>
          has(ctx, (c) => c.from === ctx.node.id && c.to === id && c.kind === 'alias'),
        );
        if (!target || ctx.props.AliasTarget === undefined) return false;
        return ctx.props.Type === 'A' || (ctx.props.Type === 'AAAA' && ctx.nodeType(target) === 'cloudfront');
      },
    },
  },
  efs: {
    ...NETWORKED,
    // One in each subnet of its tier: one per AZ of its VPC.
    mountTarget: {
      types: ['AWS::EFS::MountTarget'],
      max: 3,
      when: (ctx) => ctx.ordinal < (ctx.vpcAzCount ?? 2),
    },
    accessPoint: {
      types: ['AWS::EFS::AccessPoint'],
      when: (ctx) =>
        ctx.ordinal <
        (Array.isArray(ctx.node.properties.accessPoints) ? ctx.node.properties.accessPoints.length : 0),
    },
  },
  cloudtrail: {
    ...AUDIT_BUCKET,
    // CloudTrail's role and log group for delivery to CloudWatch Logs.
    role: ROLE,
    logGroup: LOG_GROUP,
  },
  'config-recorder': {
    ...AUDIT_BUCKET,
    role: ROLE,
    deliveryChannel: { types: ['AWS::Config::DeliveryChannel'], max: 1 },
    configRule: {
      types: ['AWS::Config::ConfigRule'],
      when: (ctx) =>
        ctx.ordinal < (Array.isArray(ctx.node.properties.rules) ? ctx.node.properties.rules.length : 0),
    },
  },
  'backup-plan': {
    role: ROLE,
    vault: { types: ['AWS::Backup::BackupVault'], max: 1 },
    // Made when the plan selects anything: connections it backs up, or a tag.
    selection: {
      types: ['AWS::Backup::BackupSelection'],
      max: 1,
      when: (ctx) => out(ctx, 'back-up') || (ctx.node.properties.selectionTag ?? '') !== '',
    },
  },
  'waf-web-acl': { webAclAssociation: { types: ['AWS::WAFv2::WebACLAssociation'] } },
};

/** The roles (and their source types) the lowering can make for a node type, for the test. */
export function remadeRoles(nodeType: string): Readonly<Record<string, RemadeRule>> {
  return REMADE[nodeType] ?? {};
}

/**
 * Why the re-export would not make this part again, or undefined when it would (the part's
 * logical id then goes to the resource the lowering makes for that role).
 */
export function notRemade(role: string, ctx: RemadeContext): string | undefined {
  const rule = REMADE[ctx.node.type]?.[role];
  const what = `${/^[aeio]/.test(ctx.node.type) ? 'an' : 'a'} ${ctx.node.type} node`;
  if (!rule) return `${what} makes no ${ctx.type} of its own`;
  if (!rule.types.includes(ctx.type)) return `${what} makes its ${role} as another type than ${ctx.type}`;
  if (rule.max !== undefined && ctx.ordinal >= rule.max)
    return `${what} makes ${rule.max === 1 ? 'one' : `at most ${rule.max}`} ${ctx.type}; this is one more`;
  if (rule.when && !rule.when(ctx))
    return `${what} makes this ${ctx.type} only for what the design draws (a connection or setting it does not have here)`;
  return undefined;
}

/**
 * CloudFormation (and SAM) resource types that become catalog services, and how each reads its
 * catalog properties from the source. A reader sets what the source says, and where the source
 * is silent, what AWS does by default (a Lambda function without Timeout runs 3 seconds), so
 * the design describes the deployed system rather than the catalog's recommendations.
 * Values the catalog would refuse are dropped by the caller with a warning.
 */
import type { PropertyValue } from '@archgen/model';
import {
  bool,
  deep,
  deletionProtection,
  given,
  list,
  num,
  obj,
  onDelete,
  props,
  str,
  type ReadContext,
  type Reader,
} from './readers/values.ts';
import { acmCertificate } from './readers/acm-certificate.ts';
import { backupPlan } from './readers/backup-plan.ts';
import { bastion } from './readers/bastion.ts';
import { cloudtrail } from './readers/cloudtrail.ts';
import { configRecorder } from './readers/config-recorder.ts';
import { ecrRepository } from './readers/ecr-repository.ts';
import { efs } from './readers/efs.ts';
import { firehose } from './readers/firehose.ts';
import { kmsKey } from './readers/kms-key.ts';
import { mskCluster } from './readers/msk-cluster.ts';
import { route53Zone } from './readers/route53-zone.ts';
import { vpcEndpoint } from './readers/vpc-endpoint.ts';
import { wafWebAcl } from './readers/waf-web-acl.ts';

export type { ReadContext, Reader } from './readers/values.ts';

export interface ServiceMapping {
  service: string;
  read: Reader;
}

const lambda: Reader = (p, ctx) => {
  const tracing = str(ctx, obj(p.TracingConfig).Mode) ?? str(ctx, p.Tracing);
  // Its log group: named in LoggingConfig, or one whose name refers to the function.
  const named = ctx.resource(obj(p.LoggingConfig).LogGroup);
  const logGroup =
    named?.type === 'AWS::Logs::LogGroup' ? named : ctx.referrers(ctx.id, 'AWS::Logs::LogGroup')[0];
  return props({
    runtime: str(ctx, p.Runtime),
    architecture: str(ctx, list(deep(ctx, p.Architectures))[0]) ?? 'x86_64',
    memorySize: num(ctx, p.MemorySize) ?? 128,
    timeoutSeconds: num(ctx, p.Timeout) ?? 3,
    reservedConcurrency: num(ctx, p.ReservedConcurrentExecutions),
    tracing: tracing === 'Active',
    handler: str(ctx, p.Handler),
    structuredLogging: str(ctx, obj(p.LoggingConfig).LogFormat) === 'JSON',
    logRetentionDays: logGroup && num(ctx, logGroup.props.RetentionInDays),
  });
};

const sqs: Reader = (p, ctx) => {
  const redrive = obj(deep(ctx, p.RedrivePolicy));
  // Another queue's redrive policy, a function's dead-letter config or an event source mapping's
  // on-failure destination names this one: it is a dead-letter queue.
  const names = (v: unknown) => ctx.resource(v)?.id === ctx.id;
  const isDlq =
    ctx
      .referrers(ctx.id, 'AWS::SQS::Queue')
      .some((q) => names(obj(q.props.RedrivePolicy).deadLetterTargetArn)) ||
    ctx
      .referrers(ctx.id, 'AWS::Lambda::Function')
      .some((f) => names(obj(f.props.DeadLetterConfig).TargetArn)) ||
    ctx
      .referrers(ctx.id, 'AWS::Lambda::EventSourceMapping')
      .some((m) => names(obj(obj(obj(m.props.DestinationConfig).OnFailure)).Destination));
  return props({
    fifo: bool(ctx, p.FifoQueue) ?? false,
    visibilityTimeoutSeconds: num(ctx, p.VisibilityTimeout) ?? 30,
    retentionSeconds: num(ctx, p.MessageRetentionPeriod) ?? 345600,
    encryption: ctx.isNode(p.KmsMasterKeyId)
      ? undefined
      : given(ctx, p.KmsMasterKeyId)
        ? 'kms'
        : 'sqs-managed',
    deadLetterQueue: given(ctx, p.RedrivePolicy),
    maxReceiveCount: num(ctx, redrive.maxReceiveCount),
    ...(isDlq ? { isDeadLetterQueue: true } : {}),
  });
};

const sns: Reader = (p, ctx) =>
  props({
    fifo: bool(ctx, p.FifoTopic) ?? false,
    kmsEncryption: ctx.isNode(p.KmsMasterKeyId) ? undefined : given(ctx, p.KmsMasterKeyId),
  });

const KEY_TYPE: Record<string, string> = { S: 'S', N: 'N', B: 'B', String: 'S', Number: 'N', Binary: 'B' };

const dynamodb: Reader = (p, ctx) => {
  const attrs = new Map<string, string>();
  for (const a of list(deep(ctx, p.AttributeDefinitions)))
    attrs.set(String(obj(a).AttributeName), String(obj(a).AttributeType));
  const keys = list(deep(ctx, p.KeySchema)).map(obj);
  const hash = keys.find((k) => k.KeyType === 'HASH');
  const range = keys.find((k) => k.KeyType === 'RANGE');
  const billing = str(ctx, p.BillingMode);
  const throughput = obj(deep(ctx, p.ProvisionedThroughput));
  const stream = str(ctx, obj(p.StreamSpecification).StreamViewType);
  const ttl = obj(deep(ctx, p.TimeToLiveSpecification));
  const gsis = list(deep(ctx, p.GlobalSecondaryIndexes)).map((g) => {
    const gk = list(obj(g).KeySchema).map(obj);
    return props({
      name: String(obj(g).IndexName),
      partitionKey: String(gk.find((k) => k.KeyType === 'HASH')?.AttributeName ?? ''),
      sortKey: String(gk.find((k) => k.KeyType === 'RANGE')?.AttributeName ?? ''),
    });
  });
  const provisioned = billing !== 'PAY_PER_REQUEST';
  const scaling = ctx
    .referrers(ctx.id, 'AWS::ApplicationAutoScaling::ScalableTarget')
    .filter((t) => /^dynamodb:table:(Read|Write)CapacityUnits$/.test(String(t.props.ScalableDimension)));
  const scalingOf = (dimension: 'Read' | 'Write') =>
    scaling.find((t) => t.props.ScalableDimension === `dynamodb:table:${dimension}CapacityUnits`);
  return props({
    partitionKey: hash ? String(hash.AttributeName) : undefined,
    partitionKeyType: hash ? KEY_TYPE[attrs.get(String(hash.AttributeName)) ?? ''] : undefined,
    sortKey: range ? String(range.AttributeName) : '',
    sortKeyType: range ? KEY_TYPE[attrs.get(String(range.AttributeName)) ?? ''] : undefined,
    billingMode: provisioned ? 'provisioned' : 'on-demand',
    readCapacity: provisioned ? num(ctx, throughput.ReadCapacityUnits) : undefined,
    writeCapacity: provisioned ? num(ctx, throughput.WriteCapacityUnits) : undefined,
    // Capacity auto scaling: scalable targets on the table's read or write capacity.
    autoScaling: provisioned ? scaling.length > 0 : undefined,
    maxReadCapacity: provisioned ? num(ctx, scalingOf('Read')?.props.MaxCapacity) : undefined,
    maxWriteCapacity: provisioned ? num(ctx, scalingOf('Write')?.props.MaxCapacity) : undefined,
    gsis: gsis.length > 0 ? gsis : undefined,
    pointInTimeRecovery:
      bool(ctx, obj(p.PointInTimeRecoverySpecification).PointInTimeRecoveryEnabled) ?? false,
    stream: stream
      ? (
          {
            NEW_IMAGE: 'new-image',
            NEW_AND_OLD_IMAGES: 'new-and-old-images',
            KEYS_ONLY: 'keys-only',
          } as Record<string, string>
        )[stream]
      : 'none',
    ttlAttribute: ttl.Enabled === true || ttl.Enabled === 'true' ? str(ctx, ttl.AttributeName) : undefined,
    onDelete: onDelete(ctx, false),
  });
};

const simpleTable: Reader = (p, ctx) => {
  const key = obj(deep(ctx, p.PrimaryKey));
  const throughput = obj(deep(ctx, p.ProvisionedThroughput));
  const provisioned = p.ProvisionedThroughput !== undefined;
  return props({
    partitionKey: typeof key.Name === 'string' ? key.Name : 'id',
    partitionKeyType: KEY_TYPE[String(key.Type ?? 'String')] ?? 'S',
    sortKey: '',
    billingMode: provisioned ? 'provisioned' : 'on-demand',
    readCapacity: provisioned ? num(ctx, throughput.ReadCapacityUnits) : undefined,
    writeCapacity: provisioned ? num(ctx, throughput.WriteCapacityUnits) : undefined,
    autoScaling: provisioned ? false : undefined,
    pointInTimeRecovery:
      bool(ctx, obj(p.PointInTimeRecoverySpecification).PointInTimeRecoveryEnabled) ?? false,
  });
};

const s3: Reader = (p, ctx) => {
  const enc = list(obj(deep(ctx, p.BucketEncryption)).ServerSideEncryptionConfiguration).map(obj);
  const algo = obj(enc[0]?.ServerSideEncryptionByDefault).SSEAlgorithm;
  const block =
    p.PublicAccessBlockConfiguration === undefined
      ? undefined
      : obj(deep(ctx, p.PublicAccessBlockConfiguration));
  const rules = list(obj(deep(ctx, p.LifecycleConfiguration)).Rules)
    .map(obj)
    .filter((r) => str(ctx, r.Status) !== 'Disabled');
  const prefixOf = (r: Record<string, unknown>) => str(ctx, r.Prefix) ?? str(ctx, obj(r.Filter).Prefix);
  // The bucket-wide settings may be spread over several rules (expiry, transitions, uploads).
  const whole = rules.filter((r) => !prefixOf(r));
  const days = (rule: Record<string, unknown>[], read: (r: Record<string, unknown>) => unknown) =>
    rule.map((r) => num(ctx, read(r))).find((d) => d !== undefined);
  const transition = (rule: Record<string, unknown>[], cls: string) =>
    days(
      rule,
      (r) =>
        list(deep(ctx, r.Transitions))
          .map(obj)
          .find((t) => t.StorageClass === cls)?.TransitionInDays,
    );
  const settings = (rule: Record<string, unknown>[]) => ({
    transitionToIaDays: transition(rule, 'STANDARD_IA') ?? 0,
    transitionToGlacierDays: transition(rule, 'GLACIER') ?? 0,
    intelligentTiering: transition(rule, 'INTELLIGENT_TIERING') !== undefined,
    expirationDays: days(rule, (r) => r.ExpirationInDays) ?? 0,
  });
  const lifecycleRules = rules
    .filter((r) => prefixOf(r))
    .map((r) => ({ prefix: prefixOf(r)!, ...settings([r]) }));
  return props({
    versioned: str(ctx, obj(p.VersioningConfiguration).Status) === 'Enabled',
    // A drawn key encrypts it through its connection (the choice then says nothing: the catalog's
    // stands); 'kms' is a key of the bucket's own.
    encryption: ctx.isNode(obj(enc[0]?.ServerSideEncryptionByDefault).KMSMasterKeyID)
      ? undefined
      : typeof algo === 'string' && algo.startsWith('aws:kms')
        ? 'kms'
        : 's3-managed',
    // New buckets block public access unless the template says otherwise (AWS default since 2023).
    blockPublicAccess: block
      ? ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].every(
          (k) => block[k] === true || block[k] === 'true',
        )
      : true,
    accessLogs: given(ctx, p.LoggingConfiguration),
    ...settings(whole),
    lifecycleRules,
    abortIncompleteUploadDays:
      days(whole, (r) => obj(deep(ctx, r.AbortIncompleteMultipartUpload)).DaysAfterInitiation) ?? 0,
    eventNotifications:
      bool(
        ctx,
        obj(obj(deep(ctx, p.NotificationConfiguration)).EventBridgeConfiguration).EventBridgeEnabled,
      ) === true,
    onDelete: onDelete(ctx, false),
  });
};

/**
 * Who may call an API: its user pool or JWT authorizer; else IAM when every method (route) signs
 * requests, none when one does not; nothing to say for an API with no method.
 */
function apiAuthorizer(
  ctx: ReadContext,
  own: string | undefined,
  authorizations: unknown[],
): string | undefined {
  if (own) return own;
  if (authorizations.length === 0) return undefined;
  return authorizations.every((a) => str(ctx, a) === 'AWS_IAM') ? 'iam' : 'none';
}

/**
 * A REST API's settings live on its parts: the stage (logs, tracing, throttling), the authorizer,
 * the methods (IAM authorization, the request validator).
 */
const restApi: Reader = (p, ctx) => {
  const stage = ctx.referrers(ctx.id, 'AWS::ApiGateway::Stage')[0]?.props;
  const methods = ctx.referrers(ctx.id, 'AWS::ApiGateway::Method').map((m) => m.props);
  const authorizers = ctx.referrers(ctx.id, 'AWS::ApiGateway::Authorizer').map((a) => a.props);
  const throttling = obj(list(deep(ctx, stage?.MethodSettings)).map(obj)[0]);
  return props({
    apiType: 'rest',
    authorizer: apiAuthorizer(
      ctx,
      authorizers.some((a) => str(ctx, a.Type) === 'COGNITO_USER_POOLS') ? 'cognito' : undefined,
      methods.map((m) => m.AuthorizationType),
    ),
    accessLogs: stage !== undefined && given(ctx, stage.AccessLogSetting),
    tracing: (stage && bool(ctx, stage.TracingEnabled)) ?? false,
    requestValidation: methods.length > 0 && methods.every((m) => given(ctx, m.RequestValidatorId)),
    throttleRateLimit: num(ctx, throttling.ThrottlingRateLimit),
    throttleBurstLimit: num(ctx, throttling.ThrottlingBurstLimit),
  });
};
/** An HTTP API's settings: its stage (logs, throttling), a JWT authorizer, IAM-authorized routes. */
const httpApi: Reader = (p, ctx) => {
  if (str(ctx, p.ProtocolType) === 'WEBSOCKET') return props({ apiType: 'websocket' });
  const stage = ctx.referrers(ctx.id, 'AWS::ApiGatewayV2::Stage')[0]?.props;
  const routes = ctx.referrers(ctx.id, 'AWS::ApiGatewayV2::Route').map((r) => r.props);
  const authorizers = ctx.referrers(ctx.id, 'AWS::ApiGatewayV2::Authorizer').map((a) => a.props);
  const throttling = obj(deep(ctx, stage?.DefaultRouteSettings));
  return props({
    apiType: 'http',
    authorizer: apiAuthorizer(
      ctx,
      authorizers.some((a) => str(ctx, a.AuthorizerType) === 'JWT') ? 'jwt' : undefined,
      routes.map((r) => r.AuthorizationType),
    ),
    accessLogs: stage !== undefined && given(ctx, stage.AccessLogSettings),
    tracing: false,
    throttleRateLimit: num(ctx, throttling.ThrottlingRateLimit),
    throttleBurstLimit: num(ctx, throttling.ThrottlingBurstLimit),
  });
};

function samAuth(ctx: ReadContext, auth: Record<string, unknown>): string {
  const name = str(ctx, auth.DefaultAuthorizer);
  if (!name) return 'none';
  if (name === 'AWS_IAM') return 'iam';
  const def = obj(obj(auth.Authorizers)[name]);
  if (def.UserPoolArn !== undefined) return 'cognito';
  if (def.JwtConfiguration !== undefined) return 'jwt';
  return 'none';
}
const samApi: Reader = (p, ctx) =>
  props({
    apiType: 'rest',
    authorizer: samAuth(ctx, obj(p.Auth)),
    accessLogs: given(ctx, p.AccessLogSetting),
    tracing: bool(ctx, p.TracingEnabled) ?? false,
  });
const samHttpApi: Reader = (p, ctx) =>
  props({
    apiType: 'http',
    authorizer: samAuth(ctx, obj(p.Auth)),
    accessLogs: given(ctx, p.AccessLogSettings),
    tracing: false,
  });

const alb: Reader = (p, ctx) => {
  const attrs = new Map(
    list(deep(ctx, p.LoadBalancerAttributes)).map((a) => [
      String(obj(a).Key),
      // A value may differ per environment (`!If`, a parameter): this environment's.
      String(ctx.value(obj(a).Value) ?? ''),
    ]),
  );
  return props({
    scheme: str(ctx, p.Scheme) ?? 'internet-facing',
    idleTimeoutSeconds: attrs.has('idle_timeout.timeout_seconds')
      ? Number(attrs.get('idle_timeout.timeout_seconds'))
      : 60,
    accessLogs: attrs.get('access_logs.s3.enabled') === 'true',
    dropInvalidHeaders: attrs.get('routing.http.drop_invalid_header_fields.enabled') === 'true',
    waf: ctx.referrers(ctx.id, 'AWS::WAFv2::WebACLAssociation').length > 0,
    // The HTTPS listener's certificate when it is an ARN (a certificate resource of the template is
    // no value here: its listener is kept with it, remade.ts).
    certificateArn: ctx
      .referrers(ctx.id, 'AWS::ElasticLoadBalancingV2::Listener')
      .filter((l) => str(ctx, l.props.Protocol) === 'HTTPS')
      .flatMap((l) => list(deep(ctx, l.props.Certificates)).map((c) => str(ctx, obj(c).CertificateArn)))
      .find((arn) => arn !== undefined && arn.startsWith('arn:')),
  });
};

/** `!If [Cond, !Ref <parameter>, !Ref AWS::NoValue]`: a web ACL given as a parameter where it is set. */
function webAclSlot(ctx: ReadContext, v: unknown): boolean {
  const branches = list(obj(v)['Fn::If']);
  const chosen = obj(branches[1]).Ref;
  return typeof chosen === 'string' && !chosen.startsWith('AWS::') && ctx.resource(branches[1]) === undefined;
}

const cloudfront: Reader = (p, ctx) => {
  const c = obj(deep(ctx, p.DistributionConfig));
  // Names a drawn hosted zone points at the distribution come from its alias connection.
  const fromZones = new Set(
    ctx
      .referrers(ctx.id, 'AWS::Route53::RecordSet')
      .filter((record) => ctx.isNode(record.props.HostedZoneId))
      .map((record) => str(ctx, record.props.Name)?.replace(/\.$/, '')),
  );
  const aliases = list(deep(ctx, c.Aliases)).filter(
    (a): a is string => typeof a === 'string' && !fromZones.has(a.replace(/\.$/, '')),
  );
  const cert = str(ctx, obj(deep(ctx, c.ViewerCertificate)).AcmCertificateArn);
  return props({
    priceClass: str(ctx, c.PriceClass) ?? 'PriceClass_All',
    defaultRootObject: str(ctx, c.DefaultRootObject),
    accessLogs: given(ctx, c.Logging),
    // A drawn web ACL protects it through its connection; waf is the distribution's own.
    // archgen takes a web ACL's ARN (us-east-1) as a parameter, "" for none: that slot is the WAF.
    waf: (given(ctx, c.WebACLId) || webAclSlot(ctx, c.WebACLId)) && !ctx.isNode(c.WebACLId),
    aliases: aliases.length > 0 ? aliases.join(', ') : undefined,
    certificateArn: cert,
  });
};

const ecsService: Reader = (p, ctx) => {
  const task = ctx.resource(p.TaskDefinition)?.props ?? {};
  const container = obj(list(deep(ctx, task.ContainerDefinitions))[0]);
  const port = obj(list(container.PortMappings)[0]).ContainerPort;
  const strategy = list(deep(ctx, p.CapacityProviderStrategy)).map(obj);
  const breaker = obj(obj(deep(ctx, p.DeploymentConfiguration)).DeploymentCircuitBreaker);
  const target = ctx.referrers(ctx.id, 'AWS::ApplicationAutoScaling::ScalableTarget')[0];
  const tracking = target
    ? ctx
        .referrers(target.id, 'AWS::ApplicationAutoScaling::ScalingPolicy')
        .map((policy) => obj(deep(ctx, policy.props.TargetTrackingScalingPolicyConfiguration)))
        .find(
          (c) =>
            obj(c.PredefinedMetricSpecification).PredefinedMetricType === 'ECSServiceAverageCPUUtilization',
        )
    : undefined;
  // Step scaling: a policy that adds tasks when its CPU alarm goes off (the alarm's threshold is
  // the target CPU; the scale-in policy's alarm sits at half of it).
  const stepOut = target
    ? ctx
        .referrers(target.id, 'AWS::ApplicationAutoScaling::ScalingPolicy')
        .filter((policy) => str(ctx, policy.props.PolicyType) === 'StepScaling')
        .flatMap((policy) => ctx.referrers(policy.id, 'AWS::CloudWatch::Alarm'))
        .find((alarm) => str(ctx, alarm.props.ComparisonOperator) === 'GreaterThanOrEqualToThreshold')
    : undefined;
  return props({
    cpu: str(ctx, task.Cpu),
    memoryMiB: num(ctx, task.Memory),
    image: typeof container.Image === 'string' ? container.Image : undefined,
    containerPort: typeof port === 'number' ? port : undefined,
    desiredCount: num(ctx, p.DesiredCount) ?? 1,
    // Target tracking on CPU, or the scalable target's own schedule (business hours).
    scaling: tracking
      ? 'target-tracking'
      : stepOut
        ? 'step'
        : target && list(deep(ctx, target.props.ScheduledActions)).length > 0
          ? 'scheduled'
          : 'none',
    minCount: target ? num(ctx, target.props.MinCapacity) : undefined,
    maxCount: target ? num(ctx, target.props.MaxCapacity) : undefined,
    targetCpuPercent: tracking
      ? num(ctx, tracking.TargetValue)
      : stepOut
        ? num(ctx, stepOut.props.Threshold)
        : undefined,
    spot: strategy.some((s) => s.CapacityProvider === 'FARGATE_SPOT'),
    readonlyRootFilesystem: container.ReadonlyRootFilesystem === true,
    circuitBreaker: breaker.Enable === true,
  });
};

const asg: Reader = (p, ctx) => {
  // Spot capacity comes with a mixed instances policy (which then names the launch template).
  const mixed = given(ctx, p.MixedInstancesPolicy) ? obj(deep(ctx, p.MixedInstancesPolicy)) : undefined;
  const mixedTemplate = obj(obj(mixed?.LaunchTemplate).LaunchTemplateSpecification).LaunchTemplateId;
  const lt = ctx.resource(
    given(ctx, p.LaunchTemplate) ? obj(deep(ctx, p.LaunchTemplate)).LaunchTemplateId : mixedTemplate,
  )?.props;
  const lc = ctx.resource(p.LaunchConfigurationName)?.props;
  const instanceType = str(ctx, obj(lt?.LaunchTemplateData).InstanceType) ?? str(ctx, lc?.InstanceType);
  return props({
    instanceType,
    minSize: num(ctx, p.MinSize),
    maxSize: num(ctx, p.MaxSize),
    desiredCapacity: num(ctx, p.DesiredCapacity),
    useSpot: mixed
      ? num(ctx, obj(mixed.InstancesDistribution).OnDemandPercentageAboveBaseCapacity) === 0
      : false,
  });
};

/** A cluster and its (first) managed node group. */
const eks: Reader = (p, ctx) => {
  const nodes = ctx.referrers(ctx.id, 'AWS::EKS::Nodegroup')[0]?.props ?? {};
  const scaling = obj(deep(ctx, nodes.ScalingConfig));
  return props({
    version: str(ctx, p.Version),
    endpointPublicAccess: bool(ctx, obj(p.ResourcesVpcConfig).EndpointPublicAccess) ?? true,
    nodeInstanceType: str(ctx, list(deep(ctx, nodes.InstanceTypes))[0]),
    spot: nodes.CapacityType !== undefined ? str(ctx, nodes.CapacityType) === 'SPOT' : undefined,
    nodeMin: num(ctx, scaling.MinSize),
    nodeMax: num(ctx, scaling.MaxSize),
    nodeDesired: num(ctx, scaling.DesiredSize),
  });
};

const rds: Reader = (p, ctx) => {
  const engine = str(ctx, p.Engine);
  return props({
    engine:
      engine === 'postgres' || engine === 'mysql' ? engine : engine ? `unsupported:${engine}` : undefined,
    engineVersion: str(ctx, p.EngineVersion),
    instanceClass: str(ctx, p.DBInstanceClass),
    allocatedStorageGb: num(ctx, p.AllocatedStorage),
    multiAz: bool(ctx, p.MultiAZ) ?? false,
    backupRetentionDays: num(ctx, p.BackupRetentionPeriod) ?? 1,
    deletionProtection: deletionProtection(ctx, p.DeletionProtection, true),
    storageEncrypted: bool(ctx, p.StorageEncrypted) ?? false,
    iamAuth: bool(ctx, p.EnableIAMDatabaseAuthentication) ?? false,
    publiclyAccessible: bool(ctx, p.PubliclyAccessible) ?? false,
    port: num(ctx, p.Port),
    onDelete: onDelete(ctx, true),
  });
};

const aurora: Reader = (p, ctx) => {
  const raw = str(ctx, p.Engine);
  const engine = raw === 'aurora' ? 'aurora-mysql' : raw;
  const version = str(ctx, p.EngineVersion);
  const v2 = obj(deep(ctx, p.ServerlessV2ScalingConfiguration));
  // Its instances in this environment (a reader may exist only where a Condition holds): one writes.
  const instances = ctx.referrers(ctx.id, 'AWS::RDS::DBInstance');
  const instanceClass = instances
    .map((i) => str(ctx, i.props.DBInstanceClass))
    .find((c) => c !== 'db.serverless');
  return props({
    engine,
    readers: instances.length > 0 ? instances.length - 1 : undefined,
    instanceClass,
    ...(engine === 'aurora-postgresql' ? { postgresVersion: version } : { mysqlVersion: version }),
    capacity: given(ctx, p.ServerlessV2ScalingConfiguration) ? 'serverless-v2' : 'provisioned',
    minAcu: num(ctx, v2.MinCapacity),
    maxAcu: num(ctx, v2.MaxCapacity),
    backupRetentionDays: num(ctx, p.BackupRetentionPeriod) ?? 1,
    deletionProtection: deletionProtection(ctx, p.DeletionProtection, true),
    storageEncrypted: bool(ctx, p.StorageEncrypted) ?? false,
    iamAuth: bool(ctx, p.EnableIAMDatabaseAuthentication) ?? false,
    onDelete: onDelete(ctx, true),
  });
};

const replicationGroup: Reader = (p, ctx) =>
  props({
    engine: str(ctx, p.Engine) ?? 'redis',
    redisVersion: str(ctx, p.EngineVersion),
    nodeType: str(ctx, p.CacheNodeType),
    nodes: num(ctx, p.NumCacheClusters),
    automaticFailover: bool(ctx, p.AutomaticFailoverEnabled) ?? false,
    atRestEncryption: bool(ctx, p.AtRestEncryptionEnabled) ?? false,
    transitEncryption: bool(ctx, p.TransitEncryptionEnabled) ?? false,
    authToken: given(ctx, p.AuthToken),
    snapshotRetentionDays: num(ctx, p.SnapshotRetentionLimit) ?? 0,
  });
const cacheCluster: Reader = (p, ctx) =>
  props({
    engine: str(ctx, p.Engine),
    redisVersion: str(ctx, p.Engine) === 'redis' ? str(ctx, p.EngineVersion) : undefined,
    nodeType: str(ctx, p.CacheNodeType),
    nodes: num(ctx, p.NumCacheNodes),
    automaticFailover: false,
    atRestEncryption: false,
    transitEncryption: bool(ctx, p.TransitEncryptionEnabled) ?? false,
    authToken: false,
    snapshotRetentionDays: num(ctx, p.SnapshotRetentionLimit) ?? 0,
  });

const opensearch: Reader = (p, ctx) => {
  const cluster = obj(deep(ctx, p.ClusterConfig ?? p.ElasticsearchClusterConfig));
  const ebs = obj(deep(ctx, p.EBSOptions));
  const esVersion = str(ctx, p.ElasticsearchVersion);
  return props({
    engineVersion: str(ctx, p.EngineVersion) ?? (esVersion ? `Elasticsearch_${esVersion}` : undefined),
    instanceType: str(ctx, cluster.InstanceType),
    instanceCount: num(ctx, cluster.InstanceCount),
    dedicatedMasters: bool(ctx, cluster.DedicatedMasterEnabled) === true,
    zoneAwareness: bool(ctx, cluster.ZoneAwarenessEnabled) === true,
    volumeSizeGb: num(ctx, ebs.VolumeSize),
    encryptionAtRest: bool(ctx, obj(deep(ctx, p.EncryptionAtRestOptions)).Enabled) === true,
    nodeToNodeEncryption: bool(ctx, obj(deep(ctx, p.NodeToNodeEncryptionOptions)).Enabled) === true,
    enforceHttps: bool(ctx, obj(deep(ctx, p.DomainEndpointOptions)).EnforceHTTPS) === true,
    onDelete: onDelete(ctx, false),
  });
};

const neptune: Reader = (p, ctx) => {
  const instances = ctx.referrers(ctx.id, 'AWS::Neptune::DBInstance');
  return props({
    engineVersion: str(ctx, p.EngineVersion),
    instances: instances.length > 0 ? instances.length : undefined,
    instanceClass: instances.map((i) => str(ctx, i.props.DBInstanceClass)).find((c) => c !== undefined),
    backupRetentionDays: num(ctx, p.BackupRetentionPeriod) ?? 1,
    storageEncrypted: bool(ctx, p.StorageEncrypted) ?? false,
    iamAuth: bool(ctx, p.IamAuthEnabled) ?? false,
    deletionProtection: deletionProtection(ctx, p.DeletionProtection, true),
    onDelete: onDelete(ctx, true),
  });
};

const kinesis: Reader = (p, ctx) => {
  const mode = str(ctx, obj(p.StreamModeDetails).StreamMode);
  return props({
    mode: mode === 'ON_DEMAND' ? 'on-demand' : 'provisioned',
    shards: num(ctx, p.ShardCount),
    retentionHours: num(ctx, p.RetentionPeriodHours) ?? 24,
    encryption: given(ctx, p.StreamEncryption),
  });
};

const rule: Reader = (p, ctx) => {
  const pattern = p.EventPattern === undefined ? undefined : ctx.partial(p.EventPattern);
  const schedule = str(ctx, p.ScheduleExpression);
  return props({
    eventPattern:
      typeof pattern === 'string'
        ? pattern
        : pattern && typeof pattern === 'object'
          ? JSON.stringify(pattern)
          : '',
    schedule,
    // A rule with no target has no dead-letter queue to say anything about.
    targetDlq:
      list(p.Targets).length > 0
        ? list(deep(ctx, p.Targets)).some((t) => given(ctx, obj(t).DeadLetterConfig))
        : undefined,
  });
};

/** The definition as an object: inline, or a JSON string (also the text of a Sub). */
function definitionOf(p: Record<string, unknown>): Record<string, unknown> {
  if (p.Definition !== undefined) return obj(p.Definition);
  const source = p.DefinitionString;
  const sub = obj(source)['Fn::Sub'];
  const text = typeof source === 'string' ? source : typeof sub === 'string' ? sub : list(sub)[0];
  if (typeof text !== 'string') return {};
  try {
    return obj(JSON.parse(text));
  } catch {
    return {};
  }
}

/**
 * Retries and catches of the first task state, one row per error name (ASL's defaults where a
 * field is absent); a catch ends as handled when its next state succeeds.
 */
function errorHandling(definition: Record<string, unknown>): {
  retries?: PropertyValue[];
  catches?: PropertyValue[];
} {
  const states = obj(definition.States);
  const task = Object.values(states)
    .map(obj)
    .find((state) => state.Type === 'Task');
  if (!task) return {};
  const number = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  return {
    retries: list(task.Retry)
      .map(obj)
      .flatMap((r) =>
        list(r.ErrorEquals).map((errorName) => ({
          errorName: String(errorName),
          maxAttempts: number(r.MaxAttempts, 3),
          intervalSeconds: number(r.IntervalSeconds, 1),
          backoffRate: number(r.BackoffRate, 2),
        })),
      ),
    catches: list(task.Catch)
      .map(obj)
      .flatMap((c) =>
        list(c.ErrorEquals).map((errorName) => ({
          errorName: String(errorName),
          then: obj(states[String(c.Next)]).Type === 'Succeed' ? 'succeed' : 'fail',
        })),
      ),
  };
}

const stateMachine: Reader = (p, ctx) => {
  const logging = obj(deep(ctx, p.LoggingConfiguration ?? p.Logging));
  const tracing = obj(deep(ctx, p.TracingConfiguration ?? p.Tracing));
  return props({
    ...errorHandling(definitionOf(p)),
    workflowType: str(ctx, p.StateMachineType ?? p.Type) ?? 'STANDARD',
    logLevel: str(ctx, logging.Level) ?? 'OFF',
    tracing: bool(ctx, tracing.Enabled) === true,
  });
};

const userPool: Reader = (p, ctx) => {
  const mfa = str(ctx, p.MfaConfiguration);
  const policy = obj(obj(deep(ctx, p.Policies)).PasswordPolicy);
  return props({
    mfa: mfa === 'ON' ? 'required' : mfa === 'OPTIONAL' ? 'optional' : 'off',
    passwordMinLength: typeof policy.MinimumLength === 'number' ? policy.MinimumLength : 8,
    advancedSecurity: obj(deep(ctx, p.UserPoolAddOns)).AdvancedSecurityMode === 'ENFORCED',
  });
};

const secret: Reader = (p, ctx) => {
  const rotation = ctx.referrers(ctx.id, 'AWS::SecretsManager::RotationSchedule')[0];
  const days = rotation ? num(ctx, obj(rotation.props.RotationRules).AutomaticallyAfterDays) : undefined;
  return props({ description: str(ctx, p.Description), rotationDays: days ?? (rotation ? 30 : 0) });
};

const athena: Reader = (p, ctx) => {
  const c = obj(deep(ctx, p.WorkGroupConfiguration));
  const cutoff = num(ctx, c.BytesScannedCutoffPerQuery);
  return props({
    enforceConfiguration: bool(ctx, c.EnforceWorkGroupConfiguration) === true,
    // archgen and the console count the limit in GiB.
    bytesScannedCutoffGb: cutoff !== undefined ? Math.round(cutoff / 2 ** 30) : 0,
    resultsEncryption: given(ctx, obj(c.ResultConfiguration).EncryptionConfiguration),
  });
};

const logGroup: Reader = (p, ctx) =>
  props({
    retentionDays: num(ctx, p.RetentionInDays),
    // A drawn key encrypts it through its connection (the catalog's value stands); else its own.
    kmsEncryption: ctx.isNode(p.KmsKeyId) ? undefined : given(ctx, p.KmsKeyId),
  });

const alarm: Reader = (p, ctx) =>
  props({
    metricName: str(ctx, p.MetricName),
    statistic: str(ctx, p.Statistic),
    threshold: num(ctx, p.Threshold),
    evaluationPeriods: num(ctx, p.EvaluationPeriods),
    periodSeconds: num(ctx, p.Period),
    comparison: str(ctx, p.ComparisonOperator),
  });

/** The retention of its (first) table. */
const timestream: Reader = (_p, ctx) => {
  const table = ctx.referrers(ctx.id, 'AWS::Timestream::Table')[0];
  const retention = obj(deep(ctx, table?.props.RetentionProperties));
  return props({
    memoryRetentionHours: num(ctx, retention.MemoryStoreRetentionPeriodInHours),
    magneticRetentionDays: num(ctx, retention.MagneticStoreRetentionPeriodInDays),
  });
};
/**
 * Its archive's retention (per environment, through its parameter). An archive kept forever (no
 * RetentionDays, or 0) has no such setting: 0 here, and the archive is kept as written (remade.ts).
 */
const bus: Reader = (_p, ctx) => {
  const archive = ctx.referrers(ctx.id, 'AWS::Events::Archive')[0];
  return archive ? props({ archiveDays: num(ctx, archive.props.RetentionDays) ?? 0 }) : {};
};

/** CloudFormation and SAM types that are catalog services. */
export const SERVICE_TYPES: Readonly<Record<string, ServiceMapping>> = {
  'AWS::Lambda::Function': { service: 'lambda', read: lambda },
  'AWS::Serverless::Function': { service: 'lambda', read: lambda },
  'AWS::SQS::Queue': { service: 'sqs', read: sqs },
  'AWS::SNS::Topic': { service: 'sns', read: sns },
  'AWS::DynamoDB::Table': { service: 'dynamodb', read: dynamodb },
  'AWS::Serverless::SimpleTable': { service: 'dynamodb', read: simpleTable },
  'AWS::S3::Bucket': { service: 's3', read: s3 },
  'AWS::ApiGateway::RestApi': { service: 'api-gateway', read: restApi },
  'AWS::ApiGatewayV2::Api': { service: 'api-gateway', read: httpApi },
  'AWS::Serverless::Api': { service: 'api-gateway', read: samApi },
  'AWS::Serverless::HttpApi': { service: 'api-gateway', read: samHttpApi },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { service: 'alb', read: alb },
  'AWS::CloudFront::Distribution': { service: 'cloudfront', read: cloudfront },
  'AWS::ECS::Service': { service: 'ecs-fargate', read: ecsService },
  'AWS::AutoScaling::AutoScalingGroup': { service: 'ec2-asg', read: asg },
  'AWS::EKS::Cluster': { service: 'eks', read: eks },
  'AWS::RDS::DBInstance': { service: 'rds', read: rds },
  'AWS::RDS::DBCluster': { service: 'aurora', read: aurora },
  'AWS::ElastiCache::ReplicationGroup': { service: 'elasticache', read: replicationGroup },
  'AWS::ElastiCache::CacheCluster': { service: 'elasticache', read: cacheCluster },
  'AWS::OpenSearchService::Domain': { service: 'opensearch', read: opensearch },
  'AWS::Elasticsearch::Domain': { service: 'opensearch', read: opensearch },
  'AWS::Neptune::DBCluster': { service: 'neptune', read: neptune },
  'AWS::Kinesis::Stream': { service: 'kinesis-stream', read: kinesis },
  'AWS::Events::EventBus': { service: 'eventbridge-bus', read: bus },
  'AWS::Events::Rule': { service: 'eventbridge-rule', read: rule },
  'AWS::StepFunctions::StateMachine': { service: 'step-functions', read: stateMachine },
  'AWS::Serverless::StateMachine': { service: 'step-functions', read: stateMachine },
  'AWS::Cognito::UserPool': { service: 'cognito-user-pool', read: userPool },
  'AWS::SecretsManager::Secret': { service: 'secret', read: secret },
  'AWS::Athena::WorkGroup': { service: 'athena-workgroup', read: athena },
  'AWS::Timestream::Database': { service: 'timestream', read: timestream },
  // Only an instance shaped like a bastion (import.ts classify); any other is kept.
  'AWS::EC2::Instance': { service: 'bastion', read: bastion },
  'AWS::Logs::LogGroup': { service: 'log-group', read: logGroup },
  'AWS::CloudWatch::Alarm': { service: 'cloudwatch-alarm', read: alarm },
  // One reader per service in readers/ (the services the catalog gained with the secure web app).
  'AWS::KMS::Key': { service: 'kms-key', read: kmsKey },
  'AWS::EC2::VPCEndpoint': { service: 'vpc-endpoint', read: vpcEndpoint },
  'AWS::Route53::HostedZone': { service: 'route53-zone', read: route53Zone },
  'AWS::ECR::Repository': { service: 'ecr-repository', read: ecrRepository },
  'AWS::WAFv2::WebACL': { service: 'waf-web-acl', read: wafWebAcl },
  'AWS::CertificateManager::Certificate': { service: 'acm-certificate', read: acmCertificate },
  'AWS::EFS::FileSystem': { service: 'efs', read: efs },
  'AWS::Backup::BackupPlan': { service: 'backup-plan', read: backupPlan },
  'AWS::CloudTrail::Trail': { service: 'cloudtrail', read: cloudtrail },
  'AWS::Config::ConfigurationRecorder': { service: 'config-recorder', read: configRecorder },
  'AWS::KinesisFirehose::DeliveryStream': { service: 'firehose', read: firehose },
  'AWS::MSK::Cluster': { service: 'msk-cluster', read: mskCluster },
};

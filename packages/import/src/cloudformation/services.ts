/**
 * CloudFormation (and SAM) resource types that become catalog services, and how each reads its
 * catalog properties from the source. A reader sets what the source says, and where the source
 * is silent, what AWS does by default (a Lambda function without Timeout runs 3 seconds), so
 * the design describes the deployed system rather than the catalog's recommendations.
 * Values the catalog would refuse are dropped by the caller with a warning.
 */
import {
  bool,
  deep,
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
import { cloudtrail } from './readers/cloudtrail.ts';
import { configRecorder } from './readers/config-recorder.ts';
import { ecrRepository } from './readers/ecr-repository.ts';
import { efs } from './readers/efs.ts';
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
  return props({
    runtime: str(ctx, p.Runtime),
    architecture: str(ctx, list(deep(ctx, p.Architectures))[0]) ?? 'x86_64',
    memorySize: num(ctx, p.MemorySize) ?? 128,
    timeoutSeconds: num(ctx, p.Timeout) ?? 3,
    reservedConcurrency: num(ctx, p.ReservedConcurrentExecutions),
    tracing: tracing === 'Active',
    handler: str(ctx, p.Handler),
    structuredLogging: str(ctx, obj(p.LoggingConfig).LogFormat) === 'JSON',
  });
};

const sqs: Reader = (p, ctx) => {
  const redrive = obj(deep(ctx, p.RedrivePolicy));
  // Another queue's redrive policy names this one: it is a dead-letter queue.
  const isDlq = ctx.referrers(ctx.id, 'AWS::SQS::Queue').length > 0;
  return props({
    fifo: bool(ctx, p.FifoQueue) ?? false,
    visibilityTimeoutSeconds: num(ctx, p.VisibilityTimeout) ?? 30,
    retentionSeconds: num(ctx, p.MessageRetentionPeriod) ?? 345600,
    encryption: p.KmsMasterKeyId !== undefined ? 'kms' : 'sqs-managed',
    deadLetterQueue: p.RedrivePolicy !== undefined,
    maxReceiveCount: num(ctx, redrive.maxReceiveCount),
    ...(isDlq ? { isDeadLetterQueue: true } : {}),
  });
};

const sns: Reader = (p, ctx) =>
  props({ fifo: bool(ctx, p.FifoTopic) ?? false, kmsEncryption: p.KmsMasterKeyId !== undefined });

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
  const rules = list(obj(deep(ctx, p.LifecycleConfiguration)).Rules).map(obj);
  const whole = rules.find((r) => r.Status !== 'Disabled' && !r.Prefix && !obj(r.Filter).Prefix);
  const transition = (cls: string) =>
    list(whole?.Transitions)
      .map(obj)
      .find((t) => t.StorageClass === cls)?.TransitionInDays;
  return props({
    versioned: str(ctx, obj(p.VersioningConfiguration).Status) === 'Enabled',
    encryption: typeof algo === 'string' && algo.startsWith('aws:kms') ? 'kms' : 's3-managed',
    // New buckets block public access unless the template says otherwise (AWS default since 2023).
    blockPublicAccess: block
      ? ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].every(
          (k) => block[k] === true || block[k] === 'true',
        )
      : true,
    accessLogs: p.LoggingConfiguration !== undefined,
    expirationDays: whole ? num(ctx, whole.ExpirationInDays) : undefined,
    transitionToIaDays: whole ? num(ctx, transition('STANDARD_IA')) : undefined,
    transitionToGlacierDays: whole ? num(ctx, transition('GLACIER')) : undefined,
    eventNotifications: obj(p.NotificationConfiguration).EventBridgeConfiguration !== undefined,
    onDelete: onDelete(ctx, false),
  });
};

const restApi: Reader = () =>
  props({ apiType: 'rest', authorizer: 'none', accessLogs: false, tracing: false });
const httpApi: Reader = (p, ctx) =>
  str(ctx, p.ProtocolType) === 'WEBSOCKET'
    ? props({ apiType: 'websocket' })
    : props({ apiType: 'http', authorizer: 'none', accessLogs: false, tracing: false });

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
    accessLogs: p.AccessLogSetting !== undefined,
    tracing: bool(ctx, p.TracingEnabled) ?? false,
  });
const samHttpApi: Reader = (p, ctx) =>
  props({
    apiType: 'http',
    authorizer: samAuth(ctx, obj(p.Auth)),
    accessLogs: p.AccessLogSettings !== undefined,
    tracing: false,
  });

const alb: Reader = (p, ctx) => {
  const attrs = new Map(
    list(deep(ctx, p.LoadBalancerAttributes)).map((a) => [String(obj(a).Key), String(obj(a).Value)]),
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

const cloudfront: Reader = (p, ctx) => {
  const c = obj(deep(ctx, p.DistributionConfig));
  const aliases = list(c.Aliases).filter((a) => typeof a === 'string');
  const cert = obj(c.ViewerCertificate).AcmCertificateArn;
  return props({
    priceClass: typeof c.PriceClass === 'string' ? c.PriceClass : 'PriceClass_All',
    defaultRootObject: typeof c.DefaultRootObject === 'string' ? c.DefaultRootObject : undefined,
    accessLogs: c.Logging !== undefined,
    waf: c.WebACLId !== undefined,
    aliases: aliases.length > 0 ? aliases.join(', ') : undefined,
    certificateArn: typeof cert === 'string' ? cert : undefined,
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
  return props({
    cpu: str(ctx, task.Cpu),
    memoryMiB: num(ctx, task.Memory),
    image: typeof container.Image === 'string' ? container.Image : undefined,
    containerPort: typeof port === 'number' ? port : undefined,
    desiredCount: num(ctx, p.DesiredCount) ?? 1,
    scaling: tracking ? 'target-tracking' : 'none',
    minCount: target ? num(ctx, target.props.MinCapacity) : undefined,
    maxCount: target ? num(ctx, target.props.MaxCapacity) : undefined,
    targetCpuPercent: tracking ? num(ctx, tracking.TargetValue) : undefined,
    spot: strategy.some((s) => s.CapacityProvider === 'FARGATE_SPOT'),
    readonlyRootFilesystem: container.ReadonlyRootFilesystem === true,
    circuitBreaker: breaker.Enable === true,
  });
};

const asg: Reader = (p, ctx) => {
  const lt = ctx.resource(obj(p.LaunchTemplate).LaunchTemplateId)?.props;
  const lc = ctx.resource(p.LaunchConfigurationName)?.props;
  const instanceType = str(ctx, obj(lt?.LaunchTemplateData).InstanceType) ?? str(ctx, lc?.InstanceType);
  return props({
    instanceType,
    minSize: num(ctx, p.MinSize),
    maxSize: num(ctx, p.MaxSize),
    desiredCapacity: num(ctx, p.DesiredCapacity),
  });
};

const eks: Reader = (p, ctx) =>
  props({
    version: str(ctx, p.Version),
    endpointPublicAccess: bool(ctx, obj(p.ResourcesVpcConfig).EndpointPublicAccess) ?? true,
  });

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
    deletionProtection: bool(ctx, p.DeletionProtection) ?? false,
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
  return props({
    engine,
    ...(engine === 'aurora-postgresql' ? { postgresVersion: version } : { mysqlVersion: version }),
    capacity: p.ServerlessV2ScalingConfiguration !== undefined ? 'serverless-v2' : 'provisioned',
    minAcu: num(ctx, v2.MinCapacity),
    maxAcu: num(ctx, v2.MaxCapacity),
    backupRetentionDays: num(ctx, p.BackupRetentionPeriod) ?? 1,
    deletionProtection: bool(ctx, p.DeletionProtection) ?? false,
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
    authToken: p.AuthToken !== undefined,
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
    instanceType: typeof cluster.InstanceType === 'string' ? cluster.InstanceType : undefined,
    instanceCount: typeof cluster.InstanceCount === 'number' ? cluster.InstanceCount : undefined,
    dedicatedMasters: cluster.DedicatedMasterEnabled === true,
    zoneAwareness: cluster.ZoneAwarenessEnabled === true,
    volumeSizeGb: typeof ebs.VolumeSize === 'number' ? ebs.VolumeSize : undefined,
    encryptionAtRest: obj(deep(ctx, p.EncryptionAtRestOptions)).Enabled === true,
    nodeToNodeEncryption: obj(deep(ctx, p.NodeToNodeEncryptionOptions)).Enabled === true,
    enforceHttps: obj(deep(ctx, p.DomainEndpointOptions)).EnforceHTTPS === true,
    onDelete: onDelete(ctx, false),
  });
};

const neptune: Reader = (p, ctx) =>
  props({
    engineVersion: str(ctx, p.EngineVersion),
    backupRetentionDays: num(ctx, p.BackupRetentionPeriod) ?? 1,
    storageEncrypted: bool(ctx, p.StorageEncrypted) ?? false,
    iamAuth: bool(ctx, p.IamAuthEnabled) ?? false,
    deletionProtection: bool(ctx, p.DeletionProtection) ?? false,
    onDelete: onDelete(ctx, true),
  });

const kinesis: Reader = (p, ctx) => {
  const mode = str(ctx, obj(p.StreamModeDetails).StreamMode);
  return props({
    mode: mode === 'ON_DEMAND' ? 'on-demand' : 'provisioned',
    shards: num(ctx, p.ShardCount),
    retentionHours: num(ctx, p.RetentionPeriodHours) ?? 24,
    encryption: p.StreamEncryption !== undefined,
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
    targetDlq: list(p.Targets).some((t) => obj(t).DeadLetterConfig !== undefined),
  });
};

const stateMachine: Reader = (p, ctx) => {
  const logging = obj(deep(ctx, p.LoggingConfiguration ?? p.Logging));
  const tracing = obj(deep(ctx, p.TracingConfiguration ?? p.Tracing));
  return props({
    workflowType: str(ctx, p.StateMachineType ?? p.Type) ?? 'STANDARD',
    logLevel: typeof logging.Level === 'string' ? logging.Level : 'OFF',
    tracing: tracing.Enabled === true,
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
  const cutoff = typeof c.BytesScannedCutoffPerQuery === 'number' ? c.BytesScannedCutoffPerQuery : undefined;
  return props({
    enforceConfiguration: c.EnforceWorkGroupConfiguration === true,
    bytesScannedCutoffGb: cutoff !== undefined ? Math.round(cutoff / 1e9) : 0,
    resultsEncryption: obj(c.ResultConfiguration).EncryptionConfiguration !== undefined,
  });
};

const logGroup: Reader = (p, ctx) =>
  props({ retentionDays: num(ctx, p.RetentionInDays), kmsEncryption: p.KmsKeyId !== undefined });

const alarm: Reader = (p, ctx) =>
  props({
    metricName: str(ctx, p.MetricName),
    statistic: str(ctx, p.Statistic),
    threshold: num(ctx, p.Threshold),
    evaluationPeriods: num(ctx, p.EvaluationPeriods),
    periodSeconds: num(ctx, p.Period),
    comparison: str(ctx, p.ComparisonOperator),
  });

const timestream: Reader = () => ({});
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
  'AWS::MSK::Cluster': { service: 'msk-cluster', read: mskCluster },
};

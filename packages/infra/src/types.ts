/**
 * The resolved infrastructure graph: everything the three generators need, decided once.
 *
 * The lowering (`lower.ts`) turns a design into this graph. Generators only read it: they never
 * look at connections to work out an ingress rule or an IAM grant themselves, so CDK, Terraform
 * and CloudFormation always describe the same infrastructure.
 */
import type { ConnectionKind, PropertyValue, SubnetTier } from '@archgen/model';
import type { KeptPart } from './kept-parts.ts';

/** Names for one thing in each target's conventions, decided once (see naming.ts). */
export interface ResolvedNames {
  /** The user's display name (free text: escape before printing). */
  display: string;
  /** PascalCase, unique in the graph: CDK construct id and CloudFormation logical id. */
  logicalId: string;
  /** snake_case, unique in the graph: Terraform resource name. */
  tfName: string;
  /** kebab-case physical-name stem (<= 40 chars), prefixed at deploy time with design + env. */
  slug: string;
  /**
   * `logicalId` was kept from imported code (DesignNode.logicalIds): CDK pins it with
   * overrideLogicalId so its template keeps it too, and re-deploying replaces nothing.
   */
  kept?: true;
}

/**
 * A value that may differ between environments. `byEnv` holds every environment's value; when
 * all are equal, generators print the literal, otherwise a stage prop / tfvar / Parameter.
 */
export interface EnvValue<T extends PropertyValue = PropertyValue> {
  byEnv: Record<string, T>;
  /** True when at least two environments differ. */
  varies: boolean;
}

/**
 * A reference to another resource's attribute, resolved by each generator in its own idiom.
 *
 * `componentId` names a component of the graph. Attributes by component type:
 * - arn: every type with an ARN. For a log group it is the ARN WITHOUT the trailing ":*"
 *   (Terraform's `arn`; CloudFormation's GetAtt Arn and CDK's logGroupArn already end in ":*",
 *   strip it before appending `suffix`).
 * - name: table, queue, topic, bucket, function, bus, stream, log group, secret, rule, alarm,
 *   timestream database, REST API, OpenSearch domain, ECS service, Auto Scaling group, EKS
 *   cluster, Athena workgroup.
 * - url: sqs queue url. id: HTTP/REST API id, RDS instance / Aurora / Neptune cluster identifier,
 *   ElastiCache replication group id (memcached: cache cluster id), CloudFront distribution id,
 *   Cognito user pool id, the VPC's first NAT gateway id.
 * - endpoint: database/cache/search/graph endpoint address (writer for clusters). port: its port.
 * - streamArn: DynamoDB stream ARN. domainName: ALB or CloudFront DNS name, API endpoint host.
 * - fullName: the ALB's "app/<name>/<id>" (CloudWatch LoadBalancer dimension).
 * - clusterName: the ECS cluster the Fargate service runs in (the generator creates it).
 */
export interface ResourceRef {
  componentId: string;
  attribute:
    | 'arn'
    | 'name'
    | 'url'
    | 'id'
    | 'endpoint'
    | 'port'
    | 'streamArn'
    | 'domainName'
    | 'fullName'
    | 'clusterName'
    /** msk-cluster: the ARN prefix of its topics and consumer groups (append "/<name>" or "/*"). */
    | 'topicArn'
    | 'groupArn'
    /** efs: the ARN of its access point number `part` (0-based, `ResolvedFileSystem.accessPoints`). */
    | 'accessPointArn';
  /** Which of a component's parts the attribute is of (an EFS access point), for per-part attributes. */
  part?: number;
  /** Suffix appended to an ARN, e.g. "/*" for S3 objects or ":*" for log streams. */
  suffix?: string;
  /**
   * Print the name or ARN from the target's physical name (which the target then sets, see
   * `ResolvedComponent.namedUpFront`), not as a reference: set by the lowering where a reference
   * would close a dependency cycle, e.g. two functions that invoke each other.
   */
  byName?: true;
}

export interface ResolvedSubnet {
  tier: SubnetTier;
  azIndex: number;
  cidr: string;
  names: ResolvedNames;
}

export interface ResolvedVpc {
  id: string;
  names: ResolvedNames;
  cidr: string;
  /**
   * The design's AZ count, capped at the zones of the design's region and of every environment's
   * region (us-west-1 has two): every environment builds the same subnets.
   */
  azCount: number;
  /** Default AZ names for the design's region; generators expose them as a variable/parameter. */
  availabilityZones: string[];
  /**
   * Each environment's default AZ names (`azCount` of them), in its own region (graph.regions):
   * what that environment's parameter file / tfvars / config sets. Always filled by lowerDesign
   * (optional only for hand-written fixtures; read it through zonesIn).
   */
  availabilityZonesByEnv?: Record<string, string[]>;
  tiers: SubnetTier[];
  /** Every subnet with its final CIDR, in tier order (public, private, isolated) then AZ order. */
  subnets: ResolvedSubnet[];
  /**
   * True when the design gives some subnets' CIDRs. The plan is then not the compact carving of
   * one prefix in tier order that CDK's ec2.Vpc computes by itself, so a target that would let
   * its VPC construct carve must state every subnet's CIDR instead.
   */
  explicitSubnetCidrs: boolean;
  /** NAT gateways per environment: 0 (no private tier or no NAT node), 1 (shared) or azCount. */
  natGatewayCount: EnvValue<number>;
  /**
   * Flow logs to a CloudWatch log group component (`logGroupId`), delivered by the role `roleId`
   * (trust vpc-flow-logs.amazonaws.com), both present when enabled.
   */
  flowLogs: { enabled: boolean; logGroupId?: string; roleId?: string; retentionDays: number };
  /** Accepted risks whose target is this VPC (e.g. NET-03 for a single NAT). */
  acknowledgements?: Acknowledgement[];
}

/** A finding the design accepts, carried into the code with its reason. */
export interface Acknowledgement {
  ruleId: string;
  reason: string;
  /** Ids of the same check in cdk-nag, checkov, trivy, ... (from the rule registry). */
  equivalents: string[];
}

export interface SecurityGroupRule {
  /** Another component's security group, or a CIDR (only the public ALB/CloudFront front door). */
  peer: { componentId: string } | { cidr: string };
  port: number;
  protocol: 'tcp';
  /** From the connection label or meaning, e.g. "HTTPS from Web ALB". */
  description: string;
  /** The design connection this rule comes from, if any. */
  connectionId?: string;
}

export interface ResolvedSecurityGroup {
  id: string;
  componentId: string;
  vpcId: string;
  names: ResolvedNames;
  description: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  /** Egress on 443 to anywhere, for AWS APIs (through the NAT gateway or endpoints). */
  allowHttpsEgress: boolean;
}

/** An Allow statement. Actions are exact (never "*"); the sid is unique within its role. */
export interface PolicyStatement {
  sid: string;
  actions: string[];
  /** Empty only when `wildcardResource` is set. */
  resources: ResourceRef[];
  /** Conditions, all of which must hold (an EFS mount only through its access point). */
  conditions?: PolicyCondition[];
  /**
   * Set when AWS supports no resource-level permission for these actions (e.g.
   * xray:PutTraceSegments, logs:CreateLogDelivery): print Resource "*" and acknowledge
   * IAM-01 / AwsSolutions-IAM5 with `reason`.
   */
  wildcardResource?: { reason: string };
}

/** One IAM condition: `operator` (StringEquals, Bool) on `key` equal to `value`. */
export interface PolicyCondition {
  operator: 'StringEquals' | 'Bool';
  key: string;
  value: string | ResourceRef;
}

/** What a connection lets the source do to the target; CDK maps it to a grant method. */
export type GrantAccess =
  | 'read'
  | 'write'
  | 'read-write'
  | 'publish'
  | 'consume'
  | 'invoke'
  | 'start-execution'
  | 'read-secret'
  | 'write-logs'
  | 'query'
  /** Reading data encrypted with a drawn KMS key (keys.ts): kms:Decrypt on the key. */
  | 'decrypt'
  /** Writing (or reading and writing) data encrypted with a drawn KMS key: encrypt and decrypt. */
  | 'encrypt-decrypt'
  /** A Firehose stream's role writing objects to its destination bucket (firehose.ts). */
  | 'deliver';

export interface ResolvedGrant {
  /** The component granted access (a function, a Fargate service, ...). */
  granteeId: string;
  /**
   * The role the statements attach to (for Fargate the task role, for EKS the node role).
   * Always set by lowerDesign; optional only so hand-written fixtures may omit it.
   */
  roleId?: string;
  targetId: string;
  access: GrantAccess;
  connectionId?: string;
  /**
   * The exact least-privilege statements, also part of the role's `statements`. CDK may use a
   * grant method instead; Terraform and CloudFormation print the role's statements.
   */
  statements: PolicyStatement[];
}

export interface ResolvedRole {
  id: string;
  componentId: string;
  names: ResolvedNames;
  /** One service principal, e.g. "lambda.amazonaws.com". */
  assumedBy: string;
  /** Why the role exists: the function's role, a task role, an execution role, ... */
  purpose:
    | 'function'
    | 'task'
    | 'task-execution'
    | 'instance'
    | 'state-machine'
    | 'node-group'
    | 'cluster'
    | 'service';
  /**
   * AWS managed policies, only where AWS offers no narrower option (e.g. VPC access for Lambda),
   * named with their path ("service-role/AWSLambdaVPCAccessExecutionRole"): the ARN is
   * arn:<partition>:iam::aws:policy/<name>.
   */
  managedPolicies: string[];
  /**
   * "<purpose> role of <owner>", as IAM accepts it (Latin-1, <= 1000 characters). Always filled
   * by lowerDesign (optional only so hand-written fixtures may omit it).
   */
  description?: string;
  /**
   * The role's complete inline policy: its own needs (its log group, X-Ray, log delivery) plus
   * every statement of the grants attached to it (same sids). Print these; do not add the
   * grants' statements again.
   */
  statements: PolicyStatement[];
}

export interface ResolvedEventSource {
  id: string;
  functionId: string;
  sourceId: string;
  sourceKind: 'sqs' | 'dynamodb-stream' | 'kinesis' | 'msk';
  /** For msk: the topic the function consumes. */
  topic?: string;
  batchSize: number;
  maxBatchingWindowSeconds: number;
  /** For stream sources (kinesis, dynamodb-stream, msk) only. */
  startingPosition?: 'LATEST' | 'TRIM_HORIZON';
  /**
   * For msk with SASL/SCRAM: how the poller signs in (SourceAccessConfigurations), with the
   * credentials of the secret `secretId`; absent: IAM (the function's role) or no authentication.
   */
  sourceAccess?: { type: 'SASL_SCRAM_512_AUTH'; secretId: string };
  connectionId?: string;
}

/**
 * How long and how often EventBridge retries delivering an event to a target (an EventBridge
 * rule's targets and a bucket's notifications alike): every target prints these numbers.
 */
export interface ResolvedEventRetry {
  maximumRetryAttempts: number;
  maximumEventAgeSeconds: number;
}

/**
 * A bucket's object events delivered to a function, queue or topic (s3 -> lambda "event-source",
 * s3 -> sns/sqs "publish"). Every target delivers them the same way: the bucket sends its events
 * to EventBridge and one rule per target forwards them, so consumers receive the same
 * EventBridge-shaped event whichever code deployed the bucket. (S3's own notification
 * configuration would make the bucket wait for the target's permission or policy, a cycle in
 * CloudFormation as soon as the target also reads the bucket.)
 */
export interface ResolvedBucketNotification {
  id: string;
  bucketId: string;
  targetId: string;
  targetKind: 'lambda' | 'sns' | 'sqs';
  /** EventBridge detail types of the S3 events forwarded, e.g. "Object Created". */
  detailTypes: string[];
  /** The forwarding rule's names: "<Bucket>To<Target>Events" / "<bucket>_to_<target>_events". */
  rule: { logicalId: string; tfName: string };
  retry: ResolvedEventRetry;
  /** The message group of events sent to a FIFO queue target (printed only where the queue is FIFO). */
  messageGroupId: string;
  connectionId?: string;
}

export interface ResolvedSubscription {
  id: string;
  topicId: string;
  subscriberId: string;
  protocol: 'sqs' | 'lambda';
  /** A DLQ for undeliverable messages (MSG-01). */
  deadLetterQueueId?: string;
  connectionId?: string;
}

export interface ResolvedRuleTarget {
  id: string;
  ruleId: string;
  targetId: string;
  targetKind: 'lambda' | 'sqs' | 'sns' | 'step-functions';
  deadLetterQueueId?: string;
  /** Role EventBridge assumes for targets that need one (Step Functions). */
  roleId?: string;
  retry: ResolvedEventRetry;
  /** The message group of events sent to a FIFO queue target (printed only where the queue is FIFO). */
  messageGroupId: string;
  connectionId?: string;
}

/** Front doors forwarding to targets: ALB target groups, CloudFront origins, API integrations. */
export interface ResolvedRoute {
  id: string;
  frontDoorId: string;
  targetId: string;
  kind: 'alb-target' | 'cloudfront-origin' | 'api-integration';
  port?: number;
  pathPattern?: string;
  connectionId?: string;
  /** For 'alb-target': the names of the route's target group (see naming.ts targetGroupNames). */
  targetGroup?: ResolvedTargetGroupNames;
  /** For 'alb-target' to an instance or IP target: protocol, health check, deregistration delay. */
  targetSettings?: ResolvedTargetGroupSettings;
}

/** How an ALB target group talks to its instance or IP targets (see front-doors.ts). */
export interface ResolvedTargetGroupSettings {
  protocol: 'HTTP' | 'HTTPS';
  healthCheck: {
    path: string;
    /** HTTP codes counted healthy, e.g. "200-399". */
    matcher: string;
    intervalSeconds: number;
    healthyThreshold: number;
    unhealthyThreshold: number;
  };
  deregistrationDelaySeconds: number;
}

/** A physical name a target sets itself: its deploy-time prefix, "-", `stem`, cut to `maxLength`. */
export interface ResolvedPhysicalName {
  stem: string;
  maxLength: number;
}

/** The names of an ALB route's target group, decided once for every target. */
export interface ResolvedTargetGroupNames extends ResolvedPhysicalName {
  /** CloudFormation logical id: "<Alb>To<Target>". */
  logicalId: string;
  /** Terraform resource name: "<alb>_<target>". */
  tfName: string;
}

/**
 * The listeners of an ALB in each environment (ALB-01). In every environment exactly one
 * listener forwards to the targets (HTTPS on 443, or HTTP on 80 where there is no certificate),
 * and the path rules of further routes go on that one.
 */
export interface ResolvedAlbListeners {
  /** Where an HTTPS listener on 443 exists: the environments whose certificateArn is set. */
  https: EnvValue<boolean>;
  /** The HTTPS listener's certificate, per environment ('' where there is no HTTPS listener). */
  certificateArn: EnvValue<string>;
  /** Where port 80 only redirects to 443: a certificate and httpRedirect on. */
  httpRedirect: EnvValue<boolean>;
  /** Where port 80 forwards to the targets: the environments without a certificate. */
  httpForward: EnvValue<boolean>;
  /** SSL policy of the HTTPS listener. */
  tlsPolicy: string;
  /** The drawn certificate the HTTPS listener uses in every environment (`certificateArn` is then ''). */
  certificateId?: string;
}

/**
 * Every alarm to create: one per cloudwatch-alarm node (`id` = that component's id, so its
 * emitter finds it here; a node watching nothing or a secret has none, and emits nothing) and
 * one per derived DLQ (`<queue id>.alarm`).
 */
export interface ResolvedAlarm {
  id: string;
  names: ResolvedNames;
  /** The component whose metric is watched. */
  targetId: string;
  namespace: string;
  metricName: string;
  dimension: { name: string; ref: ResourceRef };
  /** Further dimensions the metric needs (e.g. ECS ClusterName, CloudFront Region=Global). */
  extraDimensions?: { name: string; value: ResourceRef | { literal: string } }[];
  statistic: 'Sum' | 'Average' | 'Maximum';
  threshold: number;
  comparison: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold';
  evaluationPeriods: number;
  periodSeconds: number;
  topicId: string;
  description: string;
}

/** An environment variable a compute component receives for each connection target. */
export interface ResolvedEnvVar {
  name: string;
  value: ResourceRef | { literal: string };
}

/**
 * Which key encrypts a component's data at rest:
 * - 'none': not encrypted (an SNS topic without kmsEncryption);
 * - 'service': keys the service owns (SSE-SQS, SSE-S3, CloudWatch Logs' default encryption);
 * - 'aws-managed': the account's aws/<service> KMS key;
 * - 'customer-managed': the key of `ResolvedEncryption.key`, created with the component.
 */
export type EncryptionKind = 'none' | 'service' | 'aws-managed' | 'customer-managed';

export interface ResolvedEncryption {
  kind: EnvValue<EncryptionKind>;
  /**
   * Present when some environment is 'customer-managed': the component's own KMS key, created in
   * every environment (one shape per stack) and used where `kind` says so. Rotation is on; the account root administers the key through
   * IAM, and principals of the account use it only through `viaService`, where their IAM
   * permissions on the component decide (so grants need no kms:* actions).
   */
  key?: {
    /** Key description, e.g. "Encrypts Orders queue" (free text: escape before printing). */
    description: string;
    enableKeyRotation: true;
    /** Days KMS waits before deleting the key once scheduled. */
    deletionWindowDays: number;
    /** The service whose calls may use the key (kms:ViaService "<service>.<region>.amazonaws.com"). */
    viaService: 'sqs' | 's3' | 'sns' | 'logs' | 'elasticfilesystem';
  };
  /**
   * The drawn kms-key component the data is encrypted with (an encrypt-with connection): then
   * `kind` is 'customer-managed' everywhere and there is no `key` of its own. The drawn key's
   * policy admits the services that write for this component (`ResolvedKmsKey`); roles get kms:*
   * permissions through 'decrypt' / 'encrypt-decrypt' grants on the key (keys.ts). An MSK SCRAM
   * secret's `keyId` is instead a kms-key component the lowering made for it (msk.ts); its readers
   * get 'decrypt' on it with their 'read-secret' grant (iam.ts).
   */
  keyId?: string;
}

/** A service principal a drawn key's policy admits, e.g. CloudWatch Logs in the stack's region. */
export interface KeyServicePrincipal {
  /** "logs", "sns", "events", "cloudwatch", "cloudfront". */
  service: string;
  /** The principal names the region: "<service>.<region>.amazonaws.com" (CloudWatch Logs). */
  regional: boolean;
}

/** A VPC endpoint, the same in every environment. */
export interface ResolvedVpcEndpoint {
  /** Gateway: routes in the tier's route tables (S3, DynamoDB). Interface: ENIs in its subnets. */
  kind: 'gateway' | 'interface';
  /** The short service name: the endpoint serves com.amazonaws.<region>.<service>. */
  service: string;
  /** The tier whose route tables (gateway) or subnets (interface) it uses: private or isolated. */
  tier: SubnetTier;
  /** Interface endpoints: the service's hostname resolves to the endpoint in the VPC. */
  privateDns: boolean;
}

/** A Firehose stream (firehose.ts): where records come from and go, the same in every environment. */
export interface ResolvedFirehose {
  /** The kinesis-stream it reads (its first event-source connection); absent: direct put. */
  sourceStreamId?: string;
  /**
   * Where records go: the bucket, or an OpenSearch domain (its first write connection to one),
   * which then keeps the documents it could not index in the bucket. AWS allows one destination.
   */
  destination: 's3' | 'opensearch';
  /**
   * The s3 component it delivers to, or with OpenSearch backs failed documents up to: its first
   * write connection's, else one the lowering made.
   */
  bucketId: string;
  /** With an OpenSearch destination: the domain, index and retries. */
  opensearch?: ResolvedFirehoseOpenSearch;
  /** The role Firehose assumes: it reads the stream, writes the bucket and the log stream. */
  roleId: string;
  /** Object key prefix and error output prefix (Firehose's own !{...} expressions kept as is). */
  prefix: string;
  errorOutputPrefix: string;
  /** Server-side encryption of records held by a direct-put stream (never with a source stream). */
  encryption: boolean;
  /** With CloudWatch logging: the log stream in the component's `logGroupId` that errors go to. */
  logStreamName?: string;
}

/** Firehose's OpenSearch destination (AmazonopensearchserviceDestinationConfiguration). */
export interface ResolvedFirehoseOpenSearch {
  domainId: string;
  indexName: string;
  indexRotation: 'NoRotation' | 'OneHour' | 'OneDay' | 'OneWeek' | 'OneMonth';
  /** How long Firehose retries a refused bulk request before backing the documents up. */
  retrySeconds: number;
  /** Only the documents the domain refused go to the bucket (AllDocuments would copy every record). */
  backupMode: 'FailedDocumentsOnly';
  /**
   * A domain in a VPC: Firehose puts network interfaces in the subnets of `tier` with the
   * stream's security group (`securityGroupId`, HTTPS to the domain's group, which admits it).
   */
  vpc?: { vpcId: string; tier: SubnetTier; securityGroupId: string };
}

/** An MSK cluster (msk.ts), the same in every environment but its broker type and storage. */
export interface ResolvedMskCluster {
  /** Brokers in total: the brokers per AZ times the VPC's AZs (one client subnet each). */
  brokerNodes: number;
  /** The tier whose subnets hold the brokers. */
  tier: SubnetTier;
  clientAuth: 'iam' | 'scram' | 'unauthenticated';
  /** Client-broker encryption (EncryptionInTransit.ClientBroker); brokers always use TLS among themselves. */
  encryptionInTransit: 'TLS' | 'TLS_PLAINTEXT' | 'PLAINTEXT';
  /** The broker ports clients reach (9098 IAM over TLS, 9096 SASL/SCRAM over TLS, 9094 TLS, 9092 plaintext). */
  ports: number[];
  /**
   * With SASL/SCRAM: the credentials secret (the cluster's `secretId`; named "AmazonMSK_...",
   * encrypted with the key `keyId`, a customer managed key MSK requires) and the names of the
   * association that hands the secret to the cluster (AWS::MSK::BatchScramSecret,
   * aws_msk_scram_secret_association). MSK attaches the secret's resource policy itself when
   * associating, so none is created (one written here would overwrite MSK's).
   */
  scram?: { secretId: string; keyId: string; association: { logicalId: string; tfName: string } };
}

/** One ECR lifecycle rule (ecr.ts); every rule expires the images it selects. */
export interface ResolvedEcrLifecycleRule {
  priority: number;
  description: string;
  /** 'any' rules come last: ECR requires them to have the highest priority number. */
  tagStatus: 'untagged' | 'any';
  /** sinceImagePushed counts days; imageCountMoreThan counts images. */
  countType: 'sinceImagePushed' | 'imageCountMoreThan';
  countNumber: number;
}

/** An ECR repository, the same in every environment apart from scanOnPush and tagMutability (props). */
export interface ResolvedEcrRepository {
  /** In priority order; empty when the design keeps every image (ECR-03). */
  lifecycleRules: ResolvedEcrLifecycleRule[];
  /** AES256 (ECR managed) or KMS with the aws/ecr key. */
  encryption: 'AES256' | 'KMS';
  /**
   * Service principals that pull with their own identity rather than a role (lambda.amazonaws.com
   * for image functions): the repository policy admits them (`ecrRepositoryPolicy`). Empty: the
   * repository has no policy.
   */
  pullingServices: string[];
}

/** An EFS access point: the directory clients mount as their root, and the POSIX user they act as. */
export interface ResolvedEfsAccessPoint {
  path: string;
  uid: number;
  gid: number;
  /** Octal permissions EFS gives the directory when it creates it (owned by uid:gid). */
  permissions: string;
}

/** An EFS file system (efs.ts): where its mount targets are and what the same in every environment is. */
export interface ResolvedFileSystem {
  /** The tier whose subnets hold the mount targets, one in each AZ of the VPC. */
  tier: SubnetTier;
  performanceMode: 'generalPurpose' | 'maxIO';
  throughputMode: 'elastic' | 'bursting' | 'provisioned';
  encrypted: boolean;
  /** A drawn kms-key the file system is encrypted with (encrypt-with); else aws/elasticfilesystem. */
  keyId?: string;
  /** TransitionToIA (AFTER_30_DAYS...); absent when files stay in Standard. */
  transitionToIa?: string;
  accessPoints: ResolvedEfsAccessPoint[];
}

/** A file system a Fargate service or Lambda function mounts (efs.ts), from one connection. */
export interface ResolvedFileSystemMount {
  fileSystemId: string;
  /** Index into the file system's `accessPoints`. */
  accessPoint: number;
  /** Where it appears: the container path, or Lambda's local mount path (/mnt/...). */
  mountPath: string;
  readOnly: boolean;
  /** A Fargate volume name unique in the task definition. */
  volumeName: string;
  connectionId: string;
}

/** The image a Fargate service or an image Lambda function runs from a repository of the design (ecr.ts). */
export interface ResolvedContainerImage {
  repositoryId: string;
  tag: string;
  connectionId: string;
}

/**
 * A service that writes log files into a bucket (audit.ts): the bucket's policy admits it, as its
 * documentation asks. CloudTrail: s3:GetBucketAcl and s3:PutObject under
 * "<prefix>/AWSLogs/<account>/" with bucket-owner-full-control, for its trail only (aws:SourceArn,
 * by the trail's name, since the trail waits for the policy); Config: the same actions (plus
 * s3:ListBucket) for the account (aws:SourceAccount).
 */
export interface ResolvedLogDelivery {
  service: 'cloudtrail' | 'config';
  /** The trail or recorder component that delivers. */
  sourceId: string;
  /** The key prefix it writes under, without slashes. */
  prefix: string;
}

/** A CloudTrail trail (audit.ts), the same in every environment but for its catalog switches. */
export interface ResolvedTrail {
  /** The s3 component it writes to: its first write connection's, else a log bucket made here. */
  bucketId: string;
  /** Key prefix in the bucket (the trail's slug): trails sharing a bucket keep their files apart. */
  prefix: string;
  /** With CloudWatch Logs: the role CloudTrail assumes to write to the component's `logGroupId`. */
  logsRoleId?: string;
  /** Data events of every bucket / function of the account (event selectors). */
  s3DataEvents: boolean;
  lambdaDataEvents: boolean;
}

/** An AWS Config recorder with its delivery channel and rules (audit.ts). */
export interface ResolvedConfigRecorder {
  /** The s3 component snapshots go to: its first write connection's, else a log bucket made here. */
  bucketId: string;
  prefix: string;
  /** The role Config assumes (AWS managed service-role/AWS_ConfigRole plus delivery to the bucket). */
  roleId: string;
  /** AWS managed rule identifiers, in the order the design lists them, without duplicates. */
  rules: string[];
}

/** A drawn customer managed key (kms-key), as every target creates it. */
export interface ResolvedKmsKey {
  /** Key description (free text: escape before printing). */
  description: string;
  /** The alias after "alias/<stack or name prefix>-": the node's alias property, else its slug. */
  aliasSuffix: string;
  enableKeyRotation: EnvValue<boolean>;
  /** Days KMS waits before deleting the key once scheduled (7-30). */
  pendingWindowDays: EnvValue<number>;
  /**
   * The key policy: the account root administers the key (so IAM policies of the account apply)
   * and these services use it with `serviceActions` for the components encrypted with it, sorted.
   */
  servicePrincipals: KeyServicePrincipal[];
  serviceActions: string[];
  /**
   * Services that must also read the key's metadata (kms:DescribeKey) before they use it:
   * CloudTrail refuses a key it cannot describe. Sorted; usually empty.
   */
  describingServices: KeyServicePrincipal[];
  /** Components encrypted with the key, in id order. */
  usedBy: string[];
}

/** A bucket lifecycle rule for the objects under one key prefix. */
export interface ResolvedPrefixLifecycleRule {
  /** Rule id, unique in the bucket: "prefix-<n>". */
  id: string;
  prefix: string;
  /** In order of days: INTELLIGENT_TIERING at 0, or STANDARD_IA, then GLACIER. */
  transitions: { storageClass: 'STANDARD_IA' | 'GLACIER' | 'INTELLIGENT_TIERING'; days: number }[];
  expirationDays?: number;
}

/** An ASL Retrier of a state machine's tasks. */
export interface ResolvedRetrier {
  /** ErrorEquals: error names; "States.ALL" only alone, in the last retrier. */
  errors: string[];
  maxAttempts: number;
  intervalSeconds: number;
  backoffRate: number;
}

/** An ASL Catcher of a state machine's tasks: on `error`, go to the terminal state `stateName`. */
export interface ResolvedCatcher {
  error: string;
  /** 'fail': a Fail state re-raising the caught error and cause; 'succeed': a Succeed state (handled). */
  then: 'fail' | 'succeed';
  /** The terminal state's name, unique in the definition: "Failed<n>" or "Handled<n>". */
  stateName: string;
}

/** An engine version per environment, as the AWS APIs name it. */
export interface ResolvedEngineVersion {
  /** "16.13", "8.0.mysql_aurora.3.12.0", "7.1", "OpenSearch_2.19", "1.4.8.0", "1.37". */
  version: EnvValue<string>;
  /** Its major version: "16", "8.0", "7", "OpenSearch_2", "1.4", "1.37". */
  major: EnvValue<string>;
}

/** An AWS managed rule group of a web ACL, evaluated in list order. */
export interface WebAclRuleGroup {
  vendor: 'AWS';
  name: string;
}

/** A WAFv2 web ACL guarding a distribution or load balancer (CF-03, ALB-02). */
export interface ResolvedWebAcl {
  /** CLOUDFRONT for distributions (the ACL must live in us-east-1), REGIONAL for load balancers. */
  scope: 'CLOUDFRONT' | 'REGIONAL';
  /** The environments that attach a web ACL. */
  enabled: EnvValue<boolean>;
  /**
   * 'stack': created next to the resource and attached. 'external': a CLOUDFRONT-scope ACL where
   * an environment that attaches it deploys outside us-east-1 (graph.regions), which cannot
   * create it; generators take its ARN as an input (in every environment: one template/stack).
   */
  source: 'stack' | 'external';
  /** Default action allow; these groups block, in this order (priority = index). */
  ruleGroups: WebAclRuleGroup[];
  /**
   * A drawn waf-web-acl (protect connection) replaces the ACL the `waf` switch would make: its
   * component's emitter creates the ACL and the front door only attaches it (web-acls.ts).
   */
  drawnId?: string;
}

/** An alias record of a hosted zone (an alias connection), the same in every environment (dns.ts). */
export interface ResolvedAliasRecord {
  connectionId: string;
  /** The label before the zone name; '' names the zone apex. */
  name: string;
  /** The full name, without the trailing dot: "<name>.<zone>" or the zone name. */
  fqdn: string;
  targetId: string;
  /** An api-gateway record names the API's custom domain of the name `fqdn` (its `apiDomains`). */
  targetType: 'cloudfront' | 'alb' | 'api-gateway';
  /**
   * A, and AAAA for a distribution (IPv6 is on): one record each. An API's custom domain is
   * IPv4 only (its default address type), so it has an A record.
   */
  recordTypes: ('A' | 'AAAA')[];
  /**
   * Where the alias's hosted zone id comes from: CloudFront's one global zone, or the load
   * balancer's canonical hosted zone attribute (an API: its custom domain's regional zone).
   */
  aliasZone: { literal: string } | 'target';
  /** Route 53 checks the target's health (load balancers; CloudFront does not allow it). */
  evaluateTargetHealth: boolean;
  /** Logical id stem of the records ("<Zone>Alias<n>", + record type) and Terraform name stem. */
  logicalId: string;
  tfName: string;
}

/**
 * An API Gateway custom domain (an alias connection from a zone to an api-gateway), the same in
 * every environment (certificates.ts): the name, the certificate it serves and the mapping of
 * the name's root to the API's stage. A zone's alias record of the name points at its regional
 * domain name and hosted zone.
 */
export interface ResolvedApiDomain {
  /** The full name the alias record gives the API ("<record>.<zone>"). */
  domainName: string;
  /** The drawn acm-certificate, else the API's certificateArn (issued in the API's region, APIG-05). */
  certificate: { certificateId: string } | { arn: string };
  /**
   * REGIONAL: the certificate comes from the API's region (an edge-optimized REST domain would
   * need one from us-east-1, like CloudFront).
   */
  endpointType: 'REGIONAL';
  /** Minimum TLS version clients negotiate with the domain. */
  securityPolicy: 'TLS_1_2';
  /** The stage the domain's root maps to: "$default" (HTTP API) or the REST API's stage. */
  stage: string;
  /** Logical id of the domain ("<Api>Domain<n>"; its mapping adds "Mapping") and Terraform name. */
  logicalId: string;
  tfName: string;
}

/** A Route 53 hosted zone (route53-zone), the same in every environment (dns.ts). */
export interface ResolvedHostedZone {
  /** The domain, without the trailing dot. */
  zoneName: string;
  /** Private: answers only in `vpcIds` (every VPC of the design). */
  private: boolean;
  vpcIds: string[];
  records: ResolvedAliasRecord[];
}

/** A drawn ACM certificate (acm-certificate), the same in every environment (certificates.ts). */
export interface ResolvedCertificate {
  domainName: string;
  /** Further names, without the domain name or repeats. */
  subjectAlternativeNames: string[];
  validation: 'DNS' | 'EMAIL';
  /**
   * DNS: the route53-zone component whose records validate it (CloudFormation and CDK make them
   * with the certificate, Terraform with records and a validation resource); absent: the records
   * ACM asks for are made by hand (ACM-01).
   */
  zoneId?: string;
  keyAlgorithm: 'RSA_2048' | 'EC_prime256v1' | 'EC_secp384r1';
  /** Logged in the public certificate transparency logs (ENABLED). */
  transparencyLogging: boolean;
  /** The load balancers, distributions and APIs that use it (their `certificateId` names it). */
  usedBy: string[];
  /**
   * Environments deploying outside us-east-1 while a distribution uses it: CloudFront refuses a
   * certificate from another region (ACM-02 says so; the targets still print it).
   */
  cloudFrontOutsideUsEast1: string[];
}

/** A drawn WAF web ACL (waf-web-acl), the same in every environment (web-acls.ts). */
export interface ResolvedDrawnWebAcl {
  /** CLOUDFRONT when it protects a distribution (created in us-east-1), else REGIONAL. */
  scope: 'CLOUDFRONT' | 'REGIONAL';
  /**
   * 'stack': created in the stack. 'external': CLOUDFRONT scope where an environment deploys
   * outside us-east-1: nothing is created, the distributions take its ARN as an input.
   */
  source: 'stack' | 'external';
  /** AWS managed rule groups, blocking in this order (priority = index). */
  ruleGroups: WebAclRuleGroup[];
  /** Requests per 5 minutes from one IP before it is blocked, priority after the groups; 0 = no such rule. */
  rateLimit: number;
  /** CloudWatch metric name of the ACL; each rule's is its name. */
  metricName: string;
  /** Every component it is attached to (their `webAcl.drawnId` names it), by id. */
  attachedTo: string[];
  /** REST APIs it is attached to: the ACL's emitter associates their stage (no `webAcl` of theirs). */
  restApis: string[];
}

/** A drawn AWS Backup plan (backup-plan) with its vault and selection (backups.ts). */
export interface ResolvedBackupPlan {
  /** The plan's one rule: an AWS cron expression (UTC), the same in every environment. */
  schedule: string;
  /** The rule's name in the plan (letters, digits, "-", "_", "."). */
  ruleName: string;
  /** Days each recovery point is kept, per environment (0 in the design = 35 in production, 7 elsewhere). */
  deleteAfterDays: EnvValue<number>;
  /** Days before a recovery point moves to cold storage, per environment; 0 = never. */
  coldStorageAfterDays: EnvValue<number>;
  /** Continuous backups (point-in-time restore) for the resources that support them, per environment. */
  continuousBackup: EnvValue<boolean>;
  /** The components its back-up connections select, in connection order; the selection lists their ARNs. */
  resourceIds: string[];
  /** Every resource with this tag is selected too (the selection's conditions OR its ARNs). */
  selectionTag?: { key: string; value: string };
  /** True when the plan selects something: the selection resource exists only then. */
  hasSelection: boolean;
  /** The role AWS Backup assumes to back up and restore the selection. */
  roleId: string;
  /** The drawn kms-key encrypting the vault (encrypt-with); absent: the AWS managed key aws/backup. */
  vaultKeyId?: string;
  /** Governance-mode vault lock, the same in every environment; maxRetentionDays absent = none. */
  vaultLock?: { minRetentionDays: number; maxRetentionDays?: number };
}

/**
 * The bucket that receives one source's access logs (S3 server access logs, ALB or CloudFront
 * logs). It logs nothing itself (that would never end) and keeps logs for a year.
 */
export interface ResolvedAccessLogBucket {
  /** The environments where the source logs, and so where the bucket exists. */
  enabled: EnvValue<boolean>;
  /** Logical id / construct id of the bucket: the source's logical id + "LogBucket". */
  logicalId: string;
  /** Who writes: decides the bucket policy and object ownership (CloudFront needs ACLs). */
  deliveredBy: 's3' | 'alb' | 'cloudfront';
  /**
   * Prefix the source writes under: "<slug>/" for buckets and distributions, "<slug>" for a load
   * balancer (it adds "/AWSLogs/<account>/" itself and refuses a trailing slash).
   */
  prefix: string;
  /**
   * For a load balancer's bucket, per environment: who delivers its logs in that environment's
   * region, the ELB account of a region older than August 2022 or else the log-delivery service.
   */
  albLogDelivery?: Record<string, { account: string } | { service: string }>;
  /** ALB log delivery supports SSE-S3 only, so every log bucket uses it. */
  encryption: 'SSE-S3';
  objectOwnership: 'BucketOwnerEnforced' | 'BucketOwnerPreferred';
  versioned: true;
  lifecycle: { abortIncompleteUploadDays: number; expirationDays: number; noncurrentExpirationDays: number };
}

/** How an ECS service's tasks run on FARGATE and FARGATE_SPOT. */
export interface ResolvedCapacityProviders {
  /** The environments that use Spot; elsewhere every task runs on FARGATE. */
  spot: EnvValue<boolean>;
  /** Where Spot is used: the first `onDemandBase` tasks run on FARGATE, the rest split by weight. */
  onDemandBase: number;
  onDemandWeight: number;
  spotWeight: number;
}

/** How an ECS Fargate service scales its task count in an environment (the catalog's `scaling`). */
export type TaskScalingMode = 'none' | 'target-tracking' | 'step' | 'scheduled';

/**
 * One step of a step scaling policy: the adjustment applies while the metric minus the alarm's
 * threshold lies in [lowerBound, upperBound); an absent bound is unbounded on that side.
 */
export interface ResolvedStepAdjustment {
  lowerBound?: number;
  upperBound?: number;
  adjustment: number;
}

/** A step scaling policy and the CloudWatch alarm that triggers it (the metric is the service's). */
export interface ResolvedStepScalingPolicy {
  /** Adds tasks ('out', its alarm fires at or above the threshold) or removes them ('in', at or below). */
  direction: 'out' | 'in';
  adjustmentType: 'ChangeInCapacity';
  /** Seconds after a scaling activity before this policy acts again. */
  cooldownSeconds: number;
  metricAggregationType: 'Average';
  /** Ordered from the lowest bound up, contiguous, relative to `alarm.threshold`. */
  steps: ResolvedStepAdjustment[];
  alarm: {
    namespace: 'AWS/ECS';
    metricName: 'CPUUtilization';
    statistic: 'Average';
    periodSeconds: number;
    evaluationPeriods: number;
    /** Average CPU percent, per environment (derived from the design's target CPU). */
    threshold: EnvValue<number>;
    comparison: 'GreaterThanOrEqualToThreshold' | 'LessThanOrEqualToThreshold';
  };
}

/** A scheduled action on the service's scalable target; schedules are in UTC. */
export interface ResolvedScheduledAction {
  /** ScheduledActionName (unique on the scalable target; CDK's construct id). */
  name: string;
  /** An Application Auto Scaling schedule expression, e.g. "cron(0 7 ? * MON-FRI *)". */
  schedule: string;
  minCapacity: EnvValue<number>;
  maxCapacity: EnvValue<number>;
}

/**
 * An ECS Fargate service's task auto scaling (decisions.ts). The scalable target (bounds
 * minCount..maxCount) exists where `mode` is not 'none'; each part below exists where some
 * environment scales that way, and is used only where `mode` says so.
 */
export interface ResolvedTaskScaling {
  mode: EnvValue<TaskScalingMode>;
  targetTracking?: {
    predefinedMetric: 'ECSServiceAverageCPUUtilization';
    targetValue: EnvValue<number>;
    scaleInCooldownSeconds: number;
    scaleOutCooldownSeconds: number;
  };
  /** Scale-out and scale-in policies, each with its own alarm. */
  step?: { scaleOut: ResolvedStepScalingPolicy; scaleIn: ResolvedStepScalingPolicy };
  scheduled?: ResolvedScheduledAction[];
}

/**
 * What deleting a stateful resource from a stack or configuration does: keep it ('retain'),
 * delete it after a final snapshot ('snapshot', databases only) or delete it ('delete').
 */
export type DeletionAction = 'retain' | 'snapshot' | 'delete';

/** How a stateful component is protected from deletion (see protection.ts). */
export interface ResolvedProtection {
  /** Per environment: the resolved `onDelete` (its 'default' decided by production or not). */
  onDelete: EnvValue<DeletionAction>;
  /**
   * The one value for what cannot differ per environment, the strongest of `onDelete` (retain >
   * snapshot > delete): CloudFormation DeletionPolicy and UpdateReplacePolicy must be literals,
   * and Terraform's lifecycle prevent_destroy too (true unless 'delete'). CDK prints the same
   * RemovalPolicy so all three targets agree.
   */
  policy: DeletionAction;
  /**
   * For rds, aurora and neptune, per environment: take a final snapshot when the database is
   * deleted (Terraform skip_final_snapshot = !this); true unless the environment deletes.
   */
  finalSnapshot?: EnvValue<boolean>;
  /**
   * For services with a deletion protection switch (rds, aurora, neptune, dynamodb), per
   * environment: the same value as `ResolvedComponent.deletionProtection`.
   */
  deletionProtection?: EnvValue<boolean>;
}

/**
 * One deployable unit: a design node, or a resource the lowering derived for one
 * (a DLQ, the alarm topic, a log group, a database secret, ...).
 */
export interface ResolvedComponent {
  /**
   * The design node id, or for a derived component "<owner id>.<role>" (e.g. "orders.dlq",
   * "api.logs", "db.secret", "graph.alarm-topic"): "." never occurs in design ids, so derived
   * ids never collide with them.
   */
  id: string;
  /** Catalog service type ("sqs", "lambda", ...) or a derived type with the same emitters. */
  type: string;
  names: ResolvedNames;
  /** The design node this is, or was derived for. */
  nodeId?: string;
  /** For derived components: the node or VPC id it was made for (".graph" for graph-wide ones) and why. */
  derived?: { from: string; reason: string };
  /**
   * Every catalog property with defaults filled and per-environment overrides applied, plus the
   * per-environment values decisions.ts adds under keys no catalog entry uses (DECIDED_PROPS).
   */
  props: Record<string, EnvValue>;
  placement: { vpcId: string; tier: SubnetTier } | null;
  securityGroupId?: string;
  roleIds: string[];
  logGroupId?: string;
  /** For databases (and MSK clusters with SASL/SCRAM): the generated credentials secret. */
  secretId?: string;
  /** For queues: the redrive target. */
  deadLetterQueueId?: string;
  /**
   * For lambda: the queue its failed asynchronous invocations go to, from the first (by connection
   * id) "publish" connection to an sqs node with isDeadLetterQueue (LAM-02). That connection also
   * grants sqs:SendMessage; the queue never depends on the function.
   */
  functionDeadLetterQueueId?: string;
  /** For queues with `deadLetterQueueId`: receives before a message moves there, per environment. */
  maxReceiveCount?: EnvValue<number>;
  /**
   * For sqs, s3, sns and log groups: how data is encrypted at rest, per environment (see
   * decisions.ts); for an MSK SCRAM secret, its key (msk.ts).
   */
  encryption?: ResolvedEncryption;
  /** For rds and aurora: whether the database gets a public address, per environment. */
  publiclyAccessible?: EnvValue<boolean>;
  /** For cloudfront and alb with WAF on in some environment: the web ACL the generators attach. */
  webAcl?: ResolvedWebAcl;
  /** For kms-key: the key, its alias and its policy (keys.ts). */
  kmsKey?: ResolvedKmsKey;
  /** For msk-cluster: brokers, authentication and ports (msk.ts); its broker logs are `logGroupId`. */
  mskCluster?: ResolvedMskCluster;
  /** For firehose: its source, destination, role and logging (firehose.ts). */
  firehose?: ResolvedFirehose;
  /** For cloudtrail: its bucket, CloudWatch Logs role and data events (audit.ts). */
  trail?: ResolvedTrail;
  /** For config-recorder: its bucket, role and rules (audit.ts). */
  configRecorder?: ResolvedConfigRecorder;
  /** For s3: the trails and recorders that write log files into it (its policy admits them). */
  logDeliveries?: ResolvedLogDelivery[];
  /** For waf-web-acl: the ACL, its rules and what it protects (web-acls.ts). */
  drawnWebAcl?: ResolvedDrawnWebAcl;
  /** For backup-plan: its rule, vault, selection and role (backups.ts). */
  backupPlan?: ResolvedBackupPlan;
  /** For acm-certificate: the certificate, its validation and who uses it (certificates.ts). */
  acmCertificate?: ResolvedCertificate;
  /**
   * For alb, cloudfront and api-gateway: the drawn acm-certificate whose ARN the HTTPS listener
   * (in every environment), the viewer certificate or the API's custom domains use instead of
   * the certificateArn property.
   */
  certificateId?: string;
  /** For api-gateway: its custom domains, one per name the zones' alias records give it (certificates.ts). */
  apiDomains?: ResolvedApiDomain[];
  /** For route53-zone: the zone and its alias records (dns.ts). */
  hostedZone?: ResolvedHostedZone;
  /** For vpc-endpoint: the endpoint (endpoints.ts); an interface endpoint has `securityGroupId`. */
  vpcEndpoint?: ResolvedVpcEndpoint;
  /** For ecr-repository: lifecycle rules and encryption (ecr.ts). */
  ecrRepository?: ResolvedEcrRepository;
  /** For efs: mount targets, modes, encryption, lifecycle and access points (efs.ts). */
  fileSystem?: ResolvedFileSystem;
  /**
   * For ecs-fargate and lambda: the file systems it mounts (efs.ts). A function mounts at most one
   * (Lambda takes one file system); a Fargate task one volume each.
   */
  fileSystemMounts?: ResolvedFileSystemMount[];
  /**
   * For ecs-fargate and lambda connected to an ecr-repository: the image it runs. Fargate runs it
   * instead of its `image` property; a function with one is an image function (package type
   * Image), without runtime or handler.
   */
  containerImage?: ResolvedContainerImage;
  /**
   * For rds, aurora, elasticache (Redis), opensearch, neptune and eks: the engine (Kubernetes)
   * version each environment runs, decided in versions.ts. Print `version` as is; `major` is what
   * CDK's `*EngineVersion.of(full, major)` takes.
   */
  engineVersion?: ResolvedEngineVersion;
  /**
   * For rds, aurora, neptune and dynamodb: whether the service refuses to delete it, per
   * environment (protection.ts; off where the environment deletes it).
   */
  deletionProtection?: EnvValue<boolean>;
  /**
   * For stateful components (rds, aurora, neptune, dynamodb, s3, opensearch, timestream): what
   * deleting them does, per environment and as the one literal policy (protection.ts).
   */
  protection?: ResolvedProtection;
  /**
   * For s3 buckets, albs and distributions that log access in some environment: the bucket the
   * logs go to, one per source (see decisions.ts).
   */
  accessLogBucket?: ResolvedAccessLogBucket;
  /** For ecs-fargate: how tasks spread over FARGATE and FARGATE_SPOT. */
  capacityProviders?: ResolvedCapacityProviders;
  /** For ecs-fargate: its task auto scaling per environment (decisions.ts). */
  taskScaling?: ResolvedTaskScaling;
  /**
   * For opensearch: the availability zones the domain's data nodes spread over per environment
   * (1: not zone aware), and so how many of its subnets it takes, the first ones in AZ order.
   */
  zoneCount?: EnvValue<number>;
  /** For alb: which listeners exist in each environment (see front-doors.ts). */
  listeners?: ResolvedAlbListeners;
  /**
   * For elasticache: the resource it is, the same in every environment: a replication group
   * (Redis) or a cache cluster (Memcached).
   */
  cacheResource?: 'replication-group' | 'cache-cluster';
  /** For eks: the cluster's physical name (at most 100 characters with its prefix). */
  clusterName?: ResolvedPhysicalName;
  /**
   * For derived secrets: generate the value. With `username`, a JSON secret
   * {"username": ..., "password": <generated>} (database credentials); without, a bare string
   * (an ElastiCache AUTH token).
   */
  generatedSecret?: { username?: string; passwordLength: number; excludeCharacters: string };
  /**
   * For a secret another service finds by its name: the text its physical name must begin with
   * ("AmazonMSK_" for MSK SCRAM credentials). Each target then names the secret this prefix
   * followed by its usual unique name (CloudFormation would otherwise name it after the logical id).
   */
  physicalNamePrefix?: string;
  /**
   * For a database's credentials secret: the RDS instance or Aurora cluster that manages it
   * (ManageMasterUserPassword). No secret resource exists: references resolve to the secret RDS
   * creates and rotates itself (every 7 days), in every target.
   */
  managedByDatabase?: string;
  /**
   * For s3: lifecycle rules for key prefixes, after the bucket-wide ones, the same in every
   * environment (lifecycle.ts).
   */
  prefixLifecycleRules?: ResolvedPrefixLifecycleRule[];
  /**
   * For step-functions: how every task of the definition retries and catches errors, in order,
   * the same in every environment (state-machines.ts).
   */
  errorHandling?: { retries: ResolvedRetrier[]; catches: ResolvedCatcher[] };
  /** For eventbridge-rule: the bus the rule lives on (absent = the default bus). */
  eventBusId?: string;
  /** For api-gateway with a cognito "read" connection: the user pool that authorizes requests. */
  userPoolId?: string;
  /** For athena-workgroup: the bucket query results go to (its first write/read-write s3 target). */
  outputBucketId?: string;
  /**
   * For athena-workgroup: the key prefix of its results in that bucket, "athena-results/<slug>/",
   * so workgroups sharing a bucket keep their results apart (see decisions.ts).
   */
  resultsPrefix?: string;
  /**
   * For other-resource: the imported resource kept as written, in the forms it has. Each target
   * prints its form verbatim (CloudFormation and CDK the `cloudFormation` one under
   * `names.logicalId`, Terraform the `terraform` one under `names.tfName`) and nothing else
   * for it; a target whose form is absent prints nothing (IMP-01, IMP-02 say so).
   */
  kept?: ResolvedKeptResource;
  environment: ResolvedEnvVar[];
  /** Findings accepted for this component, carried into the code as acknowledgements. */
  acknowledgements: Acknowledgement[];
  /**
   * Others refer to this component by its physical name (`ResourceRef.byName`): the generator
   * sets that name explicitly instead of letting the deployment choose one.
   */
  namedUpFront?: true;
}

/** A JSON object as imported: CloudFormation Properties or a Terraform block's arguments. */
export type KeptRecord = { [key: string]: PropertyValue };

/** An imported resource the designer does not model, kept as written (see `ResolvedComponent.kept`). */
export interface ResolvedKeptResource {
  /**
   * Its CloudFormation form: Type, Properties with intrinsic functions as JSON objects
   * ({"Ref": "X"}, {"Fn::GetAtt": ["A", "Arn"]}), and DependsOn logical ids.
   */
  cloudFormation?: {
    type: string;
    properties: KeptRecord;
    dependsOn: string[];
    /** Condition, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy, CreationPolicy, Metadata. */
    attributes: KeptRecord;
  };
  /**
   * Its Terraform form: the resource type and the block's body as hcl2json reads it
   * (expressions as "${...}" strings, nested blocks as lists of objects).
   */
  terraform?: { type: string; arguments: KeptRecord };
}

export interface ResolvedKeptTemplate {
  parameters: Record<string, KeptRecord>;
  mappings: Record<string, KeptRecord>;
  conditions: Record<string, PropertyValue>;
  outputs: Record<string, KeptRecord>;
}

/** What a stack of a split design mostly holds (see stacks.ts). */
export type StackLayer = 'network' | 'data' | 'messaging' | 'app' | 'edge';

/**
 * One CloudFormation stack of the design (stacks.ts). A design estimated well under the quota is
 * one stack ("Main"); a larger one is several, in deployment order: a stack refers only to stacks
 * before it. CloudFormation and CDK deploy them as nested stacks of one stack per environment.
 */
export interface ResolvedStack {
  /** PascalCase, unique: "Network", "Data", "Messaging", "App", "App2", "Edge" (or "Main"). */
  name: string;
  /** The layer most of its estimated resources belong to. */
  layer: StackLayer;
  /** What it holds, for comments and READMEs: "queues, topics and event buses". */
  description: string;
  vpcIds: string[];
  componentIds: string[];
  /** Every VPC, component, role and security group id it holds (see stackIndexById). */
  ids: string[];
  /** CloudFormation resources estimated from the catalog, as LIM-01 counts them. */
  estimatedResources: number;
}

/** Where a node or VPC was drawn, for the exported code's layout metadata (rounded to 2 decimals). */
export interface ResolvedPosition {
  /** The component (a node's own) or VPC it belongs to. */
  targetId: string;
  /** The design id of the node or VPC, so an import puts it back. */
  id: string;
  x: number;
  y: number;
}

/** A design group (a module, a construct) and the components of its members, for the metadata. */
export interface ResolvedGroup {
  id: string;
  name: string;
  kind: 'terraform-module' | 'cdk-construct' | 'drawn';
  source?: string;
  /** The components (node ids) of its members that make infrastructure, in id order. */
  members: string[];
}

export interface ResolvedGraph {
  design: { name: string; description: string; region: string; slug: string };
  /**
   * Positions of the drawn nodes (that make infrastructure) and VPCs, in id order: every target
   * writes them into its code (CloudFormation and CDK template Metadata "Archgen::Layout", a
   * `# archgen:layout` line in Terraform's main.tf) so re-importing restores the picture.
   * Always filled by lowerDesign (optional only for hand-written fixtures).
   */
  layout?: { nodes: ResolvedPosition[]; vpcs: ResolvedPosition[]; groups?: ResolvedGroup[] };
  environments: string[];
  /**
   * The AWS account each environment deploys into, where the design names one: every target
   * refuses to deploy that environment anywhere else (CDK stack env, Terraform
   * allowed_account_ids, a CloudFormation Rules assertion). Environments without an account
   * are absent. Always filled by lowerDesign (optional only for hand-written fixtures).
   */
  accounts?: Record<string, string>;
  /**
   * The AWS region each environment deploys into: the environment's own `region`, else the
   * design's. Every environment is present. Every target pins the environment to it (CDK stack
   * env and lib/config.ts, the Terraform provider's region from each tfvars, a CloudFormation
   * Rules assertion on AWS::Region), and what depends on the region is decided per environment
   * from it: default AZ names (ResolvedVpc.availabilityZonesByEnv), the AZ count (the fewest
   * zones of any region), whether a CloudFront web ACL can be made in the stack (only where every
   * environment that enables it deploys in us-east-1), the ELB log-delivery account. Always
   * filled by lowerDesign (optional only for hand-written fixtures; read it through regionOf).
   */
  regions?: Record<string, string>;
  /**
   * Tags for every resource, sorted by key: the design's, less `aws:` keys and those that collide
   * with the tags generators add themselves (Name, Environment, ManagedBy; see text.ts).
   */
  tags: Record<string, string>;
  vpcs: ResolvedVpc[];
  /**
   * Template sections kept from imported CloudFormation (design.keptTemplate), printed by the
   * CloudFormation and CDK targets as written. Outputs that name a logical id the design no
   * longer makes (its node was deleted) are left out. Absent when the design has none.
   */
  keptTemplate?: ResolvedKeptTemplate;
  components: ResolvedComponent[];
  securityGroups: ResolvedSecurityGroup[];
  roles: ResolvedRole[];
  grants: ResolvedGrant[];
  eventSources: ResolvedEventSource[];
  subscriptions: ResolvedSubscription[];
  ruleTargets: ResolvedRuleTarget[];
  routes: ResolvedRoute[];
  alarms: ResolvedAlarm[];
  /** Always filled by lowerDesign (optional only so hand-written fixtures may omit it). */
  bucketNotifications?: ResolvedBucketNotification[];
  /**
   * The stacks the design deploys as, in deployment order (stacks.ts): one for most designs.
   * Always filled by lowerDesign (optional only so hand-written fixtures may omit it: one stack).
   */
  stacks?: ResolvedStack[];
  /**
   * Logical ids kept from imported code for parts of nodes and VPCs that are not named in the
   * graph (policies, permissions, alarms, subnets, ...), reserved so no derived name takes them;
   * `keptPartRenames` (kept-parts.ts) gives each to the resource a target emits for it.
   * Empty for drawn designs; optional for hand-written fixtures.
   */
  keptParts?: KeptPart[];
}

export type { ConnectionKind };

/** Generated output: relative path -> file content, in a deterministic order. */
export type GeneratedFiles = Record<string, string>;

export type TargetId = 'cdk' | 'terraform' | 'cloudformation';

/** The region an environment deploys into (graph.regions; the design's region when absent). */
export function regionOf(graph: Pick<ResolvedGraph, 'regions' | 'design'>, env: string): string {
  return graph.regions?.[env] ?? graph.design.region;
}

/** Whether some environment deploys outside the design's region. */
export function regionsVary(graph: Pick<ResolvedGraph, 'regions' | 'design' | 'environments'>): boolean {
  return graph.environments.some((env) => regionOf(graph, env) !== graph.design.region);
}

/** An environment's default AZ names for a VPC (its own region's; the design's when absent). */
export function zonesIn(
  vpc: Pick<ResolvedVpc, 'availabilityZones' | 'availabilityZonesByEnv'>,
  env: string,
): string[] {
  return vpc.availabilityZonesByEnv?.[env] ?? vpc.availabilityZones;
}

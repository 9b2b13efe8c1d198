/**
 * A dated price table for the cost estimate: US East (N. Virginia), on-demand, Linux, USD.
 *
 * These are approximate public list prices, taken by hand from the AWS pricing pages named on
 * each entry as of PRICES_AS_OF. They leave out free tiers (the always-free Lambda, SQS, SNS,
 * DynamoDB and Cognito allowances), tiered volume discounts past the first tier, taxes and
 * data transfer between services, so small workloads are slightly over-estimated and very large
 * ones slightly under-estimated. Check the linked page before quoting a number to anyone.
 * Update: change the values, then PRICES_AS_OF; tests recompute from this table, not from copies.
 */

export const PRICES_AS_OF = '2025-11-01';
export const PRICE_REGION = 'us-east-1';
/** Hours in the average month AWS uses on its pricing pages. */
export const HOURS_PER_MONTH = 730;

export interface Price {
  /** USD per `unit`. */
  usd: number;
  /** What one unit is, e.g. "vCPU-hour", "million requests", "GB-month". */
  unit: string;
  /** The public AWS pricing page the value comes from. */
  source: string;
}

const FARGATE = 'https://aws.amazon.com/fargate/pricing/';
const LAMBDA = 'https://aws.amazon.com/lambda/pricing/';
const API_GATEWAY = 'https://aws.amazon.com/api-gateway/pricing/';
const VPC = 'https://aws.amazon.com/vpc/pricing/';
const ELB = 'https://aws.amazon.com/elasticloadbalancing/pricing/';
const EC2 = 'https://aws.amazon.com/ec2/pricing/on-demand/';
const EC2_SPOT = 'https://aws.amazon.com/ec2/spot/pricing/';
const EBS = 'https://aws.amazon.com/ebs/pricing/';
const EKS = 'https://aws.amazon.com/eks/pricing/';
const RDS_POSTGRES = 'https://aws.amazon.com/rds/postgresql/pricing/';
const AURORA = 'https://aws.amazon.com/rds/aurora/pricing/';
const DYNAMODB_ON_DEMAND = 'https://aws.amazon.com/dynamodb/pricing/on-demand/';
const DYNAMODB_PROVISIONED = 'https://aws.amazon.com/dynamodb/pricing/provisioned/';
const S3 = 'https://aws.amazon.com/s3/pricing/';
const CLOUDFRONT = 'https://aws.amazon.com/cloudfront/pricing/';
const WAF = 'https://aws.amazon.com/waf/pricing/';
const ROUTE53 = 'https://aws.amazon.com/route53/pricing/';
const ACM = 'https://aws.amazon.com/certificate-manager/pricing/';
const SQS = 'https://aws.amazon.com/sqs/pricing/';
const SNS = 'https://aws.amazon.com/sns/pricing/';
const EVENTBRIDGE = 'https://aws.amazon.com/eventbridge/pricing/';
const STEP_FUNCTIONS = 'https://aws.amazon.com/step-functions/pricing/';
const KINESIS = 'https://aws.amazon.com/kinesis/data-streams/pricing/';
const FIREHOSE = 'https://aws.amazon.com/firehose/pricing/';
const CLOUDTRAIL = 'https://aws.amazon.com/cloudtrail/pricing/';
const CONFIG = 'https://aws.amazon.com/config/pricing/';
const MSK = 'https://aws.amazon.com/msk/pricing/';
const ATHENA = 'https://aws.amazon.com/athena/pricing/';
const SECRETS_MANAGER = 'https://aws.amazon.com/secrets-manager/pricing/';
const KMS = 'https://aws.amazon.com/kms/pricing/';
const PRIVATELINK = 'https://aws.amazon.com/privatelink/pricing/';
const ECR = 'https://aws.amazon.com/ecr/pricing/';
const EFS = 'https://aws.amazon.com/efs/pricing/';
const BACKUP = 'https://aws.amazon.com/backup/pricing/';
const COGNITO = 'https://aws.amazon.com/cognito/pricing/';
const CLOUDWATCH = 'https://aws.amazon.com/cloudwatch/pricing/';
const OPENSEARCH = 'https://aws.amazon.com/opensearch-service/pricing/';
const NEPTUNE = 'https://aws.amazon.com/neptune/pricing/';
const TIMESTREAM = 'https://aws.amazon.com/timestream/pricing/';
const ELASTICACHE = 'https://aws.amazon.com/elasticache/pricing/';
const SAVINGS_PLANS = 'https://aws.amazon.com/savingsplans/compute-pricing/';

const p = (usd: number, unit: string, source: string): Price => ({ usd, unit, source });

export const PRICES = {
  fargate: {
    x86VcpuHour: p(0.04048, 'vCPU-hour', FARGATE),
    x86GbHour: p(0.004445, 'GB-hour', FARGATE),
    armVcpuHour: p(0.03238, 'vCPU-hour', FARGATE),
    armGbHour: p(0.00356, 'GB-hour', FARGATE),
    /** Fargate Spot runs "at up to a 70% discount"; the real rate moves with spare capacity. */
    spotDiscount: p(0.7, 'fraction off on-demand', FARGATE),
    /** Compute Savings Plan, 1 year, no upfront, as applied to Fargate (about 20% off). */
    savingsPlanDiscount: p(0.2, 'fraction off on-demand', SAVINGS_PLANS),
  },
  lambda: {
    x86GbSecond: p(0.0000166667, 'GB-second', LAMBDA),
    armGbSecond: p(0.0000133334, 'GB-second', LAMBDA),
    requestsPerMillion: p(0.2, 'million requests', LAMBDA),
  },
  apiGateway: {
    httpPerMillion: p(1.0, 'million requests', API_GATEWAY),
    restPerMillion: p(3.5, 'million requests', API_GATEWAY),
  },
  nat: {
    hour: p(0.045, 'NAT gateway-hour', VPC),
    gbProcessed: p(0.045, 'GB processed', VPC),
  },
  /** Private repository storage; pulls inside the region are free. */
  ecr: { storageGbMonth: p(0.1, 'GB-month', ECR) },
  /** AWS Backup warm storage by the resource type backed up (snapshots and continuous backups). */
  backup: {
    rds: p(0.095, 'GB-month', BACKUP),
    aurora: p(0.021, 'GB-month', BACKUP),
    neptune: p(0.021, 'GB-month', BACKUP),
    dynamodb: p(0.1, 'GB-month', BACKUP),
    s3: p(0.05, 'GB-month', BACKUP),
    efs: p(0.05, 'GB-month', BACKUP),
  },
  /** EFS Regional file systems; elastic throughput bills reads and writes, provisioned MiB/s. */
  efs: {
    standardGbMonth: p(0.3, 'GB-month', EFS),
    iaGbMonth: p(0.016, 'GB-month', EFS),
    iaReadGb: p(0.01, 'GB read from IA', EFS),
    elasticReadGb: p(0.03, 'GB read', EFS),
    elasticWriteGb: p(0.06, 'GB written', EFS),
    provisionedMibpsMonth: p(6, 'MiB/s-month', EFS),
    /** AWS Backup warm storage for EFS. */
    backupGbMonth: p(0.05, 'GB-month', BACKUP),
  },
  /** Interface endpoints; gateway endpoints (S3, DynamoDB) cost nothing. */
  interfaceEndpoint: {
    azHour: p(0.01, 'endpoint AZ-hour', PRIVATELINK),
    gbProcessed: p(0.01, 'GB processed', PRIVATELINK),
  },
  alb: {
    hour: p(0.0225, 'ALB-hour', ELB),
    lcuHour: p(0.008, 'LCU-hour', ELB),
  },
  /** On-demand Linux per instance-hour, for the catalog defaults and common alternatives. */
  ec2: {
    't4g.nano': p(0.0042, 'instance-hour', EC2),
    't4g.micro': p(0.0084, 'instance-hour', EC2),
    't4g.small': p(0.0168, 'instance-hour', EC2),
    't4g.medium': p(0.0336, 'instance-hour', EC2),
    't4g.large': p(0.0672, 'instance-hour', EC2),
    't3.nano': p(0.0052, 'instance-hour', EC2),
    't3.micro': p(0.0104, 'instance-hour', EC2),
    't3.small': p(0.0208, 'instance-hour', EC2),
    't3.medium': p(0.0416, 'instance-hour', EC2),
    't3.large': p(0.0832, 'instance-hour', EC2),
    'm7g.medium': p(0.0408, 'instance-hour', EC2),
    'm7g.large': p(0.0816, 'instance-hour', EC2),
    'm7g.xlarge': p(0.1632, 'instance-hour', EC2),
    'm6g.large': p(0.077, 'instance-hour', EC2),
    'm6i.large': p(0.096, 'instance-hour', EC2),
    'm7i.large': p(0.1008, 'instance-hour', EC2),
    'c7g.large': p(0.0725, 'instance-hour', EC2),
    'c7g.xlarge': p(0.145, 'instance-hour', EC2),
    'r7g.large': p(0.1071, 'instance-hour', EC2),
  } as Record<string, Price>,
  /** Spot prices move per pool; a typical saving for current-generation instances. */
  ec2SpotDiscount: p(0.6, 'fraction off on-demand', EC2_SPOT),
  ebsGp3GbMonth: p(0.08, 'GB-month', EBS),
  eks: { clusterHour: p(0.1, 'cluster-hour', EKS) },
  /** Single-AZ RDS for PostgreSQL per instance-hour; MySQL list prices are the same or within a few percent. */
  rds: {
    'db.t4g.micro': p(0.016, 'instance-hour', RDS_POSTGRES),
    'db.t4g.small': p(0.032, 'instance-hour', RDS_POSTGRES),
    'db.t4g.medium': p(0.065, 'instance-hour', RDS_POSTGRES),
    'db.t4g.large': p(0.129, 'instance-hour', RDS_POSTGRES),
    'db.m7g.large': p(0.168, 'instance-hour', RDS_POSTGRES),
    'db.m7g.xlarge': p(0.337, 'instance-hour', RDS_POSTGRES),
    'db.r7g.large': p(0.239, 'instance-hour', RDS_POSTGRES),
    'db.r7g.xlarge': p(0.478, 'instance-hour', RDS_POSTGRES),
  } as Record<string, Price>,
  /** Multi-AZ (one standby) bills the instance and the storage twice. */
  rdsGp3GbMonth: p(0.115, 'GB-month', RDS_POSTGRES),
  /** Aurora Standard per instance-hour (PostgreSQL- and MySQL-compatible list the same). */
  aurora: {
    'db.t4g.medium': p(0.073, 'instance-hour', AURORA),
    'db.t4g.large': p(0.146, 'instance-hour', AURORA),
    'db.r6g.large': p(0.26, 'instance-hour', AURORA),
    'db.r7g.large': p(0.276, 'instance-hour', AURORA),
    'db.r7g.xlarge': p(0.552, 'instance-hour', AURORA),
  } as Record<string, Price>,
  auroraServerlessV2: {
    acuHour: p(0.12, 'ACU-hour', AURORA),
    storageGbMonth: p(0.1, 'GB-month', AURORA),
    ioPerMillion: p(0.2, 'million I/O requests', AURORA),
  },
  dynamodb: {
    onDemandWritePerMillion: p(0.625, 'million write request units', DYNAMODB_ON_DEMAND),
    onDemandReadPerMillion: p(0.125, 'million read request units', DYNAMODB_ON_DEMAND),
    storageGbMonth: p(0.25, 'GB-month', DYNAMODB_ON_DEMAND),
    pitrGbMonth: p(0.2, 'GB-month', DYNAMODB_ON_DEMAND),
    wcuHour: p(0.00065, 'WCU-hour', DYNAMODB_PROVISIONED),
    rcuHour: p(0.00013, 'RCU-hour', DYNAMODB_PROVISIONED),
  },
  s3: {
    standardGbMonth: p(0.023, 'GB-month', S3),
    standardIaGbMonth: p(0.0125, 'GB-month', S3),
    glacierFlexibleGbMonth: p(0.0036, 'GB-month', S3),
    intelligentTieringFrequentGbMonth: p(0.023, 'GB-month', S3),
    intelligentTieringInfrequentGbMonth: p(0.0125, 'GB-month', S3),
    intelligentTieringArchiveInstantGbMonth: p(0.004, 'GB-month', S3),
    intelligentTieringMonitoringPerThousandObjects: p(0.0025, '1,000 objects', S3),
    putPerThousand: p(0.005, '1,000 PUT/COPY/POST/LIST requests', S3),
    getPerThousand: p(0.0004, '1,000 GET requests', S3),
  },
  cloudfront: {
    gbToInternet: p(0.085, 'GB to the internet (North America, first 10 TB)', CLOUDFRONT),
    httpsPerMillion: p(1.0, 'million HTTPS requests', CLOUDFRONT),
  },
  waf: {
    webAclMonth: p(5.0, 'web ACL-month', WAF),
    ruleMonth: p(1.0, 'rule-month', WAF),
    requestsPerMillion: p(0.6, 'million requests', WAF),
  },
  acm: {
    /** Public certificates from ACM, used by integrated services (ELB, CloudFront, API Gateway). */
    publicCertificateMonth: p(0, 'certificate-month', ACM),
  },
  route53: {
    /** The first 25 zones; alias queries to AWS resources are free. */
    hostedZoneMonth: p(0.5, 'hosted zone-month', ROUTE53),
    standardQueriesPerMillion: p(0.4, 'million queries', ROUTE53),
  },
  sqs: {
    standardPerMillion: p(0.4, 'million requests', SQS),
    fifoPerMillion: p(0.5, 'million requests', SQS),
  },
  sns: { publishPerMillion: p(0.5, 'million publishes', SNS) },
  eventbridge: {
    customEventsPerMillion: p(1.0, 'million events', EVENTBRIDGE),
    archiveGb: p(0.1, 'GB archived', EVENTBRIDGE),
  },
  stepFunctions: {
    standardPerThousandTransitions: p(0.025, '1,000 state transitions', STEP_FUNCTIONS),
    expressPerMillion: p(1.0, 'million requests', STEP_FUNCTIONS),
    expressGbSecond: p(0.00001667, 'GB-second', STEP_FUNCTIONS),
  },
  kinesis: {
    onDemandStreamHour: p(0.04, 'stream-hour', KINESIS),
    onDemandIngestGb: p(0.08, 'GB ingested', KINESIS),
    onDemandRetrievalGb: p(0.04, 'GB retrieved', KINESIS),
    shardHour: p(0.015, 'shard-hour', KINESIS),
    putPayloadUnitsPerMillion: p(0.014, 'million PUT payload units', KINESIS),
    extendedRetentionShardHour: p(0.02, 'shard-hour', KINESIS),
  },
  /**
   * Direct put and Kinesis-stream sources, first 500 TB a month; records round up to 5 KB.
   * Delivery into a VPC (an OpenSearch domain there) adds an hourly charge per AZ the stream's
   * interfaces are in and a charge per GB processed into the VPC.
   */
  firehose: {
    ingestGb: p(0.029, 'GB ingested', FIREHOSE),
    vpcDeliveryAzHour: p(0.01, 'AZ-hour', FIREHOSE),
    vpcDeliveryGb: p(0.01, 'GB delivered into a VPC', FIREHOSE),
  },
  /**
   * The first copy of management events in each region is free (a second trail pays); data events
   * are paid from the first. Log files are stored in S3 at its prices.
   */
  cloudtrail: {
    managementEventsPer100k: p(2.0, '100,000 management events (additional copies)', CLOUDTRAIL),
    dataEventsPer100k: p(0.1, '100,000 data events', CLOUDTRAIL),
  },
  /** Continuous recording; rule evaluations at the first tier (first 100,000 a month). */
  config: {
    configurationItem: p(0.003, 'configuration item recorded', CONFIG),
    ruleEvaluation: p(0.001, 'rule evaluation', CONFIG),
  },
  athena: { perTbScanned: p(5.0, 'TB scanned', ATHENA) },
  secretsManager: {
    secretMonth: p(0.4, 'secret-month', SECRETS_MANAGER),
    apiCallsPerTenThousand: p(0.05, '10,000 API calls', SECRETS_MANAGER),
  },
  kms: {
    keyMonth: p(1.0, 'key-month', KMS),
    /** Each of the first two rotations adds this per month; later rotations add nothing. */
    rotationMonth: p(1.0, 'rotated key version-month', KMS),
    requestsPerTenThousand: p(0.03, '10,000 requests', KMS),
  },
  cognito: {
    essentialsMau: p(0.015, 'monthly active user', COGNITO),
    plusMau: p(0.02, 'monthly active user', COGNITO),
  },
  cloudwatch: {
    alarmMonth: p(0.1, 'standard alarm-month', CLOUDWATCH),
    logsIngestGb: p(0.5, 'GB ingested', CLOUDWATCH),
    logsStorageGbMonth: p(0.03, 'GB-month', CLOUDWATCH),
  },
  opensearch: {
    'r7g.large.search': p(0.178, 'instance-hour', OPENSEARCH),
    'r6g.large.search': p(0.167, 'instance-hour', OPENSEARCH),
    'm7g.large.search': p(0.136, 'instance-hour', OPENSEARCH),
    'm6g.large.search': p(0.128, 'instance-hour', OPENSEARCH),
    't3.small.search': p(0.036, 'instance-hour', OPENSEARCH),
    't3.medium.search': p(0.073, 'instance-hour', OPENSEARCH),
  } as Record<string, Price>,
  opensearchGp3GbMonth: p(0.122, 'GB-month', OPENSEARCH),
  /** Dedicated master nodes: three of this type when enabled. */
  opensearchMasterType: 'm7g.large.search',
  neptune: {
    'db.t4g.medium': p(0.077, 'instance-hour', NEPTUNE),
    'db.r6g.large': p(0.313, 'instance-hour', NEPTUNE),
    'db.r6g.xlarge': p(0.626, 'instance-hour', NEPTUNE),
    'db.r5.large': p(0.348, 'instance-hour', NEPTUNE),
  } as Record<string, Price>,
  neptuneStorage: {
    gbMonth: p(0.1, 'GB-month', NEPTUNE),
    ioPerMillion: p(0.2, 'million I/O requests', NEPTUNE),
  },
  timestream: {
    writesPerMillion: p(0.5, 'million 1 KB writes', TIMESTREAM),
    memoryGbHour: p(0.036, 'GB-hour', TIMESTREAM),
    magneticGbMonth: p(0.03, 'GB-month', TIMESTREAM),
    queryTcuHour: p(0.5, 'TCU-hour', TIMESTREAM),
  },
  /** Redis OSS and Memcached nodes list at the same hourly price. */
  /** MSK provisioned brokers per broker-hour, and their EBS storage. */
  mskBroker: {
    'kafka.t3.small': p(0.0456, 'broker-hour', MSK),
    'kafka.m5.large': p(0.21, 'broker-hour', MSK),
    'kafka.m5.xlarge': p(0.42, 'broker-hour', MSK),
    'kafka.m7g.large': p(0.204, 'broker-hour', MSK),
    'kafka.m7g.xlarge': p(0.408, 'broker-hour', MSK),
  } as Record<string, Price>,
  mskStorage: { gbMonth: p(0.1, 'GB-month', MSK) },
  elasticache: {
    'cache.t4g.micro': p(0.016, 'node-hour', ELASTICACHE),
    'cache.t4g.small': p(0.032, 'node-hour', ELASTICACHE),
    'cache.t4g.medium': p(0.065, 'node-hour', ELASTICACHE),
    'cache.m7g.large': p(0.158, 'node-hour', ELASTICACHE),
    'cache.r7g.large': p(0.219, 'node-hour', ELASTICACHE),
  } as Record<string, Price>,
} as const;

/**
 * Least-privilege IAM statements per (target service type, access). Each entry lists exact
 * actions on the target's own ARNs; a wildcard resource appears only where AWS offers no
 * resource-level permission for the action, with the reason printed next to it.
 */
import type { GrantAccess, PolicyStatement, ResourceRef } from './types.ts';

interface StatementTemplate {
  /** Appended to the grant's sid when an access needs more than one statement. */
  sidSuffix: string;
  actions: string[];
  resources: Omit<ResourceRef, 'componentId'>[];
  wildcardReason?: string;
}

const TIMESTREAM_ENDPOINTS: StatementTemplate = {
  sidSuffix: 'Endpoints',
  actions: ['timestream:DescribeEndpoints'],
  resources: [],
  wildcardReason:
    'timestream:DescribeEndpoints supports no resource-level permissions; the SDK calls it before every request',
};

const DYNAMODB_READ: StatementTemplate = {
  sidSuffix: '',
  actions: [
    'dynamodb:BatchGetItem',
    'dynamodb:ConditionCheckItem',
    'dynamodb:DescribeTable',
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:Scan',
  ],
  resources: [{ attribute: 'arn' }, { attribute: 'arn', suffix: '/index/*' }],
};
const DYNAMODB_WRITE: StatementTemplate = {
  sidSuffix: '',
  actions: [
    'dynamodb:BatchWriteItem',
    'dynamodb:DeleteItem',
    'dynamodb:DescribeTable',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
  ],
  resources: [{ attribute: 'arn' }],
};
const S3_READ: StatementTemplate[] = [
  { sidSuffix: 'Objects', actions: ['s3:GetObject'], resources: [{ attribute: 'arn', suffix: '/*' }] },
  { sidSuffix: 'List', actions: ['s3:ListBucket'], resources: [{ attribute: 'arn' }] },
];
const S3_WRITE: StatementTemplate = {
  sidSuffix: 'Objects',
  actions: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject'],
  resources: [{ attribute: 'arn', suffix: '/*' }],
};
const KINESIS_READ: StatementTemplate = {
  sidSuffix: '',
  actions: [
    'kinesis:DescribeStream',
    'kinesis:DescribeStreamSummary',
    'kinesis:GetRecords',
    'kinesis:GetShardIterator',
    'kinesis:ListShards',
    'kinesis:SubscribeToShard',
  ],
  resources: [{ attribute: 'arn' }],
};
const KINESIS_WRITE: StatementTemplate = {
  sidSuffix: '',
  actions: ['kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'],
  resources: [{ attribute: 'arn' }],
};
const TIMESTREAM_READ: StatementTemplate = {
  sidSuffix: '',
  actions: ['timestream:DescribeTable', 'timestream:ListMeasures', 'timestream:Select'],
  resources: [{ attribute: 'arn', suffix: '/table/*' }],
};
const TIMESTREAM_WRITE: StatementTemplate = {
  sidSuffix: '',
  actions: ['timestream:DescribeTable', 'timestream:WriteRecords'],
  resources: [{ attribute: 'arn', suffix: '/table/*' }],
};

/** IAM access control for MSK: connect to the cluster, then topic and group actions by ARN. */
const MSK_CLUSTER: StatementTemplate = {
  sidSuffix: 'Cluster',
  actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka:GetBootstrapBrokers'],
  resources: [{ attribute: 'arn' }],
};
const MSK_READ: StatementTemplate[] = [
  {
    sidSuffix: 'Topics',
    actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
    resources: [{ attribute: 'topicArn', suffix: '/*' }],
  },
  {
    sidSuffix: 'Groups',
    actions: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'],
    resources: [{ attribute: 'groupArn', suffix: '/*' }],
  },
];
const MSK_WRITE: StatementTemplate = {
  sidSuffix: 'Topics',
  actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'],
  resources: [{ attribute: 'topicArn', suffix: '/*' }],
};

/** Merged read + write, keeping statements with different resources apart. */
function both(read: StatementTemplate[], write: StatementTemplate[]): StatementTemplate[] {
  return [
    ...read.map((s) => ({ ...s, sidSuffix: `Read${s.sidSuffix}` })),
    ...write.map((s) => ({ ...s, sidSuffix: `Write${s.sidSuffix}` })),
  ];
}

/**
 * The table. Targets encrypted with their own or AWS managed keys (aws/s3, aws/sqs, ...) need no
 * kms:* actions: those key policies admit callers through the service. A drawn key's users get
 * the 'kms-key' statements as grants of their own (keys.ts).
 */
/** Pulling an image: the layers and manifest from the repository, a registry token from ECR. */
const ECR_PULL: StatementTemplate[] = [
  {
    sidSuffix: '',
    actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    resources: [{ attribute: 'arn' }],
  },
  {
    sidSuffix: 'Token',
    actions: ['ecr:GetAuthorizationToken'],
    resources: [],
    wildcardReason:
      'ecr:GetAuthorizationToken supports no resource-level permissions (the token is for the registry)',
  },
];

export const IAM_ACTIONS: Readonly<Record<string, Partial<Record<GrantAccess, StatementTemplate[]>>>> = {
  'ecr-repository': { read: ECR_PULL },
  dynamodb: {
    read: [DYNAMODB_READ],
    write: [DYNAMODB_WRITE],
    'read-write': both([DYNAMODB_READ], [DYNAMODB_WRITE]),
    consume: [
      {
        sidSuffix: '',
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [{ attribute: 'streamArn' }],
      },
      {
        sidSuffix: 'ListStreams',
        actions: ['dynamodb:ListStreams'],
        resources: [],
        wildcardReason:
          'dynamodb:ListStreams supports no resource-level permissions; Lambda lists streams when polling',
      },
    ],
  },
  s3: {
    // What Firehose's S3 destination documents for its role: multipart uploads and bucket lookups.
    deliver: [
      {
        sidSuffix: 'Bucket',
        actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
        resources: [{ attribute: 'arn' }],
      },
      {
        sidSuffix: 'Objects',
        actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
        resources: [{ attribute: 'arn', suffix: '/*' }],
      },
    ],
    read: S3_READ,
    write: [S3_WRITE],
    'read-write': both(S3_READ, [S3_WRITE]),
  },
  'kinesis-stream': {
    read: [KINESIS_READ],
    consume: [KINESIS_READ],
    write: [KINESIS_WRITE],
    publish: [KINESIS_WRITE],
    'read-write': both([KINESIS_READ], [KINESIS_WRITE]),
  },
  timestream: {
    read: [TIMESTREAM_READ, TIMESTREAM_ENDPOINTS],
    write: [TIMESTREAM_WRITE, TIMESTREAM_ENDPOINTS],
    'read-write': [...both([TIMESTREAM_READ], [TIMESTREAM_WRITE]), TIMESTREAM_ENDPOINTS],
  },
  sqs: {
    publish: [
      {
        sidSuffix: '',
        actions: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
        resources: [{ attribute: 'arn' }],
      },
    ],
    consume: [
      {
        sidSuffix: '',
        actions: [
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:GetQueueUrl',
          'sqs:ReceiveMessage',
        ],
        resources: [{ attribute: 'arn' }],
      },
    ],
  },
  sns: { publish: [{ sidSuffix: '', actions: ['sns:Publish'], resources: [{ attribute: 'arn' }] }] },
  'eventbridge-bus': {
    publish: [{ sidSuffix: '', actions: ['events:PutEvents'], resources: [{ attribute: 'arn' }] }],
  },
  secret: {
    'read-secret': [
      {
        sidSuffix: '',
        actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        resources: [{ attribute: 'arn' }],
      },
    ],
  },
  'log-group': {
    'write-logs': [
      {
        sidSuffix: '',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [{ attribute: 'arn', suffix: ':*' }],
      },
    ],
  },
  lambda: {
    invoke: [
      {
        sidSuffix: '',
        actions: ['lambda:InvokeFunction'],
        // The function and its versions/aliases.
        resources: [{ attribute: 'arn' }, { attribute: 'arn', suffix: ':*' }],
      },
    ],
  },
  // A drawn key (keys.ts): what reading or writing the data it encrypts needs, on this key only.
  'kms-key': {
    decrypt: [{ sidSuffix: '', actions: ['kms:Decrypt'], resources: [{ attribute: 'arn' }] }],
    'encrypt-decrypt': [
      {
        sidSuffix: '',
        // Sending, publishing and putting objects make a data key; multipart uploads decrypt too.
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [{ attribute: 'arn' }],
      },
    ],
  },
  'msk-cluster': {
    read: [MSK_CLUSTER, ...MSK_READ],
    write: [MSK_CLUSTER, MSK_WRITE],
    'read-write': [MSK_CLUSTER, ...both(MSK_READ, [MSK_WRITE])],
    // Lambda's event source poller: the cluster's brokers and network interfaces in its subnets.
    consume: [
      { ...MSK_CLUSTER, actions: [...MSK_CLUSTER.actions, 'kafka:DescribeClusterV2'].sort() },
      ...MSK_READ,
      {
        sidSuffix: 'Network',
        actions: [
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeSubnets',
          'ec2:DescribeVpcs',
        ],
        resources: [],
        wildcardReason:
          'Lambda creates the event source poller’s network interfaces in the cluster’s subnets; these EC2 actions take no resource-level permissions here',
      },
    ],
  },
  // Mounting with IAM authorization; efs.ts adds the access point and mount target conditions.
  efs: {
    read: [{ sidSuffix: '', actions: ['elasticfilesystem:ClientMount'], resources: [{ attribute: 'arn' }] }],
    'read-write': [
      {
        sidSuffix: '',
        actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
        resources: [{ attribute: 'arn' }],
      },
    ],
  },
  firehose: {
    write: [
      {
        sidSuffix: '',
        actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'],
        resources: [{ attribute: 'arn' }],
      },
    ],
  },
  'step-functions': {
    'start-execution': [
      { sidSuffix: '', actions: ['states:StartExecution'], resources: [{ attribute: 'arn' }] },
    ],
  },
};

/** The exact statements for `access` to a target, or undefined when the table has none. */
export function grantStatements(
  targetType: string,
  access: GrantAccess,
  targetId: string,
  sidBase: string,
): PolicyStatement[] | undefined {
  const templates = IAM_ACTIONS[targetType]?.[access];
  if (!templates) return undefined;
  return templates.map((t) => ({
    sid: sidBase + t.sidSuffix,
    actions: [...t.actions],
    resources: t.resources.map((r) => ({ componentId: targetId, ...r })),
    ...(t.wildcardReason ? { wildcardResource: { reason: t.wildcardReason } } : {}),
  }));
}

/** Statements a role needs for itself rather than for a connection (fresh objects each call). */
export const xrayStatement = (): PolicyStatement => ({
  sid: 'XRayTracing',
  actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
  resources: [],
  wildcardResource: { reason: 'X-Ray trace segment APIs support no resource-level permissions' },
});

export const stateMachineXrayStatement = (): PolicyStatement => ({
  sid: 'XRayTracing',
  actions: [
    'xray:GetSamplingRules',
    'xray:GetSamplingTargets',
    'xray:PutTelemetryRecords',
    'xray:PutTraceSegments',
  ],
  resources: [],
  wildcardResource: { reason: 'X-Ray trace and sampling APIs support no resource-level permissions' },
});

export const logDeliveryStatement = (): PolicyStatement => ({
  sid: 'LogDelivery',
  actions: [
    'logs:CreateLogDelivery',
    'logs:DeleteLogDelivery',
    'logs:DescribeLogGroups',
    'logs:DescribeResourcePolicies',
    'logs:GetLogDelivery',
    'logs:ListLogDeliveries',
    'logs:PutResourcePolicy',
    'logs:UpdateLogDelivery',
  ],
  resources: [],
  wildcardResource: {
    reason:
      'CloudWatch Logs vended-log delivery APIs (used by Step Functions logging) support no resource-level permissions',
  },
});

/** Writing to one log group: its log streams only. */
export function logWriteStatement(
  sid: string,
  logGroupId: string,
  extraActions: string[] = [],
): PolicyStatement {
  return {
    sid,
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents', ...extraActions].sort(),
    resources: [{ componentId: logGroupId, attribute: 'arn', suffix: ':*' }],
  };
}

/** AWS managed policies, named with their path: the ARN is arn:<partition>:iam::aws:policy/<name>. */
export const MANAGED_POLICIES = {
  lambdaVpcAccess: 'service-role/AWSLambdaVPCAccessExecutionRole',
  ecsTaskExecution: 'service-role/AmazonECSTaskExecutionRolePolicy',
  eksCluster: 'AmazonEKSClusterPolicy',
  eksWorkerNode: 'AmazonEKSWorkerNodePolicy',
  eksCni: 'AmazonEKS_CNI_Policy',
  ecrReadOnly: 'AmazonEC2ContainerRegistryReadOnly',
  apiGatewayCloudWatch: 'service-role/AmazonAPIGatewayPushToCloudWatchLogs',
  ssmManagedInstanceCore: 'AmazonSSMManagedInstanceCore',
  backup: 'service-role/AWSBackupServiceRolePolicyForBackup',
  backupRestores: 'service-role/AWSBackupServiceRolePolicyForRestores',
  // S3 backups need their own pair (bucket versions, inventory, EventBridge rules AWS Backup makes).
  backupS3: 'AWSBackupServiceRolePolicyForS3Backup',
  backupS3Restores: 'AWSBackupServiceRolePolicyForS3Restore',
  configRole: 'service-role/AWS_ConfigRole',
} as const;

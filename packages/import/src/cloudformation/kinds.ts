/**
 * Which source resources are parts of a node, which are the network, and how a part finds the
 * node it serves; which connection kind IAM actions mean.
 */
import type { ConnectionKind } from '@archgen/model';

/** VPC plumbing, rebuilt as the design's VPC (role named in the report). */
export const NETWORK_ROLES: Readonly<Record<string, string>> = {
  'AWS::EC2::VPC': 'vpc',
  'AWS::EC2::Subnet': 'subnet',
  'AWS::EC2::RouteTable': 'routeTable',
  'AWS::EC2::Route': 'route',
  'AWS::EC2::SubnetRouteTableAssociation': 'routeTableAssociation',
  'AWS::EC2::InternetGateway': 'internetGateway',
  'AWS::EC2::VPCGatewayAttachment': 'gatewayAttachment',
  'AWS::EC2::NatGateway': 'natGateway',
  'AWS::EC2::EIP': 'natAddress',
  'AWS::EC2::FlowLog': 'flowLog',
  'AWS::EC2::VPCCidrBlock': 'cidrBlock',
};

/**
 * Part types. `via: 'out'`: the part names its owner (a permission names its function), looked
 * for in `paths` when given; `via: 'in'`: the owner names the part (a function names its role).
 */
export interface PartRule {
  role: string;
  via: 'in' | 'out';
  paths?: readonly string[];
  /** Roles numbered from 0 in source order ('alarm:0'). */
  indexed?: boolean;
  /** `via: 'in'` through any part that names it (a target group named by a listener). */
  anyReferrer?: boolean;
  /** The 'in' parts it names are its node's too (a node group's node role). */
  holds?: boolean;
}

export const PART_TYPES: Readonly<Record<string, PartRule>> = {
  'AWS::IAM::Role': { role: 'role', via: 'in' },
  'AWS::IAM::Policy': { role: 'policy', via: 'out', paths: ['Roles'] },
  'AWS::IAM::RolePolicy': { role: 'policy', via: 'out', paths: ['RoleName'] },
  'AWS::IAM::ManagedPolicy': { role: 'policy', via: 'out', paths: ['Roles'] },
  'AWS::IAM::InstanceProfile': { role: 'instanceProfile', via: 'in' },
  'AWS::EC2::SecurityGroup': { role: 'securityGroup', via: 'in' },
  'AWS::EC2::SecurityGroupIngress': {
    role: 'securityGroupIngress',
    via: 'out',
    paths: ['GroupId'],
    indexed: true,
  },
  'AWS::EC2::SecurityGroupEgress': {
    role: 'securityGroupEgress',
    via: 'out',
    paths: ['GroupId'],
    indexed: true,
  },
  'AWS::Logs::LogGroup': { role: 'logGroup', via: 'in', anyReferrer: true },
  'AWS::CloudWatch::Alarm': { role: 'alarm', via: 'out', paths: ['Dimensions', 'Metrics'], indexed: true },
  'AWS::Lambda::Permission': { role: 'permission', via: 'out', paths: ['FunctionName'], indexed: true },
  'AWS::Lambda::EventSourceMapping': {
    role: 'eventSourceMapping',
    via: 'out',
    paths: ['FunctionName'],
    indexed: true,
  },
  'AWS::SNS::Subscription': {
    role: 'subscription',
    via: 'out',
    paths: ['Endpoint', 'TopicArn'],
    indexed: true,
  },
  'AWS::SQS::QueuePolicy': { role: 'queuePolicy', via: 'out', paths: ['Queues'] },
  'AWS::SNS::TopicPolicy': { role: 'topicPolicy', via: 'out', paths: ['Topics'] },
  'AWS::S3::BucketPolicy': { role: 'bucketPolicy', via: 'out', paths: ['Bucket'] },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { role: 'targetGroup', via: 'in', anyReferrer: true },
  'AWS::WAFv2::WebACL': { role: 'webAcl', via: 'in', anyReferrer: true },
  'AWS::ElasticLoadBalancingV2::Listener': { role: 'listener', via: 'out', paths: ['LoadBalancerArn'] },
  'AWS::ElasticLoadBalancingV2::ListenerRule': {
    role: 'listenerRule',
    via: 'out',
    paths: ['ListenerArn'],
    indexed: true,
  },
  'AWS::ElasticLoadBalancingV2::ListenerCertificate': {
    role: 'listenerCertificate',
    via: 'out',
    paths: ['ListenerArn'],
  },
  'AWS::ECS::TaskDefinition': { role: 'taskDefinition', via: 'in' },
  'AWS::ECS::Cluster': { role: 'cluster', via: 'in' },
  'AWS::ECS::ClusterCapacityProviderAssociations': {
    role: 'capacityProviders',
    via: 'out',
    paths: ['Cluster'],
  },
  'AWS::ApplicationAutoScaling::ScalableTarget': {
    role: 'scalableTarget',
    via: 'out',
    paths: ['ResourceId'],
    indexed: true,
  },
  'AWS::ApplicationAutoScaling::ScalingPolicy': {
    role: 'scalingPolicy',
    via: 'out',
    paths: ['ScalingTargetId', 'ResourceId'],
    indexed: true,
  },
  'AWS::AutoScaling::LaunchConfiguration': { role: 'launchConfiguration', via: 'in' },
  'AWS::EC2::LaunchTemplate': { role: 'launchTemplate', via: 'in' },
  'AWS::AutoScaling::ScalingPolicy': {
    role: 'scalingPolicy',
    via: 'out',
    paths: ['AutoScalingGroupName'],
    indexed: true,
  },
  'AWS::KMS::Key': { role: 'kmsKey', via: 'in' },
  'AWS::KMS::Alias': { role: 'kmsAlias', via: 'out', paths: ['TargetKeyId'] },
  'AWS::Lambda::LayerVersion': { role: 'layer', via: 'in', indexed: true },
  'AWS::Serverless::LayerVersion': { role: 'layer', via: 'in', indexed: true },
  'AWS::Lambda::Version': { role: 'version', via: 'out', paths: ['FunctionName'], indexed: true },
  'AWS::Lambda::Alias': { role: 'alias', via: 'out', paths: ['FunctionName'], indexed: true },
  'AWS::Lambda::Url': { role: 'url', via: 'out', paths: ['TargetFunctionArn'] },
  'AWS::Lambda::EventInvokeConfig': { role: 'eventInvokeConfig', via: 'out', paths: ['FunctionName'] },
  'AWS::ApiGateway::Resource': { role: 'apiResource', via: 'out', paths: ['RestApiId'], indexed: true },
  'AWS::ApiGateway::Method': { role: 'apiMethod', via: 'out', paths: ['RestApiId'], indexed: true },
  'AWS::ApiGateway::Deployment': { role: 'deployment', via: 'out', paths: ['RestApiId'], indexed: true },
  'AWS::ApiGateway::Stage': { role: 'stage', via: 'out', paths: ['RestApiId'], indexed: true },
  'AWS::ApiGateway::Authorizer': { role: 'authorizer', via: 'out', paths: ['RestApiId'], indexed: true },
  'AWS::ApiGateway::Model': { role: 'apiModel', via: 'out', paths: ['RestApiId'], indexed: true },
  'AWS::ApiGateway::RequestValidator': {
    role: 'requestValidator',
    via: 'out',
    paths: ['RestApiId'],
    indexed: true,
  },
  'AWS::ApiGateway::GatewayResponse': {
    role: 'gatewayResponse',
    via: 'out',
    paths: ['RestApiId'],
    indexed: true,
  },
  'AWS::ApiGateway::UsagePlan': { role: 'usagePlan', via: 'out', paths: ['ApiStages'], indexed: true },
  'AWS::ApiGateway::Account': { role: 'apiAccount', via: 'out' },
  'AWS::ApiGatewayV2::Route': { role: 'route', via: 'out', paths: ['ApiId'], indexed: true },
  'AWS::ApiGatewayV2::Integration': { role: 'integration', via: 'out', paths: ['ApiId'], indexed: true },
  'AWS::ApiGatewayV2::Stage': { role: 'stage', via: 'out', paths: ['ApiId'], indexed: true },
  'AWS::ApiGatewayV2::Deployment': { role: 'deployment', via: 'out', paths: ['ApiId'], indexed: true },
  'AWS::ApiGatewayV2::Authorizer': { role: 'authorizer', via: 'out', paths: ['ApiId'], indexed: true },
  'AWS::ApiGatewayV2::RouteResponse': { role: 'routeResponse', via: 'out', paths: ['ApiId'], indexed: true },
  'AWS::ApiGatewayV2::IntegrationResponse': {
    role: 'integrationResponse',
    via: 'out',
    paths: ['ApiId'],
    indexed: true,
  },
  'AWS::ApiGatewayV2::VpcLink': { role: 'vpcLink', via: 'in' },
  'AWS::SecretsManager::RotationSchedule': { role: 'rotation', via: 'out', paths: ['SecretId'] },
  // An MSK cluster's SCRAM secrets handed to it; the secret it names is the cluster's too (import.ts).
  'AWS::MSK::BatchScramSecret': { role: 'scramSecrets', via: 'out', paths: ['ClusterArn'] },
  'AWS::SecretsManager::SecretTargetAttachment': {
    role: 'secretAttachment',
    via: 'out',
    paths: ['SecretId'],
  },
  'AWS::RDS::DBSubnetGroup': { role: 'subnetGroup', via: 'in' },
  'AWS::RDS::DBParameterGroup': { role: 'parameterGroup', via: 'in' },
  'AWS::RDS::DBClusterParameterGroup': { role: 'clusterParameterGroup', via: 'in' },
  'AWS::ElastiCache::SubnetGroup': { role: 'subnetGroup', via: 'in' },
  'AWS::ElastiCache::ParameterGroup': { role: 'parameterGroup', via: 'in' },
  'AWS::Neptune::DBSubnetGroup': { role: 'subnetGroup', via: 'in' },
  'AWS::Neptune::DBInstance': { role: 'instance', via: 'out', paths: ['DBClusterIdentifier'], indexed: true },
  'AWS::EKS::Nodegroup': {
    role: 'nodegroup',
    via: 'out',
    paths: ['ClusterName'],
    indexed: true,
    holds: true,
  },
  'AWS::Events::Archive': { role: 'archive', via: 'out', paths: ['SourceArn'] },
  'AWS::Cognito::UserPoolClient': {
    role: 'userPoolClient',
    via: 'out',
    paths: ['UserPoolId'],
    indexed: true,
  },
  'AWS::Cognito::UserPoolDomain': { role: 'userPoolDomain', via: 'out', paths: ['UserPoolId'] },
  'AWS::Cognito::UserPoolGroup': { role: 'userPoolGroup', via: 'out', paths: ['UserPoolId'], indexed: true },
  'AWS::Logs::SubscriptionFilter': {
    role: 'subscriptionFilter',
    via: 'out',
    paths: ['LogGroupName'],
    indexed: true,
  },
  'AWS::Logs::MetricFilter': { role: 'metricFilter', via: 'out', paths: ['LogGroupName'], indexed: true },
  // A stream in a node's log group (a Firehose stream's error log stream).
  'AWS::Logs::LogStream': { role: 'logStream', via: 'out', paths: ['LogGroupName'] },
  // A log resource policy letting a service write to a node's log group (an OpenSearch domain's
  // slow and application logs): the node's, through the log group its document names.
  'AWS::Logs::ResourcePolicy': { role: 'logsPolicy', via: 'out', paths: ['PolicyDocument'] },
  'AWS::CloudFront::OriginAccessControl': { role: 'originAccessControl', via: 'in' },
  'AWS::CloudFront::CloudFrontOriginAccessIdentity': { role: 'originAccessIdentity', via: 'in' },
  'AWS::CloudFront::CachePolicy': { role: 'cachePolicy', via: 'in', indexed: true },
  'AWS::CloudFront::OriginRequestPolicy': { role: 'originRequestPolicy', via: 'in', indexed: true },
  'AWS::CloudFront::ResponseHeadersPolicy': { role: 'responseHeadersPolicy', via: 'in', indexed: true },
  'AWS::CloudFront::Function': { role: 'function', via: 'in', indexed: true },
  'AWS::Kinesis::StreamConsumer': { role: 'streamConsumer', via: 'out', paths: ['StreamARN'], indexed: true },
  'AWS::Timestream::Table': { role: 'table', via: 'out', paths: ['DatabaseName'], indexed: true },
  'AWS::WAFv2::WebACLAssociation': { role: 'webAclAssociation', via: 'out', paths: ['ResourceArn'] },
  'AWS::StepFunctions::Activity': { role: 'activity', via: 'in', indexed: true },
  // A file system's mount targets hold its security group; its access points are its settings.
  'AWS::EFS::MountTarget': {
    role: 'mountTarget',
    via: 'out',
    paths: ['FileSystemId'],
    indexed: true,
    holds: true,
  },
  'AWS::EFS::AccessPoint': { role: 'accessPoint', via: 'out', paths: ['FileSystemId'], indexed: true },
  // A zone's records (the alias records are its alias connections; others are kept, remade.ts).
  'AWS::Route53::RecordSet': { role: 'record', via: 'out', paths: ['HostedZoneId'], indexed: true },
  'AWS::Backup::BackupVault': { role: 'vault', via: 'in' },
  // They name no recorder: owned through import.ts's hint when the template has one recorder.
  'AWS::Config::DeliveryChannel': { role: 'deliveryChannel', via: 'out', paths: [] },
  'AWS::Config::ConfigRule': { role: 'configRule', via: 'out', paths: [], indexed: true },
  // The selection names the plan's role: the role is the plan's too.
  'AWS::Backup::BackupSelection': { role: 'selection', via: 'out', paths: ['BackupPlanId'], holds: true },
};

/**
 * Types that are a part of the node using them (a bucket's own key, a distribution's own web
 * ACL) unless drawn as a node of their own, used by several nodes, or by none (import.ts).
 */
export const PART_UNLESS_SHARED: ReadonlySet<string> = new Set(['AWS::KMS::Key', 'AWS::WAFv2::WebACL']);

/** A RDS DB instance in a cluster is part of the Aurora node; on its own it is an RDS node. */
export const CLUSTER_MEMBER: PartRule = {
  role: 'instance',
  via: 'out',
  paths: ['DBClusterIdentifier'],
  indexed: true,
};

const READ = /^(get|query|scan|batchget|describe|list|select|head|receive)/;
const WRITE = /^(put|update|delete|batchwrite|create|abort|restore|write|partiql(insert|update|delete))/;

/** The connection kind an IAM statement's actions mean on a target of `targetType`. */
export function iamKind(actions: readonly string[], targetType: string): ConnectionKind | undefined {
  const names = actions.map((a) => a.toLowerCase());
  const has = (service: string, test: (verb: string) => boolean) =>
    names.some((a) => {
      const [svc, verb = ''] = a.split(':');
      return (svc === service || svc === '*') && (verb === '*' || test(verb));
    });
  switch (targetType) {
    case 'sqs':
      return has('sqs', (v) => v.startsWith('sendmessage')) ? 'publish' : undefined;
    case 'sns':
      return has('sns', (v) => v === 'publish') ? 'publish' : undefined;
    case 'eventbridge-bus':
      return has('events', (v) => v === 'putevents') ? 'publish' : undefined;
    case 'lambda':
      return has('lambda', (v) => v.startsWith('invoke')) ? 'invoke' : undefined;
    case 'step-functions':
      return has('states', (v) => v.startsWith('start')) ? 'invoke' : undefined;
    case 'secret':
      return has('secretsmanager', (v) => v === 'getsecretvalue') ? 'read' : undefined;
    case 'log-group':
      // Writing to a log group that is a node of its own (a drawn one; a service's own is a part).
      return has('logs', (v) => v === 'putlogevents' || v === 'createlogstream') ? 'write' : undefined;
    case 'efs': {
      // Mounting is ClientMount; writing adds ClientWrite (ClientRootAccess is a mount setting).
      const write = has('elasticfilesystem', (v) => v === 'clientwrite');
      const mount = has('elasticfilesystem', (v) => v === 'clientmount');
      return write ? 'read-write' : mount ? 'read' : undefined;
    }
    case 'ecr-repository':
      return has('ecr', (v) => v === 'batchgetimage' || v === 'getdownloadurlforlayer') ? 'read' : undefined;
    case 'msk-cluster': {
      // Kafka data-plane actions (IAM access control): reading and writing topics.
      const read = has('kafka-cluster', (v) => v === 'readdata');
      const write = has('kafka-cluster', (v) => v === 'writedata');
      return read && write ? 'read-write' : read ? 'read' : write ? 'write' : undefined;
    }
    case 'kinesis-stream': {
      const write = has('kinesis', (v) => v.startsWith('putrecord'));
      const read = has('kinesis', (v) => READ.test(v));
      return write && read ? 'read-write' : write ? 'publish' : read ? 'read' : undefined;
    }
    case 'dynamodb':
    case 's3':
    case 'timestream': {
      const service = targetType === 'dynamodb' ? 'dynamodb' : targetType === 's3' ? 's3' : 'timestream';
      const read = has(service, (v) => READ.test(v));
      const write = has(service, (v) => WRITE.test(v));
      return read && write ? 'read-write' : read ? 'read' : write ? 'write' : undefined;
    }
    default:
      return undefined;
  }
}

/** SAM policy templates: the kind of access and the parameter naming the resource. */
export const SAM_POLICY_TEMPLATES: Readonly<Record<string, ConnectionKind>> = {
  SQSSendMessagePolicy: 'publish',
  SNSPublishMessagePolicy: 'publish',
  DynamoDBCrudPolicy: 'read-write',
  DynamoDBReadPolicy: 'read',
  DynamoDBWritePolicy: 'write',
  S3CrudPolicy: 'read-write',
  S3FullAccessPolicy: 'read-write',
  S3ReadPolicy: 'read',
  S3WritePolicy: 'write',
  LambdaInvokePolicy: 'invoke',
  EventBridgePutEventsPolicy: 'publish',
  StepFunctionsExecutionPolicy: 'invoke',
  AWSSecretsManagerGetSecretValuePolicy: 'read',
  KinesisCrudPolicy: 'read-write',
  KinesisStreamReadPolicy: 'read',
};

/** The kind a reference (an environment variable, a definition) means when IAM says nothing. */
export function referenceKind(targetType: string): ConnectionKind | undefined {
  switch (targetType) {
    case 'sqs':
    case 'sns':
    case 'eventbridge-bus':
    case 'kinesis-stream':
      return 'publish';
    case 'dynamodb':
    case 's3':
    case 'timestream':
      return 'read-write';
    case 'lambda':
    case 'step-functions':
      return 'invoke';
    case 'secret':
      return 'read';
    case 'rds':
    case 'aurora':
    case 'elasticache':
    case 'opensearch':
    case 'neptune':
    case 'alb':
      return 'traffic';
    default:
      return undefined;
  }
}

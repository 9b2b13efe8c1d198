import { SERVICE_CATEGORIES, type ServiceDefinition } from '../types.ts';
import { alb } from './alb.ts';
import { apiGateway } from './api-gateway.ts';
import { athenaWorkgroup } from './athena-workgroup.ts';
import { backupPlan } from './backup-plan.ts';
import { bastion } from './bastion.ts';
import { aurora } from './aurora.ts';
import { cloudfront } from './cloudfront.ts';
import { cloudtrail } from './cloudtrail.ts';
import { cloudwatchAlarm } from './cloudwatch-alarm.ts';
import { cognitoUserPool } from './cognito-user-pool.ts';
import { configRecorder } from './config-recorder.ts';
import { dynamodb } from './dynamodb.ts';
import { ec2Asg } from './ec2-asg.ts';
import { ecrRepository } from './ecr-repository.ts';
import { efs } from './efs.ts';
import { ecsFargate } from './ecs-fargate.ts';
import { eks } from './eks.ts';
import { elasticache } from './elasticache.ts';
import { eventbridgeBus } from './eventbridge-bus.ts';
import { eventbridgeRule } from './eventbridge-rule.ts';
import { firehose } from './firehose.ts';
import { kinesisStream } from './kinesis-stream.ts';
import { kmsKey } from './kms-key.ts';
import { lambda } from './lambda.ts';
import { logGroup } from './log-group.ts';
import { mskCluster } from './msk-cluster.ts';
import { natGateway } from './nat-gateway.ts';
import { neptune } from './neptune.ts';
import { opensearch } from './opensearch.ts';
import { otherResource } from './other-resource.ts';
import { rds } from './rds.ts';
import { s3 } from './s3.ts';
import { secret } from './secret.ts';
import { sns } from './sns.ts';
import { sqs } from './sqs.ts';
import { stepFunctions } from './step-functions.ts';
import { timestream } from './timestream.ts';
import { users } from './users.ts';
import { vpcEndpoint } from './vpc-endpoint.ts';
import { wafWebAcl } from './waf-web-acl.ts';
import { route53Zone } from './route53-zone.ts';
import { acmCertificate } from './acm-certificate.ts';

export { FARGATE_MEMORY_BY_CPU, isValidFargateSize } from './ecs-fargate.ts';
export { CERTIFICATE_USERS, commaSeparatedNames } from './acm-certificate.ts';
export { TERRAFORM_MODULE } from './other-resource.ts';

const UNSORTED: readonly ServiceDefinition[] = [
  alb,
  apiGateway,
  athenaWorkgroup,
  backupPlan,
  bastion,
  aurora,
  cloudfront,
  cloudtrail,
  cloudwatchAlarm,
  cognitoUserPool,
  configRecorder,
  dynamodb,
  ec2Asg,
  ecrRepository,
  efs,
  ecsFargate,
  eks,
  elasticache,
  eventbridgeBus,
  eventbridgeRule,
  firehose,
  kinesisStream,
  kmsKey,
  lambda,
  logGroup,
  mskCluster,
  natGateway,
  neptune,
  opensearch,
  otherResource,
  rds,
  s3,
  secret,
  sns,
  sqs,
  stepFunctions,
  timestream,
  users,
  vpcEndpoint,
  wafWebAcl,
  route53Zone,
  acmCertificate,
];

/** Every service in palette order: by category (SERVICE_CATEGORIES order), then display name. */
export const ALL_SERVICES: readonly ServiceDefinition[] = [...UNSORTED].sort(
  (a, b) =>
    SERVICE_CATEGORIES.indexOf(a.category) - SERVICE_CATEGORIES.indexOf(b.category) ||
    a.displayName.localeCompare(b.displayName, 'en'),
);

/**
 * One emitter per component type: every catalog service except "users" (a diagram source with
 * no infrastructure), and the types the lowering derives (log groups, secrets, DLQs and the alarm
 * topic use the catalog types' emitters). A type missing here is an error, never skipped.
 */
import type { ComponentEmitter } from '../context.ts';
import { albEmitter } from './alb.ts';
import { apiGatewayEmitter } from './api-gateway.ts';
import { athenaEmitter } from './athena-workgroup.ts';
import { auroraEmitter } from './aurora.ts';
import { cloudfrontEmitter } from './cloudfront.ts';
import { cloudwatchAlarmEmitter } from './cloudwatch-alarm.ts';
import { cognitoEmitter } from './cognito-user-pool.ts';
import { dynamodbEmitter } from './dynamodb.ts';
import { backupPlanEmitter } from './backup-plan.ts';
import { bastionEmitter } from './bastion.ts';
import { ec2AsgEmitter } from './ec2-asg.ts';
import { ecrRepositoryEmitter } from './ecr-repository.ts';
import { ecsFargateEmitter } from './ecs-fargate.ts';
import { efsEmitter } from './efs.ts';
import { eksEmitter } from './eks.ts';
import { elasticacheEmitter } from './elasticache.ts';
import { eventBusEmitter } from './eventbridge-bus.ts';
import { eventRuleEmitter } from './eventbridge-rule.ts';
import { firehoseEmitter } from './firehose.ts';
import { cloudtrailEmitter } from './cloudtrail.ts';
import { configRecorderEmitter } from './config-recorder.ts';
import { kinesisEmitter } from './kinesis-stream.ts';
import { kmsKeyEmitter } from './kms-key.ts';
import { lambdaEmitter } from './lambda.ts';
import { logGroupEmitter } from './log-group.ts';
import { mskClusterEmitter } from './msk-cluster.ts';
import { natGatewayEmitter } from './nat-gateway.ts';
import { neptuneEmitter } from './neptune.ts';
import { opensearchEmitter } from './opensearch.ts';
import { otherResourceEmitter } from './other-resource.ts';
import { rdsEmitter } from './rds.ts';
import { s3Emitter } from './s3.ts';
import { secretEmitter } from './secret.ts';
import { snsEmitter } from './sns.ts';
import { sqsEmitter } from './sqs.ts';
import { stepFunctionsEmitter } from './step-functions.ts';
import { timestreamEmitter } from './timestream.ts';
import { vpcEndpointEmitter } from './vpc-endpoint.ts';
import { wafWebAclEmitter } from './waf-web-acl.ts';
import { route53ZoneEmitter } from './route53-zone.ts';
import { acmCertificateEmitter } from './acm-certificate.ts';

export const EMITTERS: Readonly<Record<string, ComponentEmitter>> = {
  alb: albEmitter,
  'api-gateway': apiGatewayEmitter,
  'athena-workgroup': athenaEmitter,
  aurora: auroraEmitter,
  cloudfront: cloudfrontEmitter,
  'cloudwatch-alarm': cloudwatchAlarmEmitter,
  'cognito-user-pool': cognitoEmitter,
  dynamodb: dynamodbEmitter,
  'backup-plan': backupPlanEmitter,
  bastion: bastionEmitter,
  'ec2-asg': ec2AsgEmitter,
  'ecr-repository': ecrRepositoryEmitter,
  'ecs-fargate': ecsFargateEmitter,
  efs: efsEmitter,
  eks: eksEmitter,
  elasticache: elasticacheEmitter,
  'eventbridge-bus': eventBusEmitter,
  'eventbridge-rule': eventRuleEmitter,
  'kinesis-stream': kinesisEmitter,
  firehose: firehoseEmitter,
  cloudtrail: cloudtrailEmitter,
  'config-recorder': configRecorderEmitter,
  'msk-cluster': mskClusterEmitter,
  'kms-key': kmsKeyEmitter,
  lambda: lambdaEmitter,
  'log-group': logGroupEmitter,
  'nat-gateway': natGatewayEmitter,
  neptune: neptuneEmitter,
  opensearch: opensearchEmitter,
  'other-resource': otherResourceEmitter,
  rds: rdsEmitter,
  s3: s3Emitter,
  secret: secretEmitter,
  sns: snsEmitter,
  sqs: sqsEmitter,
  'step-functions': stepFunctionsEmitter,
  timestream: timestreamEmitter,
  'vpc-endpoint': vpcEndpointEmitter,
  'waf-web-acl': wafWebAclEmitter,
  'route53-zone': route53ZoneEmitter,
  'acm-certificate': acmCertificateEmitter,
};

/** Types that describe no infrastructure: decided once, in the lowering. */
export { DIAGRAM_ONLY_TYPES as NO_INFRASTRUCTURE } from '@archgen/infra';

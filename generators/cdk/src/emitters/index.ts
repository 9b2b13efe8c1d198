/**
 * The emitter of every component type, keyed by type: one file per type, named like it. An
 * unknown type is an error, never skipped.
 */
import type { ComponentEmitter } from './types.ts';
import { albEmitter } from './alb.ts';
import { apiGatewayEmitter } from './api-gateway.ts';
import { athenaEmitter } from './athena-workgroup.ts';
import { auroraEmitter } from './aurora.ts';
import { cloudfrontEmitter } from './cloudfront.ts';
import { alarmComponentEmitter } from './cloudwatch-alarm.ts';
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
  'nat-gateway': natGatewayEmitter,
  alb: albEmitter,
  cloudfront: cloudfrontEmitter,
  'api-gateway': apiGatewayEmitter,
  lambda: lambdaEmitter,
  'backup-plan': backupPlanEmitter,
  bastion: bastionEmitter,
  'ec2-asg': ec2AsgEmitter,
  'ecr-repository': ecrRepositoryEmitter,
  'ecs-fargate': ecsFargateEmitter,
  efs: efsEmitter,
  eks: eksEmitter,
  s3: s3Emitter,
  rds: rdsEmitter,
  aurora: auroraEmitter,
  dynamodb: dynamodbEmitter,
  opensearch: opensearchEmitter,
  'other-resource': otherResourceEmitter,
  neptune: neptuneEmitter,
  timestream: timestreamEmitter,
  'vpc-endpoint': vpcEndpointEmitter,
  'waf-web-acl': wafWebAclEmitter,
  'route53-zone': route53ZoneEmitter,
  'acm-certificate': acmCertificateEmitter,
  elasticache: elasticacheEmitter,
  sqs: sqsEmitter,
  sns: snsEmitter,
  'eventbridge-bus': eventBusEmitter,
  'eventbridge-rule': eventRuleEmitter,
  'step-functions': stepFunctionsEmitter,
  'kinesis-stream': kinesisEmitter,
  firehose: firehoseEmitter,
  cloudtrail: cloudtrailEmitter,
  'config-recorder': configRecorderEmitter,
  'msk-cluster': mskClusterEmitter,
  'kms-key': kmsKeyEmitter,
  'athena-workgroup': athenaEmitter,
  secret: secretEmitter,
  'cognito-user-pool': cognitoEmitter,
  'cloudwatch-alarm': alarmComponentEmitter,
  'log-group': logGroupEmitter,
};

export function emitterFor(type: string): ComponentEmitter {
  const emitter = Object.hasOwn(EMITTERS, type) ? EMITTERS[type] : undefined;
  if (!emitter) throw new Error(`The CDK generator has no emitter for component type "${type}"`);
  return emitter;
}

/** The emitter of every component type, keyed by type. An unknown type is an error, never skipped. */
import type { ComponentEmitter } from './types.ts';
import { albEmitter, apiGatewayEmitter, cloudfrontEmitter } from './edge.ts';
import { ec2AsgEmitter, ecsFargateEmitter, lambdaEmitter, stepFunctionsEmitter } from './compute.ts';
import { eksEmitter } from './eks.ts';
import { athenaEmitter, dynamodbEmitter, kinesisEmitter, s3Emitter, timestreamEmitter } from './storage.ts';
import { auroraEmitter, elasticacheEmitter, neptuneEmitter, opensearchEmitter, rdsEmitter } from './databases.ts';
import { eventBusEmitter, eventRuleEmitter, snsEmitter, sqsEmitter } from './messaging.ts';
import { alarmComponentEmitter, cognitoEmitter, logGroupEmitter, natGatewayEmitter, secretEmitter } from './security.ts';

export const EMITTERS: Readonly<Record<string, ComponentEmitter>> = {
  'nat-gateway': natGatewayEmitter,
  alb: albEmitter,
  cloudfront: cloudfrontEmitter,
  'api-gateway': apiGatewayEmitter,
  lambda: lambdaEmitter,
  'ec2-asg': ec2AsgEmitter,
  'ecs-fargate': ecsFargateEmitter,
  eks: eksEmitter,
  s3: s3Emitter,
  rds: rdsEmitter,
  aurora: auroraEmitter,
  dynamodb: dynamodbEmitter,
  opensearch: opensearchEmitter,
  neptune: neptuneEmitter,
  timestream: timestreamEmitter,
  elasticache: elasticacheEmitter,
  sqs: sqsEmitter,
  sns: snsEmitter,
  'eventbridge-bus': eventBusEmitter,
  'eventbridge-rule': eventRuleEmitter,
  'step-functions': stepFunctionsEmitter,
  'kinesis-stream': kinesisEmitter,
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

/**
 * Catalog icon ids -> bundled AWS Architecture Icons (from the `aws-icons` npm package, so the
 * app works offline). Only these files are imported; Vite emits each as a small asset or
 * inlines it. Service icons carry their own coloured tile; resource icons are dark glyphs and
 * are drawn on a tinted tile (see `glyph`).
 */
import albUrl from 'aws-icons/icons/architecture-service/ElasticLoadBalancing.svg?url';
import apiGatewayUrl from 'aws-icons/icons/architecture-service/AmazonAPIGateway.svg?url';
import athenaUrl from 'aws-icons/icons/architecture-service/AmazonAthena.svg?url';
import auroraUrl from 'aws-icons/icons/architecture-service/AmazonAurora.svg?url';
import cloudFrontUrl from 'aws-icons/icons/architecture-service/AmazonCloudFront.svg?url';
import cognitoUrl from 'aws-icons/icons/architecture-service/AmazonCognito.svg?url';
import dynamoDbUrl from 'aws-icons/icons/architecture-service/AmazonDynamoDB.svg?url';
import ec2AsgUrl from 'aws-icons/icons/architecture-service/AmazonEC2AutoScaling.svg?url';
import eksUrl from 'aws-icons/icons/architecture-service/AmazonElasticKubernetesService.svg?url';
import elastiCacheUrl from 'aws-icons/icons/architecture-service/AmazonElastiCache.svg?url';
import cloudTrailUrl from 'aws-icons/icons/architecture-service/AWSCloudTrail.svg?url';
import configUrl from 'aws-icons/icons/architecture-service/AWSConfig.svg?url';
import eventBridgeUrl from 'aws-icons/icons/architecture-service/AmazonEventBridge.svg?url';
import firehoseUrl from 'aws-icons/icons/architecture-service/AmazonDataFirehose.svg?url';
import fargateUrl from 'aws-icons/icons/architecture-service/AWSFargate.svg?url';
import kinesisUrl from 'aws-icons/icons/architecture-service/AmazonKinesisDataStreams.svg?url';
import lambdaUrl from 'aws-icons/icons/architecture-service/AWSLambda.svg?url';
import mskUrl from 'aws-icons/icons/architecture-service/AmazonManagedStreamingforApacheKafka.svg?url';
import neptuneUrl from 'aws-icons/icons/architecture-service/AmazonNeptune.svg?url';
import openSearchUrl from 'aws-icons/icons/architecture-service/AmazonOpenSearchService.svg?url';
import rdsUrl from 'aws-icons/icons/architecture-service/AmazonRDS.svg?url';
import s3Url from 'aws-icons/icons/architecture-service/AmazonSimpleStorageService.svg?url';
import secretsUrl from 'aws-icons/icons/architecture-service/AWSSecretsManager.svg?url';
import ecrUrl from 'aws-icons/icons/architecture-service/AmazonElasticContainerRegistry.svg?url';
import backupUrl from 'aws-icons/icons/architecture-service/AWSBackup.svg?url';
import efsUrl from 'aws-icons/icons/architecture-service/AmazonEFS.svg?url';
import kmsUrl from 'aws-icons/icons/architecture-service/AWSKeyManagementService.svg?url';
import snsUrl from 'aws-icons/icons/architecture-service/AmazonSimpleNotificationService.svg?url';
import sqsUrl from 'aws-icons/icons/architecture-service/AmazonSimpleQueueService.svg?url';
import stepFunctionsUrl from 'aws-icons/icons/architecture-service/AWSStepFunctions.svg?url';
import route53Url from 'aws-icons/icons/architecture-service/AmazonRoute53.svg?url';
import wafUrl from 'aws-icons/icons/architecture-service/AWSWAF.svg?url';
import acmUrl from 'aws-icons/icons/architecture-service/AWSCertificateManager.svg?url';
import timestreamUrl from 'aws-icons/icons/architecture-service/AmazonTimestream.svg?url';
import bastionUrl from 'aws-icons/icons/resource/AWSSystemsManagerSessionManager.svg?url';
import alarmUrl from 'aws-icons/icons/resource/AmazonCloudWatchAlarm.svg?url';
import eventRuleUrl from 'aws-icons/icons/resource/AmazonEventBridgeRule.svg?url';
import logsUrl from 'aws-icons/icons/resource/AmazonCloudWatchLogs.svg?url';
import natUrl from 'aws-icons/icons/resource/AmazonVPCNATGateway.svg?url';
import otherResourceUrl from 'aws-icons/icons/resource/AWSCloudFormationTemplate.svg?url';
import vpcEndpointUrl from 'aws-icons/icons/resource/AmazonVPCEndpoints.svg?url';
import usersUrl from 'aws-icons/icons/resource/Users.svg?url';
import vpcUrl from 'aws-icons/icons/architecture-group/VirtualprivatecloudVPC.svg?url';

export interface IconAsset {
  url: string;
  /** True for single-colour resource glyphs that need a tinted tile behind them. */
  glyph: boolean;
}

const service = (url: string): IconAsset => ({ url, glyph: false });
const glyph = (url: string): IconAsset => ({ url, glyph: true });

const ICONS: Readonly<Record<string, IconAsset>> = {
  users: glyph(usersUrl),
  'nat-gateway': glyph(natUrl),
  'vpc-endpoint': glyph(vpcEndpointUrl),
  bastion: glyph(bastionUrl),
  alb: service(albUrl),
  cloudfront: service(cloudFrontUrl),
  'waf-web-acl': service(wafUrl),
  'route53-zone': service(route53Url),
  'acm-certificate': service(acmUrl),
  'api-gateway': service(apiGatewayUrl),
  lambda: service(lambdaUrl),
  'ec2-asg': service(ec2AsgUrl),
  'ecs-fargate': service(fargateUrl),
  'ecr-repository': service(ecrUrl),
  efs: service(efsUrl),
  eks: service(eksUrl),
  s3: service(s3Url),
  rds: service(rdsUrl),
  aurora: service(auroraUrl),
  dynamodb: service(dynamoDbUrl),
  opensearch: service(openSearchUrl),
  neptune: service(neptuneUrl),
  timestream: service(timestreamUrl),
  elasticache: service(elastiCacheUrl),
  sqs: service(sqsUrl),
  sns: service(snsUrl),
  'eventbridge-bus': service(eventBridgeUrl),
  'eventbridge-rule': glyph(eventRuleUrl),
  'step-functions': service(stepFunctionsUrl),
  'kinesis-stream': service(kinesisUrl),
  firehose: service(firehoseUrl),
  cloudtrail: service(cloudTrailUrl),
  'config-recorder': service(configUrl),
  'msk-cluster': service(mskUrl),
  'athena-workgroup': service(athenaUrl),
  secret: service(secretsUrl),
  'kms-key': service(kmsUrl),
  'backup-plan': service(backupUrl),
  'cognito-user-pool': service(cognitoUrl),
  'cloudwatch-alarm': glyph(alarmUrl),
  'log-group': glyph(logsUrl),
  // A kept imported resource: the template it came from and passes through to.
  'other-resource': glyph(otherResourceUrl),
};

export const VPC_ICON_URL = vpcUrl;

/** The icon for a catalog icon id, falling back to the service type; undefined if unknown. */
export function iconFor(iconId: string | undefined, type?: string): IconAsset | undefined {
  return (iconId ? ICONS[iconId] : undefined) ?? (type ? ICONS[type] : undefined);
}

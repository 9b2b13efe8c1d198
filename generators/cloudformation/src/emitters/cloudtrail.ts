/**
 * CloudTrail trail: logs to its bucket under its prefix (the bucket's policy, printed with the
 * bucket, admits it; CloudTrail checks that policy when the trail is created, so the trail waits
 * for it) and, with CloudWatch Logs, to its log group through its role. Data events as decided.
 */
import { requireResolved } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref, sub } from '../template/intrinsics.ts';

export const cloudtrailEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
  },
  emit(trail, ctx) {
    const decided = requireResolved(trail.trail, trail, 'CloudTrail trail');
    const id = trail.names.logicalId;
    const bucket = ctx.logicalId(decided.bucketId);
    const dataResources = [
      decided.s3DataEvents && { Type: 'AWS::S3::Object', Values: [sub('arn:${AWS::Partition}:s3')] },
      decided.lambdaDataEvents && {
        Type: 'AWS::Lambda::Function',
        Values: [sub('arn:${AWS::Partition}:lambda')],
      },
    ].filter((r) => r !== false);
    ctx.template.addResource(id, {
      Type: 'AWS::CloudTrail::Trail',
      DependsOn: [`${bucket}Policy`],
      Metadata: ctx.metadata(trail.acknowledgements),
      Properties: {
        TrailName: sub(`\${AWS::StackName}-${trail.names.slug}`),
        IsLogging: true,
        S3BucketName: ref(bucket),
        S3KeyPrefix: decided.prefix,
        IsMultiRegionTrail: ctx.value(trail, 'multiRegion'),
        IncludeGlobalServiceEvents: ctx.value(trail, 'includeGlobalServiceEvents'),
        EnableLogFileValidation: ctx.value(trail, 'logFileValidation'),
        KMSKeyId: trail.encryption?.keyId ? ctx.attribute(trail.encryption.keyId, 'arn') : undefined,
        CloudWatchLogsLogGroupArn:
          decided.logsRoleId && trail.logGroupId
            ? ctx.ref({ componentId: trail.logGroupId, attribute: 'arn', suffix: ':*' })
            : undefined,
        CloudWatchLogsRoleArn: decided.logsRoleId ? ctx.roleArn(decided.logsRoleId) : undefined,
        EventSelectors: [
          {
            IncludeManagementEvents: true,
            ReadWriteType: ctx.value(trail, 'managementEvents'),
            DataResources: dataResources.length > 0 ? dataResources : undefined,
          },
        ],
        Tags: ctx.tags(trail.names.display),
      },
    });
    ctx.output(trail, 'Arn', getAtt(id, 'Arn'), 'Trail ARN');
  },
};

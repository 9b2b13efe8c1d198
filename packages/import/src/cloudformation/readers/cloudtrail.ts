/**
 * AWS::CloudTrail::Trail -> cloudtrail: regions, global service events, log file validation,
 * management and data events, delivery to CloudWatch Logs and its log group's retention. AWS
 * defaults: one region, global service events, no validation, all management events. Where it
 * writes (its bucket, a drawn log group) is a connection or its parts (import.ts).
 */
import { bool, deep, given, list, num, obj, props, str, type Reader } from './values.ts';

export const cloudtrail: Reader = (p, ctx) => {
  const selector = obj(list(deep(ctx, p.EventSelectors))[0]);
  const dataTypes = list(selector.DataResources).map((d) => str(ctx, obj(d).Type));
  const logGroup =
    p.CloudWatchLogsLogGroupArn === undefined ? undefined : ctx.resource(p.CloudWatchLogsLogGroupArn);
  return props({
    multiRegion: bool(ctx, p.IsMultiRegionTrail) ?? false,
    includeGlobalServiceEvents: bool(ctx, p.IncludeGlobalServiceEvents) ?? true,
    logFileValidation: bool(ctx, p.EnableLogFileValidation) ?? false,
    managementEvents: str(ctx, selector.ReadWriteType) ?? 'All',
    s3DataEvents: dataTypes.includes('AWS::S3::Object'),
    lambdaDataEvents: dataTypes.includes('AWS::Lambda::Function'),
    cloudWatchLogs: given(ctx, p.CloudWatchLogsLogGroupArn),
    logRetentionDays:
      logGroup?.type === 'AWS::Logs::LogGroup' ? num(ctx, logGroup.props.RetentionInDays) : undefined,
  });
};

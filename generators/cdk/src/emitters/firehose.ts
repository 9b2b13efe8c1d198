/**
 * Firehose streams: an L1 CfnDeliveryStream. The L2 DeliveryStream grants its own role on the
 * bucket and the source stream and makes its own log group, and has no OpenSearch destination;
 * here the lowering decided the destination, the role, its statements, the log group and a VPC
 * domain's network, so the L1 prints exactly those.
 */
import type { ComponentEmitter } from './types.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { SUBNET_GROUP, acknowledgeDesignRisks, removalPolicy, requireResolved } from './common.ts';

export const firehoseEmitter: ComponentEmitter = {
  dependencies: (component) =>
    [
      component.firehose?.bucketId,
      component.firehose?.sourceStreamId,
      component.firehose?.opensearch?.domainId,
      component.logGroupId,
    ].filter((id): id is string => id !== undefined),
  emit(component, ctx) {
    const decided = requireResolved(component.firehose, component, 'Firehose stream');
    const role = ctx.roles.get(decided.roleId);
    if (!role) throw new Error(`firehose "${component.id}" has no role`);
    const bucket = ctx.handle(decided.bucketId).construct;
    const source = decided.sourceStreamId ? ctx.handle(decided.sourceStreamId).construct : undefined;
    const logGroup = component.logGroupId ? ctx.handle(component.logGroupId) : undefined;
    if (logGroup && decided.logStreamName)
      ctx.declare(
        `${ctx.variableName(component)}LogStream`,
        newExpr(
          ctx.api('logs', 'LogStream'),
          ctx.scope,
          lit(`${component.names.logicalId}LogStream`),
          obj({
            logGroup: logGroup.construct,
            logStreamName: lit(decided.logStreamName),
            removalPolicy: removalPolicy(ctx, 'DESTROY'),
          }),
        ),
      );
    const cloudWatchLoggingOptions =
      logGroup && decided.logStreamName
        ? obj({
            enabled: lit(true),
            logGroupName: logGroup.attributes.name,
            logStreamName: lit(decided.logStreamName),
          })
        : obj({ enabled: lit(false) });
    const bufferingHints = obj({
      sizeInMBs: ctx.value(component, 'bufferSizeMb'),
      intervalInSeconds: ctx.value(component, 'bufferIntervalSeconds'),
    });
    // The bucket's part: the destination itself, or the OpenSearch destination's backup.
    const bucketConfiguration = obj({
      bucketArn: member(bucket, 'bucketArn'),
      roleArn: member(role, 'roleArn'),
      prefix: decided.prefix ? lit(decided.prefix) : undefined,
      errorOutputPrefix: decided.errorOutputPrefix ? lit(decided.errorOutputPrefix) : undefined,
      compressionFormat: ctx.value(component, 'compression'),
      bufferingHints,
      cloudWatchLoggingOptions,
    });
    const search = decided.destination === 'opensearch' ? decided.opensearch : undefined;
    const vpc = search?.vpc ? ctx.vpcs.get(search.vpc.vpcId) : undefined;
    const group = component.securityGroupId ? ctx.securityGroups.get(component.securityGroupId) : undefined;
    if (search?.vpc && (!vpc || !group))
      throw new Error(`firehose "${component.id}" delivers into a VPC it has no network for`);
    const stream = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('firehose', 'CfnDeliveryStream'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          deliveryStreamType: lit(source ? 'KinesisStreamAsSource' : 'DirectPut'),
          kinesisStreamSourceConfiguration: source
            ? obj({ kinesisStreamArn: member(source, 'streamArn'), roleArn: member(role, 'roleArn') })
            : undefined,
          deliveryStreamEncryptionConfigurationInput: decided.encryption
            ? obj({ keyType: lit('AWS_OWNED_CMK') })
            : undefined,
          extendedS3DestinationConfiguration: search ? undefined : bucketConfiguration,
          amazonopensearchserviceDestinationConfiguration: search
            ? obj({
                domainArn: ctx.handle(search.domainId).attributes.arn,
                indexName: lit(search.indexName),
                indexRotationPeriod: lit(search.indexRotation),
                roleArn: member(role, 'roleArn'),
                bufferingHints,
                retryOptions: obj({ durationInSeconds: lit(search.retrySeconds) }),
                s3BackupMode: lit(search.backupMode),
                s3Configuration: bucketConfiguration,
                vpcConfiguration:
                  search.vpc && vpc && group
                    ? obj({
                        roleArn: member(role, 'roleArn'),
                        subnetIds: member(
                          call(
                            member(vpc, 'selectSubnets'),
                            obj({ subnetGroupName: lit(SUBNET_GROUP[search.vpc.tier]) }),
                          ),
                          'subnetIds',
                        ),
                        securityGroupIds: arr([member(group, 'securityGroupId')]),
                      })
                    : undefined,
                cloudWatchLoggingOptions,
              })
            : undefined,
        }),
      ),
    );
    // Firehose checks its role's permissions when it is created: the policy must exist first.
    ctx.expr(call(member(member(stream, 'node'), 'addDependency'), role));
    acknowledgeDesignRisks(ctx, component, stream);
    ctx.register(component.id, {
      construct: stream,
      attributes: { arn: member(stream, 'attrArn'), name: member(stream, 'ref') },
    });
  },
};

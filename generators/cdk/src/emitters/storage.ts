/** S3 buckets, DynamoDB tables, Kinesis streams, Timestream and Athena. */
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import type { ResolvedComponent } from '@archgen/infra';
import type { PropertyValue } from '@archgen/model';
import { arr, call, lit, member, newExpr, obj, template, thisExpr } from '../ts/ast.ts';
import { accessLogsBucket, acknowledgeDesignRisks, kmsKey, removalPolicy } from './common.ts';
import { plainText } from '../naming.ts';

function lifecycleRule(ctx: StackContext, component: ResolvedComponent): Expr | undefined {
  const days = (key: string) => (ctx.has(component, key) ? ctx.num(component, key) : 0);
  const transitions: Expr[] = [];
  if (ctx.has(component, 'intelligentTiering') && ctx.bool(component, 'intelligentTiering'))
    transitions.push(obj({ storageClass: ctx.api('s3', 'StorageClass.INTELLIGENT_TIERING'), transitionAfter: ctx.duration('days', lit(0)) }));
  if (days('transitionToIaDays') > 0)
    transitions.push(obj({ storageClass: ctx.api('s3', 'StorageClass.INFREQUENT_ACCESS'), transitionAfter: ctx.duration('days', lit(days('transitionToIaDays'))) }));
  if (days('transitionToGlacierDays') > 0)
    transitions.push(obj({ storageClass: ctx.api('s3', 'StorageClass.GLACIER'), transitionAfter: ctx.duration('days', lit(days('transitionToGlacierDays'))) }));
  const expiration = days('expirationDays');
  const abort = days('abortIncompleteUploadDays');
  if (!transitions.length && expiration <= 0 && abort <= 0) return undefined;
  return obj({
    id: lit('archgen-lifecycle'),
    transitions: transitions.length ? arr(transitions) : undefined,
    expiration: expiration > 0 ? ctx.duration('days', lit(expiration)) : undefined,
    abortIncompleteMultipartUploadAfter: abort > 0 ? ctx.duration('days', lit(abort)) : undefined,
    noncurrentVersionExpiration: ctx.bool(component, 'versioned') ? ctx.duration('days', lit(90)) : undefined,
  });
}

export const s3Emitter: ComponentEmitter = {
  emit(component, ctx) {
    const kms = ctx.str(component, 'encryption') === 'kms';
    const key = kms ? kmsKey(ctx, component, 'Encryption key') : undefined;
    const logs = ctx.any(component, 'accessLogs') ? accessLogsBucket(ctx) : undefined;
    const rule = lifecycleRule(ctx, component);
    const eventBridge = ctx.has(component, 'eventNotifications') && ctx.bool(component, 'eventNotifications');
    if (eventBridge) ctx.usesBucketNotifications = true;
    const bucket = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('s3', 'Bucket'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          blockPublicAccess: ctx.choose(component, 'blockPublicAccess', (v) =>
            v === true ? ctx.api('s3', 'BlockPublicAccess.BLOCK_ALL') : lit(undefined),
          ),
          enforceSSL: ctx.value(component, 'enforceTls'),
          encryption: kms ? ctx.api('s3', 'BucketEncryption.KMS') : ctx.api('s3', 'BucketEncryption.S3_MANAGED'),
          encryptionKey: key,
          bucketKeyEnabled: kms ? lit(true) : undefined,
          versioned: ctx.value(component, 'versioned'),
          lifecycleRules: rule ? arr([rule]) : undefined,
          serverAccessLogsBucket: logs
            ? ctx.choose(component, 'accessLogs', (v) => (v === true ? logs : lit(undefined)))
            : undefined,
          serverAccessLogsPrefix: logs ? lit(`${component.names.slug}/`) : undefined,
          eventBridgeEnabled: eventBridge ? lit(true) : undefined,
          removalPolicy: removalPolicy(ctx, 'RETAIN'),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, bucket);
    ctx.register(component.id, {
      construct: bucket,
      attributes: {
        arn: member(bucket, 'bucketArn'),
        name: member(bucket, 'bucketName'),
        domainName: member(bucket, 'bucketRegionalDomainName'),
        url: member(bucket, 'bucketWebsiteUrl'),
      },
    });
  },
};

const ATTRIBUTE_TYPE: Record<string, string> = { S: 'STRING', N: 'NUMBER', B: 'BINARY' };
const STREAM_VIEW: Record<string, string> = {
  'new-image': 'NEW_IMAGE',
  'new-and-old-images': 'NEW_AND_OLD_IMAGES',
  'keys-only': 'KEYS_ONLY',
  'old-image': 'OLD_IMAGE',
};

function attribute(ctx: StackContext, name: string, type: PropertyValue): Expr {
  return obj({ name: lit(name), type: ctx.api('dynamodb', `AttributeType.${ATTRIBUTE_TYPE[String(type)] ?? 'STRING'}`) });
}

function needsStream(ctx: StackContext, component: ResolvedComponent): boolean {
  return ctx.graph.eventSources.some((e) => e.sourceId === component.id && e.sourceKind === 'dynamodb-stream');
}

export const dynamodbEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const sortKey = ctx.str(component, 'sortKey');
    const gsis = ctx.fixed(component, 'gsis');
    const capacity = (key: string, maxKey: string) =>
      ctx.bool(component, 'autoScaling')
        ? call(ctx.api('dynamodb', 'Capacity.autoscaled'), obj({ minCapacity: ctx.value(component, key), maxCapacity: ctx.value(component, maxKey) }))
        : call(ctx.api('dynamodb', 'Capacity.fixed'), ctx.value(component, key));
    const billing = ctx.choose(component, 'billingMode', (mode) =>
      mode === 'provisioned'
        ? call(
            ctx.api('dynamodb', 'Billing.provisioned'),
            obj({
              readCapacity: capacity('readCapacity', 'maxReadCapacity'),
              // TableV2 requires auto scaling for provisioned write capacity.
              writeCapacity: call(ctx.api('dynamodb', 'Capacity.autoscaled'), obj({ minCapacity: ctx.value(component, 'writeCapacity'), maxCapacity: ctx.value(component, 'maxWriteCapacity') })),
            }),
          )
        : call(ctx.api('dynamodb', 'Billing.onDemand')),
    );
    let stream = ctx.str(component, 'stream');
    if (stream === 'none' && needsStream(ctx, component)) stream = 'new-and-old-images';
    const ttl = ctx.str(component, 'ttlAttribute');
    const indexes = Array.isArray(gsis)
      ? gsis.flatMap((g) => {
          if (!g || typeof g !== 'object' || Array.isArray(g)) return [];
          const name = typeof g.name === 'string' ? g.name : '';
          const pk = typeof g.partitionKey === 'string' ? g.partitionKey : '';
          if (!name || !pk) return [];
          const sk = typeof g.sortKey === 'string' ? g.sortKey : '';
          return [
            obj({
              indexName: lit(name),
              partitionKey: attribute(ctx, pk, 'S'),
              sortKey: sk ? attribute(ctx, sk, 'S') : undefined,
            }),
          ];
        })
      : [];
    const table = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('dynamodb', 'TableV2'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          partitionKey: attribute(ctx, ctx.str(component, 'partitionKey'), ctx.fixed(component, 'partitionKeyType')),
          sortKey: sortKey ? attribute(ctx, sortKey, ctx.fixed(component, 'sortKeyType')) : undefined,
          billing,
          pointInTimeRecoverySpecification: obj({ pointInTimeRecoveryEnabled: ctx.value(component, 'pointInTimeRecovery') }),
          dynamoStream: stream !== 'none' && STREAM_VIEW[stream] ? ctx.api('dynamodb', `StreamViewType.${STREAM_VIEW[stream]}`) : undefined,
          timeToLiveAttribute: ttl ? lit(ttl) : undefined,
          globalSecondaryIndexes: indexes.length ? arr(indexes) : undefined,
          deletionProtection: lit(true),
          removalPolicy: removalPolicy(ctx, 'RETAIN'),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, table);
    ctx.register(component.id, {
      construct: table,
      attributes: { arn: member(table, 'tableArn'), name: member(table, 'tableName'), streamArn: member(table, 'tableStreamArn') },
    });
  },
};

export const kinesisEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const onDemand = ctx.str(component, 'mode') === 'on-demand';
    const stream = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('kinesis', 'Stream'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          streamMode: ctx.api('kinesis', onDemand ? 'StreamMode.ON_DEMAND' : 'StreamMode.PROVISIONED'),
          shardCount: onDemand ? undefined : ctx.value(component, 'shards'),
          retentionPeriod: ctx.duration('hours', ctx.value(component, 'retentionHours')),
          encryption: ctx.choose(component, 'encryption', (v) =>
            ctx.api('kinesis', v === true ? 'StreamEncryption.MANAGED' : 'StreamEncryption.UNENCRYPTED'),
          ),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, stream);
    ctx.register(component.id, {
      construct: stream,
      attributes: { arn: member(stream, 'streamArn'), name: member(stream, 'streamName'), streamArn: member(stream, 'streamArn') },
    });
  },
};

export const timestreamEmitter: ComponentEmitter = {
  emit(component, ctx) {
    ctx.section(`${component.names.logicalId}: Timestream has no L2 construct in aws-cdk-lib, so these are L1 (Cfn*) resources.`);
    const key = kmsKey(ctx, component, 'Encryption key');
    const database = ctx.declare(
      ctx.variableName(component),
      newExpr(ctx.api('timestream', 'CfnDatabase'), thisExpr, lit(component.names.logicalId), obj({ kmsKeyId: member(key, 'keyArn') })),
    );
    const table = ctx.declare(
      `${ctx.variableName(component)}Table`,
      newExpr(
        ctx.api('timestream', 'CfnTable'),
        thisExpr,
        lit(`${component.names.logicalId}Table`),
        obj({
          databaseName: member(database, 'ref'),
          // retentionProperties is untyped in the L1: keys use CloudFormation's PascalCase.
          retentionProperties: obj({
            MemoryStoreRetentionPeriodInHours: ctx.asString(ctx.value(component, 'memoryRetentionHours')),
            MagneticStoreRetentionPeriodInDays: ctx.asString(ctx.value(component, 'magneticRetentionDays')),
          }),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, database);
    ctx.register(component.id, {
      construct: database,
      attributes: { arn: member(database, 'attrArn'), name: member(database, 'ref') },
      extras: { table },
    });
  },
};

export const athenaEmitter: ComponentEmitter = {
  dependencies: (component) => (component.outputBucketId ? [component.outputBucketId] : []),
  emit(component, ctx) {
    ctx.section(`${component.names.logicalId}: Athena has no L2 construct in aws-cdk-lib, so an L1 workgroup.`);
    const results = component.outputBucketId ? ctx.handle(component.outputBucketId).construct : ctx.declare(
      `${ctx.variableName(component)}Results`,
      newExpr(
        ctx.api('s3', 'Bucket'),
        thisExpr,
        lit(`${component.names.logicalId}Results`),
        obj({
          blockPublicAccess: ctx.api('s3', 'BlockPublicAccess.BLOCK_ALL'),
          encryption: ctx.api('s3', 'BucketEncryption.S3_MANAGED'),
          enforceSSL: lit(true),
          versioned: lit(true),
          serverAccessLogsBucket: accessLogsBucket(ctx),
          serverAccessLogsPrefix: lit(`${component.names.slug}-results/`),
          lifecycleRules: arr([obj({ expiration: ctx.duration('days', lit(30)), noncurrentVersionExpiration: ctx.duration('days', lit(1)), abortIncompleteMultipartUploadAfter: ctx.duration('days', lit(1)) })]),
        }),
      ),
    );
    const encrypted = ctx.bool(component, 'resultsEncryption');
    const workgroup = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('athena', 'CfnWorkGroup'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          name: ctx.physicalName(component),
          description: lit(plainText(component.names.display, 1024)),
          state: lit('ENABLED'),
          recursiveDeleteOption: lit(true),
          workGroupConfiguration: obj({
            enforceWorkGroupConfiguration: ctx.value(component, 'enforceConfiguration'),
            publishCloudWatchMetricsEnabled: lit(true),
            bytesScannedCutoffPerQuery: lit(Math.max(10_000_000, Math.round(ctx.num(component, 'bytesScannedCutoffGb') * 1024 ** 3))),
            resultConfiguration: obj({
              outputLocation: template('s3://', member(results, 'bucketName'), `/athena-results/${component.names.slug}/`),
              encryptionConfiguration: encrypted ? obj({ encryptionOption: lit('SSE_S3') }) : undefined,
            }),
          }),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, workgroup);
    ctx.register(component.id, {
      construct: workgroup,
      attributes: {
        name: member(workgroup, 'ref'),
        arn: call(member(thisExpr, 'formatArn'), obj({ service: lit('athena'), resource: lit('workgroup'), resourceName: member(workgroup, 'ref') })),
      },
      extras: { results },
    });
  },
};

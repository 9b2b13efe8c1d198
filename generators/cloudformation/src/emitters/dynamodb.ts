/**
 * DynamoDB table: composite keys and GSIs from the design, point-in-time recovery (DDB-01),
 * explicit billing mode and, for provisioned capacity, target-tracking auto scaling (DDB-02).
 * Billing mode may differ per environment (on-demand in dev, provisioned in prod): throughput and
 * scaling resources then exist only where the table is provisioned.
 */
import type { PropertyValue } from '@archgen/model';
import type { ResolvedComponent } from '@archgen/infra';
import type { ComponentEmitter, EmitContext } from '../context.ts';
import { getAtt, ref, sub, type TemplateValue } from '../template/intrinsics.ts';
import { deletionPolicies, deletionProtectionValue } from './common.ts';

const STREAM_VIEW: Record<string, string> = {
  'new-image': 'NEW_IMAGE',
  'new-and-old-images': 'NEW_AND_OLD_IMAGES',
  'keys-only': 'KEYS_ONLY',
};

interface Gsi {
  name: string;
  partitionKey: string;
  sortKey: string;
}

function gsis(value: PropertyValue): Gsi[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return [];
    const name = typeof item.name === 'string' ? item.name : '';
    const partitionKey = typeof item.partitionKey === 'string' ? item.partitionKey : '';
    if (!name || !partitionKey) return [];
    return [{ name, partitionKey, sortKey: typeof item.sortKey === 'string' ? item.sortKey : '' }];
  });
}

function keySchema(partitionKey: string, sortKey: string): TemplateValue[] {
  const schema: TemplateValue[] = [{ AttributeName: partitionKey, KeyType: 'HASH' }];
  if (sortKey) schema.push({ AttributeName: sortKey, KeyType: 'RANGE' });
  return schema;
}

function scaling(
  table: ResolvedComponent,
  ctx: EmitContext,
  provisioned: string | true,
  dimension: 'Read' | 'Write',
): void {
  const id = table.names.logicalId;
  const target = ctx.template.addResource(`${id}${dimension}Scaling`, {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Condition: provisioned === true ? undefined : provisioned,
    Properties: {
      ServiceNamespace: 'dynamodb',
      ResourceId: sub(`table/\${${id}}`),
      ScalableDimension: `dynamodb:table:${dimension}CapacityUnits`,
      MinCapacity: ctx.value(table, `${dimension.toLowerCase()}Capacity`),
      MaxCapacity: ctx.value(table, `max${dimension}Capacity`),
    },
  });
  ctx.template.addResource(`${id}${dimension}ScalingPolicy`, {
    Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
    Condition: provisioned === true ? undefined : provisioned,
    Properties: {
      PolicyName: `${dimension.toLowerCase()}-utilization`,
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: ref(target),
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 70,
        PredefinedMetricSpecification: { PredefinedMetricType: `DynamoDB${dimension}CapacityUtilization` },
      },
    },
  });
}

export const dynamodbEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
    streamArn: (id) => getAtt(id, 'StreamArn'),
  },
  emit(table, ctx) {
    const id = table.names.logicalId;
    const partitionKey = String(ctx.constant(table, 'partitionKey'));
    const sortKey = String(ctx.constant(table, 'sortKey') ?? '');
    const indexes = gsis(ctx.constant(table, 'gsis'));
    const attributes = new Map<string, string>([
      [partitionKey, String(ctx.constant(table, 'partitionKeyType'))],
    ]);
    if (sortKey) attributes.set(sortKey, String(ctx.constant(table, 'sortKeyType')));
    // GSI keys of an overloaded single-table design are strings ("GSI1PK", "GSI1SK").
    for (const index of indexes) {
      if (!attributes.has(index.partitionKey)) attributes.set(index.partitionKey, 'S');
      if (index.sortKey && !attributes.has(index.sortKey)) attributes.set(index.sortKey, 'S');
    }
    const billing = ctx.perEnvironment(table, 'billingMode');
    const provisioned = ctx.when(
      Object.fromEntries(Object.entries(billing).map(([env, mode]) => [env, mode === 'provisioned'])),
    );
    const throughput = (): TemplateValue | undefined =>
      ctx.choose(
        provisioned,
        {
          ReadCapacityUnits: ctx.value(table, 'readCapacity')!,
          WriteCapacityUnits: ctx.value(table, 'writeCapacity')!,
        },
        undefined,
      );
    const stream = ctx.constant(table, 'stream');
    const ttl = ctx.constant(table, 'ttlAttribute');

    ctx.template.addResource(id, {
      Type: 'AWS::DynamoDB::Table',
      ...deletionPolicies(table),
      Metadata: ctx.metadata(table.acknowledgements),
      Properties: {
        BillingMode: ctx.value(table, 'billingMode', (mode) =>
          mode === 'provisioned' ? 'PROVISIONED' : 'PAY_PER_REQUEST',
        ),
        AttributeDefinitions: [...attributes].map(([name, type]) => ({
          AttributeName: name,
          AttributeType: type,
        })),
        KeySchema: keySchema(partitionKey, sortKey),
        ProvisionedThroughput: throughput(),
        GlobalSecondaryIndexes:
          indexes.length > 0
            ? indexes.map((index) => ({
                IndexName: index.name,
                KeySchema: keySchema(index.partitionKey, index.sortKey),
                Projection: { ProjectionType: 'ALL' },
                ProvisionedThroughput: throughput(),
              }))
            : undefined,
        PointInTimeRecoverySpecification: {
          PointInTimeRecoveryEnabled: ctx.value(table, 'pointInTimeRecovery'),
        },
        // aws-managed: the aws/dynamodb key; the lowering decides.
        SSESpecification: {
          SSEEnabled: table.encryption?.kind.byEnv[ctx.environments[0]!] === 'aws-managed',
        },
        DeletionProtectionEnabled: deletionProtectionValue(ctx, table),
        StreamSpecification:
          typeof stream === 'string' && STREAM_VIEW[stream]
            ? { StreamViewType: STREAM_VIEW[stream] }
            : undefined,
        TimeToLiveSpecification:
          typeof ttl === 'string' && ttl !== '' ? { AttributeName: ttl, Enabled: true } : undefined,
        Tags: ctx.tags(table.names.display),
      },
    });
    ctx.output(table, 'Name', ref(id), 'Table name');
    const autoScaled = ctx.when(
      Object.fromEntries(
        ctx.environments.map((env) => [
          env,
          billing[env] === 'provisioned' && table.props.autoScaling?.byEnv[env] === true,
        ]),
      ),
    );
    if (autoScaled !== false) {
      scaling(table, ctx, autoScaled, 'Read');
      scaling(table, ctx, autoScaled, 'Write');
    }
  },
};

/** DynamoDB tables. */
import type { ResolvedComponent } from '@archgen/infra';
import type { PropertyValue } from '@archgen/model';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, deletionProtectionOf, protectionPolicy } from './common.ts';

const ATTRIBUTE_TYPE: Record<string, string> = { S: 'STRING', N: 'NUMBER', B: 'BINARY' };

const STREAM_VIEW: Record<string, string> = {
  'new-image': 'NEW_IMAGE',
  'new-and-old-images': 'NEW_AND_OLD_IMAGES',
  'keys-only': 'KEYS_ONLY',
  'old-image': 'OLD_IMAGE',
};

function attribute(ctx: StackContext, name: string, type: PropertyValue): Expr {
  return obj({
    name: lit(name),
    type: ctx.api('dynamodb', `AttributeType.${ATTRIBUTE_TYPE[String(type)] ?? 'STRING'}`),
  });
}

function needsStream(ctx: StackContext, component: ResolvedComponent): boolean {
  return ctx.graph.eventSources.some(
    (e) => e.sourceId === component.id && e.sourceKind === 'dynamodb-stream',
  );
}

export const dynamodbEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const sortKey = ctx.str(component, 'sortKey');
    const gsis = ctx.same(component, 'gsis');
    // With `env` (billing that differs between environments, written into config.ts) each
    // capacity is that environment's literal; otherwise a literal or `config.<key>`.
    const read = (key: string, env?: string) =>
      env === undefined ? ctx.value(component, key) : lit(ctx.valueIn(component, key, env) as number);
    const capacity = (key: string, maxKey: string, env?: string) => {
      const autoscaled = () =>
        call(
          ctx.api('dynamodb', 'Capacity.autoscaled'),
          obj({ minCapacity: read(key, env), maxCapacity: read(maxKey, env) }),
        );
      const fixed = () => call(ctx.api('dynamodb', 'Capacity.fixed'), read(key, env));
      if (env !== undefined)
        return ctx.valueIn(component, 'autoScaling', env) === true ? autoscaled() : fixed();
      return ctx.choose(component, 'autoScaling', (on) => (on === true ? autoscaled() : fixed()));
    };
    const billing = ctx.choose(component, 'billingMode', (mode, env) =>
      mode === 'provisioned'
        ? call(
            ctx.api('dynamodb', 'Billing.provisioned'),
            obj({
              readCapacity: capacity('readCapacity', 'maxReadCapacity', env),
              // TableV2 requires auto scaling for provisioned write capacity.
              writeCapacity: call(
                ctx.api('dynamodb', 'Capacity.autoscaled'),
                obj({
                  minCapacity: read('writeCapacity', env),
                  maxCapacity: read('maxWriteCapacity', env),
                }),
              ),
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
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          partitionKey: attribute(
            ctx,
            ctx.str(component, 'partitionKey'),
            ctx.same(component, 'partitionKeyType'),
          ),
          sortKey: sortKey ? attribute(ctx, sortKey, ctx.same(component, 'sortKeyType')) : undefined,
          billing,
          pointInTimeRecoverySpecification: obj({
            pointInTimeRecoveryEnabled: ctx.value(component, 'pointInTimeRecovery'),
          }),
          dynamoStream:
            stream !== 'none' && STREAM_VIEW[stream]
              ? ctx.api('dynamodb', `StreamViewType.${STREAM_VIEW[stream]}`)
              : undefined,
          timeToLiveAttribute: ttl ? lit(ttl) : undefined,
          globalSecondaryIndexes: indexes.length ? arr(indexes) : undefined,
          encryption:
            component.encryption?.kind.byEnv[ctx.graph.environments[0] ?? ''] === 'aws-managed'
              ? call(ctx.api('dynamodb', 'TableEncryptionV2.awsManagedKey'))
              : undefined,
          deletionProtection: deletionProtectionOf(ctx, component),
          removalPolicy: protectionPolicy(ctx, component),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, table);
    ctx.register(component.id, {
      construct: table,
      attributes: {
        arn: member(table, 'tableArn'),
        name: member(table, 'tableName'),
        streamArn: member(table, 'tableStreamArn'),
      },
    });
  },
};

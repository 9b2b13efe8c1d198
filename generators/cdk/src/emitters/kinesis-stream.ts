/** Kinesis data streams. */
import type { ComponentEmitter } from './types.ts';
import { lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks } from './common.ts';

export const kinesisEmitter: ComponentEmitter = {
  emit(component, ctx) {
    // On-demand or provisioned per environment; shards only where provisioned.
    const provisioned = ctx.any(component, 'mode', (m) => m !== 'on-demand');
    const shardCount = provisioned
      ? ctx.derive(component, 'shardCount', 'shards (provisioned mode only)', (env) =>
          ctx.valueIn(component, 'mode', env) === 'on-demand'
            ? undefined
            : (ctx.valueIn(component, 'shards', env) as number),
        )
      : undefined;
    const stream = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('kinesis', 'Stream'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          streamMode: ctx.choose(component, 'mode', (m) =>
            ctx.api('kinesis', m === 'on-demand' ? 'StreamMode.ON_DEMAND' : 'StreamMode.PROVISIONED'),
          ),
          shardCount,
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
      attributes: {
        arn: member(stream, 'streamArn'),
        name: member(stream, 'streamName'),
        streamArn: member(stream, 'streamArn'),
      },
    });
  },
};

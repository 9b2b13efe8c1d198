/** Kinesis data streams. */
import type { ComponentEmitter } from './types.ts';
import { lit, member, newExpr, obj, thisExpr } from '../ts/ast.ts';
import { acknowledgeDesignRisks } from './common.ts';

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
      attributes: {
        arn: member(stream, 'streamArn'),
        name: member(stream, 'streamName'),
        streamArn: member(stream, 'streamArn'),
      },
    });
  },
};

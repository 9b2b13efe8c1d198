/** EventBridge buses. */
import type { ComponentEmitter } from './types.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks } from './common.ts';
import { plainText } from '../naming.ts';

export const eventBusEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const bus = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('events', 'EventBus'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({ description: lit(plainText(component.names.display, 512)) }),
      ),
    );
    // 0 days = no archive: config leaves the field unset in those environments.
    const archive = ctx.optional(component, 'archiveDays', (days) => typeof days === 'number' && days > 0);
    if (archive)
      ctx.when(archive.test, () =>
        ctx.expr(
          call(
            member(bus, 'archive'),
            lit(`${component.names.logicalId}Archive`),
            obj({
              eventPattern: obj({ account: arr([member(ctx.scope, 'account')]) }),
              retention: ctx.duration('days', archive.value),
            }),
          ),
        ),
      );
    acknowledgeDesignRisks(ctx, component, bus);
    ctx.register(component.id, {
      construct: bus,
      attributes: { arn: member(bus, 'eventBusArn'), name: member(bus, 'eventBusName') },
    });
  },
};

/** EventBridge buses. */
import type { ComponentEmitter } from './types.ts';
import { arr, call, lit, member, newExpr, obj, thisExpr } from '../ts/ast.ts';
import { acknowledgeDesignRisks } from './common.ts';
import { plainText } from '../naming.ts';

export const eventBusEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const bus = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('events', 'EventBus'),
        thisExpr,
        lit(component.names.logicalId),
        obj({ description: lit(plainText(component.names.display, 512)) }),
      ),
    );
    const archiveDays = ctx.num(component, 'archiveDays');
    if (archiveDays > 0)
      ctx.expr(
        call(
          member(bus, 'archive'),
          lit(`${component.names.logicalId}Archive`),
          obj({
            eventPattern: obj({ account: arr([member(thisExpr, 'account')]) }),
            retention: ctx.duration('days', ctx.value(component, 'archiveDays')),
          }),
        ),
      );
    acknowledgeDesignRisks(ctx, component, bus);
    ctx.register(component.id, {
      construct: bus,
      attributes: { arn: member(bus, 'eventBusArn'), name: member(bus, 'eventBusName') },
    });
  },
};

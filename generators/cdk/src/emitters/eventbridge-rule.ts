/** EventBridge rules. */
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, comment, json, lit, member, newExpr, obj, thisExpr } from '../ts/ast.ts';
import { acknowledgeDesignRisks } from './common.ts';
import { plainText } from '../naming.ts';

const PATTERN_KEYS: Record<string, string> = {
  source: 'source',
  'detail-type': 'detailType',
  detail: 'detail',
  account: 'account',
  region: 'region',
  resources: 'resources',
  id: 'id',
  time: 'time',
  version: 'version',
};

export const eventRuleEmitter: ComponentEmitter = {
  dependencies: (component) => (component.eventBusId ? [component.eventBusId] : []),
  emit(component, ctx) {
    const schedule = ctx.str(component, 'schedule').trim();
    const busId = component.eventBusId;
    let eventPattern: Expr | undefined;
    if (!schedule) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(ctx.str(component, 'eventPattern'));
      } catch {
        parsed = undefined;
      }
      const entries: [string, Expr][] = [];
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
          const cdkKey = PATTERN_KEYS[key];
          if (cdkKey) entries.push([cdkKey, json(value)]);
        }
      if (entries.length === 0) {
        ctx.add(
          comment(
            "The design's event pattern is not a JSON object with known keys; matching this design's own events instead.",
          ),
        );
        entries.push(['source', arr([lit(ctx.graph.design.slug)])]);
      }
      eventPattern = obj(entries);
    }
    const rule = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('events', 'Rule'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          description: lit(plainText(component.names.display, 512)),
          // Scheduled rules only run on the default bus.
          eventBus: busId && !schedule ? ctx.handle(busId).construct : undefined,
          eventPattern,
          schedule: schedule ? call(ctx.api('events', 'Schedule.expression'), lit(schedule)) : undefined,
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, rule);
    ctx.register(component.id, {
      construct: rule,
      attributes: { arn: member(rule, 'ruleArn'), name: member(rule, 'ruleName') },
    });
  },
};

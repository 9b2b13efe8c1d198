/** EventBridge rules. */
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, comment, cond, json, lit, member, newExpr, obj } from '../ts/ast.ts';
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

type Ctx = Parameters<ComponentEmitter['emit']>[1];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const strings = (value: unknown): Expr[] =>
  (Array.isArray(value) ? value : [value]).map((v) => lit(v as string));

/** `numeric: [">", 1, "<=", 5]` as Match calls (a range is their conjunction). */
function numericMatcher(ctx: Ctx, operands: unknown[]): Expr {
  const match = (name: string, ...args: Expr[]) => call(ctx.api('events', `Match.${name}`), ...args);
  const NAMES: Record<string, string> = {
    '>': 'greaterThan',
    '>=': 'greaterThanOrEqual',
    '<': 'lessThan',
    '<=': 'lessThanOrEqual',
    '=': 'equal',
  };
  const parts: Expr[] = [];
  for (let i = 0; i < operands.length; i += 2)
    parts.push(match(NAMES[operands[i] as string]!, lit(operands[i + 1] as number)));
  return parts.length === 1 ? parts[0]! : match('allOf', ...parts);
}

/**
 * One element of an envelope field's list as an `events.Match` call. EventBridge content filters
 * (prefix, anything-but, numeric, ...) are objects, which CDK's `string[]` fields do not accept
 * as literals; the Match helpers render the same JSON. EVR-01 has checked the shape.
 */
function matcher(ctx: Ctx, value: unknown): Expr {
  const match = (name: string, ...args: Expr[]) => call(ctx.api('events', `Match.${name}`), ...args);
  if (value === null) return match('nullValue');
  if (!isRecord(value))
    return typeof value === 'number' ? match('equal', lit(value)) : match('exactString', lit(String(value)));
  const [operator] = Object.keys(value) as [string];
  const operand = value[operator];
  const ignoreCase = isRecord(operand) ? operand['equals-ignore-case'] : undefined;
  switch (operator) {
    case 'prefix':
      return ignoreCase === undefined
        ? match('prefix', lit(operand as string))
        : match('prefixEqualsIgnoreCase', lit(ignoreCase as string));
    case 'suffix':
      return ignoreCase === undefined
        ? match('suffix', lit(operand as string))
        : match('suffixEqualsIgnoreCase', lit(ignoreCase as string));
    case 'wildcard':
      return match('wildcard', lit(operand as string));
    case 'equals-ignore-case':
      return match('equalsIgnoreCase', lit(operand as string));
    case 'cidr':
      return match('cidr', lit(operand as string));
    case 'exists':
      return match(operand === false ? 'doesNotExist' : 'exists');
    case 'numeric':
      return numericMatcher(ctx, operand as unknown[]);
    case 'anything-but': {
      if (!isRecord(operand))
        return match(
          'anythingBut',
          ...(Array.isArray(operand) ? operand : [operand]).map((v) => lit(v as string)),
        );
      const [filter] = Object.keys(operand) as [string];
      const name = {
        prefix: 'anythingButPrefix',
        suffix: 'anythingButSuffix',
        wildcard: 'anythingButWildcard',
        'equals-ignore-case': 'anythingButEqualsIgnoreCase',
      }[filter];
      return match(name ?? 'anythingBut', ...strings(operand[filter]));
    }
    default:
      return match('exactString', lit(JSON.stringify(value)));
  }
}

/** An envelope field's list: plain strings stay a literal list, anything else goes through Match. */
function envelopeField(ctx: Ctx, value: unknown): Expr | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (value.every((v) => typeof v === 'string')) return json(value);
  const matchers = value.map((v) => matcher(ctx, v));
  return matchers.length === 1 ? matchers[0] : call(ctx.api('events', 'Match.anyOf'), ...matchers);
}

/** `Schedule.expression(...)`, only where config has a schedule when some environments have none. */
function scheduleCode(ctx: Ctx, scheduled: { value: Expr; test?: Expr }): Expr {
  const code = call(ctx.api('events', 'Schedule.expression'), scheduled.value);
  return scheduled.test ? cond(scheduled.test, code, lit(undefined)) : code;
}

export const eventRuleEmitter: ComponentEmitter = {
  dependencies: (component) => (component.eventBusId ? [component.eventBusId] : []),
  emit(component, ctx) {
    // Empty = driven by the event pattern. Where only some environments have a schedule, config
    // leaves it unset in the others and `scheduled.test` tells them apart.
    const scheduled = ctx.optional(component, 'schedule', (v) => typeof v === 'string' && v.trim() !== '');
    const busId = component.eventBusId;
    /** `code` where the rule runs on its pattern. */
    const onPattern = (code: Expr | undefined): Expr | undefined =>
      !scheduled || !code ? code : scheduled.test ? cond(scheduled.test, lit(undefined), code) : undefined;
    let eventPattern: Expr | undefined;
    if (!scheduled || scheduled.test) {
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
          // detail is `{ [key: string]: any }` in CDK: the pattern's JSON goes through as written.
          const printed = cdkKey === 'detail' ? json(value) : cdkKey ? envelopeField(ctx, value) : undefined;
          if (cdkKey && printed) entries.push([cdkKey, printed]);
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
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          description: lit(plainText(component.names.display, 512)),
          // Scheduled rules only run on the default bus.
          eventBus: onPattern(busId ? ctx.handle(busId).construct : undefined),
          eventPattern: onPattern(eventPattern),
          schedule: scheduled && scheduleCode(ctx, scheduled),
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

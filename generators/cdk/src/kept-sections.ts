/**
 * Parameters, Mappings, Conditions and Outputs kept from an imported template
 * (ResolvedGraph.keptTemplate), as the CloudFormation target prints them: L1 elements whose
 * construct ids are the logical names (top-level ids are kept as they are), with values passed
 * through as written (`Token.asAny` / `Token.asString` resolve to the JSON given).
 */
import type { ResolvedGraph } from '@archgen/infra';
import type { StackContext } from './context.ts';
import { call, json, lit, member, newExpr, obj, thisExpr, type Expr } from './ts/ast.ts';

const lowerFirst = (key: string) => key.charAt(0).toLowerCase() + key.slice(1);

/** `Token.asString(<json>)` or the literal when it is plain text. */
function text(ctx: StackContext, value: unknown): Expr {
  return typeof value === 'string' ? lit(value) : call(member(ctx.core('Token'), 'asString'), json(value));
}

export function emitKeptSections(
  graph: ResolvedGraph,
  ctx: StackContext,
  usedOutputIds: ReadonlySet<string>,
): void {
  const kept = graph.keptTemplate;
  if (!kept) return;
  ctx.section('Parameters, mappings, conditions and outputs kept from the imported template, as written.');
  for (const [name, definition] of Object.entries(kept.parameters)) {
    // CfnParameter's props are the template keys, lower camel case (Type -> type, NoEcho -> noEcho).
    const props = Object.entries(definition).map(([key, value]): [string, Expr] => [
      lowerFirst(key),
      // Templates may write NoEcho: "true"; the prop is a boolean.
      json(key === 'NoEcho' ? value === true || value === 'true' : value),
    ]);
    ctx.expr(newExpr(ctx.core('CfnParameter'), thisExpr, lit(name), obj(props)));
  }
  for (const [name, mapping] of Object.entries(kept.mappings))
    ctx.expr(newExpr(ctx.core('CfnMapping'), thisExpr, lit(name), obj({ mapping: json(mapping) })));
  const conditions = new Map<string, Expr>();
  for (const [name, expression] of Object.entries(kept.conditions))
    conditions.set(
      name,
      ctx.declare(
        `${lowerFirst(name)}Condition`,
        newExpr(
          ctx.core('CfnCondition'),
          thisExpr,
          lit(name),
          obj({ expression: call(member(ctx.core('Token'), 'asAny'), json(expression)) }),
        ),
      ),
    );
  for (const [name, output] of Object.entries(kept.outputs)) {
    if (usedOutputIds.has(name)) continue;
    const exportName = (output.Export as { Name?: unknown } | undefined)?.Name;
    const condition = typeof output.Condition === 'string' ? conditions.get(output.Condition) : undefined;
    ctx.expr(
      newExpr(
        ctx.core('CfnOutput'),
        thisExpr,
        lit(name),
        obj({
          value: text(ctx, output.Value),
          ...(typeof output.Description === 'string' ? { description: lit(output.Description) } : {}),
          ...(exportName !== undefined ? { exportName: text(ctx, exportName) } : {}),
          ...(condition ? { condition } : {}),
        }),
      ),
    );
  }
}

/**
 * A kept resource (other-resource): an imported resource the designer does not model, as an L1
 * `CfnResource` with its CloudFormation type and properties exactly as written, pinned to its
 * logical id so references in other kept resources ({"Ref": "X"}) and the deployed stack still
 * match. A resource kept only in Terraform form makes nothing (IMP-02 names it).
 */
import type { ComponentEmitter } from './types.ts';
import { arr, call, json, lit, member, newExpr, obj } from '../ts/ast.ts';

export const otherResourceEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const form = component.kept?.cloudFormation;
    if (!form) return;
    ctx.section(
      `${component.names.logicalId}: kept as imported (${form.type}), passed through unchanged as an L1 resource.`,
    );
    const resource = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.core('CfnResource'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({ type: lit(form.type), properties: json(form.properties) }),
      ),
    );
    ctx.expr(call(member(resource, 'overrideLogicalId'), lit(component.names.logicalId)));
    // DependsOn names logical ids as written, which need not be constructs of this app.
    if (form.dependsOn.length > 0)
      ctx.expr(
        call(member(resource, 'addOverride'), lit('DependsOn'), arr(form.dependsOn.map((d) => lit(d)))),
      );
    // Condition, DeletionPolicy, UpdatePolicy... as written (a kept condition keeps its name).
    for (const [key, value] of Object.entries(form.attributes))
      ctx.expr(call(member(resource, 'addOverride'), lit(key), json(value)));
    ctx.register(component.id, { construct: resource, attributes: {} });
  },
};

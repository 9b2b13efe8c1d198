/**
 * A kept resource (other-resource): an imported resource printed as it was written, Type,
 * Properties and DependsOn, under its logical id. Nothing is added to it (no tags, no
 * metadata): the template that comes back must deploy over the stack it came from unchanged.
 * A resource kept only in Terraform form prints nothing (IMP-02 names it).
 */
import type { ComponentEmitter } from '../context.ts';
import type { ResourceDefinition } from '../template/builder.ts';
import { keptRecord } from '../template/kept-values.ts';

export const otherResourceEmitter: ComponentEmitter = {
  // Others refer to it only through its own verbatim properties, never through the graph.
  references: {},
  emit(component, ctx) {
    const form = component.kept?.cloudFormation;
    if (!form) return;
    ctx.template.addResource(
      component.names.logicalId,
      {
        Type: form.type,
        ...(form.dependsOn.length > 0 ? { DependsOn: [...form.dependsOn] } : {}),
        // Condition, DeletionPolicy, UpdatePolicy... as written.
        ...(keptRecord(form.attributes) as Partial<ResourceDefinition>),
        Properties: keptRecord(form.properties),
      },
      `Kept as imported, unchanged (${form.type})`,
    );
  },
};

/**
 * A kept resource (other-resource): an imported resource printed as it was written, Type,
 * Properties and DependsOn, under its logical id. Nothing is added to it (no tags, no
 * metadata): the template that comes back must deploy over the stack it came from unchanged.
 * A resource kept only in Terraform form prints nothing (IMP-02 names it).
 */
import type { KeptRecord } from '@archgen/infra';
import type { PropertyValue } from '@archgen/model';
import type { ComponentEmitter } from '../context.ts';
import { INTRINSIC_FUNCTIONS, Intrinsic, type TemplateValue } from '../template/intrinsics.ts';

const FUNCTIONS: ReadonlySet<string> = new Set(INTRINSIC_FUNCTIONS);

/**
 * A kept JSON value as a template value: `{"Ref": "X"}` and the other functions the printer
 * knows become intrinsics (printed in short form like the rest of the template); any other
 * function (Fn::ImportValue, Fn::Base64, ...) stays the long-form map it is. A JSON null has no
 * template form and is left out.
 */
function templateValue(value: PropertyValue): TemplateValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value))
    return value.map(templateValue).filter((item): item is TemplateValue => item !== undefined);
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && FUNCTIONS.has(keys[0]!)) {
      const argument = templateValue(value[keys[0]!]!);
      if (argument !== undefined)
        return new Intrinsic(keys[0] as (typeof INTRINSIC_FUNCTIONS)[number], argument);
    }
    return templateRecord(value);
  }
  return value;
}

function templateRecord(record: KeptRecord): { [key: string]: TemplateValue | undefined } {
  const out: { [key: string]: TemplateValue | undefined } = {};
  for (const key of Object.keys(record))
    Object.defineProperty(out, key, {
      value: templateValue(record[key]!),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

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
        Properties: templateRecord(form.properties),
      },
      `Kept as imported, unchanged (${form.type})`,
    );
  },
};

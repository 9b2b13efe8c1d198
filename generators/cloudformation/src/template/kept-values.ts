/**
 * Values kept from imported CloudFormation (kept resources and template sections) as template
 * values, printed as written.
 */
import type { KeptRecord } from '@archgen/infra';
import type { PropertyValue } from '@archgen/model';
import { INTRINSIC_FUNCTIONS, Intrinsic, type TemplateValue } from './intrinsics.ts';

const FUNCTIONS: ReadonlySet<string> = new Set(INTRINSIC_FUNCTIONS);

/**
 * A kept JSON value as a template value: `{"Ref": "X"}` and the other functions the printer
 * knows become intrinsics (printed in short form like the rest of the template); any other
 * function (Fn::ImportValue, Fn::Base64, ...) stays the long-form map it is. A JSON null has no
 * template form and is left out.
 */
export function keptValue(value: PropertyValue): TemplateValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value))
    return value.map(keptValue).filter((item): item is TemplateValue => item !== undefined);
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && FUNCTIONS.has(keys[0]!)) {
      const argument = keptValue(value[keys[0]!]!);
      if (argument !== undefined)
        return new Intrinsic(keys[0] as (typeof INTRINSIC_FUNCTIONS)[number], argument);
    }
    return keptRecord(value);
  }
  return value;
}

export function keptRecord(record: KeptRecord): { [key: string]: TemplateValue | undefined } {
  const out: { [key: string]: TemplateValue | undefined } = {};
  for (const key of Object.keys(record))
    Object.defineProperty(out, key, {
      value: keptValue(record[key]!),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

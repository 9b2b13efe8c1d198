/**
 * Parameters, Mappings, Conditions and Outputs of an imported template that the design keeps
 * as written (design.keptTemplate), so the exported template still deploys over the stack:
 * - Outputs whose every reference the export keeps: a kept resource, a service node's own
 *   logical id, a parameter or a pseudo parameter. Others are reported, with what they name.
 * - The Parameters, Mappings and Conditions kept resources and kept outputs use, and those the
 *   kept conditions use in turn. A parameter given a value at import (and not NoEcho) gets it
 *   as its Default, so the export deploys without asking again.
 * Everything else the importer already evaluated into the design's values (keptReferences is the
 * lowering's, so import and export read references the same way).
 */
import { keptReferences, type KeptTemplate, type PropertyValue } from '@archgen/model';

type JsonRecord = { [key: string]: PropertyValue };

export interface KeptSectionsInput {
  parameters: Record<string, unknown>;
  mappings: Record<string, unknown>;
  conditions: Record<string, unknown>;
  outputs: Record<string, unknown>;
  /** Properties and attributes of the resources kept as other-resource nodes. */
  keptValues: PropertyValue[];
  /** Logical ids the export keeps: kept resources and service nodes' own. */
  keptIds: ReadonlySet<string>;
  /** Values given at import (--parameters), by parameter name. */
  given: ReadonlyMap<string, unknown>;
}

export interface KeptSectionsResult {
  kept: KeptTemplate | undefined;
  /** Outputs left out, with the names they refer to that the export does not keep. */
  droppedOutputs: Array<{ name: string; missing: string[] }>;
}

const isRecord = (v: unknown): v is JsonRecord => !!v && typeof v === 'object' && !Array.isArray(v);

export function keptSections(input: KeptSectionsInput): KeptSectionsResult {
  const outputs: Record<string, PropertyValue> = {};
  const droppedOutputs: KeptSectionsResult['droppedOutputs'] = [];
  for (const [name, output] of Object.entries(input.outputs)) {
    if (!isRecord(output)) continue;
    const missing = [...keptReferences(output).refs].filter(
      (r) => !r.startsWith('AWS::') && !(r in input.parameters) && !input.keptIds.has(r),
    );
    if (missing.length > 0) droppedOutputs.push({ name, missing });
    else outputs[name] = output;
  }

  // What the kept things use, closed over conditions (a condition may use others and parameters).
  const parameters = new Set<string>();
  const mappings = new Set<string>();
  const conditions = new Set<string>();
  const pending: PropertyValue[] = [...input.keptValues, ...Object.values(outputs)];
  while (pending.length > 0) {
    const uses = keptReferences(pending.pop());
    for (const r of uses.refs) if (r in input.parameters) parameters.add(r);
    for (const m of uses.mappings) if (m in input.mappings) mappings.add(m);
    for (const c of uses.conditions)
      if (c in input.conditions && !conditions.has(c)) {
        conditions.add(c);
        pending.push(input.conditions[c] as PropertyValue);
      }
  }
  const pick = (names: Set<string>, from: Record<string, unknown>) =>
    Object.fromEntries([...names].sort().map((n) => [n, from[n] as PropertyValue]));
  const keptParameters: Record<string, PropertyValue> = {};
  for (const name of [...parameters].sort()) {
    const definition = input.parameters[name];
    if (!isRecord(definition)) continue;
    const value = input.given.get(name);
    const secret = definition.NoEcho === true || definition.NoEcho === 'true';
    keptParameters[name] =
      value !== undefined && !secret && definition.Default === undefined
        ? { ...definition, Default: Array.isArray(value) ? value.join(',') : (value as PropertyValue) }
        : definition;
  }
  const kept: KeptTemplate = {
    ...(parameters.size > 0 ? { parameters: keptParameters } : {}),
    ...(mappings.size > 0 ? { mappings: pick(mappings, input.mappings) } : {}),
    ...(conditions.size > 0 ? { conditions: pick(conditions, input.conditions) } : {}),
    ...(Object.keys(outputs).length > 0 ? { outputs } : {}),
  };
  return { kept: Object.keys(kept).length > 0 ? kept : undefined, droppedOutputs };
}

/**
 * Kept resources: imported resources the designer does not model ("other-resource" nodes) pass
 * through unchanged. The lowering reads each form once, so the generators print what it decided
 * and never read the node's properties themselves.
 */
import { resolveProperties, type DesignNode, type PropertyValue } from '@archgen/model';
import type { LowerContext } from './context.ts';
import { keptReferences, type KeptTemplate } from '@archgen/model';
import type { KeptRecord, ResolvedKeptResource, ResolvedKeptTemplate } from './types.ts';

export const KEPT_RESOURCE_TYPE = 'other-resource';

const isRecord = (value: PropertyValue | undefined): value is KeptRecord =>
  value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);

const text = (value: PropertyValue | undefined): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Fills `kept` on every other-resource component from its node's properties (the same in every
 * environment). `nodes` are the design's as given: a kept resource passes through unchanged, so
 * a dynamic reference its source wrote ({{resolve:ssm:...}}) stays one, unlike in user text.
 */
export function lowerKeptResources(ctx: LowerContext, nodes: readonly DesignNode[]): void {
  const given = new Map(nodes.map((n) => [n.id, n]));
  for (const node of ctx.nodes) {
    if (node.type !== KEPT_RESOURCE_TYPE) continue;
    const component = ctx.component(node.id);
    if (!component) continue;
    const props = resolveProperties(ctx.design, given.get(node.id) ?? node);
    const kept: ResolvedKeptResource = {};
    const cloudFormationType = text(props.cloudFormationType);
    if (cloudFormationType !== '') {
      const dependsOn = Array.isArray(props.dependsOn)
        ? props.dependsOn.filter((d): d is string => typeof d === 'string' && d !== '')
        : [];
      kept.cloudFormation = {
        type: cloudFormationType,
        properties: isRecord(props.cloudFormationProperties) ? props.cloudFormationProperties : {},
        dependsOn: [...new Set(dependsOn)],
        attributes: keptAttributes(props.cloudFormationAttributes),
      };
    }
    const terraformType = text(props.terraformType);
    if (terraformType !== '')
      kept.terraform = {
        type: terraformType,
        arguments: isRecord(props.terraformArguments) ? props.terraformArguments : {},
      };
    component.kept = kept;
  }
}

/** The resource attributes a kept resource may carry, in the order templates usually write them. */
const KEPT_ATTRIBUTES = [
  'Condition',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
  'Metadata',
] as const;

function keptAttributes(value: PropertyValue | undefined): KeptRecord {
  const out: KeptRecord = {};
  if (!isRecord(value)) return out;
  for (const key of KEPT_ATTRIBUTES)
    if (value[key] !== undefined && value[key] !== null) out[key] = value[key]!;
  return out;
}

/**
 * design.keptTemplate as the targets print it. An output stays only while everything it names is
 * in the template: a kept parameter, a pseudo parameter, or a logical id the design still makes.
 */
export function lowerKeptTemplate(
  kept: KeptTemplate | undefined,
  logicalIds: ReadonlySet<string>,
): ResolvedKeptTemplate | undefined {
  if (!kept) return undefined;
  const records = (section: Record<string, PropertyValue> | undefined): Record<string, KeptRecord> => {
    const out: Record<string, KeptRecord> = {};
    for (const [name, value] of Object.entries(section ?? {})) if (isRecord(value)) out[name] = value;
    return out;
  };
  const parameters = records(kept.parameters);
  const conditions: Record<string, PropertyValue> = { ...(kept.conditions ?? {}) };
  const outputs: Record<string, KeptRecord> = {};
  for (const [name, output] of Object.entries(records(kept.outputs))) {
    const { refs } = keptReferences(output);
    const missing = [...refs].filter(
      (r) => !r.startsWith('AWS::') && !(r in parameters) && !logicalIds.has(r),
    );
    if (missing.length === 0) outputs[name] = output;
  }
  const result: ResolvedKeptTemplate = { parameters, mappings: records(kept.mappings), conditions, outputs };
  return Object.values(result).some((section) => Object.keys(section).length > 0) ? result : undefined;
}

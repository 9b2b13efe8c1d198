/**
 * Kept resources: imported resources the designer does not model ("other-resource" nodes) pass
 * through unchanged. The lowering reads each form once, so the generators print what it decided
 * and never read the node's properties themselves.
 */
import { resolveProperties, type DesignNode, type PropertyValue } from '@archgen/model';
import type { LowerContext } from './context.ts';
import type { KeptRecord, ResolvedKeptResource } from './types.ts';

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

/**
 * The "Archgen::Layout" metadata CloudFormation and CDK templates carry: where each node and VPC
 * was drawn, keyed by its primary resource's logical id (CDK: its construct id, which is the
 * logical id where one is kept), so importing the template restores the picture. Keys sorted;
 * nodes that make no CloudFormation resource (a Terraform-only kept resource) are left out.
 * `derived` names the graph-wide derived components (see graphWideDerived).
 */
import { GRAPH_OWNER } from './context.ts';
import type { ResolvedGraph } from './types.ts';

export type LayoutEntries = Record<string, { id: string; x: number; y: number }>;

export function cloudFormationLayout(
  graph: ResolvedGraph,
): { nodes: LayoutEntries; vpcs: LayoutEntries; derived?: Record<string, string> } | undefined {
  const layout = graph.layout;
  if (!layout || layout.nodes.length + layout.vpcs.length === 0) return undefined;
  const components = new Map(graph.components.map((c) => [c.id, c]));
  const vpcs = new Map(graph.vpcs.map((v) => [v.id, v]));
  const section = (entries: [string | undefined, { id: string; x: number; y: number }][]): LayoutEntries => {
    const out: LayoutEntries = {};
    const named = entries.filter(
      (e): e is [string, { id: string; x: number; y: number }] => e[0] !== undefined,
    );
    for (const [key, p] of named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      out[key] = { id: p.id, x: p.x, y: p.y };
    return out;
  };
  return {
    nodes: section(
      layout.nodes.map((p) => {
        const c = components.get(p.targetId);
        return [c && !(c.kept && !c.kept.cloudFormation) ? c.names.logicalId : undefined, p];
      }),
    ),
    vpcs: section(layout.vpcs.map((p) => [vpcs.get(p.targetId)?.names.logicalId, p])),
    ...graphWideDerived(graph),
  };
}

/**
 * Logical id -> component id of what the lowering derives for the whole design rather than for a
 * node (the alarm topic): nothing else tells it apart from a drawn topic, so the importer reads
 * it here and folds it instead of drawing a node the re-export would duplicate.
 */
function graphWideDerived(graph: ResolvedGraph): { derived?: Record<string, string> } {
  const entries = graph.components
    .filter((c) => c.derived?.from === GRAPH_OWNER)
    .map((c) => [c.names.logicalId, c.id] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length > 0 ? { derived: Object.fromEntries(entries) } : {};
}

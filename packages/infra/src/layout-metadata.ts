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
/** Group id -> the group and the logical ids of its members' primary resources (sorted). */
export type LayoutGroups = Record<string, { name: string; kind: string; source?: string; members: string[] }>;

export function cloudFormationLayout(
  graph: ResolvedGraph,
):
  | { nodes: LayoutEntries; vpcs: LayoutEntries; derived?: Record<string, string>; groups?: LayoutGroups }
  | undefined {
  const layout = graph.layout;
  if (!layout || layout.nodes.length + layout.vpcs.length + (layout.groups?.length ?? 0) === 0)
    return undefined;
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
    ...groupsOf(graph, components),
  };
}

/** Each group with the logical ids of its members that CloudFormation makes; none: no key. */
function groupsOf(
  graph: ResolvedGraph,
  components: ReadonlyMap<string, ResolvedGraph['components'][number]>,
): { groups?: LayoutGroups } {
  const out: LayoutGroups = {};
  for (const g of graph.layout?.groups ?? []) {
    const members = g.members
      .map((id) => components.get(id))
      .filter((c) => c && !(c.kept && !c.kept.cloudFormation))
      .map((c) => c!.names.logicalId)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (members.length === 0) continue;
    out[g.id] = {
      name: g.name,
      kind: g.kind,
      ...(g.source !== undefined ? { source: g.source } : {}),
      members,
    };
  }
  return Object.keys(out).length > 0 ? { groups: out } : {};
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

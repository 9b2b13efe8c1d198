/**
 * Design -> React Flow nodes and edges. Pure; `reuseUnchanged` keeps the previous object for
 * every node whose drawn state did not change, so React Flow re-renders only what moved.
 */
import type { Design } from '@archgen/model';
import type { Selection } from '../store/selectionSlice.ts';
import { NODE_HEIGHT, NODE_WIDTH, VPC_PAD_X, tierLabel, type CanvasLayout, type XY } from '@archgen/layout';
import {
  HANDLE,
  tierFlowId,
  vpcFlowId,
  type ConnectionFlowEdge,
  type FlowNode,
  type ServiceFlowNode,
  type TierFlowNode,
  type VpcFlowNode,
} from './flowTypes.ts';
import { connectionLabel } from './labels.ts';
import { placeEdgeLabels, type EdgeEnds } from './labelPlacement.ts';
import { deriveGroupFrames } from './groupFrames.ts';

export function deriveNodes(design: Design, layout: CanvasLayout, selection: Selection): FlowNode[] {
  const selectedNodes = new Set(selection.nodeIds);
  const selectedVpcs = new Set(selection.vpcIds);
  const out: FlowNode[] = [];
  const occupied = new Set(
    design.nodes.flatMap((n) => (n.placement ? [`${n.placement.vpcId}/${n.placement.tier}`] : [])),
  );
  for (const vpc of design.vpcs) {
    const box = layout.vpcById.get(vpc.id);
    if (!box) continue;
    const vpcNode: VpcFlowNode = {
      id: vpcFlowId(vpc.id),
      type: 'vpc',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      data: { vpcId: vpc.id, width: box.width },
      dragHandle: '.vpc-drag-handle',
      ariaLabel: `VPC ${vpc.name}`,
      selected: selectedVpcs.has(vpc.id),
      connectable: false,
      zIndex: 0,
    };
    out.push(vpcNode);
    for (const band of box.bands) {
      const width = box.width - 2 * VPC_PAD_X;
      const tierNode: TierFlowNode = {
        id: tierFlowId(vpc.id, band.tier),
        type: 'tier',
        parentId: vpcNode.id,
        position: { x: VPC_PAD_X, y: band.y - box.y },
        width,
        height: band.height,
        measured: { width, height: band.height },
        data: {
          vpcId: vpc.id,
          tier: band.tier,
          width,
          azCount: vpc.azCount,
          empty: !occupied.has(`${vpc.id}/${band.tier}`),
        },
        ariaLabel: tierLabel(band.tier),
        // Not focusable (keyboard users move between services), but still a named group.
        ariaRole: 'group',
        draggable: false,
        selectable: false,
        connectable: false,
        focusable: false,
        zIndex: 1,
      };
      out.push(tierNode);
    }
  }
  // After the VPCs (React Flow draws parents before children) and before the services.
  out.push(...deriveGroupFrames(design, layout));
  for (const node of design.nodes) {
    const at = layout.nodePositions.get(node.id);
    if (!at) continue;
    const parent = node.placement ? layout.vpcById.get(node.placement.vpcId) : undefined;
    const inVpc = parent && parent.bands.some((b) => b.tier === node.placement?.tier);
    const serviceNode: ServiceFlowNode = {
      id: node.id,
      type: 'service',
      position: inVpc ? { x: at.x - parent.x, y: at.y - parent.y } : at,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
      data: { nodeId: node.id },
      ariaLabel: node.name,
      selected: selectedNodes.has(node.id),
      zIndex: 10,
      ...(inVpc ? { parentId: vpcFlowId(parent.id) } : {}),
    };
    out.push(serviceNode);
  }
  return out;
}

/**
 * Which sides an edge leaves and enters by: right to left when the target is beside the source,
 * bottom to top (or top to bottom) when it sits mostly below (above), as in the next tier band,
 * top to top when it is back to the left.
 */
export function handlesBetween(from: XY, to: XY): { sourceHandle: string; targetHandle: string } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const vertical = Math.abs(dy) > NODE_HEIGHT && (Math.abs(dx) < NODE_WIDTH || Math.abs(dy) > Math.abs(dx));
  if (!vertical)
    return dx >= 0
      ? { sourceHandle: HANDLE.right, targetHandle: HANDLE.left }
      : // Back to the left: an arch over both nodes rather than a loop through them.
        { sourceHandle: HANDLE.topOut, targetHandle: HANDLE.topIn };
  return dy > 0
    ? { sourceHandle: HANDLE.bottomOut, targetHandle: HANDLE.topIn }
    : { sourceHandle: HANDLE.topOut, targetHandle: HANDLE.bottomIn };
}

/** Above this many services labels stay at their curve's midpoint. */
const LABEL_PLACEMENT_MAX_NODES = 150;

const DEFAULT_HANDLES = { sourceHandle: HANDLE.right, targetHandle: HANDLE.left };

export interface EdgeRoute {
  sourceHandle: string;
  targetHandle: string;
  /** Where the label chip moves from the curve's midpoint to stay clear (absent: no move). */
  labelOffset?: XY;
}

/** Handles and label positions of every connection; depends on positions only, not on selection. */
export function routeEdges(design: Design, layout: CanvasLayout): Map<string, EdgeRoute> {
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const ends: EdgeEnds[] = [];
  for (const c of design.connections) {
    const fromAt = layout.nodePositions.get(c.from);
    const toAt = layout.nodePositions.get(c.to);
    const handles = fromAt && toAt ? handlesBetween(fromAt, toAt) : DEFAULT_HANDLES;
    ends.push({
      id: c.id,
      source: c.from,
      target: c.to,
      ...handles,
      label: connectionLabel(c, nodes.get(c.to)?.type),
    });
  }
  // Large designs are read zoomed in, a part at a time: not worth ~10 ms on every drop.
  const offsets =
    design.nodes.length <= LABEL_PLACEMENT_MAX_NODES ? placeEdgeLabels(design, layout, ends) : new Map();
  return new Map(
    ends.map((e) => {
      const labelOffset = offsets.get(e.id);
      const route: EdgeRoute = { sourceHandle: e.sourceHandle, targetHandle: e.targetHandle };
      return [e.id, labelOffset ? { ...route, labelOffset } : route];
    }),
  );
}

export function deriveEdges(
  design: Design,
  layout: CanvasLayout,
  selection: Selection,
  routes: ReadonlyMap<string, EdgeRoute> = routeEdges(design, layout),
): ConnectionFlowEdge[] {
  const selected = new Set(selection.connectionIds);
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  return design.connections.flatMap((c) => {
    const from = nodes.get(c.from);
    const to = nodes.get(c.to);
    if (!from || !to) return [];
    const route = routes.get(c.id);
    const edge: ConnectionFlowEdge = {
      id: c.id,
      type: 'connection',
      source: c.from,
      target: c.to,
      sourceHandle: route?.sourceHandle ?? DEFAULT_HANDLES.sourceHandle,
      targetHandle: route?.targetHandle ?? DEFAULT_HANDLES.targetHandle,
      data: {
        connectionId: c.id,
        labelDx: route?.labelOffset?.x ?? 0,
        labelDy: route?.labelOffset?.y ?? 0,
      },
      ariaLabel: `${from.name} to ${to.name}: ${connectionLabel(c, to.type)}`,
      selected: selected.has(c.id),
      // Under the (translucent) tier bands, so a band stays a drop target wherever an edge
      // crosses it; the label chip above selects the edge.
      zIndex: 0,
    };
    return [edge];
  });
}

type Comparable = FlowNode | ConnectionFlowEdge;

function sameShallow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (x === y) return true;
    // Positions, sizes and data are small flat records: compare one level down.
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      const xo = x as Record<string, unknown>;
      const yo = y as Record<string, unknown>;
      const xk = Object.keys(xo);
      return xk.length === Object.keys(yo).length && xk.every((kk) => xo[kk] === yo[kk]);
    }
    return false;
  });
}

/** Returns `next` with each element replaced by its predecessor when nothing drawn differs. */
export function reuseUnchanged<T extends Comparable>(previous: readonly T[], next: T[]): T[] {
  const byId = new Map(previous.map((p) => [p.id, p]));
  let reused = 0;
  const out = next.map((n) => {
    const prev = byId.get(n.id);
    if (prev && sameShallow(prev as Record<string, unknown>, n as Record<string, unknown>)) {
      reused++;
      return prev;
    }
    return n;
  });
  return reused === previous.length &&
    out.length === previous.length &&
    out.every((n, i) => n === previous[i])
    ? (previous as T[])
    : out;
}

/**
 * What React Flow draws while a newly opened design is handed to it a batch at a time: every
 * container (VPCs, tiers, group frames), the first `serviceLimit` services, and the connections
 * whose both ends are drawn. Everything when the limit covers all services (same arrays back).
 */
export function revealedPart(
  nodes: FlowNode[],
  edges: ConnectionFlowEdge[],
  serviceLimit: number,
): { nodes: FlowNode[]; edges: ConnectionFlowEdge[] } {
  let services = 0;
  const drawn = new Set<string>();
  const part = nodes.filter((n) => {
    if (n.type === 'service' && services++ >= serviceLimit) return false;
    drawn.add(n.id);
    return true;
  });
  if (part.length === nodes.length) return { nodes, edges };
  return { nodes: part, edges: edges.filter((e) => drawn.has(e.source) && drawn.has(e.target)) };
}

/**
 * Where each connection's label chip sits. By default at the middle of its curve, which is where
 * two edges from one node put their labels side by side and where band CIDRs and neighbouring
 * nodes are. This moves a label that would overlap something along its edge, or beside it, to the
 * first free spot. Pure: sizes are estimated from the text, positions come from the layout.
 */
import type { Design } from '@archgen/model';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  VPC_HEADER,
  VPC_PAD_X,
  subnetCidrs,
  subnetRowWidth,
  zoneNames,
  type CanvasLayout,
  type XY,
} from './geometry.ts';
import { HANDLE } from './flowTypes.ts';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How bad covering it is: another label (both unreadable) > a node (the chip hides under it) > band text. */
const WEIGHT = { label: 6, node: 3, bandText: 1 } as const;

interface WeightedRect extends Rect {
  weight: number;
}

export interface EdgeEnds {
  id: string;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  label: string;
}

/** Estimates for the chip's CSS (10.5 px text, 6 px padding each side, 1 px border). */
const CHAR_WIDTH = 6.6;
const LABEL_PADDING = 16;
const LABEL_HEIGHT = 18;
/** The band's subnet row (`.tier-node__subnets`) at its top right. */
const SUBNET_ROW_BOX = { height: 15, top: 6, right: 8 };
/** The band's own name ("Private subnet") at its top left (`.tier-node__label`). */
const BAND_LABEL_BOX = { width: 96, height: 15, top: 6, left: 10 };
const MARGIN = 3;
const CELL = 160;

export function labelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil(text.length * CHAR_WIDTH) + LABEL_PADDING, height: LABEL_HEIGHT };
}

/** The point a handle sits at, from the node's top-left. */
export function handlePoint(at: XY, handle: string): XY {
  switch (handle) {
    case HANDLE.left:
      return { x: at.x, y: at.y + NODE_HEIGHT / 2 };
    case HANDLE.topIn:
      return { x: at.x + NODE_WIDTH * 0.4, y: at.y };
    case HANDLE.topOut:
      return { x: at.x + NODE_WIDTH * 0.6, y: at.y };
    case HANDLE.bottomIn:
      return { x: at.x + NODE_WIDTH * 0.4, y: at.y + NODE_HEIGHT };
    case HANDLE.bottomOut:
      return { x: at.x + NODE_WIDTH * 0.6, y: at.y + NODE_HEIGHT };
    default:
      return { x: at.x + NODE_WIDTH, y: at.y + NODE_HEIGHT / 2 };
  }
}

/** Rectangles bucketed into a coarse grid, so a test only looks at what is nearby. */
class Obstacles {
  private readonly cells = new Map<string, WeightedRect[]>();
  add(rect: WeightedRect): void {
    for (const key of this.keys(rect)) {
      const list = this.cells.get(key);
      if (list) list.push(rect);
      else this.cells.set(key, [rect]);
    }
  }
  /** Weighted area of overlap with everything stored (0 when the spot is free). */
  overlap(rect: Rect): number {
    const seen = new Set<WeightedRect>();
    let area = 0;
    for (const key of this.keys(rect))
      for (const other of this.cells.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const w = Math.min(rect.x + rect.width, other.x + other.width) - Math.max(rect.x, other.x);
        const h = Math.min(rect.y + rect.height, other.y + other.height) - Math.max(rect.y, other.y);
        if (w > 0 && h > 0) area += w * h * other.weight;
      }
    return area;
  }
  private *keys(rect: Rect): Generator<string> {
    for (let cx = Math.floor(rect.x / CELL); cx <= Math.floor((rect.x + rect.width) / CELL); cx++)
      for (let cy = Math.floor(rect.y / CELL); cy <= Math.floor((rect.y + rect.height) / CELL); cy++)
        yield `${cx},${cy}`;
  }
}

function fixedObstacles(design: Design, layout: CanvasLayout): Obstacles {
  const obstacles = new Obstacles();
  for (const node of design.nodes) {
    const at = layout.nodePositions.get(node.id);
    if (at) obstacles.add({ x: at.x, y: at.y, width: NODE_WIDTH, height: NODE_HEIGHT, weight: WEIGHT.node });
  }
  for (const vpc of layout.vpcs) {
    // The title row and the AZ names.
    obstacles.add({ x: vpc.x, y: vpc.y, width: vpc.width, height: VPC_HEADER, weight: WEIGHT.bandText });
    const zones = zoneNames(design.region, vpc.azCount);
    const spec = design.vpcs.find((v) => v.id === vpc.id);
    const cidrs = subnetCidrs(spec);
    for (const band of vpc.bands) {
      obstacles.add({
        x: vpc.x + VPC_PAD_X + BAND_LABEL_BOX.left,
        y: band.y + BAND_LABEL_BOX.top,
        width: BAND_LABEL_BOX.width,
        height: BAND_LABEL_BOX.height,
        weight: WEIGHT.bandText,
      });
      // The row of "us-east-1a 10.0.0.0/24" subnets, right-aligned in the band's label row.
      const width = subnetRowWidth(
        zones.map((zone, i) => ({ zone, cidr: cidrs.get(`${band.tier}/${i}`) ?? '' })),
      );
      obstacles.add({
        x: vpc.x + vpc.width - VPC_PAD_X - SUBNET_ROW_BOX.right - width,
        y: band.y + SUBNET_ROW_BOX.top,
        width,
        height: SUBNET_ROW_BOX.height,
        weight: WEIGHT.bandText,
      });
    }
  }
  return obstacles;
}

/**
 * Offsets (from the curve's midpoint) for labels that must move; a label that is fine where it is
 * gets no entry. Labels are placed in the edges' order, each avoiding the ones placed before it.
 */
export function placeEdgeLabels(
  design: Design,
  layout: CanvasLayout,
  edges: readonly EdgeEnds[],
): Map<string, XY> {
  const obstacles = fixedObstacles(design, layout);
  const offsets = new Map<string, XY>();
  for (const edge of edges) {
    const fromAt = layout.nodePositions.get(edge.source);
    const toAt = layout.nodePositions.get(edge.target);
    if (!fromAt || !toAt) continue;
    const start = handlePoint(fromAt, edge.sourceHandle);
    const end = handlePoint(toAt, edge.targetHandle);
    const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    const size = labelSize(edge.label);
    const along = { x: end.x - start.x, y: end.y - start.y };
    const vertical = edge.sourceHandle === HANDLE.bottomOut || edge.targetHandle === HANDLE.bottomIn;
    // Along the edge first (the chip stays on its line), then beside it, then both.
    const alongSteps = [0, 0.15, -0.15, 0.3, -0.3, 0.45, -0.45];
    const besideSteps = [
      0,
      ...(vertical ? [size.width / 2 + 12, size.width + 16] : [22, 40, 58, 76]),
    ].flatMap((b) => (b === 0 ? [0] : [b, -b]));
    const candidates: XY[] = besideSteps.flatMap((d) =>
      alongSteps.map((t) => ({
        x: along.x * t + (vertical ? d : 0),
        y: along.y * t + (vertical ? 0 : d),
      })),
    );
    let best = candidates[0]!;
    let bestOverlap = Infinity;
    let bestRect: Rect | null = null;
    for (const offset of candidates) {
      const rect = {
        x: mid.x + offset.x - size.width / 2 - MARGIN,
        y: mid.y + offset.y - size.height / 2 - MARGIN,
        width: size.width + 2 * MARGIN,
        height: size.height + 2 * MARGIN,
      };
      const overlap = obstacles.overlap(rect);
      if (overlap < bestOverlap) {
        best = offset;
        bestOverlap = overlap;
        bestRect = rect;
      }
      if (overlap === 0) break;
    }
    if (bestRect) obstacles.add({ ...bestRect, weight: WEIGHT.label });
    if (best.x !== 0 || best.y !== 0) offsets.set(edge.id, { x: Math.round(best.x), y: Math.round(best.y) });
  }
  return offsets;
}

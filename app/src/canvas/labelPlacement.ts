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
} from '@archgen/layout';
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

type Side = 'left' | 'right' | 'top' | 'bottom';

function sideOf(handle: string): Side {
  if (handle === HANDLE.left) return 'left';
  if (handle === HANDLE.topIn || handle === HANDLE.topOut) return 'top';
  if (handle === HANDLE.bottomIn || handle === HANDLE.bottomOut) return 'bottom';
  return 'right';
}

/** React Flow's bezier control offset (curvature 0.25), so the picture bends like the canvas. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

function control(side: Side, from: XY, to: XY): XY {
  switch (side) {
    case 'left':
      return { x: from.x - controlOffset(from.x - to.x), y: from.y };
    case 'right':
      return { x: from.x + controlOffset(to.x - from.x), y: from.y };
    case 'top':
      return { x: from.x, y: from.y - controlOffset(from.y - to.y) };
    default:
      return { x: from.x, y: from.y + controlOffset(to.y - from.y) };
  }
}

/**
 * The curve React Flow's getBezierPath draws between two handles: its SVG path and its point at
 * t = 0.5, where the label chip sits before any offset.
 */
export function edgeCurve(
  fromAt: XY,
  sourceHandle: string,
  toAt: XY,
  targetHandle: string,
): { path: string; mid: XY; start: XY; end: XY } {
  const start = handlePoint(fromAt, sourceHandle);
  const end = handlePoint(toAt, targetHandle);
  const c1 = control(sideOf(sourceHandle), start, end);
  const c2 = control(sideOf(targetHandle), end, start);
  const mid = {
    x: start.x * 0.125 + c1.x * 0.375 + c2.x * 0.375 + end.x * 0.125,
    y: start.y * 0.125 + c1.y * 0.375 + c2.y * 0.375 + end.y * 0.125,
  };
  const r = (v: number) => Math.round(v * 10) / 10;
  const path = `M${r(start.x)} ${r(start.y)} C${r(c1.x)} ${r(c1.y)} ${r(c2.x)} ${r(c2.y)} ${r(end.x)} ${r(end.y)}`;
  return { path, mid, start, end };
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
    const { start, end, mid } = edgeCurve(fromAt, edge.sourceHandle, toAt, edge.targetHandle);
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
    // Crowded spots: further out in every direction, tried only when the near ones are all taken.
    const further: XY[] = [];
    for (let r = 1; r <= 10; r++)
      for (let k = 0; k < 16; k++) {
        const angle = (k / 16) * 2 * Math.PI;
        further.push({ x: Math.round(Math.cos(angle) * r * 24), y: Math.round(Math.sin(angle) * r * 16) });
      }
    let best = candidates[0]!;
    let bestOverlap = Infinity;
    let bestRect: Rect | null = null;
    for (const offset of [...candidates, ...further]) {
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

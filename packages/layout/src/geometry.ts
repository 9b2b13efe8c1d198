/**
 * Canvas geometry: where VPCs, tier bands and nodes are drawn. Pure and deterministic, derived
 * from the design alone (node positions are absolute canvas coordinates; containers are sized
 * around what they hold, so they grow with their content).
 */
import {
  SUBNET_TIERS,
  availabilityZones,
  getService,
  planSubnets,
  type Design,
  type DesignNode,
  type Placement,
  type SubnetTier,
  type Vpc,
} from '@archgen/model';

export const NODE_WIDTH = 196;
export const NODE_HEIGHT = 60;
/** VPC title row plus the row of AZ names. */
export const VPC_HEADER = 58;
export const VPC_PAD_X = 20;
export const VPC_PAD_BOTTOM = 14;
/** Tier label and subnet CIDR row at the top of each band. */
export const BAND_LABEL = 30;
export const BAND_PAD = 18;
export const BAND_GAP = 8;
export const BAND_MIN_HEIGHT = BAND_LABEL + NODE_HEIGHT + 2 * BAND_PAD;
export const AZ_MIN_WIDTH = 250;
export const VPC_GAP = 90;
export const REGIONAL_GAP_X = 48;
export const REGIONAL_GAP_Y = 36;

export interface XY {
  x: number;
  y: number;
}

export interface BandLayout {
  tier: SubnetTier;
  /** Absolute top and height; the band spans the VPC's full inner width. */
  y: number;
  height: number;
}

export interface VpcLayout {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  azCount: number;
  bands: BandLayout[];
}

export interface CanvasLayout {
  vpcs: VpcLayout[];
  vpcById: Map<string, VpcLayout>;
  /** Absolute top-left of every node as drawn (clamped into its band when placed). */
  nodePositions: Map<string, XY>;
}

/** AZ names for a region (the model knows the odd ones); a plain a/b/c guess if it throws. */
export function zoneNames(region: string, count: number): string[] {
  try {
    return availabilityZones(region, count);
  } catch {
    return Array.from({ length: count }, (_, i) => `${region}${'abc'[i] ?? i}`);
  }
}

/** Each subnet's CIDR by `${tier}/${azIndex}`; empty when the VPC's CIDR cannot be planned (rule NET-07 says why). */
export function subnetCidrs(vpc: Vpc | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!vpc) return out;
  try {
    for (const s of planSubnets(vpc)) out.set(`${s.tier}/${s.azIndex}`, s.cidr);
  } catch {
    // Unplannable: the bands show no CIDRs.
  }
  return out;
}

/**
 * The AZs a placed node uses. The model places a service in a tier, not an AZ: the tier has one
 * subnet in each of the VPC's AZs and the service spans them (NAT gateway per AZ, subnet groups,
 * ECS and Lambda across the subnets). So the canvas draws no AZ columns, it says this.
 */
export function zonesOf(design: Design, node: DesignNode): string[] {
  const vpc = node.placement ? design.vpcs.find((v) => v.id === node.placement!.vpcId) : undefined;
  return vpc ? zoneNames(design.region, vpc.azCount) : [];
}

/** "Spans 2 AZs: us-east-1a, us-east-1b", the VPC's header strip. */
export function zonesCaption(zones: readonly string[]): string {
  return `Spans ${zones.length} AZs: ${zones.join(', ')} · each tier has one subnet per AZ`;
}

/** Estimated width of a band's subnet row ("us-east-1a 10.0.0.0/24" per AZ), right-aligned in its label row. */
export function subnetRowWidth(items: readonly { zone: string; cidr: string }[]): number {
  return items.reduce((w, i) => w + (i.zone.length + 1 + i.cidr.length) * SUBNET_CHAR_WIDTH + SUBNET_GAP, 0);
}
export const SUBNET_CHAR_WIDTH = 6.3;
export const SUBNET_GAP = 14;

export function tierLabel(tier: SubnetTier): string {
  return `${tier[0]!.toUpperCase()}${tier.slice(1)} subnet`;
}

function orderedTiers(tiers: readonly SubnetTier[]): SubnetTier[] {
  return SUBNET_TIERS.filter((t) => tiers.includes(t));
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Placed nodes snap to this grid (the canvas's dot grid). */
export const GRID = 20;
/** Free space kept around a node that is placed for the user (beside, above/below). */
export const NODE_GAP_X = 40;
export const NODE_GAP_Y = 20;
const HASH_CELL = 256;
/** How far findFreeSlot looks around the preferred spot (in grid steps) before going below everything. */
const MAX_RINGS = 8;

/** Rectangles bucketed into a coarse grid, so a collision test only looks at what is nearby. */
export class RectIndex {
  /** Buckets by cell, keyed by a number (string keys cost more in the hot loop of findFreeSlot). */
  private readonly cells = new Map<number, Rect[]>();
  /** The lowest bottom edge stored (-Infinity when empty). */
  bottom = -Infinity;
  constructor(rects: Iterable<Rect> = []) {
    for (const r of rects) this.add(r);
  }
  add(rect: Rect): void {
    this.bottom = Math.max(this.bottom, rect.y + rect.height);
    const [x0, x1, y0, y1] = cellRange(rect);
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        const list = this.cells.get(key);
        if (list) list.push(rect);
        else this.cells.set(key, [rect]);
      }
  }
  /** Whether `rect` overlaps anything stored by more than zero area (touching edges is fine). */
  hits(rect: Rect): boolean {
    const [x0, x1, y0, y1] = cellRange(rect);
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(cellKey(cx, cy));
        if (list) for (const other of list) if (intersects(rect, other)) return true;
      }
    return false;
  }
}

function cellRange(rect: Rect): [number, number, number, number] {
  // Clamped, so a VPC-sized or infinite rectangle still spans a bounded number of cells.
  const c = (v: number) => Math.max(-1e5, Math.min(1e5, Math.floor(v / HASH_CELL)));
  return [c(rect.x), c(rect.x + rect.width), c(rect.y), c(rect.y + rect.height)];
}

function cellKey(cx: number, cy: number): number {
  return (cx + 1e5) * 3e5 + (cy + 1e5);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function nodeRect(at: XY): Rect {
  return { x: at.x, y: at.y, width: NODE_WIDTH, height: NODE_HEIGHT };
}

/**
 * Where a node's top-left may go: at or right of `minX`, at or below `minY` (a band grows right
 * and down to fit what it holds); `maxX`/`maxY` bound it when set.
 */
export interface SlotArea {
  minX: number;
  minY: number;
  maxX?: number;
  maxY?: number;
}

export interface SlotOptions {
  /** Snap to the GRID (drops, fixes, pastes); off for arrow-key nudges, which move by less. */
  snap?: boolean;
  size?: { width: number; height: number };
}

/**
 * The free spot for a node nearest `preferred` inside `area` (on a GRID from the area's corner), keeping NODE_GAP_X/Y clear of every
 * rectangle in `taken` (nodes, and areas it must stay out of, such as VPCs for a regional node).
 * Searches outward on the grid ring by ring; an unbounded side always has room, so it terminates.
 */
export function findFreeSlot(
  area: SlotArea,
  taken: RectIndex | readonly Rect[],
  preferred: XY,
  options: SlotOptions = {},
): XY {
  const index = taken instanceof RectIndex ? taken : new RectIndex(taken);
  const size = options.size ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
  const snap = options.snap ?? true;
  // The grid starts at the area's corner, so a snapped node lines up with a band's top row.
  const snapAxis = (v: number, origin: number, max: number | undefined) => {
    const o = Number.isFinite(origin) ? origin : 0;
    let out = snap ? o + Math.round((v - o) / GRID) * GRID : v;
    if (out < origin) out = origin;
    if (max !== undefined && out > max)
      out = snap ? Math.max(o + Math.floor((max - o) / GRID) * GRID, origin) : max;
    return out;
  };
  const base = {
    x: snapAxis(preferred.x, area.minX, area.maxX),
    y: snapAxis(preferred.y, area.minY, area.maxY),
  };
  const fits = (at: XY) =>
    at.x >= area.minX &&
    at.y >= area.minY &&
    (area.maxX === undefined || at.x <= area.maxX) &&
    (area.maxY === undefined || at.y <= area.maxY) &&
    !index.hits({
      x: at.x - NODE_GAP_X,
      y: at.y - NODE_GAP_Y,
      width: size.width + 2 * NODE_GAP_X,
      height: size.height + 2 * NODE_GAP_Y,
    });
  const distance = (at: XY) => Math.hypot(at.x - preferred.x, at.y - preferred.y);
  let best: XY | null = null;
  let bestDistance = Infinity;
  const consider = (i: number, j: number) => {
    const at = { x: base.x + i * GRID, y: base.y + j * GRID };
    const d = distance(at);
    if (d < bestDistance && fits(at)) {
      best = at;
      bestDistance = d;
    }
  };
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    // A point on a later ring is at least (ring - 1) steps away: stop once that beats nothing.
    if (best && (ring - 1) * GRID > bestDistance) break;
    if (ring === 0) consider(0, 0);
    // The ring's perimeter only: top and bottom rows, then the sides between them.
    for (let i = -ring; i <= ring && ring > 0; i++) {
      consider(i, -ring);
      consider(i, ring);
    }
    for (let j = -ring + 1; j < ring; j++) {
      consider(-ring, j);
      consider(ring, j);
    }
  }
  if (best) return best;
  // Crowded all around (an old file with everything on one spot): below everything taken,
  // which is always free, rather than searching ever wider.
  const below = index.bottom + NODE_GAP_Y;
  return {
    x: base.x,
    y: Math.max(base.y, snap ? base.y + Math.ceil((below - base.y) / GRID) * GRID : below),
  };
}

export interface LayoutOptions {
  /**
   * Nodes just placed by the user (dropped, moved, fixed, pasted): laid out after the others,
   * snapped to the grid and moved to the nearest free spot, so they never land on another node.
   */
  movers?: ReadonlySet<string>;
  /** Snap movers to the grid (default true); arrow-key nudges move by less than a grid step. */
  snapMovers?: boolean;
}

/**
 * Every node is drawn where it is placed and on no other node: a placed node inside its tier
 * band (the band grows to hold it), a regional one outside every VPC. A stored position that
 * breaks either (an old file, a quick fix that changed the tier, a paste) is replaced by the
 * nearest free spot; positions that are fine are kept exactly.
 */
export function computeLayout(design: Design, options: LayoutOptions = {}): CanvasLayout {
  const movers = options.movers ?? new Set<string>();
  const snapMovers = options.snapMovers ?? true;
  const vpcById = new Map<string, VpcLayout>();
  const nodePositions = new Map<string, XY>();
  const vpcTiers = new Map(design.vpcs.map((v) => [v.id, new Set(v.tiers)]));
  const byBand = new Map<string, typeof design.nodes>();
  const regional: typeof design.nodes = [];
  for (const node of design.nodes) {
    const p = node.placement;
    if (p && vpcTiers.get(p.vpcId)?.has(p.tier)) {
      const key = `${p.vpcId}/${p.tier}`;
      const list = byBand.get(key) ?? [];
      list.push(node);
      byBand.set(key, list);
    } else regional.push(node);
  }
  const vpcs: VpcLayout[] = [];
  let nextY = 0;
  for (const vpc of design.vpcs) {
    // Without a stored position a VPC stacks below the previous one (never derived from its
    // nodes: that would move the container whenever a node moves).
    const origin: XY = vpc.position ?? { x: 0, y: nextY };
    let bandTop = origin.y + VPC_HEADER;
    let right = origin.x + vpc.azCount * AZ_MIN_WIDTH + 2 * VPC_PAD_X;
    const bands: BandLayout[] = [];
    for (const tier of orderedTiers(vpc.tiers)) {
      const nodes = byBand.get(`${vpc.id}/${tier}`) ?? [];
      const area: SlotArea = { minX: origin.x + VPC_PAD_X, minY: bandTop + BAND_LABEL + BAND_PAD / 2 };
      const index = new RectIndex();
      let bottom = bandTop + BAND_MIN_HEIGHT;
      const put = (id: string, at: XY) => {
        nodePositions.set(id, at);
        index.add(nodeRect(at));
        bottom = Math.max(bottom, at.y + NODE_HEIGHT + BAND_PAD);
        right = Math.max(right, at.x + NODE_WIDTH + VPC_PAD_X);
      };
      // Stored positions that are fine first, kept exactly; the rest then go to free spots.
      const late: DesignNode[] = [];
      for (const n of nodes) {
        const at = n.position;
        if (!movers.has(n.id) && at && at.x >= area.minX && at.y >= area.minY && !index.hits(nodeRect(at)))
          put(n.id, at);
        else late.push(n);
      }
      let slot = 0;
      for (const n of late) {
        const wanted = n.position ?? { x: area.minX + slot++ * (NODE_WIDTH + NODE_GAP_X), y: area.minY };
        put(n.id, findFreeSlot(area, index, wanted, { snap: !movers.has(n.id) || snapMovers }));
      }
      bands.push({ tier, y: bandTop, height: bottom - bandTop });
      bandTop = bottom + BAND_GAP;
    }
    const layout: VpcLayout = {
      id: vpc.id,
      x: origin.x,
      y: origin.y,
      width: right - origin.x,
      height: bandTop - BAND_GAP + VPC_PAD_BOTTOM - origin.y,
      azCount: vpc.azCount,
      bands,
    };
    vpcs.push(layout);
    vpcById.set(vpc.id, layout);
    nextY = Math.max(nextY, layout.y + layout.height + VPC_GAP);
  }

  // Regional services keep their own positions outside the VPCs; unpositioned ones (and ones
  // stored inside a VPC box, which would look placed) go to the nearest free spot.
  const vpcRight = vpcs.length ? Math.max(...vpcs.map((v) => v.x + v.width)) + REGIONAL_GAP_X * 2 : 0;
  const index = new RectIndex(vpcs.map((v) => ({ x: v.x, y: v.y, width: v.width, height: v.height })));
  const plane: SlotArea = { minX: -Infinity, minY: -Infinity };
  const late: DesignNode[] = [];
  for (const node of regional) {
    if (!movers.has(node.id) && node.position && !index.hits(nodeRect(node.position))) {
      nodePositions.set(node.id, node.position);
      index.add(nodeRect(node.position));
    } else late.push(node);
  }
  let slot = 0;
  for (const node of late) {
    let wanted = node.position;
    if (!wanted) {
      const column = Math.floor(slot / 6);
      const row = slot % 6;
      slot++;
      wanted = {
        x: vpcRight + column * (NODE_WIDTH + REGIONAL_GAP_X),
        y: row * (NODE_HEIGHT + REGIONAL_GAP_Y),
      };
    }
    const at = findFreeSlot(plane, index, wanted, { snap: !movers.has(node.id) || snapMovers });
    nodePositions.set(node.id, at);
    index.add(nodeRect(at));
  }
  return { vpcs, vpcById, nodePositions };
}

/**
 * The design with every node's stored position set to where computeLayout draws it, `movers`
 * laid out last: what every command that places nodes commits, so the file says what the
 * picture shows. Nodes whose position is unchanged keep their object.
 */
export function settlePositions(design: Design, options: LayoutOptions = {}): Design {
  const layout = computeLayout(design, options);
  let changed = false;
  const nodes = design.nodes.map((n) => {
    const at = layout.nodePositions.get(n.id);
    if (!at) return n;
    const rounded = { x: Math.round(at.x), y: Math.round(at.y) };
    if (n.position && n.position.x === rounded.x && n.position.y === rounded.y) return n;
    changed = true;
    return { ...n, position: rounded };
  });
  return changed ? { ...design, nodes } : design;
}

/** The tier band under a point (e.g. a node's centre), or null outside every VPC. */
export function placementAt(layout: CanvasLayout, point: XY): Placement | null {
  for (let i = layout.vpcs.length - 1; i >= 0; i--) {
    const vpc = layout.vpcs[i]!;
    if (point.x < vpc.x || point.x > vpc.x + vpc.width || point.y < vpc.y || point.y > vpc.y + vpc.height)
      continue;
    // Inside the VPC: the band that contains the point, or the nearest one (header, gaps).
    let best: BandLayout | undefined;
    let bestDistance = Infinity;
    for (const band of vpc.bands) {
      const distance =
        point.y < band.y
          ? band.y - point.y
          : point.y > band.y + band.height
            ? point.y - band.y - band.height
            : 0;
      if (distance < bestDistance) {
        best = band;
        bestDistance = distance;
      }
    }
    if (best) return { vpcId: vpc.id, tier: best.tier };
  }
  return null;
}

export function nodeCenter(topLeft: XY): XY {
  return { x: topLeft.x + NODE_WIDTH / 2, y: topLeft.y + NODE_HEIGHT / 2 };
}

/** Where a new VPC goes: below everything drawn so far. */
export function nextVpcOrigin(layout: CanvasLayout): XY {
  if (layout.vpcs.length === 0) return { x: 0, y: 0 };
  const left = Math.min(...layout.vpcs.map((v) => v.x));
  const bottom = Math.max(...layout.vpcs.map((v) => v.y + v.height));
  return { x: left, y: bottom + VPC_GAP };
}

/**
 * Where a service added without a drop point (Enter or double-click in the palette) goes: its
 * recommended placement (the catalog's first), in that tier band of the VPC nearest `near`, at
 * the band's top row; a regional service (or one whose tier no VPC has) at `near`, or right of
 * the VPC when `near` is inside one, so it is never drawn in a subnet it is not in.
 */
export function recommendedSpot(
  layout: CanvasLayout,
  type: string,
  near: XY,
): { placement: Placement | null; position: XY } {
  const tier = getService(type)?.placements[0];
  const distance = (v: VpcLayout) =>
    Math.hypot(
      Math.max(v.x - near.x, 0, near.x - v.x - v.width),
      Math.max(v.y - near.y, 0, near.y - v.y - v.height),
    );
  if (tier && tier !== 'regional') {
    const vpc = layout.vpcs
      .filter((v) => v.bands.some((b) => b.tier === tier))
      .sort((a, b) => distance(a) - distance(b))[0];
    const band = vpc?.bands.find((b) => b.tier === tier);
    if (vpc && band) {
      const minX = vpc.x + VPC_PAD_X;
      const maxX = Math.max(minX, vpc.x + vpc.width - VPC_PAD_X - NODE_WIDTH);
      return {
        placement: { vpcId: vpc.id, tier },
        position: {
          x: Math.min(maxX, Math.max(minX, near.x - NODE_WIDTH / 2)),
          y: band.y + BAND_LABEL + BAND_PAD / 2,
        },
      };
    }
  }
  const inside = layout.vpcs.find((v) => distance(v) === 0);
  const position = inside
    ? { x: inside.x + inside.width + REGIONAL_GAP_X, y: Math.max(inside.y, near.y - NODE_HEIGHT / 2) }
    : { x: near.x - NODE_WIDTH / 2, y: near.y - NODE_HEIGHT / 2 };
  return { placement: null, position };
}

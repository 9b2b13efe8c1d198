/**
 * Canvas geometry: where VPCs, tier bands and nodes are drawn. Pure and deterministic, derived
 * from the design alone (node positions are absolute canvas coordinates; containers are sized
 * around what they hold, so they grow with their content).
 */
import {
  SUBNET_TIERS,
  availabilityZones,
  type Design,
  type Placement,
  type SubnetTier,
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

export function tierLabel(tier: SubnetTier): string {
  return `${tier[0]!.toUpperCase()}${tier.slice(1)} subnet`;
}

function orderedTiers(tiers: readonly SubnetTier[]): SubnetTier[] {
  return SUBNET_TIERS.filter((t) => tiers.includes(t));
}

export function computeLayout(design: Design): CanvasLayout {
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
      const minX = origin.x + VPC_PAD_X;
      const minY = bandTop + BAND_LABEL + BAND_PAD / 2;
      let bottom = bandTop + BAND_MIN_HEIGHT;
      let slot = 0;
      for (const node of nodes) {
        const wanted = node.position ?? { x: minX + slot++ * (NODE_WIDTH + 40), y: minY };
        const at = { x: Math.max(minX, wanted.x), y: Math.max(minY, wanted.y) };
        nodePositions.set(node.id, at);
        bottom = Math.max(bottom, at.y + NODE_HEIGHT + BAND_PAD);
        right = Math.max(right, at.x + NODE_WIDTH + VPC_PAD_X);
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

  // Regional services keep their own positions; unpositioned ones line up right of the VPCs.
  const vpcRight = vpcs.length ? Math.max(...vpcs.map((v) => v.x + v.width)) + REGIONAL_GAP_X * 2 : 0;
  let slot = 0;
  for (const node of regional) {
    if (node.position) nodePositions.set(node.id, node.position);
    else {
      const column = Math.floor(slot / 6);
      const row = slot % 6;
      slot++;
      nodePositions.set(node.id, {
        x: vpcRight + column * (NODE_WIDTH + REGIONAL_GAP_X),
        y: row * (NODE_HEIGHT + REGIONAL_GAP_Y),
      });
    }
  }
  return { vpcs, vpcById, nodePositions };
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

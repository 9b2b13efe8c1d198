/**
 * "Auto layout": elkjs (loaded lazily, its own chunk) orders the graph left to right; services
 * in a VPC are then placed in rows inside their tier band, regional services in columns left
 * (upstream, e.g. users, CloudFront) and right (downstream, e.g. queues, tables) of the VPCs.
 */
import { SUBNET_TIERS, type Design, type DesignNode } from '@archgen/model';
import { compareIds } from '@archgen/infra';
import {
  AZ_MIN_WIDTH,
  BAND_GAP,
  BAND_LABEL,
  BAND_PAD,
  NODE_HEIGHT,
  NODE_WIDTH,
  VPC_GAP,
  VPC_HEADER,
  VPC_PAD_X,
  computeLayout,
  type XY,
} from './geometry.ts';

const GAP_X = 56;
const GAP_Y = 40;
/** Columns per band before a node wraps to a new row. */
const PER_ROW = 6;

interface Ranked {
  layer: number;
  order: number;
}

async function rankNodes(design: Design): Promise<Map<string, Ranked>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(design.nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '30',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
    },
    children: design.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: design.connections
      .filter((c) => ids.has(c.from) && ids.has(c.to) && c.from !== c.to)
      .map((c) => ({ id: c.id, sources: [c.from], targets: [c.to] })),
  });
  const placed = (graph.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0 }));
  const layers = [...new Set(placed.map((p) => Math.round(p.x)))].sort((a, b) => a - b);
  return new Map(placed.map((p) => [p.id, { layer: layers.indexOf(Math.round(p.x)), order: p.y }]));
}

const byRank = (ranks: Map<string, Ranked>) => (a: DesignNode, b: DesignNode) => {
  const ra = ranks.get(a.id) ?? { layer: 0, order: 0 };
  const rb = ranks.get(b.id) ?? { layer: 0, order: 0 };
  return ra.layer - rb.layer || ra.order - rb.order || compareIds(a.id, b.id);
};

export async function autoLayout(design: Design): Promise<Design> {
  const ranks = await rankNodes(design);
  const sort = byRank(ranks);
  const drawn = computeLayout(design);
  const positions = new Map<string, XY>();
  const vpcPositions = new Map<string, XY>();
  const vpcTiers = new Map(design.vpcs.map((v) => [v.id, new Set(v.tiers)]));
  const isPlaced = (n: DesignNode) =>
    Boolean(n.placement && vpcTiers.get(n.placement.vpcId)?.has(n.placement.tier));

  const left = drawn.vpcs.length ? Math.min(...drawn.vpcs.map((v) => v.x)) : 0;
  let top = drawn.vpcs.length ? Math.min(...drawn.vpcs.map((v) => v.y)) : 0;
  let right = left;
  for (const vpc of design.vpcs) {
    const origin = { x: left, y: top };
    vpcPositions.set(vpc.id, origin);
    // Columns follow the graph's layers, so traffic reads left to right across the tiers.
    const members = design.nodes.filter((n) => n.placement?.vpcId === vpc.id && isPlaced(n));
    const layers = [...new Set(members.map((n) => ranks.get(n.id)?.layer ?? 0))].sort((a, b) => a - b);
    let bandTop = origin.y + VPC_HEADER;
    for (const tier of SUBNET_TIERS.filter((t) => vpc.tiers.includes(t))) {
      const inBand = members.filter((n) => n.placement!.tier === tier).sort(sort);
      const taken = new Set<string>();
      let rows = 1;
      for (const n of inBand) {
        let column = layers.indexOf(ranks.get(n.id)?.layer ?? 0);
        let row = 0;
        while (taken.has(`${column}/${row}`)) {
          if (column + 1 < PER_ROW) column++;
          else row++;
        }
        taken.add(`${column}/${row}`);
        rows = Math.max(rows, row + 1);
        const x = origin.x + VPC_PAD_X + column * (NODE_WIDTH + GAP_X);
        positions.set(n.id, { x, y: bandTop + BAND_LABEL + BAND_PAD / 2 + row * (NODE_HEIGHT + GAP_Y) });
        right = Math.max(right, x + NODE_WIDTH + VPC_PAD_X);
      }
      bandTop += BAND_LABEL + BAND_PAD * 2 + rows * NODE_HEIGHT + (rows - 1) * GAP_Y + BAND_GAP;
    }
    right = Math.max(right, origin.x + vpc.azCount * AZ_MIN_WIDTH + 2 * VPC_PAD_X);
    top = bandTop + VPC_GAP;
  }

  // Regional services: upstream of every VPC node go left, the rest right, one column per layer.
  const regional = design.nodes.filter((n) => !isPlaced(n)).sort(sort);
  const vpcLayers = design.nodes.filter(isPlaced).map((n) => ranks.get(n.id)?.layer ?? 0);
  const firstVpcLayer = vpcLayers.length ? Math.min(...vpcLayers) : Infinity;
  const upstream = regional.filter((n) => (ranks.get(n.id)?.layer ?? 0) < firstVpcLayer);
  const downstream = regional.filter((n) => (ranks.get(n.id)?.layer ?? 0) >= firstVpcLayer);
  const columns = (nodes: DesignNode[]) => {
    const out = new Map<number, DesignNode[]>();
    for (const n of nodes) {
      const layer = ranks.get(n.id)?.layer ?? 0;
      out.set(layer, [...(out.get(layer) ?? []), n]);
    }
    return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
  };
  const startY = drawn.vpcs.length ? Math.min(...drawn.vpcs.map((v) => v.y)) + VPC_HEADER : 0;
  const upstreamColumns = columns(upstream);
  upstreamColumns.forEach((list, i) => {
    const x = left - (upstreamColumns.length - i) * (NODE_WIDTH + GAP_X * 1.5);
    list.forEach((n, row) => positions.set(n.id, { x, y: startY + row * (NODE_HEIGHT + GAP_Y) }));
  });
  const downstreamStart = design.vpcs.length ? right + GAP_X * 1.5 : left;
  columns(downstream).forEach((list, i) => {
    const x = downstreamStart + i * (NODE_WIDTH + GAP_X * 1.5);
    list.forEach((n, row) => positions.set(n.id, { x, y: startY + row * (NODE_HEIGHT + GAP_Y) }));
  });

  return {
    ...design,
    vpcs: design.vpcs.map((v) => ({ ...v, position: vpcPositions.get(v.id) ?? v.position })),
    nodes: design.nodes.map((n) => {
      const at = positions.get(n.id);
      return at ? { ...n, position: { x: Math.round(at.x), y: Math.round(at.y) } } : n;
    }),
  };
}

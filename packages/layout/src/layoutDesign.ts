/**
 * Automatic layout, the way a person draws an AWS diagram: VPCs stacked top to bottom, each with
 * its tier bands (public, private, isolated) as the canvas draws them; inside a VPC, services
 * connected across tiers sit above one another so traffic reads downwards; regional services in
 * columns left (upstream: users, CDN, DNS) and right (downstream: queues, tables, buckets) of the
 * VPCs, each aligned with what it talks to. Pure and deterministic: no randomness, and the result
 * depends on ids and connections only, never on array order or object key order.
 *
 * Why not elkjs: its layered algorithm knows nothing of tier bands (the band is a hard constraint,
 * not a preference) and costs seconds on a thousand nodes; the graph here is shallow and the
 * containers fix most of the geometry, so a layering (longest path) and a few median sweeps do it
 * in milliseconds.
 */
import { SUBNET_TIERS, getService, type Design, type DesignNode, type SubnetTier } from '@archgen/model';
import {
  AZ_MIN_WIDTH,
  BAND_GAP,
  BAND_LABEL,
  BAND_MIN_HEIGHT,
  BAND_PAD,
  NODE_HEIGHT,
  NODE_WIDTH,
  VPC_GAP,
  VPC_HEADER,
  VPC_PAD_BOTTOM,
  VPC_PAD_X,
  RectIndex,
  computeLayout,
  findFreeSlot,
  GRID,
  NODE_GAP_X,
  NODE_GAP_Y,
  nodeRect,
  type Rect,
  type XY,
} from './geometry.ts';

export interface LayoutDesignOptions {
  /**
   * Keep every node and VPC that already has a position exactly where it is; place only the
   * others (where a fresh layout would put them, moved to the nearest spot free of the kept ones).
   */
  keepExisting?: boolean;
}

/** Horizontal gap between services in a band (room for an edge label between them). */
export const LAYOUT_GAP_X = 64;
/** Vertical gap between rows of a band. */
export const LAYOUT_GAP_Y = 40;
/** From a VPC frame to the nearest regional column. */
export const REGIONAL_MARGIN = 140;
/** Between regional columns (edge labels sit in this gap). */
export const REGIONAL_COLUMN_GAP = 160;
/** Between services of a regional column. */
export const REGIONAL_ROW_GAP = 40;

const COLUMN_STEP = NODE_WIDTH + LAYOUT_GAP_X;
const ROW_STEP = NODE_HEIGHT + LAYOUT_GAP_Y;
const REGIONAL_STEP_X = NODE_WIDTH + REGIONAL_COLUMN_GAP;
const REGIONAL_STEP_Y = NODE_HEIGHT + REGIONAL_ROW_GAP;
/** Width to height the regional columns aim for on a large design (a wide screen). */
const ASPECT = 1.6;
/** Sweeps of the median heuristic (down, up, down...). */
const SWEEPS = 4;

/** Services that watch or serve others (alarms, logs, secrets): they give way to the main flow. */
const SUPPORT_CATEGORIES = new Set(['Management', 'Security']);

/** Code-point order: the same in every locale. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a design has services without a position (a file written by hand or by import). */
export function needsLayout(design: Design): boolean {
  return design.nodes.some((n) => !n.position);
}

interface Graph {
  ids: string[];
  out: Map<string, string[]>;
  into: Map<string, string[]>;
  /** Neighbours either way, sorted, without duplicates. */
  both: Map<string, string[]>;
  layer: Map<string, number>;
  /** The graph without back edges, and a topological order of it. */
  dagIn: Map<string, string[]>;
  dagOut: Map<string, string[]>;
  topological: string[];
}

function buildGraph(design: Design): Graph {
  const ids = design.nodes.map((n) => n.id).sort(byCodePoint);
  const known = new Set(ids);
  const pairs = new Set<string>();
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  const into = new Map<string, string[]>(ids.map((id) => [id, []]));
  const both = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const c of design.connections) {
    if (c.from === c.to || !known.has(c.from) || !known.has(c.to)) continue;
    const key = `${c.from}\u0000${c.to}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    out.get(c.from)!.push(c.to);
    into.get(c.to)!.push(c.from);
    both.get(c.from)!.add(c.to);
    both.get(c.to)!.add(c.from);
  }
  for (const list of [...out.values(), ...into.values()]) list.sort(byCodePoint);
  const neighbours = new Map([...both].map(([id, set]) => [id, [...set].sort(byCodePoint)]));
  return { ids, out, into, both: neighbours, ...layers(ids, out) };
}

/**
 * Longest-path layers over the graph without its back edges (found by a depth-first search in
 * id order, so a cycle is always cut at the same edge); a source then moves right next to the
 * first service it feeds, so an alarm or a scheduled rule is not drawn at the far left.
 */
function layers(
  ids: readonly string[],
  out: Map<string, string[]>,
): Pick<Graph, 'layer' | 'dagIn' | 'dagOut' | 'topological'> {
  const state = new Map<string, 1 | 2>();
  const dagOut = new Map<string, string[]>(ids.map((id) => [id, []]));
  const dagIn = new Map<string, string[]>(ids.map((id) => [id, []]));
  const order: string[] = [];
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = out.get(top.id)!;
      if (top.next < targets.length) {
        const to = targets[top.next++]!;
        const seen = state.get(to);
        if (seen === 1) continue; // a back edge: left out of the layering
        dagOut.get(top.id)!.push(to);
        dagIn.get(to)!.push(top.id);
        if (seen === undefined) {
          state.set(to, 1);
          stack.push({ id: to, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        order.push(top.id);
        stack.pop();
      }
    }
  }
  order.reverse(); // a topological order of the DAG
  const layer = new Map<string, number>();
  for (const id of order) {
    let l = 0;
    for (const from of dagIn.get(id)!) l = Math.max(l, layer.get(from)! + 1);
    layer.set(id, l);
  }
  for (const id of ids) {
    const targets = dagOut.get(id)!;
    if (dagIn.get(id)!.length === 0 && targets.length > 0)
      layer.set(id, Math.max(0, Math.min(...targets.map((t) => layer.get(t)!)) - 1));
  }
  return { layer, dagIn, dagOut, topological: order };
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Forward reachability from `starts` along `next`. */
function reach(starts: Iterable<string>, next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const id = queue.pop()!;
    for (const to of next.get(id) ?? [])
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
  }
  return seen;
}

interface Cell {
  col: number;
  row: number;
}

/**
 * `ids` (in reading order) with each group's members brought together where its first member
 * is, the rest in their order: given back the same slots, members sit next to each other.
 */
function groupedOrder(ids: readonly string[], groupOf: ReadonlyMap<string, string>): string[] {
  const members = new Map<string, string[]>();
  for (const id of ids) {
    const group = groupOf.get(id);
    if (group !== undefined) members.set(group, [...(members.get(group) ?? []), id]);
  }
  const out: string[] = [];
  const emitted = new Set<string>();
  for (const id of ids) {
    const group = groupOf.get(id);
    if (group === undefined) out.push(id);
    else if (!emitted.has(group)) {
      emitted.add(group);
      out.push(...members.get(group)!);
    }
  }
  return out;
}

/** Gives the slots `ids` hold (in reading order) back to them with group members together. */
function regroupSlots<T>(
  ids: readonly string[],
  slotOf: (id: string) => T,
  compare: (a: T, b: T) => number,
  groupOf: ReadonlyMap<string, string>,
  set: (id: string, slot: T) => void,
): void {
  if (!ids.some((id) => groupOf.has(id))) return;
  const ordered = [...ids].sort((a, b) => compare(slotOf(a), slotOf(b)) || byCodePoint(a, b));
  const slots = ordered.map(slotOf);
  groupedOrder(ordered, groupOf).forEach((id, i) => set(id, slots[i]!));
}

/**
 * Columns and rows of a VPC's services, band by band. Each band's services take the columns of
 * what they connect to in the other bands (median), so ALB, service and database line up; a band
 * with more services than columns wraps into rows. Sweeps down and up like a layered drawing.
 */
function arrangeVpc(
  bands: readonly { tier: SubnetTier; ids: string[] }[],
  graph: Graph,
  upstream: ReadonlySet<string>,
  groupOf: ReadonlyMap<string, string>,
): { cells: Map<string, Cell>; columns: number } {
  const all = bands.flatMap((b) => b.ids);
  const inVpc = new Set(all);
  const minLayer = Math.min(...all.map((id) => graph.layer.get(id)!));
  const widest = Math.max(...bands.map((b) => b.ids.length));
  const columns = Math.max(6, Math.ceil(Math.sqrt(widest * 2.5)));
  const cells = new Map<string, Cell>();
  // Without a neighbour in another band: by layer when something left of the VPC reaches it;
  // else (only services right of the VPC, or nothing: a NAT gateway) at the right end, nearest
  // what it talks to and never between an entry point and what that reaches.
  const fallback = (id: string) =>
    graph.both.get(id)!.some((o) => upstream.has(o))
      ? Math.min(columns - 1, graph.layer.get(id)! - minLayer)
      : columns - 1;

  const placeBand = (ids: string[], prefOf: (id: string) => number) => {
    const rows = Math.ceil(ids.length / columns);
    const prefs = new Map(ids.map((id) => [id, prefOf(id)]));
    const previous = (id: string) => cells.get(id)?.col ?? fallback(id);
    const sorted = [...ids].sort(
      (a, b) => prefs.get(a)! - prefs.get(b)! || previous(a) - previous(b) || byCodePoint(a, b),
    );
    const used = new Array<number>(columns).fill(0);
    for (const id of sorted) {
      const want = Math.max(0, Math.min(columns - 1, Math.round(prefs.get(id)!)));
      // The nearest column with room; on a tie the right one (later services prefer further right).
      let col = want;
      for (let d = 0; d < columns; d++) {
        if (want + d < columns && used[want + d]! < rows) {
          col = want + d;
          break;
        }
        if (want - d >= 0 && used[want - d]! < rows) {
          col = want - d;
          break;
        }
      }
      cells.set(id, { col, row: used[col]!++ });
    }
  };

  const neighbourColumn = (id: string, assigned: (other: string) => boolean) =>
    median(
      graph.both
        .get(id)!
        .filter((o) => inVpc.has(o) && assigned(o))
        .map((o) => cells.get(o)!.col),
    );

  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const order = sweep % 2 === 0 ? bands : [...bands].reverse();
    const done = new Set<string>();
    for (const band of order) {
      const own = new Set(band.ids);
      // First sweep: only bands above count; later ones: every other band.
      const assigned = (o: string) => !own.has(o) && (sweep > 0 || done.has(o));
      placeBand(band.ids, (id) => neighbourColumn(id, assigned) ?? fallback(id));
      for (const id of band.ids) done.add(id);
    }
  }

  // Members of a group take consecutive slots of their band (the band's slots stay the same).
  for (const band of bands)
    regroupSlots(
      band.ids,
      (id) => cells.get(id)!,
      (a, b) => a.row - b.row || a.col - b.col,
      groupOf,
      (id, cell) => cells.set(id, cell),
    );

  // Columns no band uses are dropped, so the VPC is as narrow as what it holds.
  const usedColumns = [...new Set([...cells.values()].map((c) => c.col))].sort((a, b) => a - b);
  const compact = new Map(usedColumns.map((c, i) => [c, i]));
  for (const cell of cells.values()) cell.col = compact.get(cell.col)!;
  return { cells, columns: usedColumns.length };
}

interface Fresh {
  nodes: Map<string, XY>;
  vpcs: Map<string, XY>;
  /** The VPC stack's left and right edges (0 and 0 without VPCs). */
  left: number;
  right: number;
  upstream: Set<string>;
}

/** The layout from scratch: every position decided here, none read from the design. */
function freshLayout(design: Design, graph: Graph): Fresh {
  const nodeById = new Map(design.nodes.map((n) => [n.id, n]));
  const vpcTiers = new Map(design.vpcs.map((v) => [v.id, new Set(v.tiers)]));
  const isPlaced = (n: DesignNode) =>
    Boolean(n.placement && vpcTiers.get(n.placement.vpcId)?.has(n.placement.tier));
  const placed = graph.ids.filter((id) => isPlaced(nodeById.get(id)!));
  // Group members are drawn side by side, so the group's frame holds nothing else where it can.
  const groupOf = new Map(design.nodes.flatMap((n) => (n.group === undefined ? [] : [[n.id, n.group]])));
  const placedSet = new Set(placed);
  const positions = new Map<string, XY>();
  const vpcPositions = new Map<string, XY>();

  // VPCs top to bottom in the order traffic reaches them, then by id.
  const members = new Map<string, string[]>();
  for (const id of placed) {
    const vpcId = nodeById.get(id)!.placement!.vpcId;
    members.set(vpcId, [...(members.get(vpcId) ?? []), id]);
  }
  const firstLayer = (vpcId: string) =>
    Math.min(Infinity, ...(members.get(vpcId) ?? []).map((id) => graph.layer.get(id)!));
  const vpcs = [...design.vpcs].sort(
    (a, b) => firstLayer(a.id) - firstLayer(b.id) || byCodePoint(a.id, b.id),
  );

  // Regional services: upstream when they lead into a VPC and nothing in a VPC leads to them.
  const regional = graph.ids.filter((id) => !placedSet.has(id));
  const fromVpc = reach(placed, graph.out);
  const toVpc = reach(placed, graph.into);
  const support = new Set(
    regional.filter((id) => SUPPORT_CATEGORIES.has(getService(nodeById.get(id)!.type)?.category ?? '')),
  );
  // Alarms, logs and secrets are drawn with what serves the VPC (right), even an alarm that
  // watches a load balancer: left of the VPC its other edges would cross it.
  const upstream = new Set(regional.filter((id) => toVpc.has(id) && !fromVpc.has(id) && !support.has(id)));

  let top = 0;
  let right = 0;
  for (const vpc of vpcs) {
    const origin = { x: 0, y: top };
    vpcPositions.set(vpc.id, origin);
    const bands = SUBNET_TIERS.filter((t) => vpc.tiers.includes(t)).map((tier) => ({
      tier,
      ids: (members.get(vpc.id) ?? []).filter((id) => nodeById.get(id)!.placement!.tier === tier),
    }));
    const { cells, columns } = bands.some((b) => b.ids.length)
      ? arrangeVpc(bands, graph, upstream, groupOf)
      : { cells: new Map<string, Cell>(), columns: 0 };
    // The same band arithmetic as computeLayout, so the canvas draws the bands exactly here.
    let bandTop = origin.y + VPC_HEADER;
    for (const band of bands) {
      let rows = 0;
      for (const id of band.ids) {
        const cell = cells.get(id)!;
        rows = Math.max(rows, cell.row + 1);
        positions.set(id, {
          x: origin.x + VPC_PAD_X + cell.col * COLUMN_STEP,
          y: bandTop + BAND_LABEL + BAND_PAD / 2 + cell.row * ROW_STEP,
        });
      }
      const bottom = Math.max(
        bandTop + BAND_MIN_HEIGHT,
        rows ? bandTop + BAND_LABEL + BAND_PAD / 2 + (rows - 1) * ROW_STEP + NODE_HEIGHT + BAND_PAD : 0,
      );
      bandTop = bottom + BAND_GAP;
    }
    const width = Math.max(
      vpc.azCount * AZ_MIN_WIDTH + 2 * VPC_PAD_X,
      columns * COLUMN_STEP - LAYOUT_GAP_X + 2 * VPC_PAD_X,
    );
    right = Math.max(right, origin.x + width);
    top = bandTop - BAND_GAP + VPC_PAD_BOTTOM + VPC_GAP;
  }
  const stackBottom = vpcs.length ? top - VPC_GAP : 0;

  const downstream = regional.filter((id) => !upstream.has(id));
  // Columns count outwards from the VPCs: a queue the VPC writes to is next to it, the function
  // the queue feeds one further. Without VPCs, the graph's layers from left to right.
  const downSet = new Set(downstream);
  const depth = new Map<string, number>();
  for (const id of graph.topological) {
    if (!downSet.has(id)) continue;
    if (!placed.length) depth.set(id, graph.layer.get(id)!);
    else {
      const from = graph.dagIn.get(id)!.filter((p) => depth.has(p));
      depth.set(id, from.length ? Math.max(...from.map((p) => depth.get(p)! + 1)) : 0);
    }
  }
  for (const id of [...graph.topological].reverse()) {
    if (!upstream.has(id)) continue;
    const to = graph.dagOut.get(id)!.filter((s) => upstream.has(s));
    depth.set(id, to.length ? Math.max(...to.map((s) => depth.get(s)! + 1)) : 0);
  }
  // A source (an alarm, a schedule) sits next to what it feeds, not at the far end.
  for (const id of graph.topological) {
    if (!downSet.has(id) || !placed.length || graph.dagIn.get(id)!.length) continue;
    const to = graph.dagOut.get(id)!.filter((s) => downSet.has(s));
    if (to.length) depth.set(id, Math.max(0, Math.min(...to.map((s) => depth.get(s)!)) - 1));
  }
  // Services connected to nothing stand in a column of their own at the far right, so they do
  // not push what is connected away from the VPC.
  const lonely = downstream.filter((id) => graph.both.get(id)!.length === 0);
  if (lonely.length < downstream.length) {
    const last = Math.max(
      ...downstream.filter((id) => graph.both.get(id)!.length).map((id) => depth.get(id)!),
    );
    for (const id of lonely) depth.set(id, last + 1);
  }
  const columnsOf = (ids: string[], outwards: boolean) => {
    const distinct = [...new Set(ids.map((id) => depth.get(id)!))].sort((a, b) => a - b);
    const list = distinct.map((d) => ids.filter((id) => depth.get(id) === d));
    return outwards ? list : list.reverse();
  };
  const up = columnsOf([...upstream], false);
  const down = columnsOf(downstream, true);
  // A column taller than the VPCs wraps into several side by side; with many regional services,
  // taller, so the whole picture is about as wide as a screen (ratio ASPECT) rather than a strip:
  // width (VPCs + regional/rows columns) = ASPECT * rows * row height, solved for rows.
  const a = ASPECT * REGIONAL_STEP_Y;
  const balanced = (right + Math.sqrt(right * right + 4 * a * regional.length * REGIONAL_STEP_X)) / (2 * a);
  const maxRows = Math.max(8, Math.ceil(stackBottom / REGIONAL_STEP_Y), Math.ceil(balanced));
  const wraps = (ids: string[]) => Math.max(1, Math.ceil(ids.length / maxRows));

  const hasVpcs = vpcs.length > 0;
  const columnX = new Map<string[], number>();
  let x = hasVpcs ? right + REGIONAL_MARGIN : 0;
  for (const column of down) {
    columnX.set(column, x);
    x += wraps(column) * REGIONAL_STEP_X;
  }
  x = -REGIONAL_MARGIN - NODE_WIDTH;
  for (const column of [...up].reverse()) {
    x -= (wraps(column) - 1) * REGIONAL_STEP_X;
    columnX.set(column, x);
    x -= REGIONAL_STEP_X;
  }

  const centreY = (id: string) => positions.get(id)!.y;
  const placeColumn = (column: string[], usable: (id: string) => boolean) => {
    const prefs = new Map<string, number | undefined>();
    for (const id of column)
      prefs.set(
        id,
        median(
          graph.both
            .get(id)!
            .filter((o) => o !== id && positions.has(o) && usable(o))
            .map(centreY),
        ) ?? positions.get(id)?.y,
      );
    const key = (id: string) => prefs.get(id) ?? Infinity;
    const sorted = [...column].sort((a, b) => key(a) - key(b) || byCodePoint(a, b));
    const x = columnX.get(column)!;
    if (wraps(column) === 1) {
      // The main flow first, in order; alarms, logs and secrets then take the free spot nearest
      // what they watch or serve, so they never push a user or an entry point out of line.
      const main = sorted.filter((id) => !support.has(id));
      let next = 0;
      const taken: number[] = [];
      for (const id of main) {
        const want = prefs.get(id);
        const y = Math.max(next, want === undefined ? next : want);
        positions.set(id, { x, y });
        taken.push(y);
        next = y + REGIONAL_STEP_Y;
      }
      for (const id of sorted.filter((s) => support.has(s))) {
        const want = Math.max(0, prefs.get(id) ?? next);
        const free = (y: number) => y >= 0 && taken.every((t) => Math.abs(t - y) >= REGIONAL_STEP_Y);
        let y = want;
        for (let k = 0; !free(y); k++) {
          const step = Math.floor(k / 2 + 1) * (REGIONAL_STEP_Y / 2);
          y = k % 2 === 0 ? want + step : want - step;
        }
        positions.set(id, { x, y });
        taken.push(y);
      }
      return;
    }
    // Wrapped: rows of `wraps` services side by side, in the order of what they connect to, as
    // tall as the VPCs.
    const across = wraps(column);
    sorted.forEach((id, i) =>
      positions.set(id, {
        x: x + (i % across) * REGIONAL_STEP_X,
        y: Math.floor(i / across) * REGIONAL_STEP_Y,
      }),
    );
  };
  // Outwards from the VPCs (only what is already drawn counts), then back and out again.
  const outward = [...down, ...[...up].reverse()];
  const inward = [...[...down].reverse(), ...up];
  for (let sweep = 0; sweep < SWEEPS - 1; sweep++) {
    const order = sweep % 2 === 0 ? outward : inward;
    const placedNow = new Set(placed);
    for (const column of order) {
      placeColumn(column, (o) => sweep > 0 || placedNow.has(o));
      for (const id of column) placedNow.add(id);
    }
  }
  // Members of a group in the same column take consecutive places in it.
  for (const column of [...down, ...up])
    regroupSlots(
      column,
      (id) => positions.get(id)!,
      (a, b) => a.y - b.y || a.x - b.x,
      groupOf,
      (id, at) => positions.set(id, at),
    );
  return { nodes: positions, vpcs: vpcPositions, left: 0, right, upstream };
}

interface BandRects {
  index: RectIndex;
  /** The right edge of the rightmost rectangle (-Infinity when empty). */
  right: number;
}

/**
 * The free spot nearest `wanted` on the GRID inside `area` (the width is scanned up to just past
 * the rightmost rectangle, where there is always room when `maxX` is unset); null when full.
 */
function scanBand(
  area: { minX: number; minY: number; maxX?: number; maxY: number },
  taken: BandRects,
  wanted: XY,
  clearance: number,
): XY | null {
  const index = taken.index;
  const gapX = NODE_GAP_X * clearance;
  const gapY = NODE_GAP_Y * clearance;
  const right = Math.max(area.minX, taken.right) + gapX + GRID;
  const maxX = Math.min(area.maxX ?? Infinity, right);
  let best: XY | null = null;
  let bestDistance = Infinity;
  for (let y = area.minY; y <= area.maxY; y += GRID)
    for (let x = area.minX; x <= maxX; x += GRID) {
      const d = Math.hypot(x - wanted.x, y - wanted.y);
      if (d >= bestDistance) continue;
      const clear = !index.hits({
        x: x - gapX,
        y: y - gapY,
        width: NODE_WIDTH + 2 * gapX,
        height: NODE_HEIGHT + 2 * gapY,
      });
      if (clear) {
        best = { x, y };
        bestDistance = d;
      }
    }
  return best;
}

const rounded = (at: XY): XY => ({ x: Math.round(at.x), y: Math.round(at.y) });

/**
 * The design with every service and VPC given a position (see the file comment). The canvas
 * (computeLayout) then draws each one exactly there: inside its tier band, on no other node.
 */
export async function layoutDesign(design: Design, options: LayoutDesignOptions = {}): Promise<Design> {
  return layoutDesignSync(design, options);
}

/** layoutDesign without the promise, for callers that cannot wait (benchmarks, tests). */
export function layoutDesignSync(design: Design, options: LayoutDesignOptions = {}): Design {
  const graph = buildGraph(design);
  const fresh = freshLayout(design, graph);
  return options.keepExisting ? keepExisting(design, fresh) : placeAll(design, fresh);
}

function placeAll(design: Design, fresh: Fresh): Design {
  return {
    ...design,
    vpcs: design.vpcs.map((v) => ({ ...v, position: rounded(fresh.vpcs.get(v.id) ?? { x: 0, y: 0 }) })),
    nodes: design.nodes.map((n) => ({ ...n, position: rounded(fresh.nodes.get(n.id)!) })),
  };
}

/**
 * Kept positions stay; VPCs without one go below everything (or where the canvas already draws
 * them when they hold positioned services); services without one go where the fresh layout
 * puts them relative to their VPC or the VPC stack, moved to the nearest free spot. Services are
 * placed in id order, so the result does not depend on the order of the design's arrays.
 */
function keepExisting(design: Design, fresh: Fresh): Design {
  if (!needsLayout(design) && design.vpcs.every((v) => v.position)) return design;
  if (design.nodes.every((n) => !n.position) && design.vpcs.every((v) => !v.position))
    return placeAll(design, fresh);
  // How the canvas draws what is kept (new services left out: placing them is this function's job).
  const before = computeLayout({ ...design, nodes: design.nodes.filter((n) => n.position) });
  const kept = design.nodes.filter((n) => n.position);
  const hasKeptMember = new Set(kept.flatMap((n) => (n.placement ? [n.placement.vpcId] : [])));

  // Unpositioned VPCs: kept where drawn if they hold positioned services, else stacked below.
  const vpcPositions = new Map<string, XY>();
  const positioned = new Set(design.vpcs.filter((v) => v.position).map((v) => v.id));
  const keptBoxes: Rect[] = before.vpcs.filter((v) => positioned.has(v.id));
  for (const n of kept) keptBoxes.push(nodeRect(n.position!));
  let below = keptBoxes.length ? Math.max(...keptBoxes.map((r) => r.y + r.height)) + VPC_GAP : 0;
  const left = keptBoxes.length ? Math.min(...keptBoxes.map((r) => r.x)) : 0;
  const unpositioned = design.vpcs
    .filter((v) => !v.position)
    .sort((a, b) => {
      const fa = fresh.vpcs.get(a.id)!;
      const fb = fresh.vpcs.get(b.id)!;
      return fa.y - fb.y || byCodePoint(a.id, b.id);
    });
  for (const vpc of design.vpcs) if (vpc.position) vpcPositions.set(vpc.id, vpc.position);
  for (const vpc of unpositioned) {
    if (hasKeptMember.has(vpc.id)) vpcPositions.set(vpc.id, rounded(before.vpcById.get(vpc.id)!));
  }
  // A VPC that is new with all its services is drawn as the fresh layout draws it, moved.
  const newVpcShift = new Map<string, XY>();
  for (const vpc of unpositioned) {
    if (vpcPositions.has(vpc.id)) continue;
    const origin = rounded({ x: left, y: below });
    const freshOrigin = fresh.vpcs.get(vpc.id)!;
    vpcPositions.set(vpc.id, origin);
    newVpcShift.set(vpc.id, { x: origin.x - freshOrigin.x, y: origin.y - freshOrigin.y });
    const drawn = computeLayout({
      ...design,
      vpcs: [{ ...vpc, position: freshOrigin }],
      nodes: design.nodes
        .filter((n) => n.placement?.vpcId === vpc.id)
        .map((n) => ({ ...n, position: fresh.nodes.get(n.id)! })),
    });
    below += (drawn.vpcs[0]?.height ?? 0) + VPC_GAP;
  }

  // Placed services: in their band of the VPC as drawn with the kept services.
  const withVpcs: Design = {
    ...design,
    vpcs: design.vpcs.map((v) => ({ ...v, position: vpcPositions.get(v.id) })),
  };
  const drawnKept = computeLayout({ ...withVpcs, nodes: kept });
  const vpcTiers = new Map(design.vpcs.map((v) => [v.id, new Set(v.tiers)]));
  const sortedNew = design.nodes.filter((n) => !n.position).sort((a, b) => byCodePoint(a.id, b.id));
  const positions = new Map<string, XY>(kept.map((n) => [n.id, n.position!]));
  for (const n of sortedNew) {
    const shift =
      n.placement &&
      vpcTiers.get(n.placement.vpcId)?.has(n.placement.tier) &&
      newVpcShift.get(n.placement.vpcId);
    if (!shift) continue;
    const at = fresh.nodes.get(n.id)!;
    positions.set(n.id, { x: at.x + shift.x, y: at.y + shift.y });
  }
  const keptRegional = kept
    .filter((n) => !n.placement || !vpcTiers.get(n.placement.vpcId)?.has(n.placement.tier))
    .map((n) => nodeRect(n.position!));
  // The rectangles in each band, kept up to date as new services land.
  const bands = new Map<string, BandRects>();
  const bandOf = (key: string) => {
    let entry = bands.get(key);
    if (!entry) bands.set(key, (entry = { index: new RectIndex(), right: -Infinity }));
    return entry;
  };
  for (const n of kept) {
    const p = n.placement;
    if (!p || !vpcTiers.get(p.vpcId)?.has(p.tier)) continue;
    const entry = bandOf(`${p.vpcId}/${p.tier}`);
    entry.index.add(nodeRect(n.position!));
    entry.right = Math.max(entry.right, n.position!.x + NODE_WIDTH);
  }
  for (const node of sortedNew) {
    const p = node.placement;
    if (!p || !vpcTiers.get(p.vpcId)?.has(p.tier) || positions.has(node.id)) continue;
    const box = drawnKept.vpcById.get(p.vpcId)!;
    const band = box.bands.find((b) => b.tier === p.tier)!;
    const freshVpc = fresh.vpcs.get(p.vpcId)!;
    const freshAt = fresh.nodes.get(node.id)!;
    const minY = band.y + BAND_LABEL + BAND_PAD / 2;
    const wanted = { x: box.x + (freshAt.x - freshVpc.x), y: minY + (freshAt.y - freshVpc.y) };
    const bandIds = bandOf(`${p.vpcId}/${p.tier}`);
    // Inside the band's current height when there is room, so the bands below do not move.
    const maxY = band.y + band.height - BAND_PAD - NODE_HEIGHT;
    // And short of kept regional services right of the VPC, which a wider frame would cover.
    const obstacles = keptRegional.filter(
      (r) => r.x >= box.x + box.width && r.y < box.y + box.height && r.y + r.height > box.y,
    );
    const maxX = Math.min(Infinity, ...obstacles.map((r) => r.x - VPC_PAD_X - NODE_WIDTH - LAYOUT_GAP_X));
    const area = {
      minX: box.x + VPC_PAD_X,
      minY,
      maxY: Math.max(minY, maxY),
      ...(Number.isFinite(maxX) ? { maxX: Math.max(box.x + VPC_PAD_X, maxX) } : {}),
    };
    const inBounds = (at: XY) => at.y <= area.maxY && at.x <= (area.maxX ?? Infinity);
    let at = findFreeSlot(area, bandIds.index, {
      x: Math.min(wanted.x, area.maxX ?? Infinity),
      y: Math.min(wanted.y, area.maxY),
    });
    // Not near the wanted spot: the nearest free one anywhere in the band, else right of
    // everything in it (the band grows right, never down, so the bands below stay put).
    // A hand-made band may be packed closer than we would: then half the clearance will do.
    if (!inBounds(at))
      at =
        scanBand(area, bandIds, wanted, 1) ??
        scanBand(area, bandIds, wanted, 0.5) ??
        scanBand({ ...area, maxX: undefined }, bandIds, wanted, 1)!;
    positions.set(node.id, at);
    bandIds.index.add(nodeRect(at));
    bandIds.right = Math.max(bandIds.right, at.x + NODE_WIDTH);
  }

  // Regional services: beside the VPC stack as in the fresh layout, clear of every frame and node.
  const settled = computeLayout({
    ...withVpcs,
    nodes: design.nodes
      .filter((n) => positions.has(n.id))
      .map((n) => ({ ...n, position: positions.get(n.id) })),
  });
  const index = new RectIndex(settled.vpcs);
  for (const id of [...positions.keys()].sort(byCodePoint))
    index.add(nodeRect(settled.nodePositions.get(id)!));
  const stackLeft = settled.vpcs.length ? Math.min(...settled.vpcs.map((v) => v.x)) : 0;
  const stackRight = settled.vpcs.length ? Math.max(...settled.vpcs.map((v) => v.x + v.width)) : 0;
  const stackTop = settled.vpcs.length ? Math.min(...settled.vpcs.map((v) => v.y)) : 0;
  for (const node of sortedNew) {
    if (positions.has(node.id)) continue;
    const f = fresh.nodes.get(node.id)!;
    const wanted = fresh.upstream.has(node.id)
      ? { x: stackLeft + (f.x - fresh.left), y: stackTop + f.y }
      : { x: stackRight + (f.x - fresh.right), y: stackTop + f.y };
    const at = findFreeSlot({ minX: -Infinity, minY: -Infinity }, index, wanted);
    positions.set(node.id, at);
    index.add(nodeRect(at));
  }

  const result: Design = {
    ...design,
    vpcs: design.vpcs.map((v) => ({ ...v, position: vpcPositions.get(v.id) })),
    nodes: design.nodes.map((n) => (n.position ? n : { ...n, position: rounded(positions.get(n.id)!) })),
  };
  // New services stored where the canvas draws them (the same unless a full band had to grow).
  const drawn = computeLayout(result).nodePositions;
  const keptIds = new Set(kept.map((n) => n.id));
  return {
    ...result,
    nodes: result.nodes.map((n) => (keptIds.has(n.id) ? n : { ...n, position: rounded(drawn.get(n.id)!) })),
  };
}

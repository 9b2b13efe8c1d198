import { describe, expect, it } from 'vitest';
import { design as build, type Design } from '@archgen/model';
import { seededRandom } from '../../../test-support/random.ts';
import {
  BAND_MIN_HEIGHT,
  GRID,
  NODE_HEIGHT,
  NODE_WIDTH,
  computeLayout,
  findFreeSlot,
  intersects,
  nodeCenter,
  placementAt,
  recommendedSpot,
  settlePositions,
  subnetCidrs,
  type XY,
} from './geometry.ts';

function fixture() {
  const d = build('Geometry')
    .vpc({ position: { x: 0, y: 0 } })
    .node('alb', { id: 'web', tier: 'public', position: { x: 40, y: 100 } })
    .node('ecs-fargate', { id: 'app', tier: 'private', position: { x: 40, y: 900 } })
    .node('s3', { id: 'bucket', position: { x: 1200, y: 50 } })
    .connect('web', 'app', 'traffic')
    .build();
  return d;
}

describe('canvas geometry', () => {
  it('stacks the tier bands public, private, isolated and grows a band to hold its nodes', () => {
    const layout = computeLayout(fixture());
    const vpc = layout.vpcById.get('main')!;
    expect(vpc.bands.map((b) => b.tier)).toEqual(['public', 'private', 'isolated']);
    const [pub, priv, iso] = vpc.bands;
    expect(pub!.y + pub!.height).toBeLessThan(priv!.y);
    expect(priv!.y + priv!.height).toBeLessThan(iso!.y);
    // The private node sits far down: its band grows to contain it, the isolated band moves below.
    const app = layout.nodePositions.get('app')!;
    expect(app.y + NODE_HEIGHT).toBeLessThanOrEqual(priv!.y + priv!.height);
    expect(iso!.height).toBe(BAND_MIN_HEIGHT);
    expect(vpc.y + vpc.height).toBeGreaterThan(iso!.y + iso!.height);
  });

  it('maps a point to the band under it, and to no placement outside every VPC', () => {
    const layout = computeLayout(fixture());
    const vpc = layout.vpcById.get('main')!;
    for (const band of vpc.bands) {
      expect(placementAt(layout, { x: vpc.x + 50, y: band.y + band.height / 2 })).toEqual({
        vpcId: 'main',
        tier: band.tier,
      });
    }
    expect(placementAt(layout, { x: vpc.x + vpc.width + 10, y: vpc.y + 100 })).toBeNull();
    expect(placementAt(layout, nodeCenter(layout.nodePositions.get('bucket')!))).toBeNull();
    // The VPC header belongs to the nearest band.
    expect(placementAt(layout, { x: vpc.x + 10, y: vpc.y + 5 })).toEqual({ vpcId: 'main', tier: 'public' });
  });

  it('a VPC without a stored position stays put when its nodes move', () => {
    const d = build('Unpinned')
      .vpc()
      .node('lambda', { id: 'fn', tier: 'private', position: { x: 300, y: 400 } })
      .build();
    const before = computeLayout(d).vpcById.get('main')!;
    const moved = { ...d, nodes: d.nodes.map((n) => ({ ...n, position: { x: 520, y: 400 } })) };
    const after = computeLayout(moved).vpcById.get('main')!;
    expect({ x: after.x, y: after.y }).toEqual({ x: before.x, y: before.y });
    expect(computeLayout(moved).nodePositions.get('fn')).toEqual({ x: 520, y: 400 });
  });

  it('a node stored above its band is drawn inside it', () => {
    const d = fixture();
    const moved = {
      ...d,
      nodes: d.nodes.map((n) => (n.id === 'app' ? { ...n, position: { x: 40, y: -500 } } : n)),
    };
    const layout = computeLayout(moved);
    const band = layout.vpcById.get('main')!.bands.find((b) => b.tier === 'private')!;
    expect(layout.nodePositions.get('app')!.y).toBeGreaterThan(band.y);
  });
});

describe('subnet CIDRs drawn in the bands', () => {
  it('are the explicit ones where the design gives them, carved ones elsewhere', () => {
    const vpc = build('Cidrs')
      .vpc({ subnetCidrs: { public: ['10.0.1.0/24', '10.0.2.0/24'] } })
      .build().vpcs[0]!;
    expect(Object.fromEntries(subnetCidrs(vpc))).toEqual({
      'public/0': '10.0.1.0/24',
      'public/1': '10.0.2.0/24',
      'private/0': '10.0.0.0/24',
      'private/1': '10.0.3.0/24',
      'isolated/0': '10.0.4.0/24',
      'isolated/1': '10.0.5.0/24',
    });
  });
});

describe('no node is drawn on another, or outside where it is placed', () => {
  const rectOf = (at: XY) => ({ x: at.x, y: at.y, width: NODE_WIDTH, height: NODE_HEIGHT });

  function expectNoOverlaps(layout: ReturnType<typeof computeLayout>, d: Design): void {
    const entries = [...layout.nodePositions.entries()];
    for (let i = 0; i < entries.length; i++)
      for (let j = i + 1; j < entries.length; j++)
        expect(
          intersects(rectOf(entries[i]![1]), rectOf(entries[j]![1])),
          `${entries[i]![0]} overlaps ${entries[j]![0]}`,
        ).toBe(false);
    for (const node of d.nodes) {
      const at = layout.nodePositions.get(node.id)!;
      const drawnIn = placementAt(layout, nodeCenter(at));
      const vpc = node.placement ? layout.vpcById.get(node.placement.vpcId) : undefined;
      if (node.placement && vpc?.bands.some((b) => b.tier === node.placement!.tier)) {
        expect(drawnIn, `${node.id} drawn in its band`).toEqual(node.placement);
        const band = vpc.bands.find((b) => b.tier === node.placement!.tier)!;
        expect(at.y).toBeGreaterThanOrEqual(band.y);
        expect(at.y + NODE_HEIGHT).toBeLessThanOrEqual(band.y + band.height);
      } else {
        for (const v of layout.vpcs)
          expect(intersects(rectOf(at), v), `${node.id} (regional) drawn inside a VPC`).toBe(false);
      }
    }
  }

  it('findFreeSlot keeps the preferred spot when free, snapped to the grid', () => {
    expect(findFreeSlot({ minX: 0, minY: 0 }, [], { x: 103, y: 47 })).toEqual({ x: 100, y: 40 });
    expect(findFreeSlot({ minX: 0, minY: 0 }, [], { x: 103, y: 47 }, { snap: false })).toEqual({
      x: 103,
      y: 47,
    });
    // Never above or left of the area.
    expect(findFreeSlot({ minX: 30, minY: 50 }, [], { x: -400, y: -400 })).toEqual({ x: 30, y: 50 });
    // The grid starts at the area's corner: a band's top row.
    expect(findFreeSlot({ minX: 30, minY: 50 }, [], { x: 95, y: 58 })).toEqual({ x: 90, y: 50 });
  });

  it('findFreeSlot never returns a spot on a taken rectangle (many random cases)', () => {
    const next = seededRandom(13);
    for (let run = 0; run < 300; run++) {
      const area = { minX: Math.round(next() * 200), minY: Math.round(next() * 200) };
      const taken: { x: number; y: number; width: number; height: number }[] = [];
      for (let i = 0; i < 1 + next() * 25; i++)
        taken.push({
          x: area.minX + next() * 900,
          y: area.minY + next() * 500,
          width: 40 + next() * 260,
          height: 30 + next() * 120,
        });
      const preferred = { x: area.minX - 100 + next() * 1000, y: area.minY - 100 + next() * 600 };
      const at = findFreeSlot(area, taken, preferred);
      expect((at.x - area.minX) % GRID).toBe(0);
      expect((at.y - area.minY) % GRID).toBe(0);
      expect(at.x).toBeGreaterThanOrEqual(area.minX);
      expect(at.y).toBeGreaterThanOrEqual(area.minY);
      for (const t of taken) expect(intersects(rectOf(at), t)).toBe(false);
    }
  });

  it('random designs: nodes never overlap, placed ones sit in their band, regional ones outside VPCs; settling is stable', () => {
    const next = seededRandom(2026);
    const tiers = ['public', 'private', 'isolated'] as const;
    for (let run = 0; run < 60; run++) {
      let b = build(`Random ${run}`).vpc({ position: { x: 0, y: 0 } });
      const count = 2 + Math.floor(next() * 30);
      for (let i = 0; i < count; i++) {
        const clustered = next() < 0.5;
        const position = {
          x: Math.round(clustered ? 40 + next() * 120 : -300 + next() * 1400),
          y: Math.round(clustered ? 100 + next() * 120 : -200 + next() * 900),
        };
        b =
          next() < 0.6
            ? b.node('ecs-fargate', { id: `n${i}`, tier: tiers[Math.floor(next() * 3)]!, position })
            : b.node('s3', { id: `n${i}`, position });
      }
      const d = b.build();
      const layout = computeLayout(d);
      expectNoOverlaps(layout, d);
      // Committing the drawn positions changes nothing further (drawn = stored).
      const settled = settlePositions(d);
      expect(settlePositions(settled)).toBe(settled);
      for (const n of settled.nodes)
        expect(computeLayout(settled).nodePositions.get(n.id)).toEqual(n.position);
      // Moving a random node onto another: the mover goes to a free spot, the other stays.
      const [mover, target] = [settled.nodes[0]!, settled.nodes[settled.nodes.length - 1]!];
      const onTop = {
        ...settled,
        nodes: settled.nodes.map((n) =>
          n.id === mover.id ? { ...n, position: target.position, placement: target.placement } : n,
        ),
      };
      const moved = computeLayout(onTop, { movers: new Set([mover.id]) });
      expectNoOverlaps(moved, onTop);
      if (mover.id !== target.id) expect(moved.nodePositions.get(target.id)).toEqual(target.position);
    }
  });

  it('a node whose tier changed (a quick fix) lands in the new band beside what is there, not on it', () => {
    const d = build('Fix')
      .vpc({ position: { x: 0, y: 0 } })
      .node('rds', { id: 'db', tier: 'private', position: { x: 40, y: 240 } })
      .node('elasticache', { id: 'cache', tier: 'isolated', position: { x: 40, y: 400 } })
      .build();
    const fixed = {
      ...d,
      nodes: d.nodes.map((n) =>
        n.id === 'db' ? { ...n, placement: { vpcId: 'main', tier: 'isolated' as const } } : n,
      ),
    };
    const layout = computeLayout(settlePositions(fixed, { movers: new Set(['db']) }));
    expectNoOverlaps(layout, fixed);
    expect(layout.nodePositions.get('cache')).toEqual({ x: 40, y: 400 });
  });
});

describe('where a palette Enter/double-click add goes', () => {
  const d = build('Spot')
    .vpc({ position: { x: 0, y: 0 } })
    .build();
  const layout = computeLayout(d);
  const vpc = layout.vpcById.get('main')!;
  const centre = { x: vpc.x + vpc.width / 2, y: vpc.y + vpc.height / 2 };

  it.each([
    ['aurora', 'isolated'],
    ['ecs-fargate', 'private'],
    ['alb', 'public'],
  ] as const)('%s goes to its recommended %s band, drawn there', (type, tier) => {
    const spot = recommendedSpot(layout, type, centre);
    expect(spot.placement).toEqual({ vpcId: 'main', tier });
    const withNode = build('Spot')
      .vpc({ position: { x: 0, y: 0 } })
      .build();
    withNode.nodes.push({
      id: 'n',
      type,
      name: 'n',
      properties: {},
      placement: spot.placement,
      position: spot.position,
    });
    const drawn = computeLayout(withNode);
    expect(placementAt(drawn, nodeCenter(drawn.nodePositions.get('n')!))).toEqual(spot.placement);
  });

  it('a regional service asked for inside the VPC goes outside it, unplaced', () => {
    const spot = recommendedSpot(layout, 'lambda', centre);
    expect(spot.placement).toBeNull();
    expect(intersects({ ...spot.position, width: NODE_WIDTH, height: NODE_HEIGHT }, vpc)).toBe(false);
  });
});

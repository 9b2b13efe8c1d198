import { describe, expect, it } from 'vitest';
import { design as build } from '@archgen/model';
import { BAND_MIN_HEIGHT, NODE_HEIGHT, computeLayout, nodeCenter, placementAt } from './geometry.ts';
import { deriveEdges, deriveNodes, handlesBetween, reuseUnchanged } from './deriveFlow.ts';
import { HANDLE } from './flowTypes.ts';
import { EMPTY_SELECTION } from '../store/selectionSlice.ts';

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

describe('design -> React Flow', () => {
  it('parents placed services to their VPC with relative positions; regional ones stay absolute', () => {
    const d = fixture();
    const layout = computeLayout(d);
    const nodes = deriveNodes(d, layout, EMPTY_SELECTION);
    const app = nodes.find((n) => n.id === 'app')!;
    const bucket = nodes.find((n) => n.id === 'bucket')!;
    expect(app.parentId).toBe('vpc:main');
    expect(app.position).toEqual(layout.nodePositions.get('app'));
    expect(bucket.parentId).toBeUndefined();
    expect(nodes.filter((n) => n.type === 'tier').map((n) => n.ariaLabel)).toEqual([
      'Public subnet',
      'Private subnet',
      'Isolated subnet',
    ]);
    expect(nodes.find((n) => n.type === 'vpc')!.ariaLabel).toBe(`VPC ${d.vpcs[0]!.name}`);
    const edges = deriveEdges(d, layout, EMPTY_SELECTION);
    expect(edges[0]!.ariaLabel).toContain('HTTP :8080');
  });

  it('routes an edge from the nearest sides: beside goes right to left, a band below bottom to top', () => {
    expect(handlesBetween({ x: 0, y: 0 }, { x: 400, y: 20 })).toEqual({
      sourceHandle: HANDLE.right,
      targetHandle: HANDLE.left,
    });
    expect(handlesBetween({ x: 0, y: 0 }, { x: 60, y: 200 })).toEqual({
      sourceHandle: HANDLE.bottomOut,
      targetHandle: HANDLE.topIn,
    });
    expect(handlesBetween({ x: 0, y: 300 }, { x: 100, y: 0 })).toEqual({
      sourceHandle: HANDLE.topOut,
      targetHandle: HANDLE.bottomIn,
    });
  });

  it('reuses the previous node objects when nothing drawn changed', () => {
    const d = fixture();
    const first = deriveNodes(d, computeLayout(d), EMPTY_SELECTION);
    const same = reuseUnchanged(first, deriveNodes(d, computeLayout(d), EMPTY_SELECTION));
    expect(same).toBe(first);
    const selected = reuseUnchanged(
      first,
      deriveNodes(d, computeLayout(d), { ...EMPTY_SELECTION, nodeIds: ['web'] }),
    );
    expect(selected).not.toBe(first);
    expect(selected.find((n) => n.id === 'web')).not.toBe(first.find((n) => n.id === 'web'));
    expect(selected.find((n) => n.id === 'app')).toBe(first.find((n) => n.id === 'app'));
  });
});

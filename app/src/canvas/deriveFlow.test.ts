import { describe, expect, it } from 'vitest';
import { design as build } from '@archgen/model';
import { computeLayout } from '@archgen/layout';
import { deriveEdges, deriveNodes, handlesBetween, revealedPart, reuseUnchanged } from './deriveFlow.ts';
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

describe('revealedPart', () => {
  it('draws every container, the first services, and only connections between drawn services', () => {
    const d = build('Reveal')
      .vpc({ position: { x: 0, y: 0 } })
      .node('alb', { id: 'web', tier: 'public', position: { x: 40, y: 100 } })
      .node('ecs-fargate', { id: 'app', tier: 'private', position: { x: 40, y: 900 } })
      .node('s3', { id: 'bucket', position: { x: 1200, y: 50 } })
      .connect('web', 'app', 'traffic')
      .connect('app', 'bucket', 'read-write')
      .build();
    const layout = computeLayout(d);
    const nodes = deriveNodes(d, layout, EMPTY_SELECTION);
    const edges = deriveEdges(d, layout, EMPTY_SELECTION);
    const containers = nodes.filter((n) => n.type !== 'service').map((n) => n.id);

    const none = revealedPart(nodes, edges, 0);
    expect(none.nodes.map((n) => n.id)).toEqual(containers);
    expect(none.edges).toEqual([]);

    const two = revealedPart(nodes, edges, 2);
    expect(two.nodes.filter((n) => n.type === 'service').map((n) => n.id)).toEqual(['web', 'app']);
    expect(two.edges.map((e) => [e.source, e.target])).toEqual([['web', 'app']]);

    // All of it: the same arrays, so React Flow sees no change.
    const all = revealedPart(nodes, edges, 3);
    expect(all.nodes).toBe(nodes);
    expect(all.edges).toBe(edges);
  });
});

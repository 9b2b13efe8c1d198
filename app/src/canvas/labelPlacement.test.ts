import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDesign, type Design } from '@archgen/model';
import { computeLayout, type XY } from '@archgen/layout';
import { routeEdges } from './deriveFlow.ts';
import { edgeCurve, labelSize } from './labelPlacement.ts';
import { connectionLabel } from './labels.ts';

function example(name: string): Design {
  const parsed = parseDesign(
    readFileSync(new URL(`../../../examples/${name}.json`, import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.design;
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every label's box as drawn: the midpoint between its handles plus the offset (or none). */
function labelBoxes(design: Design, withOffsets: boolean): Box[] {
  const layout = computeLayout(design);
  const routes = routeEdges(design, layout);
  const types = new Map(design.nodes.map((n) => [n.id, n.type]));
  return design.connections.map((c) => {
    const route = routes.get(c.id)!;
    const { mid } = edgeCurve(
      layout.nodePositions.get(c.from)!,
      route.sourceHandle,
      layout.nodePositions.get(c.to)!,
      route.targetHandle,
    );
    const offset: XY = (withOffsets && route.labelOffset) || { x: 0, y: 0 };
    const size = labelSize(connectionLabel(c, types.get(c.to)));
    return {
      id: c.id,
      x: mid.x + offset.x - size.width / 2,
      y: mid.y + offset.y - size.height / 2,
      ...size,
    };
  });
}

function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  boxes.forEach((p, i) =>
    boxes.slice(i + 1).forEach((q) => {
      const w = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
      const h = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
      if (w > 0 && h > 0) out.push(`${p.id} / ${q.id}`);
    }),
  );
  return out;
}

describe('edge label placement', () => {
  it('moves labels that would overlap apart (three-tier: the database and cache labels)', () => {
    const design = example('three-tier-web-app');
    // Without placement the two labels from the service to the isolated band collide.
    expect(overlapping(labelBoxes(design, false)).length).toBeGreaterThan(0);
    expect(overlapping(labelBoxes(design, true))).toEqual([]);
  });

  it('keeps every example free of overlapping labels', () => {
    for (const name of ['data-lake', 'eks-platform', 'eventbridge-fanout', 'serverless-api', 'static-site'])
      expect(overlapping(labelBoxes(example(name), true)), name).toEqual([]);
  });
});

/**
 * Checks a laid-out design against what the canvas draws: the test oracle of the layout, and of
 * every design the importers lay out. Pure, no DOM.
 */
import type { Design } from '@archgen/model';
import { BAND_LABEL, VPC_PAD_X, computeLayout, intersects, nodeRect, type Rect } from './geometry.ts';

/** Pairs of rectangles that overlap, by a sweep over x (fine for thousands). */
function overlaps(rects: { id: string; rect: Rect }[]): string[] {
  const sorted = [...rects].sort((a, b) => a.rect.x - b.rect.x);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++)
    for (
      let j = i + 1;
      j < sorted.length && sorted[j]!.rect.x < sorted[i]!.rect.x + sorted[i]!.rect.width;
      j++
    )
      if (intersects(sorted[i]!.rect, sorted[j]!.rect)) out.push(`${sorted[i]!.id} / ${sorted[j]!.id}`);
  return out;
}

/**
 * What the user sees, from the canvas's own geometry (computeLayout draws the bands and the
 * nodes): every problem with the picture, empty when it is right.
 */
export function pictureProblems(design: Design): string[] {
  const problems: string[] = [];
  const drawn = computeLayout(design);
  for (const n of design.nodes) {
    const at = drawn.nodePositions.get(n.id)!;
    if (!n.position || at.x !== n.position.x || at.y !== n.position.y)
      problems.push(`${n.id} is drawn at ${JSON.stringify(at)}, stored at ${JSON.stringify(n.position)}`);
  }
  for (const v of design.vpcs) {
    const box = drawn.vpcById.get(v.id)!;
    if (!v.position || v.position.x !== box.x || v.position.y !== box.y) problems.push(`VPC ${v.id} moved`);
  }
  const vpcTiers = new Map(design.vpcs.map((v) => [v.id, new Set(v.tiers)]));
  for (const n of design.nodes) {
    const rect = nodeRect(drawn.nodePositions.get(n.id)!);
    const p = n.placement;
    if (p && vpcTiers.get(p.vpcId)?.has(p.tier)) {
      const box = drawn.vpcById.get(p.vpcId)!;
      const band = box.bands.find((b) => b.tier === p.tier)!;
      const inside =
        rect.x >= box.x + VPC_PAD_X &&
        rect.x + rect.width <= box.x + box.width - VPC_PAD_X &&
        rect.y >= band.y + BAND_LABEL &&
        rect.y + rect.height <= band.y + band.height;
      if (!inside) problems.push(`${n.id} is outside its ${p.tier} band`);
    } else {
      for (const box of drawn.vpcs)
        if (intersects(rect, box)) problems.push(`${n.id} (regional) is over VPC ${box.id}`);
    }
  }
  for (const pair of overlaps(
    design.nodes.map((n) => ({ id: n.id, rect: nodeRect(drawn.nodePositions.get(n.id)!) })),
  ))
    problems.push(`nodes overlap: ${pair}`);
  for (const pair of overlaps(drawn.vpcs.map((v) => ({ id: v.id, rect: v }))))
    problems.push(`VPCs overlap: ${pair}`);
  return problems;
}

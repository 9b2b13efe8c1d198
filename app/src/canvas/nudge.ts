/**
 * Arrow-key nudges across subnet bands. A band grows to hold what is in it, so a node nudged
 * towards its band's edge only pushed the edge along and never reached the next subnet. A nudge
 * that would leave the band's inner area hands the node to the neighbouring band instead.
 */
import type { Placement } from '@archgen/model';
import { BAND_LABEL, BAND_PAD, NODE_HEIGHT, type CanvasLayout, type XY } from '@archgen/layout';

export function nudgeAcrossBands(
  layout: CanvasLayout,
  placement: Placement | null | undefined,
  from: XY,
  to: XY,
): { position: XY; placement: Placement } | null {
  if (!placement || to.y === from.y) return null;
  const vpc = layout.vpcById.get(placement.vpcId);
  if (!vpc) return null;
  const index = vpc.bands.findIndex((b) => b.tier === placement.tier);
  const band = vpc.bands[index];
  if (!band) return null;
  const down = to.y > from.y;
  const top = band.y + BAND_LABEL;
  const bottom = band.y + band.height - BAND_PAD;
  const leaving = down ? to.y + NODE_HEIGHT > bottom : to.y < top;
  if (!leaving) return null;
  const next = vpc.bands[down ? index + 1 : index - 1];
  if (!next) return null;
  const y = down ? next.y + BAND_LABEL + BAND_PAD : next.y + next.height - BAND_PAD - NODE_HEIGHT;
  return { position: { x: to.x, y }, placement: { vpcId: vpc.id, tier: next.tier } };
}

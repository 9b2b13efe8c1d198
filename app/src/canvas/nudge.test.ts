import { describe, expect, it } from 'vitest';
import type { CanvasLayout } from '@archgen/layout';
import { BAND_LABEL, BAND_PAD, NODE_HEIGHT } from '@archgen/layout';
import { nudgeAcrossBands } from './nudge.ts';

const vpc = {
  id: 'main',
  x: 0,
  y: 0,
  width: 600,
  height: 500,
  azCount: 2,
  bands: [
    { tier: 'public' as const, y: 60, height: 140 },
    { tier: 'private' as const, y: 210, height: 140 },
    { tier: 'isolated' as const, y: 360, height: 140 },
  ],
};
const layout: CanvasLayout = { vpcs: [vpc], vpcById: new Map([['main', vpc]]), nodePositions: new Map() };
const inPrivate = { vpcId: 'main', tier: 'private' as const };
const privateTop = 210 + BAND_LABEL + BAND_PAD;
const privateBottom = 210 + 140 - BAND_PAD - NODE_HEIGHT;

describe('nudgeAcrossBands', () => {
  it('moves a node nudged down past its band into the band below', () => {
    const result = nudgeAcrossBands(
      layout,
      inPrivate,
      { x: 50, y: privateBottom },
      { x: 50, y: privateBottom + 5 },
    );
    expect(result?.placement).toEqual({ vpcId: 'main', tier: 'isolated' });
    expect(result?.position).toEqual({ x: 50, y: 360 + BAND_LABEL + BAND_PAD });
  });

  it('moves a node nudged up past its band into the band above', () => {
    const result = nudgeAcrossBands(
      layout,
      inPrivate,
      { x: 50, y: privateTop - BAND_PAD },
      { x: 50, y: privateTop - BAND_PAD - 5 },
    );
    expect(result?.placement).toEqual({ vpcId: 'main', tier: 'public' });
    expect(result?.position.y).toBe(60 + 140 - BAND_PAD - NODE_HEIGHT);
  });

  it('leaves a nudge inside the band, a sideways nudge and the outermost band alone', () => {
    expect(nudgeAcrossBands(layout, inPrivate, { x: 50, y: 260 }, { x: 50, y: 265 })).toBeNull();
    expect(
      nudgeAcrossBands(layout, inPrivate, { x: 50, y: privateBottom }, { x: 55, y: privateBottom }),
    ).toBeNull();
    const isolated = { vpcId: 'main', tier: 'isolated' as const };
    expect(nudgeAcrossBands(layout, isolated, { x: 50, y: 420 }, { x: 50, y: 500 })).toBeNull();
    expect(nudgeAcrossBands(layout, null, { x: 50, y: 420 }, { x: 50, y: 500 })).toBeNull();
  });
});

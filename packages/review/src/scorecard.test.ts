import { describe, expect, it } from 'vitest';
import type { Finding, Pillar, Severity } from '@archgen/rules';
import { scorecard } from './scorecard.ts';

const finding = (pillar: Pillar, severity: Severity, id: string, accepted = false): Finding => ({
  ruleId: `R-${id}`,
  pillar,
  severity,
  target: { kind: 'node', id },
  message: 'm',
  why: 'w',
  ...(accepted ? { accepted: { reason: 'ok' } } : {}),
});

describe('scorecard', () => {
  it('scores each pillar from its open findings and ignores accepted ones', () => {
    const card = scorecard([
      finding('security', 'critical', 'a'),
      finding('security', 'high', 'b'),
      finding('security', 'high', 'c', true),
      finding('reliability', 'medium', 'd'),
      finding('cost', 'low', 'e'),
    ]);
    const security = card.pillars.find((p) => p.pillar === 'security')!;
    // Weights of the rules package: critical 25, high 10, medium 4, low 1.
    expect(security).toMatchObject({ label: 'Security', score: 65, open: 2, accepted: 1 });
    expect(security.counts).toEqual({ critical: 1, high: 1, medium: 0, low: 0 });
    expect(card.pillars.find((p) => p.pillar === 'reliability')!.score).toBe(96);
    expect(card.pillars.find((p) => p.pillar === 'cost')!.score).toBe(99);
    expect(card.pillars.map((p) => p.pillar)).toEqual([
      'security',
      'reliability',
      'performance',
      'cost',
      'operational-excellence',
      'sustainability',
    ]);
    expect(card.overall).toBe(Math.round((65 + 96 + 100 + 99 + 100 + 100) / 6));
    expect(card).toMatchObject({ open: 4, accepted: 1 });
  });

  it('never goes below 0 and is 100 everywhere without findings', () => {
    const many = Array.from({ length: 5 }, (_, i) => finding('reliability', 'critical', `n${i}`));
    expect(scorecard(many).pillars.find((p) => p.pillar === 'reliability')!.score).toBe(0);
    expect(scorecard([]).overall).toBe(100);
  });
});

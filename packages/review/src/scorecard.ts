/**
 * The Well-Architected scorecard of a review: per pillar, a 0-100 score and the findings by
 * severity. Scores and counts come from the rules package (`summarize`/`scorePillar`), so the
 * app's problems panel, the CLI and REVIEW.md never disagree.
 */
import { PILLARS, summarize, type Finding, type Pillar, type Severity } from '@archgen/rules';

export const PILLAR_LABELS: Readonly<Record<Pillar, string>> = {
  security: 'Security',
  reliability: 'Reliability',
  performance: 'Performance efficiency',
  cost: 'Cost optimization',
  'operational-excellence': 'Operational excellence',
  sustainability: 'Sustainability',
};

export interface PillarScore {
  pillar: Pillar;
  label: string;
  /** 100 minus the weighted open findings, never below 0 (accepted risks do not count). */
  score: number;
  /** Open findings by severity. */
  counts: Record<Severity, number>;
  open: number;
  accepted: number;
}

export interface Scorecard {
  pillars: PillarScore[];
  /** Mean of the pillar scores, rounded. */
  overall: number;
  open: number;
  accepted: number;
}

export function scorecard(findings: readonly Finding[]): Scorecard {
  const summary = summarize(findings);
  const pillars = PILLARS.map((pillar): PillarScore => {
    const p = summary.byPillar[pillar];
    const open = Object.values(p.open).reduce((a, b) => a + b, 0);
    return {
      pillar,
      label: PILLAR_LABELS[pillar],
      score: p.score,
      counts: { ...p.open },
      open,
      accepted: p.accepted,
    };
  });
  const overall = Math.round(pillars.reduce((sum, p) => sum + p.score, 0) / pillars.length);
  return { pillars, overall, open: summary.open, accepted: summary.accepted };
}

/**
 * Derived data, memoized on the design document's identity (every commit makes a new one), so
 * each derivation runs once per change no matter how many components read it.
 */
import { isoDay, validateDesign, SEVERITIES, type Finding, type Severity } from '@archgen/rules';
import type { Connection, Design, DesignNode, Vpc } from '@archgen/model';
import type { AppState } from './appStore.ts';

function memoByDesign<T>(derive: (design: Design) => T): (design: Design) => T {
  const cache = new WeakMap<Design, T>();
  return (design) => {
    let value = cache.get(design);
    if (value === undefined) {
      value = derive(design);
      cache.set(design, value);
    }
    return value;
  };
}

export const nodeIndex = memoByDesign((d) => new Map<string, DesignNode>(d.nodes.map((n) => [n.id, n])));
export const vpcIndex = memoByDesign((d) => new Map<string, Vpc>(d.vpcs.map((v) => [v.id, v])));
export const connectionIndex = memoByDesign(
  (d) => new Map<string, Connection>(d.connections.map((c) => [c.id, c])),
);

export const findingsOf = memoByDesign((design): Finding[] => {
  try {
    // Versions past their end of support are judged on the day the design is checked.
    return validateDesign(design, { today: isoDay(new Date()) });
  } catch (error) {
    // A rule bug must not take the canvas down; the problems panel shows what it can.
    console.error('validateDesign failed', error);
    return [];
  }
});

export const selectFindings = (s: AppState): Finding[] => findingsOf(s.design);

const severityRank = (s: Severity) => SEVERITIES.indexOf(s);

export interface FindingSummary {
  worst: Severity;
  count: number;
}

/** Open (not accepted) findings per target id: worst severity and count. */
export const findingSummaries = memoByDesign((design) => {
  const out = new Map<string, FindingSummary>();
  for (const f of findingsOf(design)) {
    if (f.accepted) continue;
    const prev = out.get(f.target.id);
    if (!prev) out.set(f.target.id, { worst: f.severity, count: 1 });
    else
      out.set(f.target.id, {
        worst: severityRank(f.severity) < severityRank(prev.worst) ? f.severity : prev.worst,
        count: prev.count + 1,
      });
  }
  return out;
});

/** A primitive ("high:3") so a node re-renders only when its own badge changes. */
export const selectBadge =
  (id: string) =>
  (s: AppState): string | undefined => {
    const summary = findingSummaries(s.design).get(id);
    return summary ? `${summary.worst}:${summary.count}` : undefined;
  };

export const selectOpenFindingCount = (s: AppState): number =>
  findingsOf(s.design).filter((f) => !f.accepted).length;

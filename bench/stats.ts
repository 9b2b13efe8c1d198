/** Order statistics for benchmark samples (nearest-rank percentiles, no interpolation surprises). */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The middle sample, or the mean of the two middle samples for an even count. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface TimingOptions {
  /** Untimed runs first, so the JIT has compiled the hot paths: this many, and for at least warmupMs. */
  warmupRuns?: number;
  warmupMs?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Stop adding runs (past minRuns) once this much time was spent measuring. */
  budgetMs?: number;
}

export interface Timing {
  medianMs: number;
  p95Ms: number;
  /** The fastest run: the least disturbed by other processes on a shared machine. */
  minMs: number;
  runs: number;
}

function summarize(samples: readonly number[]): Timing {
  return { medianMs: median(samples), p95Ms: percentile(samples, 95), minMs: Math.min(...samples), runs: samples.length };
}

/** Runs `work` repeatedly and returns the median and p95 of its wall time. */
export function time(work: (run: number) => unknown, options: TimingOptions = {}): Timing {
  const { warmupRuns = 3, warmupMs = 0, minRuns = 5, maxRuns = 50, budgetMs = 1500 } = options;
  const warmupStarted = performance.now();
  let run = 0;
  while (run < warmupRuns || performance.now() - warmupStarted < warmupMs) work(run++);
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < budgetMs)) {
    const start = performance.now();
    work(run++);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * Times several cases in rounds (one run of each per round), so a burst of load from other
 * processes lands on every case alike instead of inflating whichever case was running.
 */
export function timeInterleaved<K extends string>(cases: Record<K, (run: number) => unknown>, options: TimingOptions = {}): Record<K, Timing> {
  const { warmupRuns = 3, warmupMs = 0, minRuns = 5, maxRuns = 50, budgetMs = 1500 } = options;
  const names = Object.keys(cases) as K[];
  const warmupStarted = performance.now();
  let run = 0;
  while (run < warmupRuns || performance.now() - warmupStarted < warmupMs) {
    for (const name of names) cases[name](run);
    run++;
  }
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const started = performance.now();
  for (let round = 0; round < maxRuns && (round < minRuns || performance.now() - started < budgetMs); round++, run++) {
    for (const name of names) {
      const start = performance.now();
      cases[name](run);
      samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as Record<K, Timing>;
}

/** Rounds for display and JSON: 2 decimals under 10, 1 under 1000, whole numbers above. */
export function round(value: number): number {
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 1000 ? 1 : 0;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

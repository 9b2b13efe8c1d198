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
  runs: number;
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
  return { medianMs: median(samples), p95Ms: percentile(samples, 95), runs: samples.length };
}

/** Rounds for display and JSON: 2 decimals under 10, 1 under 1000, whole numbers above. */
export function round(value: number): number {
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 1000 ? 1 : 0;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

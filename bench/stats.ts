/** Order statistics for benchmark samples (nearest-rank percentiles, no interpolation surprises) and timers. */

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
  /**
   * Median CPU time (user + system) this process spent per run. Waiting for a core while other
   * processes run does not count, so on a busy machine this is the steadier figure.
   */
  cpuMedianMs: number;
  runs: number;
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** Wall time and this process's CPU time of one call. */
function measure(work: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function summarize(samples: readonly Sample[]): Timing {
  const wall = samples.map((s) => s.wallMs);
  return {
    medianMs: median(wall),
    p95Ms: percentile(wall, 95),
    minMs: Math.min(...wall),
    cpuMedianMs: median(samples.map((s) => s.cpuMs)),
    runs: samples.length,
  };
}

/** Runs `work` repeatedly and returns the median and p95 of its wall time. */
export function time(work: (run: number) => unknown, options: TimingOptions = {}): Timing {
  const { warmupRuns = 3, warmupMs = 0, minRuns = 5, maxRuns = 50, budgetMs = 1500 } = options;
  const warmupStarted = performance.now();
  let run = 0;
  while (run < warmupRuns || performance.now() - warmupStarted < warmupMs) work(run++);
  const samples: Sample[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < budgetMs)) {
    const current = run++;
    samples.push(measure(() => work(current)));
  }
  return summarize(samples);
}

/**
 * Times several cases in rounds (one run of each per round), so a burst of load from other
 * processes lands on every case alike instead of inflating whichever case was running.
 */
export function timeInterleaved<K extends string>(
  cases: Record<K, (run: number) => unknown>,
  options: TimingOptions = {},
): Record<K, Timing> {
  const { warmupRuns = 3, warmupMs = 0, minRuns = 5, maxRuns = 50, budgetMs = 1500 } = options;
  const names = Object.keys(cases) as K[];
  const warmupStarted = performance.now();
  let run = 0;
  while (run < warmupRuns || performance.now() - warmupStarted < warmupMs) {
    for (const name of names) cases[name](run);
    run++;
  }
  const samples = Object.fromEntries(names.map((name) => [name, [] as Sample[]])) as Record<K, Sample[]>;
  const started = performance.now();
  for (
    let round = 0;
    round < maxRuns && (round < minRuns || performance.now() - started < budgetMs);
    round++, run++
  ) {
    const current = run;
    for (const name of names) samples[name].push(measure(() => cases[name](current)));
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as Record<K, Timing>;
}

/** Rounds for display and JSON: 2 decimals under 10, 1 under 1000, whole numbers above. */
export function round(value: number): number {
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 1000 ? 1 : 0;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

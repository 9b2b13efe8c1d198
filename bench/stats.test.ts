import { describe, expect, it } from 'vitest';
import { median, percentile, round, time, timeInterleaved } from './stats.ts';

describe('median', () => {
  it('takes the middle of an odd count regardless of order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('averages the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('is NaN for no samples', () => {
    expect(median([])).toBeNaN();
  });
});

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
  it('uses the nearest rank', () => {
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 100)).toBe(100);
  });
  it('picks the largest sample for p95 of a short list', () => {
    expect(percentile([10, 30, 20], 95)).toBe(30);
  });
  it('picks the smallest sample for p0', () => {
    expect(percentile([10, 30, 20], 0)).toBe(10);
  });
});

describe('time', () => {
  it('warms up, then measures at least minRuns and at most maxRuns', () => {
    const calls: number[] = [];
    const timing = time((run) => calls.push(run), { warmupRuns: 2, minRuns: 3, maxRuns: 4, budgetMs: 1e9 });
    expect(timing.runs).toBe(4);
    expect(calls).toEqual([0, 1, 2, 3, 4, 5]);
    expect(timing.medianMs).toBeGreaterThanOrEqual(0);
  });
  it('keeps warming up until warmupMs has passed', () => {
    let calls = 0;
    const started = performance.now();
    time(() => calls++, { warmupRuns: 1, warmupMs: 30, minRuns: 1, maxRuns: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
    expect(calls).toBeGreaterThan(2);
  });
});

describe('timeInterleaved', () => {
  it('runs the cases in rounds, one of each per round, after the warm-up rounds', () => {
    const order: string[] = [];
    const timings = timeInterleaved(
      { a: (run) => order.push(`a${run}`), b: (run) => order.push(`b${run}`) },
      { warmupRuns: 1, minRuns: 2, maxRuns: 2, budgetMs: 1e9 },
    );
    expect(order).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    expect(timings.a.runs).toBe(2);
    expect(timings.b.runs).toBe(2);
    expect(timings.a.minMs).toBeLessThanOrEqual(timings.a.medianMs);
  });
  it('counts CPU time spent by the work, not time spent waiting', async () => {
    const spin = () => {
      const end = performance.now() + 20;
      while (performance.now() < end);
    };
    const timings = timeInterleaved({ spin }, { warmupRuns: 0, minRuns: 3, maxRuns: 3 });
    expect(timings.spin.cpuMedianMs).toBeGreaterThan(5);
    const sleeping = time(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20), {
      warmupRuns: 0,
      minRuns: 3,
      maxRuns: 3,
    });
    expect(sleeping.medianMs).toBeGreaterThanOrEqual(19);
    expect(sleeping.cpuMedianMs).toBeLessThan(10);
  });
});

describe('round', () => {
  it('keeps more digits for small figures', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(123.456)).toBe(123.5);
    expect(round(12345.6)).toBe(12346);
  });
});

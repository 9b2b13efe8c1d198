/**
 * Runs `run` once the browser has painted the current state (a frame, then a task after it), or
 * after `fallbackMs`: a hidden tab gets no animation frames, and work must still finish there.
 * Main-thread work split this way is one short task per step, never one long task for the whole.
 * Returns a cancel function.
 */
export function afterNextPaint(run: () => void, fallbackMs = 200): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
    run();
  };
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(once, 0);
  });
  const fallback = setTimeout(once, fallbackMs);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}

/** `afterNextPaint` as a promise, for async flows. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => void afterNextPaint(resolve));
}

/** A rate measured after warm-up: median of several windows, with min and max. */
export interface SteadyRate {
  median: number;
  min: number;
  max: number;
  /**
   * Median of the same windows counted in this process's CPU time instead of wall time. On a busy
   * machine the wall-clock rate falls while this one holds: a gap between them is contention, not code.
   */
  cpuMedian: number;
  windows: number;
  warmupS: number;
}

interface Window {
  /** Units per wall-clock second. */
  wall: number;
  /** Units per second of this process's CPU time (user + system, all threads). */
  cpu: number;
}

function rateOver(run: () => number, windowMs: number): Window {
  let n = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < windowMs) n += run();
  const used = process.cpuUsage(cpu);
  return {
    wall: (n * 1000) / (performance.now() - started),
    cpu: (n * 1e6) / Math.max(1, used.user + used.system),
  };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs `run` (which returns how many units it did) in windows of `windowMs`. Warm-up goes on until
 * two windows in a row agree within 5% (V8 has finished optimising), at most `maxWarmupMs`; then
 * `windows` timed windows give the median, min and max rate in units per second.
 */
export function steadyRate(
  run: () => number,
  { windowMs = 1000, windows = 7, maxWarmupMs = 10_000 } = {},
): SteadyRate {
  const warmStart = performance.now();
  let last = rateOver(run, windowMs / 2).wall;
  while (performance.now() - warmStart < maxWarmupMs) {
    const now = rateOver(run, windowMs / 2).wall;
    const stable = Math.abs(now - last) / Math.max(now, last) < 0.05;
    last = now;
    if (stable) break;
  }
  const warmupS = Math.round((performance.now() - warmStart) / 100) / 10;
  const timed: Window[] = [];
  for (let i = 0; i < windows; i++) timed.push(rateOver(run, windowMs));
  const rates = timed.map((w) => w.wall);
  return {
    median: median(rates),
    min: Math.min(...rates),
    max: Math.max(...rates),
    cpuMedian: median(timed.map((w) => w.cpu)),
    windows,
    warmupS,
  };
}

/** Median and p99 of timed calls (ms), after `warm` untimed calls. */
export function timeCalls(run: () => unknown, calls: number, warm = 3): { p50: number; p99: number } {
  for (let i = 0; i < warm; i++) run();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../src/parse/index.ts';
import { steadyRate } from './steady.ts';

export type ParseBench = {
  reports: number;
  failed: number;
  reports_per_s: number;
  min_per_s: number;
  max_per_s: number;
  /** Median rate in CPU time (see SteadyRate.cpuMedian): near reports_per_s on an idle machine. */
  cpu_reports_per_s: number;
  windows: number;
  warmup_s: number;
  /** The machine's 1-minute load average when the measurement ended (cores: `cores`). */
  load_1m: number;
  cores: number;
};

/** Texts of the bundled reports, `only` restricting them to a set of file names. */
export function readReports(reportsDir: string, only?: ReadonlySet<string>): string[] {
  return readdirSync(reportsDir)
    .filter((f) => f.endsWith('.txt') && (!only || only.has(f)))
    .sort()
    .map((f) => readFileSync(join(reportsDir, f), 'utf8'));
}

/**
 * Steady-state parse throughput on one core (reports per second): warmed up until the rate is stable,
 * then the median of several windows with their min and max. Reports that fail to parse still count
 * (they cost time too) and are reported as `failed`. The CPU-time rate and the load average say how
 * much of a low wall-clock figure is a busy machine rather than the code.
 */
export function benchParse(texts: readonly string[], windowMs = 1000, windows = 7): ParseBench {
  const sha = createHash('sha256').update('bench').digest('hex');
  let failed = 0;
  for (const t of texts) if (!parseReport(t, { file: 'bench.txt', sha256: sha }).ok) failed++;
  const rate = steadyRate(
    () => {
      for (const t of texts) parseReport(t, { file: 'bench.txt', sha256: sha });
      return texts.length;
    },
    { windowMs, windows },
  );
  return {
    reports: texts.length,
    failed,
    reports_per_s: Math.round(rate.median),
    min_per_s: Math.round(rate.min),
    max_per_s: Math.round(rate.max),
    cpu_reports_per_s: Math.round(rate.cpuMedian),
    windows: rate.windows,
    warmup_s: rate.warmupS,
    load_1m: Math.round(loadavg()[0]! * 10) / 10,
    cores: availableParallelism(),
  };
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/parse/index.ts';

/** Parse throughput on the bundled seeds, one core: reports per second. */
export function benchParse(
  reportsDir: string,
  seconds = 2,
): { reports_per_s: number; ms_per_report: number } {
  const texts = readdirSync(reportsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(reportsDir, f), 'utf8'));
  const sha = createHash('sha256').update('bench').digest('hex');
  for (const t of texts) parseReport(t, { file: 'warmup.txt', sha256: sha });
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const t of texts) {
      const r = parseReport(t, { file: 'bench.txt', sha256: sha });
      if (!r.ok) throw new Error(`bench seed failed to parse: ${r.error.code}`);
      n++;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  return { reports_per_s: Math.round(n / elapsed), ms_per_report: Number(((elapsed * 1000) / n).toFixed(3)) };
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, findPrevious } from '../src/check/index.ts';
import { parseReport } from '../src/parse/index.ts';
import type { Report } from '../src/schema/index.ts';

/** Time to check every bundled report (each with its previous year), in milliseconds per pass. */
export function benchCheck(reportsDir: string): { store_ms: number; reports: number } {
  const reports: Report[] = [];
  for (const f of readdirSync(reportsDir).filter((n) => n.endsWith('.txt'))) {
    const r = parseReport(readFileSync(join(reportsDir, f), 'utf8'), { file: f, sha256: f });
    if (r.ok) reports.push(r.report);
  }
  const rounds = 50;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    for (const r of reports) checkReport(r, { previous: findPrevious(r, reports), others: reports });
  }
  return { store_ms: Number(((performance.now() - started) / rounds).toFixed(3)), reports: reports.length };
}

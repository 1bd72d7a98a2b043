/**
 * Run by bench/store-pg.ts in a fresh process, so start time and peak RSS are a bot instance's own:
 * `tsx bench/_store-pg-child.ts DATABASE_URL SPEC_FILE` prints one JSON line.
 * SPEC: { a, b: agency names, year, metric, province (2 digits), ingest: a new record (with prose) }.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { copyPrint } from '../src/check/index.ts';
import { openStoreAt, type StoredReport } from '../src/store/index.ts';

const [url, specFile] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile!, 'utf8')) as {
  a: string;
  b: string;
  year: number;
  metric: string;
  province: string;
  years: number[];
  ingest: StoredReport;
};
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const t0 = performance.now();
const store = await openStoreAt(url!);
const openMs = performance.now() - t0;
const catalogue = store.catalogue();
const first = await store.find({ agency: spec.a, year: spec.year });
const firstMs = performance.now() - t0;

const asks: Record<string, () => Promise<unknown>> = {
  lookup: () => store.find({ agency: spec.a, year: spec.year }),
  compare: () =>
    Promise.all([
      store.find({ agency: spec.a, year: spec.year }),
      store.find({ agency: spec.b, year: spec.year }),
    ]),
  national_ranking: () => store.rank({ metric: spec.metric, year: spec.year, limit: 10 }),
  province_trend: async () => {
    const sums: number[] = [];
    for (const year of spec.years) {
      const rows = await store.rank({ metric: spec.metric, year, region: spec.province });
      sums.push(rows.reduce((s, r) => s + r.value, 0));
    }
    return sums;
  },
};
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ask: Record<string, { p50_ms: number; p99_ms: number; rows: number }> = {};
for (const [name, run] of Object.entries(asks)) {
  const rounds = name === 'province_trend' ? 20 : 200;
  const rows = await run();
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  ask[name] = {
    p50_ms: +pct(times, 0.5).toFixed(3),
    p99_ms: +pct(times, 0.99).toFixed(3),
    rows: Array.isArray(rows) ? rows.flat().length : 0,
  };
}
const rssAnswering = rssMb();

// one ingest: the upsert of one new report (with its prose), then the same again (unchanged)
const t1 = performance.now();
const outcome = await store.upsert(spec.ingest);
const ingestMs = performance.now() - t1;

// copy detection for one added report: the fingerprint index (loaded once), then its candidates
const t2 = performance.now();
const copies = await store.copies();
const copyLoadMs = performance.now() - t2;
const report = spec.ingest.report;
const t3 = performance.now();
const rounds = 20;
let matches = 0;
for (let i = 0; i < rounds; i++) {
  const print = copyPrint(report);
  matches = copies.matches({ ...report, id: `${report.id}#${i}` }, print, 0.85).length;
}
const copyMs = (performance.now() - t3) / rounds;

process.stdout.write(
  `${JSON.stringify({
    reports: catalogue.length,
    open_ms: Math.round(openMs),
    first_answer_ms: Math.round(firstMs),
    first_answer_rows: first.length,
    ask,
    peak_rss_mb: rssAnswering,
    ingest_ms: +ingestMs.toFixed(1),
    ingest_outcome: outcome,
    copy_index_load_ms: Math.round(copyLoadMs),
    copy_index_size: copies.size,
    copy_detect_ms: +copyMs.toFixed(3),
    copy_matches: matches,
    peak_rss_with_copy_index_mb: rssMb(),
  })}\n`,
);
await store.close();
process.exit(0);

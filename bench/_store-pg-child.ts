/**
 * Run by bench/store-pg.ts in a fresh process, so start time and peak RSS are a bot instance's own:
 * `tsx bench/_store-pg-child.ts DATABASE_URL SPEC_FILE` prints one JSON line.
 * SPEC: { a, b: agency names, year, metric, province (2 digits), ingest: a new record (with prose) }.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { copyPrint } from '../src/check/index.ts';
import { openStoreAt, type StoredReport } from '../src/store/index.ts';
import { peakRssMb } from './_peak-rss.ts';

const [url, specFile] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile!, 'utf8')) as {
  a: string;
  b: string;
  year: number;
  metric: string;
  province: string;
  years: number[];
  ingest: StoredReport;
  /** The division code of body `a`. */
  region: string;
};
const rssMb = peakRssMb;
/** CPU time of this process since `from` (user + system), ms: wall time on a loaded machine is mostly waiting. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return Math.round((u.user + u.system) / 100) / 10;
};
const load = [loadavg()[0]!];

const t0 = performance.now();
const c0 = process.cpuUsage();
const store = await openStoreAt(url!);
const openMs = performance.now() - t0;
const openCpuMs = cpuMs(c0);
const catalogue = store.catalogue();
const firstRows = await store.find({ agency: spec.a, year: spec.year });
const firstMs = performance.now() - t0;

const asks: Record<string, () => Promise<unknown>> = {
  lookup: () => store.find({ agency: spec.a, year: spec.year }),
  compare: () =>
    Promise.all([
      store.find({ agency: spec.a, year: spec.year }),
      store.find({ agency: spec.b, year: spec.year }),
    ]),
  // as the ranking answer asks: the first ten (values that show equal at the cut too) and the count
  national_ranking: () =>
    Promise.all([
      store.rank({ metric: spec.metric, year: spec.year, limit: 10, ties: 0.011 }),
      store.rankCount({ metric: spec.metric, year: spec.year }),
    ]),
  // the asked body's place: those ranking above it counted, those showing equal to it read
  ranking_place: async () => {
    const [mine] = await store.rank({ metric: spec.metric, year: spec.year, region: spec.region });
    const v = mine?.value ?? 0;
    return Promise.all([
      store.rankCount({ metric: spec.metric, year: spec.year, atLeast: v + 0.005 }),
      store.rank({ metric: spec.metric, year: spec.year, atLeast: v - 0.005, below: v + 0.005 }),
    ]);
  },
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
// wall time on a loaded machine is mostly waiting for a core: the fastest run and this process's
// CPU per run (parsing rows, ordering, the pool) are printed beside p50 and p99
const ask: Record<string, { p50_ms: number; p99_ms: number; min_ms: number; cpu_ms: number; rows: number }> =
  {};
for (const [name, run] of Object.entries(asks)) {
  const rounds = name === 'province_trend' ? 20 : 200;
  const rows = await run();
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const cpuPerRun = cpuMs(cpu) / rounds;
  times.sort((x, y) => x - y);
  ask[name] = {
    p50_ms: +pct(times, 0.5).toFixed(3),
    p99_ms: +pct(times, 0.99).toFixed(3),
    min_ms: +times[0]!.toFixed(3),
    cpu_ms: +cpuPerRun.toFixed(3),
    rows: Array.isArray(rows) ? rows.flat().length - rows.filter((r) => typeof r === 'number').length : 0,
  };
}
const rssAnswering = rssMb();

// one ingest: the upsert of one new report (with its prose)
const t1 = performance.now();
const c1 = process.cpuUsage();
const outcome = await store.upsert(spec.ingest);
const ingestMs = performance.now() - t1;
const ingestCpuMs = cpuMs(c1);

// copy detection for one added report, as addReports does it: the store's fingerprints near the
// report (a few queries on PostgreSQL), the report joins them, then its candidates; the first
// report cold, then the same for 20 more reports (other ids, so nothing is cached)
const report = spec.ingest.report;
const detect = async (r: typeof report) => {
  const print = copyPrint(r);
  const near = await store.copies([r]);
  near.add(r, print);
  return { size: near.size, matches: near.matches(r, print, 0.85).length };
};
const t2 = performance.now();
const first = await detect({ ...report, id: `${report.id}#first` });
const copyFirstMs = performance.now() - t2;
const rounds = 20;
const c3 = process.cpuUsage();
const t3 = performance.now();
for (let i = 0; i < rounds; i++) await detect({ ...report, id: `${report.id}#${i}` });
const copyMs = (performance.now() - t3) / rounds;
const copyCpuMs = cpuMs(c3) / rounds;
load.push(loadavg()[0]!);

process.stdout.write(
  `${JSON.stringify({
    reports: catalogue.length,
    load_average: load.map((l) => +l.toFixed(1)),
    open_ms: Math.round(openMs),
    open_cpu_ms: openCpuMs,
    first_answer_ms: Math.round(firstMs),
    first_answer_rows: firstRows.length,
    ask,
    peak_rss_mb: rssAnswering,
    ingest_ms: +ingestMs.toFixed(1),
    ingest_cpu_ms: ingestCpuMs,
    ingest_outcome: outcome,
    copy_detect_first_ms: +copyFirstMs.toFixed(1),
    copy_detect_ms: +copyMs.toFixed(2),
    copy_detect_cpu_ms: +copyCpuMs.toFixed(2),
    copy_near_index_size: first.size,
    copy_matches: first.matches,
    peak_rss_with_copies_mb: rssMb(),
  })}\n`,
);
await store.close();
process.exit(0);

/**
 * Run by bench/store.ts in a fresh process, so open time and peak RSS are the store's own:
 * `tsx bench/_store-child.ts STORE_PATH SEED_FILE` prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../src/answer/index.ts';
import { copyPrint } from '../src/check/index.ts';
import { addReports } from '../src/pipeline/index.ts';
import { openStore } from '../src/store/index.ts';
import { peakRssMb } from './_peak-rss.ts';

const [path, seedFile, ...questions] = process.argv.slice(2);
/** CPU time of this process (user + system), ms: beside wall times, since the machine may be shared. */
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const c0 = cpuNow();
const t0 = performance.now();
const store = await openStore(path!);
const openMs = performance.now() - t0;
const openCpuMs = cpuNow() - c0;
const first = await answerQuestion(questions[0]!, store);
const firstMs = performance.now() - t0;
const times: Record<string, number[]> = {};
for (const q of questions) {
  const list: number[] = [];
  for (let r = 0; r < 50; r++) {
    const t = performance.now();
    await answerQuestion(q, store);
    list.push(performance.now() - t);
  }
  times[q] = list.sort((a, b) => a - b);
}
const bytes = readFileSync(seedFile!);
const c1 = cpuNow();
const t1 = performance.now();
const [added] = await addReports(store, [{ file: basename(seedFile!), bytes }], { inWorker: false });
const ingestMs = performance.now() - t1;
const ingestCpuMs = cpuNow() - c1;
// copy detection for one added report: its fingerprint, and candidates from the index
let copyMs = Number.NaN;
if (added?.ok) {
  const report = added.report;
  const t = performance.now();
  const copies = await store.copies();
  for (let i = 0; i < 20; i++)
    copies.matches({ ...report, id: `${report.id}#${i}` }, copyPrint(report), 0.85);
  copyMs = (performance.now() - t) / 20;
}
// a second question after the change: the indexes are current without a rebuild of the store
const t2 = performance.now();
await answerQuestion(questions[0]!, store);
const afterIngestMs = performance.now() - t2;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
process.stdout.write(
  `${JSON.stringify({
    reports: store.all().length,
    open_ms: Math.round(openMs),
    open_cpu_ms: Math.round(openCpuMs),
    first_answer_ms: Math.round(firstMs),
    first_answer: first.text.split('\n')[0],
    ask: Object.fromEntries(
      Object.entries(times).map(([q, xs]) => [
        q,
        { p50_ms: +pct(xs, 0.5).toFixed(3), p99_ms: +pct(xs, 0.99).toFixed(3) },
      ]),
    ),
    ingest_ms: Math.round(ingestMs),
    ingest_cpu_ms: Math.round(ingestCpuMs),
    ingest_outcome: added?.ok ? added.outcome : added?.code,
    ask_after_ingest_ms: +afterIngestMs.toFixed(1),
    copy_detect_ms: +copyMs.toFixed(3),
    peak_rss_mb: peakRssMb(),
    cpu_ms: Math.round(process.cpuUsage().user / 1000),
  })}\n`,
);
process.exit(0);

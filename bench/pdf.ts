import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../src/ingest/index.ts';
import { closeParsePool, parseInWorker } from '../src/pipeline/index.ts';

const FIXTURE_PDFS = fileURLToPath(new URL('../test/fixtures/pdf/', import.meta.url));

interface PdfFile {
  name: string;
  path: string;
  bytes: Uint8Array;
  pages: number;
}

export type PdfBench = {
  /** Batch through the parse worker pool (every core), extraction and parse: pages per second. */
  pages_per_s: number;
  /** The same files one after another on this thread, extraction only: pages per second. */
  one_core_pages_per_s: number;
  /** Parse worker threads the batch ran on. */
  workers: number;
  /** Cores this process kept busy (CPU ÷ wall) one core, and in the batch: below 1 and 2, the machine is shared. */
  one_core_cores_used: number;
  batch_cores_used: number;
  /** Load average over the last minute when the bench ended, and the machine's cores. */
  load_1m: number;
  cores: number;
  /** `pdftotext -layout` on the same files one after another (one core), or null with a note. */
  pdftotext_pages_per_s: number | null;
  /** pdftotext's one-core rate ÷ ours, one core each. */
  pdftotext_vs_one_core?: number;
  /**
   * Pages per CPU second (every thread of this process; pdftotext's child processes): figures
   * that a shared machine does not move much. On an idle machine the batch rate is about
   * `batch_pages_per_cpu_s` × cores.
   */
  one_core_pages_per_cpu_s: number;
  batch_pages_per_cpu_s: number;
  pdftotext_pages_per_cpu_s: number | null;
  /** Our figures beside pdftotext's, for the target line. */
  beside: string;
  note?: string;
  files: number;
  pages: number;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Pages per second of `once` (which returns the pages it did) over `rounds` runs, after one warm-up
 * run, and the cores this process kept busy meanwhile (CPU time ÷ wall time, every thread).
 */
async function rate(
  once: () => Promise<number> | number,
  rounds: number,
  cpuSeconds: () => number = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1e6;
  },
): Promise<{ pagesPerS: number; cores: number; pagesPerCpuS: number }> {
  await once();
  let pages = 0;
  const cpu = cpuSeconds();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) pages += await once();
  const wall = (performance.now() - started) / 1000;
  const used = cpuSeconds() - cpu;
  return {
    pagesPerS: round1(pages / wall),
    cores: Math.round((used / wall) * 100) / 100,
    pagesPerCpuS: round1(pages / used),
  };
}

/** CPU seconds of this process's ended child processes (Linux /proc, clock ticks of 1/100 s). */
function childCpuSeconds(): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN; // no figure (printed as null)
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // fields after the command name: state is field 3, cutime 16, cstime 17
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function hasPdftotext(): boolean {
  const r = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' });
  return !r.error;
}

/**
 * PDF throughput over the fixture PDFs: (a) one core, extraction only, files one after another;
 * (b) a batch (every file `rounds` times, submitted at once) through the parse worker pool, as
 * `ingest` runs it — the key figure `pages_per_s`; (c) poppler's `pdftotext -layout` on the same
 * files, when it is on PATH.
 */
export async function benchPdf(pdfDir = FIXTURE_PDFS, rounds = 5): Promise<PdfBench> {
  const files: PdfFile[] = [];
  for (const name of readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'))) {
    const path = join(pdfDir, name);
    const bytes = new Uint8Array(readFileSync(path));
    const r = await extractText(bytes, name);
    if (!r.ok) throw new Error(`bench PDF ${name} failed: ${r.error.code}`);
    files.push({ name, path, bytes, pages: r.value.pages ?? 0 });
  }
  const pages = files.reduce((n, f) => n + f.pages, 0);

  const oneCore = await rate(async () => {
    for (const f of files) {
      const r = await extractText(f.bytes, f.name);
      if (!r.ok) throw new Error(`bench PDF ${f.name} failed: ${r.error.code}`);
    }
    return pages;
  }, rounds);

  const workers = Number(process.env.INGEST_WORKERS) || Math.min(4, availableParallelism());
  let batch: { pagesPerS: number; cores: number; pagesPerCpuS: number };
  try {
    const batchOf = (copies: number) => async () => {
      const inputs = Array.from({ length: copies }, () => files).flat();
      const done = await Promise.all(inputs.map((f) => parseInWorker({ file: f.name, bytes: f.bytes })));
      const bad = done.find((d) => !d.ok);
      if (bad && !bad.ok) throw new Error(`bench PDF ${bad.file} failed in the pool: ${bad.code}`);
      return copies * pages;
    };
    await batchOf(workers)(); // starts every worker (each loads the parser once)
    batch = await rate(batchOf(rounds), 2);
  } finally {
    await closeParsePool();
  }

  const out: PdfBench = {
    pages_per_s: batch.pagesPerS,
    one_core_pages_per_s: oneCore.pagesPerS,
    workers,
    one_core_cores_used: oneCore.cores,
    batch_cores_used: batch.cores,
    load_1m: Math.round(loadavg()[0]! * 10) / 10,
    cores: availableParallelism(),
    pdftotext_pages_per_s: null,
    one_core_pages_per_cpu_s: oneCore.pagesPerCpuS,
    batch_pages_per_cpu_s: batch.pagesPerCpuS,
    pdftotext_pages_per_cpu_s: null,
    beside: `ours: one core ${oneCore.pagesPerS} pages/s (${oneCore.pagesPerCpuS} per CPU s), batch ${batch.pagesPerCpuS} per CPU s`,
    files: files.length,
    pages,
  };
  const notes: string[] = [];
  if (out.load_1m > out.cores) {
    notes.push(
      `machine shared (load ${out.load_1m} on ${out.cores} cores): the pool's workers run at nice 19 and yield to other processes; compare figures of one run`,
    );
  }
  if (!hasPdftotext()) {
    notes.push('pdftotext not installed: no side-by-side figure');
    return { ...out, note: notes.join('; '), beside: `pdftotext not installed; ${out.beside}` };
  }
  const popplerRate = await rate(
    () => {
      for (const f of files) {
        const r = spawnSync('pdftotext', ['-layout', f.path, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
        if (r.status !== 0) throw new Error(`pdftotext failed on ${f.name}`);
      }
      return pages;
    },
    rounds,
    childCpuSeconds,
  );
  return {
    ...out,
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    pdftotext_pages_per_s: popplerRate.pagesPerS,
    pdftotext_vs_one_core: round1(popplerRate.pagesPerS / oneCore.pagesPerS),
    pdftotext_pages_per_cpu_s: popplerRate.pagesPerCpuS,
    beside: `pdftotext -layout: ${popplerRate.pagesPerS} pages/s on one core (${popplerRate.pagesPerCpuS} per CPU s); ${out.beside}`,
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getNluContext } from '../src/answer/_context-cache.ts';
import { answerQuestion, prepareAnswers } from '../src/answer/index.ts';
import { openStore } from '../src/store/index.ts';
import { loadDivisions, nationalRecord, nationalSeeds } from './_national.ts';
import { writeJsonStore } from './store.ts';

/**
 * The answer layer on a 20k national JSON store (issue 13 item 4, issue 12 "nlu and answer keep
 * their speed"): the matcher context built at start, the first (uncached) national ranking, the
 * context brought up to date after one ingest, and ask p50/p99 over every kind of question.
 */
export type AnswersBench = {
  records: number;
  context_build_ms: number;
  first_national_rank_ms: number;
  cached_national_rank_ms: number;
  ingest_one_ms: number;
  context_update_ms: number;
  ask_p50_ms: number;
  ask_p99_ms: number;
  /** CPU time of this process for the same steps (the wall times grow when the machine is shared). */
  cpu_ms: Record<'context_build' | 'first_national_rank' | 'context_update', number>;
};

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Wall and CPU time of one step, in ms. */
async function timed(step: () => unknown): Promise<{ ms: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  await step();
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  return { ms: round(ms), cpu: round((used.user + used.system) / 1000) };
}

export async function benchAnswers(n = 20_000): Promise<AnswersBench> {
  const seeds = nationalSeeds();
  const divisions = loadDivisions();
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-answers-'));
  try {
    const path = join(dir, 'store.json');
    writeJsonStore(path, n, seeds);
    const store = await openStore(path);
    const build = await timed(() => prepareAnswers(store));
    const ranking = '2023年哪里行政许可最多';
    const first = await timed(() => answerQuestion(ranking, store));
    const cached = await timed(() => answerQuestion(ranking, store));
    // one report of a body not yet held: the store changes, the context follows it in place
    const ingest = await timed(() => store.upsert(nationalRecord(n, seeds, divisions)));
    const update = await timed(() => getNluContext(store));
    const [a, b] = [divisions[0]!.name, divisions[1]!.name];
    const questions = [
      `${a}人民政府2023年行政处罚多少`,
      `${a}人民政府和${b}人民政府的行政强制对比`,
      ranking,
      `${a}人民政府历年行政许可`,
      `${b}财政局2022年依申请公开申请`,
      `${a}人民政府2023年的报告靠谱吗`,
      `${a}人民政府2023年行政许可排第几`,
      '一共有多少份年报',
    ];
    const times: number[] = [];
    for (let r = 0; r < 50; r++) {
      for (const q of questions) {
        const s = performance.now();
        await answerQuestion(q, store);
        times.push(performance.now() - s);
      }
    }
    times.sort((x, y) => x - y);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
    await store.close();
    return {
      records: n,
      context_build_ms: build.ms,
      first_national_rank_ms: first.ms,
      cached_national_rank_ms: cached.ms,
      ingest_one_ms: ingest.ms,
      context_update_ms: update.ms,
      ask_p50_ms: round(pct(0.5)),
      ask_p99_ms: round(pct(0.99)),
      cpu_ms: { context_build: build.cpu, first_national_rank: first.cpu, context_update: update.cpu },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await benchAnswers(Number(process.argv[2] ?? 20_000)))}\n`);
}

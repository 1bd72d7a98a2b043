/**
 * `npm run bench [-- --json]`: speed and memory figures, each printed beside its target with PASS/FAIL.
 * `--json` prints one JSON object and nothing else. `--only parse,chart` runs some sections.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchChart } from './chart.ts';
import { benchCheck } from './check.ts';
import { benchParse, readReports } from './parse.ts';

const REPORTS_DIR = fileURLToPath(new URL('../data/reports', import.meta.url));
const GOLD_DIR = fileURLToPath(new URL('../test/fixtures/gold', import.meta.url));

type Section = Record<string, unknown>;

interface Target {
  name: string;
  value: number | undefined;
  op: '>=' | '<=';
  limit: number;
  unit: string;
  /** A figure to read beside this one (a peer's), printed after the verdict. */
  beside?: string | undefined;
}

async function optional(load: () => Promise<object> | object): Promise<object> {
  try {
    return await load();
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function num(section: unknown, ...path: string[]): number | undefined {
  let v: unknown = section;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** The seed reports: those with hand-checked gold. */
function seedNames(): Set<string> {
  return new Set(readdirSync(GOLD_DIR).map((f) => f.replace(/\.json$/, '.txt')));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      'national-max': { type: 'string' },
    },
  });
  const only = values.only ? new Set(values.only.split(',')) : undefined;
  const want = (name: string) => !only || only.has(name);
  const out: Section = {};
  if (want('parse')) {
    out.parse = {
      seeds: benchParse(readReports(REPORTS_DIR, seedNames())),
      bundled: benchParse(readReports(REPORTS_DIR)),
    };
  }
  if (want('check')) out.check = benchCheck(REPORTS_DIR);
  if (want('chart')) out.chart = await optional(benchChart);
  if (want('pdf')) out.pdf = await optional(async () => (await import('./pdf.ts')).benchPdf());
  if (want('ask')) out.ask = await optional(async () => (await import('./ask.ts')).benchAsk());
  if (want('store')) out.store = await optional(async () => (await import('./store.ts')).benchStore());
  // the answer layer on the 20k JSON store: first national ranking, context update after an ingest
  if (want('answers'))
    out.answers = await optional(async () => (await import('./answers.ts')).benchAnswers());
  // PostgreSQL at 20k/50k/100k national records (`--national-max 500000` adds 500k); a server of its own
  if (want('store-pg'))
    out['store-pg'] = await optional(async () =>
      (await import('./store-pg.ts')).benchStorePg(Number(values['national-max'] ?? 100_000)),
    );
  if (want('messages'))
    out.messages = await optional(async () => (await import('./messages.ts')).benchMessages(REPORTS_DIR));
  const targets: Target[] = [
    {
      name: 'parse seeds (median)',
      value: num(out.parse, 'seeds', 'reports_per_s'),
      op: '>=',
      limit: 2600,
      unit: '/s',
    },
    {
      name: 'parse bundled (median)',
      value: num(out.parse, 'bundled', 'reports_per_s'),
      op: '>=',
      limit: 2600,
      unit: '/s',
    },
    {
      name: 'PDF batch',
      value: num(out.pdf, 'pages_per_s'),
      op: '>=',
      limit: 150,
      unit: ' pages/s',
      beside: (out.pdf as { beside?: string } | undefined)?.beside,
    },
    { name: 'chart 10 bars (warm p50)', value: num(out.chart, 'bar10_ms'), op: '<=', limit: 50, unit: ' ms' },
    {
      name: 'chart 5-series trend (warm p50)',
      value: num(out.chart, 'trend5_ms'),
      op: '<=',
      limit: 50,
      unit: ' ms',
    },
    {
      name: 'understand a hostile message ≤ 4,096 chars (worst median)',
      value: num(out.messages, 'understand_max_ms'),
      op: '<=',
      limit: 20,
      unit: ' ms',
    },
    { name: 'ask p50 10k ÷ 10', value: num(out.ask, 'ask', 'p50_ratio'), op: '<=', limit: 1.5, unit: '×' },
    {
      name: 'first national ranking at 20k (JSON store)',
      value: num(out.answers, 'first_national_rank_ms'),
      op: '<=',
      limit: 20,
      unit: ' ms',
    },
    {
      name: 'JSON store 20k: open',
      value: num(out.store, 'json_20000', 'open_ms'),
      op: '<=',
      limit: 1500,
      unit: ' ms',
    },
    {
      name: 'JSON store 20k: peak RSS (open, ask, ingest)',
      value: num(out.store, 'json_20000', 'peak_rss_mb'),
      op: '<=',
      limit: 500,
      unit: ' MB',
    },
    {
      name: 'JSON store 20k: ingest one report',
      value: num(out.store, 'json_20000', 'ingest_ms'),
      op: '<=',
      limit: 1000,
      unit: ' ms',
    },
    {
      name: 'JSON store 20k: copy detection per added report',
      value: num(out.store, 'json_20000', 'copy_detect_ms'),
      op: '<=',
      limit: 100,
      unit: ' ms',
    },
    ...(out['store-pg'] ? (await import('./store-pg.ts')).storePgTargets(out['store-pg']) : []),
  ];
  const verdicts = targets
    .filter((t) => t.value !== undefined)
    .map((t) => ({ ...t, pass: t.op === '>=' ? t.value! >= t.limit : t.value! <= t.limit }));
  out.targets = Object.fromEntries(
    verdicts.map((t) => [t.name, { value: t.value, target: `${t.op} ${t.limit}`, pass: t.pass }]),
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  for (const [k, v] of Object.entries(out))
    if (k !== 'targets') process.stdout.write(`${k}: ${JSON.stringify(v)}\n`);
  process.stdout.write('\ntargets:\n');
  for (const t of verdicts) {
    process.stdout.write(
      `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value}${t.unit} (target ${t.op} ${t.limit}${t.unit})${t.beside ? ` — ${t.beside}` : ''}\n`,
    );
  }
}

await main();

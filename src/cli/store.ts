import cliProgress from 'cli-progress';
import { agencyLevel, allDivisions } from '../domain/index.ts';
import {
  type AnyStore,
  agencyKey,
  type CatalogueRow,
  defaultStoreLocation,
  isDatabaseUrl,
  openStoreAt,
  redactUrl,
  type StoredReport,
  type UpsertOutcome,
} from '../store/index.ts';
import { type CommandArgs, defineCommand, type OptionSpec } from './_args.ts';
import { forTerminal } from './_terminal.ts';

/**
 * `store copy --from A --to B`: every record of one store into another (JSON file ↔ PostgreSQL, any
 * direction), with its prose, by the store's upsert rules (records already there by id, or agency
 * and year, are replaced or left unchanged). `store stats`: counts by year, province and level.
 */
const options = {
  from: {
    type: 'string',
    arg: 'STORE',
    help: '来源：数据库文件或 postgres:// 地址 / source store (file or URL)',
  },
  to: {
    type: 'string',
    arg: 'STORE',
    help: '目标：数据库文件或 postgres:// 地址 / target store (file or URL)',
  },
  store: {
    type: 'string',
    arg: 'STORE',
    help: '统计的数据库 / store for stats (default: DATABASE_URL, STORE_PATH, data/store.json)',
  },
  batch: { type: 'string', arg: 'N', help: '每批记录数 / records per write (default 500; 5000 into a file)' },
  json: { type: 'boolean', help: '以 JSON 输出统计 / stats as JSON' },
} satisfies Record<string, OptionSpec>;

export const command = defineCommand({
  name: 'store',
  args: 'copy|stats',
  summary:
    '数据库：复制（文件 ↔ PostgreSQL）与统计 / copy a store (file ↔ PostgreSQL), counts by year, province, level',
  minPositionals: 1,
  options,
  run,
});

/** A location for messages: a URL without its password. */
function shown(location: string): string {
  return isDatabaseUrl(location) ? redactUrl(location) : location;
}

async function run({ values, positionals }: CommandArgs<typeof options>): Promise<number> {
  const [sub] = positionals;
  if (sub === 'copy') return copy(values);
  if (sub === 'stats') return stats(values);
  process.stderr.write(`未知子命令 “${forTerminal(sub ?? '')}” / unknown subcommand: store copy|stats\n`);
  return 2;
}

/** Progress on a terminal: a bar; otherwise a plain line every tenth (and at the end). */
function progress(total: number, label: string): { update(done: number): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: `${label} [{bar}] {value}/{total} {percentage}% · {eta_formatted}` },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let shownTenth = -1;
  return {
    update(done) {
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenth === shownTenth) return;
      shownTenth = tenth;
      process.stderr.write(`${label} ${done}/${total}\n`);
    },
    stop: () => undefined,
  };
}

async function copy(values: CommandArgs<typeof options>['values']): Promise<number> {
  if (!values.from || !values.to) {
    process.stderr.write('需要 --from 和 --to / store copy needs --from STORE --to STORE\n');
    return 2;
  }
  if (values.from.trim() === values.to.trim()) {
    process.stderr.write('来源与目标相同 / --from and --to are the same store\n');
    return 2;
  }
  const batch = Number(values.batch ?? (isDatabaseUrl(values.to) ? 500 : 5000));
  if (!Number.isInteger(batch) || batch < 1) {
    process.stderr.write(`--batch 须为正整数 / --batch must be a positive integer\n`);
    return 2;
  }
  const from = await openStoreAt(values.from);
  let to: AnyStore | undefined;
  try {
    to = await openStoreAt(values.to);
    const ids = from.catalogue().map((r) => r.id);
    const counts: Record<UpsertOutcome, number> = { added: 0, updated: 0, unchanged: 0 };
    const bar = progress(ids.length, `${shown(values.from)} → ${shown(values.to)}`);
    const t0 = performance.now();
    for (let at = 0; at < ids.length; at += batch) {
      const entries = await from.find({ ids: ids.slice(at, at + batch) });
      // each record goes with its prose, which the target stores beside it
      const full: StoredReport[] = [];
      for (const e of entries) full.push({ ...e, report: await from.hydrate(e) });
      for (const o of await to.upsertMany(full)) counts[o]++;
      bar.update(Math.min(ids.length, at + batch));
    }
    if (ids.length === 0) bar.update(0);
    bar.stop();
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(
      `已复制 ${ids.length} 份 / copied ${ids.length} records in ${s} s: ` +
        `added ${counts.added}, updated ${counts.updated}, unchanged ${counts.unchanged}\n`,
    );
    return 0;
  } finally {
    await to?.close();
    await from.close();
  }
}

export interface StoreStats {
  store: string;
  backend: 'postgres' | 'file';
  reports: number;
  agencies: number;
  by_year: Record<string, number>;
  by_province: Record<string, number>;
  by_level: Record<string, number>;
}

/** Counts of the catalogue by year, province (name from the division code) and standing. */
export function countStats(location: string, rows: readonly CatalogueRow[]): StoreStats {
  const provinces = new Map(
    allDivisions()
      .filter((d) => d.level === 'province')
      .map((d) => [d.code.slice(0, 2), d.name] as const),
  );
  const byYear = new Map<number, number>();
  const byProvince = new Map<string, number>();
  const byLevel = new Map<string, number>();
  const agencies = new Set<string>();
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of rows) {
    bump(byYear, r.year);
    const code = r.region?.code?.slice(0, 2);
    bump(byProvince, (code && provinces.get(code)) || r.region?.province || '（未知 / unknown）');
    bump(byLevel, agencyLevel(r));
    agencies.add(agencyKey(r));
  }
  const sorted = <K>(m: Map<K, number>, byKey: boolean) =>
    Object.fromEntries(
      [...m].sort((a, b) =>
        byKey ? (a[0] < b[0] ? -1 : 1) : b[1] - a[1] || String(a[0]).localeCompare(String(b[0])),
      ),
    );
  return {
    store: shown(location),
    backend: isDatabaseUrl(location) ? 'postgres' : 'file',
    reports: rows.length,
    agencies: agencies.size,
    by_year: sorted(byYear, true),
    by_province: sorted(byProvince, false),
    by_level: sorted(byLevel, false),
  };
}

async function stats(values: CommandArgs<typeof options>['values']): Promise<number> {
  const location = values.store ?? defaultStoreLocation();
  const store = await openStoreAt(location);
  try {
    const s = countStats(location, store.catalogue());
    if (values.json) {
      process.stdout.write(`${JSON.stringify(s)}\n`);
      return 0;
    }
    const line = (title: string, m: Record<string, number>) =>
      `${title}\n${Object.entries(m)
        .map(([k, n]) => `  ${String(n).padStart(8)}  ${forTerminal(k)}`)
        .join('\n')}\n`;
    process.stdout.write(
      `${forTerminal(s.store)} (${s.backend === 'postgres' ? 'PostgreSQL' : 'JSON 文件 / file'}): ` +
        `${s.reports} 份报告 / reports, ${s.agencies} 个机关 / agencies\n` +
        line('按年份 / by year', s.by_year) +
        line('按省份 / by province', s.by_province) +
        line('按层级 / by level', s.by_level),
    );
    return 0;
  } finally {
    await store.close();
  }
}

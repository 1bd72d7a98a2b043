import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { checkAll } from '../src/check/index.ts';
import { openStoreAt, type PgStore, type StoredReport } from '../src/store/index.ts';
import { parseAllSeeds } from '../test/helpers.ts';
import { startPostgres } from '../test/support/postgres.ts';
import { DEPARTMENTS, loadDivisions, nationalRecord, YEARS } from './_national.ts';

const CHILD = fileURLToPath(new URL('./_store-pg-child.ts', import.meta.url));

export type StorePgBench = Record<string, unknown>;

/** CPU time (user + system, ms) of the server: the postmaster and every process it started. */
function serverCpuMs(pid: number): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // fields after the command: state, ppid, … utime (12th), stime (13th), in clock ticks (10 ms)
      const f = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(name) === pid || Number(f[1]) === pid) total += (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

const cpuOf = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/**
 * PostgreSQL store at national scale: a throwaway server of its own (skipped with a note when none
 * can be started), the national corpus loaded through the store's own upserts in batches (multi-row
 * inserts), measured at 20k, 50k and 100k records (and `maxRecords` when larger, e.g. 500k) in a
 * fresh process: database size, cold start to first answer, peak RSS, query p50/p99, one ingest,
 * copy detection per added report.
 */
export async function benchStorePg(maxRecords = 100_000): Promise<StorePgBench> {
  const sizes = [20_000, 50_000, 100_000].filter((n) => n <= maxRecords);
  // a larger store (500k), or a smaller one alone for a quick look
  if (maxRecords > 100_000 || sizes.length === 0) sizes.push(maxRecords);
  const server = await startPostgres({
    // durable as a production server (fsync on), sized for a bench machine
    settings: {
      fsync: 'on',
      synchronous_commit: 'on',
      full_page_writes: 'on',
      shared_buffers: '256MB',
      max_wal_size: '4GB',
      checkpoint_timeout: '30min',
    },
  });
  if ('skipped' in server) return { skipped: server.skipped };
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-pg-'));
  try {
    const parsed = parseAllSeeds();
    const checked = checkAll(parsed.map((p) => p.report));
    const seeds: StoredReport[] = parsed.map((p) => ({
      report: p.report,
      warnings: [...p.warnings, ...(checked.get(p.report.id) ?? [])],
    }));
    const divisions = loadDivisions();
    const out: StorePgBench = {
      server: { version: server.version, start_ms: Math.round(server.startMs) },
      corpus: { divisions: divisions.length, bodies_per_division: DEPARTMENTS.length, years: YEARS.length },
    };
    const url = await server.createDatabase('bench');
    const store = (await openStoreAt(url)) as PgStore;
    let loaded = 0;
    let loadMs = 0;
    const BATCH = 1000;
    for (const n of sizes) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const serverCpu = serverCpuMs(server.pid);
      const loadBefore = loadavg()[0]!;
      for (let at = loaded; at < n; at += BATCH) {
        const batch: StoredReport[] = [];
        for (let i = at; i < Math.min(n, at + BATCH); i++) batch.push(nationalRecord(i, seeds, divisions));
        await store.upsertMany(batch);
        if (process.stderr.isTTY || (at / BATCH) % 10 === 0)
          process.stderr.write(`store-pg: loaded ${Math.min(n, at + BATCH)}/${n}\n`);
      }
      loadMs += performance.now() - t;
      const rate = Math.round((n - loaded) / ((performance.now() - t) / 1000));
      // CPU per record: this process (generating, planning, encoding) and the server (COPY, indexes, WAL)
      const load = {
        load_records_per_s: rate,
        load_cpu_ms_per_record: +(cpuOf(cpu) / (n - loaded)).toFixed(2),
        load_server_cpu_ms_per_record: +((serverCpuMs(server.pid) - serverCpu) / (n - loaded)).toFixed(2),
        load_average: [+loadBefore.toFixed(1), +loadavg()[0]!.toFixed(1)],
      };
      loaded = n;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('VACUUM ANALYZE');
      const size = await client.query<{
        db: string;
        values: string;
        prose: string;
        records: string;
        values_mb: string;
        hashes: string;
      }>(
        `SELECT pg_database_size(current_database())::text AS db,
                (SELECT count(*) FROM record_values)::text AS values,
                pg_total_relation_size('prose')::text AS prose,
                pg_total_relation_size('records')::text AS records,
                pg_total_relation_size('record_values')::text AS values_mb,
                pg_total_relation_size('print_hashes')::text AS hashes`,
      );
      await client.end();
      const spec = {
        a: `${divisions[0]!.name}人民政府`,
        b: `${divisions[1]!.name}人民政府`,
        year: 2023,
        years: YEARS,
        metric: 'active.penalty',
        province: divisions[0]!.provinceCode.slice(0, 2),
        region: divisions[0]!.code,
        // the next record of the corpus: a new report for the store
        ingest: nationalRecord(n, seeds, divisions),
      };
      const specFile = join(dir, 'spec.json');
      writeFileSync(specFile, JSON.stringify(spec));
      const child = execFileSync(process.execPath, ['--import', 'tsx', CHILD, url, specFile], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      const r = JSON.parse(child.trim().split('\n').pop()!) as Record<string, unknown>;
      const mb = (bytes: string) => Math.round(Number(bytes) / 1e5) / 10;
      const sz = size.rows[0]!;
      out[`pg_${n}`] = {
        db_mb: mb(sz.db),
        records_mb: mb(sz.records),
        values_mb: mb(sz.values_mb),
        print_hashes_mb: mb(sz.hashes),
        prose_mb: mb(sz.prose),
        value_rows: Number(sz.values),
        ...load,
        ...r,
      };
      // each size as soon as it is measured (the largest take a while to load)
      process.stderr.write(`store-pg: pg_${n} ${JSON.stringify(out[`pg_${n}`])}\n`);
    }
    out.load_total_s = Math.round(loadMs / 100) / 10;
    await store.close();
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

// `tsx bench/store-pg.ts [MAX]`: this section alone
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const max = Number(process.argv[2] ?? 100_000);
  process.stdout.write(`${JSON.stringify(await benchStorePg(max), null, 1)}\n`);
}

/** The issue's targets for a bot instance on PostgreSQL, at every size measured (bench/run.ts prints them). */
export function storePgTargets(
  section: unknown,
): { name: string; value: number | undefined; op: '<='; limit: number; unit: string }[] {
  if (!section || typeof section !== 'object') return [];
  const out: { name: string; value: number | undefined; op: '<='; limit: number; unit: string }[] = [];
  for (const [key, v] of Object.entries(section as Record<string, unknown>)) {
    const m = /^pg_(\d+)$/.exec(key);
    if (!m || !v || typeof v !== 'object') continue;
    const r = v as Record<string, unknown>;
    const ask = (r.ask ?? {}) as Record<string, { p50_ms?: number; p99_ms?: number }>;
    const label = `PostgreSQL ${Number(m[1]) / 1000}k`;
    const t = (name: string, value: unknown, limit: number, unit: string) =>
      out.push({
        name: `${label}: ${name}`,
        value: typeof value === 'number' ? value : undefined,
        op: '<=',
        limit,
        unit,
      });
    t('first answer after start', r.first_answer_ms, 3000, ' ms');
    t('peak RSS (answering)', r.peak_rss_mb, 400, ' MB');
    for (const q of ['lookup', 'compare', 'national_ranking']) {
      t(`${q} p50`, ask[q]?.p50_ms, 5, ' ms');
      t(`${q} p99`, ask[q]?.p99_ms, 50, ' ms');
    }
    t('ingest one report', r.ingest_ms, 300, ' ms');
    t('copy detection, first added report', r.copy_detect_first_ms, 100, ' ms');
    t('copy detection per added report', r.copy_detect_ms, 100, ' ms');
  }
  return out;
}

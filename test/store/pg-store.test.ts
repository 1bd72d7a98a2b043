import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openStore,
  openStoreAt,
  type PgStore,
  type StoreChange,
  type StoredReport,
  StoreError,
} from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/pg/index.ts';
import { parseAllSeeds } from '../helpers.ts';
import { type PostgresServer, skipReason, startPostgres } from '../support/postgres.ts';

const seeds: StoredReport[] = parseAllSeeds();
const dirs: string[] = [];
/** A temp dir for a JSON store to compare with, removed after the tests. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pg-parity-'));
  dirs.push(dir);
  return dir;
}
const started = await startPostgres();

function withSha(entry: StoredReport, sha256: string): StoredReport {
  return { ...entry, report: { ...entry.report, source: { ...entry.report.source, sha256 } } };
}

const ids = (entries: readonly ({ report: { id: string } } | { id: string })[]) =>
  entries.map((e) => ('report' in e ? e.report.id : e.id));

async function sql<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(skipReason(started))('PostgreSQL store (a real server)', () => {
  const server = started as PostgresServer;
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const s of opened) await s.close();
    await server.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  async function open(url?: string): Promise<PgStore> {
    const store = (await openStoreAt(url ?? (await server.createDatabase()))) as PgStore;
    opened.push(store);
    return store;
  }

  it('upserts by the shared rules: added, unchanged, updated by id or agency+year, guard, warnings refresh', async () => {
    const store = await open();
    expect(await store.upsertMany(seeds)).toEqual(['added', 'added', 'added', 'added', 'added']);
    expect(await store.upsert(seeds[2]!)).toBe('unchanged');
    expect(await store.upsert(withSha(seeds[2]!, 'changed'))).toBe('updated');
    expect((await store.find({ ids: [seeds[2]!.report.id] }))[0]!.report.source.sha256).toBe('changed');
    // same agency and year under another id replaces the record, in its place
    const renamed = { ...seeds[1]!, report: { ...seeds[1]!.report, id: 'renamed-2022' } };
    expect(await store.upsert(renamed)).toBe('updated');
    expect(ids(store.catalogue())).toEqual([
      seeds[0]!.report.id,
      'renamed-2022',
      seeds[2]!.report.id,
      seeds[3]!.report.id,
      seeds[4]!.report.id,
    ]);
    expect(await store.find({ ids: [seeds[1]!.report.id] })).toEqual([]);
    // a guard refusing leaves the stored record
    const refused = await store.upsert(withSha(seeds[3]!, 'degraded'), { guard: () => 'RECORD_KEPT' });
    expect(refused).toBe('unchanged');
    expect((await store.find({ ids: [seeds[3]!.report.id] }))[0]!.report.source.sha256).toBe(
      seeds[3]!.report.source.sha256,
    );
    // same file with fresh warnings: unchanged, warnings kept
    const warned = {
      ...seeds[4]!,
      warnings: [...seeds[4]!.warnings, { ...seeds[3]!.warnings[0]!, report: seeds[4]!.report.id }],
    };
    expect(await store.upsert(warned)).toBe('unchanged');
    expect((await store.find({ ids: [seeds[4]!.report.id] }))[0]!.warnings).toEqual(warned.warnings);
    const rows = await sql<{ rule: string }>(
      store.pool.options.connectionString!,
      'SELECT rule FROM warnings WHERE record_id = $1 ORDER BY n',
      [seeds[4]!.report.id],
    );
    expect(rows.map((r) => r.rule)).toEqual(warned.warnings.map((w) => w.rule));
    const counts = await sql<{ records: number; values: number; prose: number }>(
      store.pool.options.connectionString!,
      `SELECT (SELECT count(*)::int FROM records) AS records, (SELECT count(*)::int FROM record_values) AS values,
              (SELECT count(*)::int FROM prose) AS prose`,
    );
    const numeric = [seeds[0]!, renamed, seeds[2]!, seeds[3]!, seeds[4]!].reduce(
      (n, s) => n + Object.values(s.report.values).filter((v) => typeof v === 'number').length,
      0,
    );
    // prose is content-addressed: the re-uploads of seeds[1] and seeds[2] brought no new text
    expect(counts[0]).toEqual({ records: 5, values: numeric, prose: 5 });
  });

  it('finds by ids, agency (key or name), year, region prefix and level, in store order', async () => {
    const store = await open();
    await store.upsertMany(seeds);
    expect(ids(await store.find({ year: 2023 }))).toEqual([
      '民和回族土族自治县人民政府-2023',
      '湟中区人民政府-2023',
      '平罗县人民政府办公室-2023',
    ]);
    expect(ids(await store.find({ agency: '化隆县人民政府' }))).toEqual(['化隆县人民政府-2024']);
    expect(ids(await store.find({ agency: '630224|人民政府' }))).toEqual(['化隆县人民政府-2024']);
    expect(ids(await store.find({ region: '6302' }))).toEqual([
      '民和回族土族自治县人民政府-2023',
      '互助土族自治县人民政府-2022',
      '化隆县人民政府-2024',
    ]);
    expect(ids(await store.find({ region: '630106' }))).toEqual(['湟中区人民政府-2023']);
    expect(ids(await store.find({ region: '64' }))).toEqual(['平罗县人民政府办公室-2023']);
    expect(ids(await store.find({ level: 'office' }))).toEqual(['平罗县人民政府办公室-2023']);
    expect(ids(await store.find({ level: 'county', year: 2022 }))).toEqual(['互助土族自治县人民政府-2022']);
    expect(ids(await store.find({ ids: ['化隆县人民政府-2024', 'nope', '湟中区人民政府-2023'] }))).toEqual([
      '化隆县人民政府-2024',
      '湟中区人民政府-2023',
    ]);
    // the same answers as the JSON file store
    const json = await openStore(join(tempDir(), 'store.json'));
    await json.upsertMany(seeds);
    for (const query of [
      { year: 2023 },
      { region: '63' },
      { level: 'county' as const },
      { agency: '湟中区人民政府' },
    ]) {
      expect(ids(await store.find(query))).toEqual(ids(await json.find(query)));
    }
    expect(store.catalogue()).toEqual(json.catalogue());
    const found = (await store.find({ ids: [seeds[2]!.report.id] }))[0]!;
    const held = (await json.find({ ids: [seeds[2]!.report.id] }))[0]!;
    expect(found).toEqual(held);
  });

  it('ranks one metric: newest year unless given, largest first, ties by id, limit, region, level', async () => {
    const store = await open();
    const twin = {
      ...seeds[0]!,
      report: {
        ...seeds[0]!.report,
        id: '大通回族土族自治县人民政府-2023',
        agency: '大通回族土族自治县人民政府',
        region: { name: '大通回族土族自治县', code: '630121', province: '青海省', city: '西宁市' },
        source: { ...seeds[0]!.report.source, sha256: 'twin' },
      },
    };
    await store.upsertMany([...seeds, twin]);
    const rows = (r: { row: { id: string }; value: number }[]) => r.map((x) => [x.row.id, x.value]);
    expect(rows(await store.rank({ metric: 'active.penalty' }))).toEqual([['化隆县人民政府-2024', 114]]);
    const all2023 = [
      ['湟中区人民政府-2023', 36084],
      ['大通回族土族自治县人民政府-2023', 984],
      ['民和回族土族自治县人民政府-2023', 984],
      ['平罗县人民政府办公室-2023', 0],
    ];
    expect(
      rows(await store.rank({ metric: 'active.penalty', year: 2023 })).map(([id, v]) => [id, v]),
    ).toEqual(
      // ties ordered as every backend orders them (localeCompare of ids)
      all2023
        .slice()
        .sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0]))),
    );
    const json = await openStore(join(tempDir(), 'store.json'));
    await json.upsertMany([...seeds, twin]);
    for (const query of [
      { metric: 'active.penalty', year: 2023, limit: 2 },
      { metric: 'active.penalty', year: 2023, order: 'asc' as const, limit: 2 },
      { metric: 'active.penalty', year: 2023, region: '6301' },
      { metric: 'active.penalty', year: 2023, level: 'office' as const },
      { metric: 'active.license', year: 2023 },
    ]) {
      expect(rows(await store.rank(query))).toEqual(rows(await json.rank(query)));
    }
    expect(rows(await store.rank({ metric: 'active.penalty', year: 2023, order: 'asc', limit: 1 }))).toEqual([
      ['平罗县人民政府办公室-2023', 0],
    ]);
    expect(rows(await store.rank({ metric: 'active.penalty', year: 2023, region: '6301' }))).toEqual([
      ['湟中区人民政府-2023', 36084],
      ['大通回族土族自治县人民政府-2023', 984],
    ]);
  });

  it('keeps prose beside the record and gives it back through hydrate', async () => {
    const store = await open();
    await store.upsertMany(seeds);
    for (const s of seeds) {
      const [held] = await store.find({ ids: [s.report.id] });
      expect(held!.report.text?.sections).toBeUndefined();
      expect(held!.prose).toMatch(/^[0-9a-f]{64}$/);
      expect((await store.hydrate(held!)).text?.sections).toEqual(s.report.text?.sections);
    }
    expect((await store.copies()).size).toBe((await store.list()).filter((e) => e.print).length);
  });

  it('two handles on one database: a write through one reaches the other (catalogue, revision, watchers) within a second', async () => {
    const url = await server.createDatabase();
    const a = await open(url);
    await a.upsertMany(seeds.slice(0, 2));
    const b = await open(url);
    expect(ids(b.catalogue())).toEqual(ids(seeds.slice(0, 2)));
    const before = b.revision;
    const seen = new Promise<StoreChange>((resolve) => b.watch(resolve));
    const t = Date.now();
    expect(await a.upsert(seeds[2]!)).toBe('added');
    const change = await seen;
    expect(Date.now() - t).toBeLessThan(1000);
    expect(change.ids).toEqual([seeds[2]!.report.id]);
    expect(b.revision).toBe(before + 1);
    expect(ids(b.catalogue())).toEqual(ids(seeds.slice(0, 3)));
    expect((await b.find({ agency: seeds[2]!.report.agency }))[0]!.report.values).toEqual(
      seeds[2]!.report.values,
    );
    // a replacement under another id: the other handle drops the old id
    const renamed = { ...seeds[0]!, report: { ...seeds[0]!.report, id: 'renamed-2023' } };
    const next = new Promise<StoreChange>((resolve) => {
      const stop = a.watch((c) => {
        stop();
        resolve(c);
      });
    });
    await b.upsert(renamed);
    expect(ids(b.catalogue())).toEqual(['renamed-2023', seeds[1]!.report.id, seeds[2]!.report.id]);
    expect((await next).ids.sort()).toEqual([seeds[0]!.report.id, 'renamed-2023'].sort());
    expect(ids(a.catalogue()).sort()).toEqual(
      ['renamed-2023', seeds[1]!.report.id, seeds[2]!.report.id].sort(),
    );
  });

  it('migrations run once when several processes open a new database at the same time', async () => {
    const url = await server.createDatabase();
    const handles = await Promise.all([open(url), open(url), open(url)]);
    expect(handles).toHaveLength(3);
    const rows = await sql<{ version: number }>(
      url,
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await open(url);
    expect(await sql(url, 'SELECT version FROM schema_migrations')).toHaveLength(MIGRATIONS.length);
  });

  it('a transaction killed mid-write leaves the database as it was, and the store keeps working', async () => {
    const url = await server.createDatabase();
    const store = await open(url);
    await store.upsertMany(seeds.slice(0, 3));
    const snapshot = () =>
      sql<{ records: number; values: number; warnings: number; prose: number }>(
        url,
        `SELECT (SELECT count(*)::int FROM records) AS records, (SELECT count(*)::int FROM record_values) AS values,
                (SELECT count(*)::int FROM warnings) AS warnings, (SELECT count(*)::int FROM prose) AS prose`,
      );
    const before = await snapshot();
    // another session holds the prose row the write will insert, so the write waits there, after
    // its record, values and warnings rows: then its connection is killed
    const { toLean } = await import('../../src/store/index.ts');
    const key = toLean(seeds[3]!).entry.prose!;
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('INSERT INTO prose (sha256, text) VALUES ($1, $2)', [key, '{}']);
    const write = store.upsert(seeds[3]!).catch((e: unknown) => e);
    let pid: number | undefined;
    for (let i = 0; i < 100 && pid === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const rows = await sql<{ pid: number }>(
        url,
        "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO prose%'",
      );
      pid = rows[0]?.pid;
    }
    expect(pid).toBeDefined();
    await sql(url, 'SELECT pg_terminate_backend($1)', [pid]);
    const error = await write;
    expect(error).toBeInstanceOf(StoreError);
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(await snapshot()).toEqual(before);
    expect(ids(store.catalogue())).toEqual(ids(seeds.slice(0, 3)));
    expect(await store.upsert(seeds[3]!)).toBe('added');
    expect((await snapshot())[0]!.records).toBe(4);
  });

  it('a server that cannot be reached is STORE_UNREACHABLE naming the URL without its password', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const url = `postgres://reader:s3cret-pw@127.0.0.1:${port}/nianbao`;
    const error = (await openStoreAt(url).catch((e: unknown) => e)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe('STORE_UNREACHABLE');
    expect(error.path).toBe(`postgres://reader@127.0.0.1:${port}/nianbao`);
    expect(error.message).toContain(`postgres://reader@127.0.0.1:${port}/nianbao`);
    expect(error.message).not.toContain('s3cret');
  });
});

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStoreAt, type PgStore, type StoredReport } from '../../src/store/index.ts';
import { parseAllSeeds, ROOT } from '../helpers.ts';
import { type PostgresServer, skipReason, startPostgres } from '../support/postgres.ts';
import { variant } from './pg-bulk-variants.ts';

/** Bulk writes (COPY of every row of a batch in one transaction) against row-by-row upserts, and a writer killed mid-batch. */
const seeds: StoredReport[] = parseAllSeeds();
const started = await startPostgres();
const CHILD = fileURLToPath(new URL('./pg-bulk-child.ts', import.meta.url));
afterAll(async () => {
  if (!('skipped' in started)) await started.stop();
});

async function sql<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of every table, in a fixed order. */
async function dump(url: string) {
  return {
    records: await sql(url, 'SELECT * FROM records ORDER BY seq'),
    values: await sql(url, 'SELECT * FROM record_values ORDER BY seq, field'),
    warnings: await sql(url, 'SELECT * FROM warnings ORDER BY record_id, n'),
    hashes: await sql(url, 'SELECT * FROM print_hashes ORDER BY hash, seq'),
    prose: await sql(url, 'SELECT * FROM prose ORDER BY sha256'),
    counts: await sql(url, 'SELECT * FROM value_counts WHERE n <> 0 ORDER BY field, year'),
  };
}

/** What every record's rows must add up to: its numeric cells, its fingerprint's hashes, nothing orphaned. */
async function consistency(url: string) {
  const [row] = await sql<{
    records: number;
    values: number;
    hashes: number;
    orphans: number;
    miscounted: number;
  }>(
    url,
    `SELECT (SELECT count(*)::int FROM records) AS records,
            (SELECT count(*)::int FROM record_values) AS values,
            (SELECT count(*)::int FROM print_hashes) AS hashes,
            (SELECT count(*)::int FROM record_values v WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.seq = v.seq))
          + (SELECT count(*)::int FROM print_hashes h WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.seq = h.seq))
          + (SELECT count(*)::int FROM warnings w WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = w.record_id))
            AS orphans,
            (SELECT count(*)::int
               FROM (SELECT field, year, count(*) AS n FROM record_values GROUP BY field, year) a
               FULL JOIN (SELECT * FROM value_counts WHERE n <> 0) c USING (field, year)
              WHERE a.n IS DISTINCT FROM c.n) AS miscounted`,
  );
  const [expected] = await sql<{ values: number; hashes: number }>(
    url,
    `SELECT (SELECT count(*)::int FROM records r, json_each(r.report -> 'values') AS c(k, v)
              WHERE json_typeof(c.v) = 'number') AS values,
            (SELECT coalesce(sum(length(print) / 8), 0)::int FROM records) AS hashes`,
  );
  return { ...row!, expected: expected! };
}

const withSha = (e: StoredReport, sha256: string): StoredReport => ({
  ...e,
  report: { ...e.report, source: { ...e.report.source, sha256 } },
});
const withId = (e: StoredReport, id: string): StoredReport => ({
  ...e,
  report: { ...e.report, id, source: { ...e.report.source, sha256: id } },
});

describe.skipIf(skipReason(started))('PostgreSQL bulk writes (a real server)', () => {
  const server = started as PostgresServer;
  const opened: PgStore[] = [];
  afterAll(async () => {
    for (const s of opened) await s.close();
  });
  async function open(url: string): Promise<PgStore> {
    const store = (await openStoreAt(url)) as PgStore;
    opened.push(store);
    return store;
  }

  it('one upsertMany leaves every table as the same upserts one at a time do', async () => {
    const made = Array.from({ length: 30 }, (_, i) => variant(seeds, i));
    // within the first batch: the same id again (another file), the same body and year under another id
    const first = [...made, withSha(made[3]!, 'again'), withId(made[4]!, 'renamed-in-batch'), ...seeds];
    // a second batch over stored records: replaced by id, by body and year, unchanged, warnings refreshed, new
    const second = [
      withSha(made[10]!, 'second'),
      withId(made[11]!, 'renamed-later'),
      made[12]!,
      { ...made[13]!, warnings: [] },
      variant(seeds, 40),
    ];
    const bulkUrl = await server.createDatabase();
    const oneUrl = await server.createDatabase();
    const bulk = await open(bulkUrl);
    const one = await open(oneUrl);
    const bulkOutcomes = [...(await bulk.upsertMany(first)), ...(await bulk.upsertMany(second))];
    const oneOutcomes = [];
    for (const e of [...first, ...second]) oneOutcomes.push(await one.upsert(e));
    expect(bulkOutcomes).toEqual(oneOutcomes);
    expect(bulkOutcomes.filter((o) => o === 'updated')).toHaveLength(4);
    expect(await dump(bulkUrl)).toEqual(await dump(oneUrl));
    expect(bulk.catalogue()).toEqual(one.catalogue());
    const check = await consistency(bulkUrl);
    expect(check.records).toBe(36);
    expect([check.orphans, check.miscounted]).toEqual([0, 0]);
    expect([check.values, check.hashes]).toEqual([check.expected.values, check.expected.hashes]);
    // rankings read the rows by seq: the renamed records rank under their new ids
    const ranked = await bulk.rank({ metric: 'active.penalty', year: made[11]!.report.year });
    expect(ranked.map((r) => r.row.id)).toContain('renamed-later');
    expect(ranked.map((r) => r.row.id)).not.toContain(made[11]!.report.id);
  });

  it('a writer killed in the middle of a bulk load leaves the database as it was; the load then completes', async () => {
    const url = await server.createDatabase();
    const store = await open(url);
    await store.upsertMany(seeds);
    const before = await dump(url);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, '600'], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // killed once one of its COPYs is streaming rows (inside its transaction)
    let copying: number | undefined;
    for (let i = 0; i < 1500 && copying === undefined && !out.includes('done'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      const rows = await sql<{ pid: number }>(
        url,
        "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'COPY %FROM STDIN'",
      );
      copying = rows[0]?.pid;
    }
    expect(copying).toBeDefined();
    child.kill('SIGKILL');
    await exited;
    expect(out).not.toContain('done');
    // the server ends the dead client's transaction
    for (let i = 0; i < 100; i++) {
      const rows = await sql(url, `SELECT 1 FROM pg_stat_activity WHERE pid = ${copying}`);
      if (rows.length === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await dump(url)).toEqual(before);
    const made = Array.from({ length: 600 }, (_, i) => variant(seeds, i));
    expect(new Set(await store.upsertMany(made))).toEqual(new Set(['added']));
    const check = await consistency(url);
    expect(check.records).toBe(605);
    expect([check.orphans, check.miscounted]).toEqual([0, 0]);
    expect([check.values, check.hashes]).toEqual([check.expected.values, check.expected.hashes]);
  }, 120_000);
});

describe.skipIf(skipReason(started))('PostgreSQL migrations 2 and 3 over a database of migration 1', () => {
  const server = started as PostgresServer;

  it('moves value rows to record seqs and fills print_hashes: rankings and copy candidates read them', async () => {
    const url = await server.createDatabase();
    const { MIGRATIONS } = await import('../../src/store/pg/index.ts');
    const { toLean, agencyKey } = await import('../../src/store/index.ts');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(MIGRATIONS[0]!.sql);
    await client.query(
      `CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
       INSERT INTO schema_migrations (version, name) VALUES (1, 'records, values, warnings, prose')`,
    );
    // two records written as the first schema held them (values keyed by record id)
    const entries = [seeds[0]!, seeds[2]!].map((s) => toLean(s).entry);
    for (const e of entries) {
      const r = e.report;
      await client.query(
        `INSERT INTO records (id, agency_key, agency, kind, year, region, region_code, standing, sha256, report, warnings, prose, print)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'county', $8, $9, $10, $11, $12)`,
        [
          r.id,
          agencyKey(r),
          r.agency,
          r.kind,
          r.year,
          JSON.stringify(r.region),
          r.region?.code,
          r.source.sha256,
          JSON.stringify(r),
          JSON.stringify(e.warnings),
          e.prose,
          e.print,
        ],
      );
      for (const [field, value] of Object.entries(r.values))
        if (typeof value === 'number')
          await client.query('INSERT INTO record_values VALUES ($1, $2, $3, $4, $5)', [
            r.id,
            field,
            r.year,
            r.region?.code,
            value,
          ]);
    }
    await client.end();
    const store = (await openStoreAt(url)) as PgStore;
    try {
      const check = await consistency(url);
      expect(check.records).toBe(2);
      expect([check.values, check.hashes, check.orphans]).toEqual([
        check.expected.values,
        check.expected.hashes,
        0,
      ]);
      expect(check.hashes).toBe(128);
      const ranked = await store.rank({ metric: 'active.penalty', year: 2023 });
      expect(ranked.map((r) => [r.row.id, r.value])).toEqual([
        [seeds[2]!.report.id, seeds[2]!.report.values['active.penalty']],
        [seeds[0]!.report.id, seeds[0]!.report.values['active.penalty']],
      ]);
      // a copy of the first record's part 一 under another body finds it through print_hashes
      const copy = {
        ...seeds[2]!.report,
        id: 'copy-2023',
        text: {
          ...seeds[2]!.report.text!,
          sections: {
            ...seeds[2]!.report.text!.sections,
            一: seeds[0]!.report
              .text!.sections!.一!.split(seeds[0]!.report.agency)
              .join(seeds[2]!.report.agency),
          },
        },
      };
      const near = await store.copies([copy]);
      const { copyPrint } = await import('../../src/check/index.ts');
      near.add(copy, copyPrint(copy));
      expect(near.matches(copy, copyPrint(copy), 0.85).map((m) => m.id)).toEqual([seeds[0]!.report.id]);
    } finally {
      await store.close();
    }
  });
});

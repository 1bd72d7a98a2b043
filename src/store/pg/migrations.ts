import type { PoolClient } from 'pg';

/**
 * The PostgreSQL schema, as migrations applied in order on open. Each runs once (recorded in
 * schema_migrations), all inside one transaction holding an advisory lock, so several processes
 * starting at once apply each migration exactly once and never see half a schema.
 *
 * Tables:
 * - records: one row per stored record — identity, place and standing as columns for queries,
 *   the lean record (schema.md, without section prose) and its warnings as JSON, the prose key
 *   and copy fingerprint; `seq` keeps store order.
 * - record_values: one row per numeric cell (null cells are not stored), with the record's year
 *   and region copied in, indexed for rankings by (field, year, value) covering record_id and
 *   region_code: a ranking, its ties and a region's rows are read from the index alone. No
 *   foreign key: the store deletes a record's values and warnings itself, in the transaction that
 *   replaces it (a trigger per value row halved the load rate).
 * - warnings: one row per warning (rule, severity, fields, message), for queries by rule.
 * - prose: section prose, content-addressed by the sha256 of its text; written only when new.
 * - record_values (3): keyed by the record's seq (a number, appended in order) instead of its id,
 *   the field in byte order: a third of the size, and COPY into it twice as fast (the id's
 *   random text keys made every insert a search of a large index).
 * - value_counts (4): how many value rows each field has in each year, kept by every write beside
 *   the rows: counting every body of a year is one row, not 20,000 index entries at 100k records.
 * - print_hashes (2): the 64 hashes of each record's copy fingerprint, keyed (hash, seq), so the
 *   reports sharing a hash with an added one are found by lookup (a posting read up to its cap)
 *   instead of loading every fingerprint.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'records, values, warnings, prose',
    sql: `
CREATE TABLE records (
  id          text PRIMARY KEY,
  seq         bigserial NOT NULL,
  agency_key  text NOT NULL,
  agency      text NOT NULL,
  kind        text NOT NULL,
  year        integer NOT NULL,
  region      json,
  region_code text COLLATE "C",
  standing    text NOT NULL,
  level       text,
  sha256      text NOT NULL,
  url         text,
  report      json NOT NULL,
  warnings    json NOT NULL,
  prose       text,
  print       text
);
CREATE INDEX records_agency_year ON records (agency_key, year);
CREATE INDEX records_agency_name ON records (agency);
CREATE INDEX records_year ON records (year, seq);
CREATE INDEX records_region ON records (region_code, seq);
CREATE INDEX records_seq ON records (seq);

CREATE TABLE record_values (
  record_id   text NOT NULL,
  field       text NOT NULL,
  year        integer NOT NULL,
  region_code text COLLATE "C",
  value       double precision NOT NULL,
  PRIMARY KEY (record_id, field)
);
CREATE INDEX record_values_rank ON record_values (field, year, value) INCLUDE (record_id, region_code);

CREATE TABLE warnings (
  record_id text NOT NULL,
  n         integer NOT NULL,
  rule      text NOT NULL,
  severity  text NOT NULL,
  fields    json NOT NULL,
  message   text NOT NULL,
  PRIMARY KEY (record_id, n)
);
CREATE INDEX warnings_rule ON warnings (rule);

CREATE TABLE prose (
  sha256 text PRIMARY KEY,
  text   text NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'print hashes',
    sql: `
CREATE TABLE print_hashes (
  hash integer NOT NULL,
  seq  bigint NOT NULL,
  PRIMARY KEY (hash, seq)
);
INSERT INTO print_hashes (hash, seq)
  SELECT DISTINCT ('x' || substr(r.print, 8 * i + 1, 8))::bit(32)::integer, r.seq
    FROM records r, generate_series(0, length(r.print) / 8 - 1) AS i
   WHERE r.print ~ '^([0-9a-f]{8})+$';
`,
  },
  {
    version: 3,
    name: 'values by record seq',
    sql: `
ALTER TABLE record_values RENAME TO record_values_1;
CREATE TABLE record_values (
  seq         bigint NOT NULL,
  field       text COLLATE "C" NOT NULL,
  year        integer NOT NULL,
  region_code text COLLATE "C",
  value       double precision NOT NULL
);
INSERT INTO record_values (seq, field, year, region_code, value)
  SELECT r.seq, v.field, v.year, v.region_code, v.value
    FROM record_values_1 v JOIN records r ON r.id = v.record_id;
DROP TABLE record_values_1;
CREATE INDEX record_values_seq ON record_values (seq);
CREATE INDEX record_values_rank ON record_values (field, year, value) INCLUDE (seq, region_code);
`,
  },
  {
    version: 4,
    name: 'value counts',
    sql: `
CREATE TABLE value_counts (
  field text COLLATE "C" NOT NULL,
  year  integer NOT NULL,
  n     bigint NOT NULL,
  PRIMARY KEY (field, year)
);
INSERT INTO value_counts (field, year, n) SELECT field, year, count(*) FROM record_values GROUP BY field, year;
`,
  },
];

/** Advisory lock keys (two int4s: the app, then the purpose). */
export const LOCK_APP = 0x6e62; // "nb"
export const LOCK_MIGRATE = 1;
export const LOCK_WRITE = 2;

/** Applies the migrations not yet recorded; returns the versions applied now. */
export async function migrate(client: PoolClient): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_APP, LOCK_MIGRATE]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

import type pg from 'pg';
import { agencyKey, agencyLevel, deriveLevel } from '../../domain/index.ts';
import type { planUpserts } from '../records.ts';
import type { StoredReport } from '../types.ts';
import { type CopyCell, copyRows } from './_copy-rows.ts';
import { printHashRows } from './near-copies.ts';

const RECORD_TABLE_COLS = [
  'id',
  'seq',
  'agency_key',
  'agency',
  'kind',
  'year',
  'region',
  'region_code',
  'standing',
  'level',
  'sha256',
  'url',
  'report',
  'warnings',
  'prose',
  'print',
];

type Writes = ReturnType<typeof planUpserts>['writes'];

/** The records table's row of each write, at its place `seqs[i]`. */
function* recordRows(writes: Writes, seqs: readonly string[]): Generator<CopyCell[]> {
  for (const [i, w] of writes.entries()) {
    const r = w.entry.report;
    yield [
      r.id,
      seqs[i]!,
      agencyKey(r),
      r.agency,
      r.kind,
      r.year,
      r.region ? JSON.stringify(r.region) : null,
      r.region?.code ?? null,
      agencyLevel(r),
      deriveLevel(r) ?? null,
      r.source.sha256,
      r.source.url ?? null,
      JSON.stringify(r),
      JSON.stringify(w.entry.warnings),
      w.entry.prose ?? null,
      w.entry.print ?? null,
    ];
  }
}

/** One row per numeric cell of each write, at its place `seqs[i]` (null cells are not stored). */
function* valueRows(writes: Writes, seqs: readonly string[]): Generator<CopyCell[]> {
  for (const [i, w] of writes.entries()) {
    const r = w.entry.report;
    const region = r.region?.code ?? null;
    for (const [field, value] of Object.entries(r.values))
      if (typeof value === 'number' && Number.isFinite(value)) yield [seqs[i]!, field, r.year, region, value];
  }
}

/** One row per warning of each write. */
function* warningRows(writes: Writes): Generator<CopyCell[]> {
  for (const w of writes) {
    const id = w.entry.report.id;
    for (const [n, x] of w.entry.warnings.entries())
      yield [id, n, x.rule, x.severity, JSON.stringify(x.fields ?? []), x.message ?? ''];
  }
}

/**
 * Writes planned records, their values, warnings, fingerprint hashes and new prose (inside the
 * caller's transaction): the rows of the records replaced are deleted, then the new rows are
 * streamed with COPY. A replacement keeps the place (seq) of the record it replaces. Resolves
 * each write's seq.
 */
export async function writeRecords(
  c: pg.PoolClient,
  writes: ReturnType<typeof planUpserts>['writes'],
  seqOf: Map<StoredReport, string>,
): Promise<string[]> {
  const gone = [...new Set(writes.flatMap((w) => [w.entry.report.id, ...(w.old ? [w.old.report.id] : [])]))];
  await c.query('DELETE FROM records WHERE id = ANY($1)', [gone]);
  await c.query('DELETE FROM warnings WHERE record_id = ANY($1)', [gone]);
  const replaced = writes.flatMap((w) => (w.old ? [seqOf.get(w.old)!] : []));
  // value_counts keeps the number of value rows per field and year with the rows themselves
  if (replaced.length > 0)
    await c.query(
      `WITH gone AS (DELETE FROM record_values WHERE seq = ANY($1::bigint[]) RETURNING field, year)
       INSERT INTO value_counts (field, year, n) SELECT field, year, -count(*) FROM gone GROUP BY field, year
       ON CONFLICT (field, year) DO UPDATE SET n = value_counts.n + EXCLUDED.n`,
      [replaced],
    );
  const oldHashes = writes.flatMap((w) => (w.old ? printHashRows(seqOf.get(w.old)!, w.old.print) : []));
  if (oldHashes.length > 0)
    await c.query(
      'DELETE FROM print_hashes WHERE (hash, seq) IN (SELECT * FROM unnest($1::integer[], $2::bigint[]))',
      [oldHashes.map((r) => r[0]), oldHashes.map((r) => r[1])],
    );
  // new records take the next places in store order
  const added = writes.filter((w) => !w.old).length;
  const next =
    added === 0
      ? []
      : (
          await c.query<{ seq: string }>(
            "SELECT nextval('records_seq_seq')::text AS seq FROM generate_series(1, $1)",
            [added],
          )
        ).rows
          .map((r) => r.seq)
          .sort((a, b) => Number(a) - Number(b));
  const seqs = writes.map((w) => (w.old ? seqOf.get(w.old)! : next.shift()!));
  await copyRows(c, 'records', RECORD_TABLE_COLS, recordRows(writes, seqs));
  await copyRows(
    c,
    'record_values',
    ['seq', 'field', 'year', 'region_code', 'value'],
    valueRows(writes, seqs),
  );
  const counts = new Map<string, { field: string; year: number; n: number }>();
  for (const [, field, year] of valueRows(writes, seqs)) {
    const key = `${field}|${year}`;
    const at = counts.get(key);
    if (at) at.n++;
    else counts.set(key, { field: field as string, year: year as number, n: 1 });
  }
  if (counts.size > 0) {
    const all = [...counts.values()];
    await c.query(
      `INSERT INTO value_counts (field, year, n) SELECT * FROM unnest($1::text[], $2::integer[], $3::bigint[])
       ON CONFLICT (field, year) DO UPDATE SET n = value_counts.n + EXCLUDED.n`,
      [all.map((x) => x.field), all.map((x) => x.year), all.map((x) => x.n)],
    );
  }
  await copyRows(
    c,
    'warnings',
    ['record_id', 'n', 'rule', 'severity', 'fields', 'message'],
    warningRows(writes),
  );
  await copyRows(
    c,
    'print_hashes',
    ['hash', 'seq'],
    writes.flatMap((w, i) => printHashRows(seqs[i]!, w.entry.print)),
  );
  const prose = new Map<string, string>();
  for (const w of writes) if (w.proseText !== null && w.entry.prose) prose.set(w.entry.prose, w.proseText);
  if (prose.size > 0)
    await c.query(
      `INSERT INTO prose (sha256, text) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (sha256) DO NOTHING`,
      [[...prose.keys()], [...prose.values()]],
    );
  return seqs;
}

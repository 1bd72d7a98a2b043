import type pg from 'pg';
import { CopyIndex, copyPrint, decodePrint, POSTING_CAP } from '../../check/index.ts';
import type { Report } from '../../schema/index.ts';
import type { CatalogueRow } from '../store.ts';

/** Runs one query (the store's pool, errors mapped). */
export type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;

interface SlotRow {
  seq: string;
  id: string;
  agency: string;
  kind: CatalogueRow['kind'];
  region: CatalogueRow['region'];
  year: number;
  print: string | null;
}

const SLOT_COLS = 'seq, id, agency, kind, region, year, print';

/**
 * The copy index X-10 needs to check `near` (reports being added, or stored ones re-checked),
 * built from a few queries instead of every fingerprint of the store: the near reports' own
 * stored rows; every holder of each of their hashes (a posting read up to POSTING_CAP + 1 rows:
 * one more means boilerplate for good, as the whole index would mark it); and, for the holders
 * of their year (the only possible candidates), every holder of each of the holders' hashes, so
 * that their boilerplate is told apart exactly as in the whole index. Reports are added in store
 * order, so "indexed before" means what it means in the whole index.
 */
export async function nearCopies(query: Query, near: readonly Report[]): Promise<CopyIndex> {
  const slots = new Map<string, SlotRow>();
  for (const row of await query<SlotRow>(`SELECT ${SLOT_COLS} FROM records WHERE id = ANY($1)`, [
    near.map((r) => r.id),
  ]))
    slots.set(row.seq, row);
  const years = new Set([...near.map((r) => r.year), ...[...slots.values()].map((s) => s.year)]);
  let ask = new Set<number>();
  const prints = [...near.map((r) => copyPrint(r)), ...[...slots.values()].map((s) => s.print)];
  for (const p of prints) if (p) for (const h of decodePrint(p)) ask.add(h);
  const asked = new Set<number>();
  const saturated = new Set<number>();
  // round 1: the near reports' hashes; round 2: those of the same-year holders found
  for (let round = 0; round < 2 && ask.size > 0; round++) {
    for (const h of ask) asked.add(h);
    // each hash's holders, read up to one past the cap (then only the hash comes back: saturated)
    const postings = await query<{ hash: number; seqs: string[] | null }>(
      `SELECT h.hash, CASE WHEN cardinality(p.seqs) > ${POSTING_CAP} THEN NULL ELSE p.seqs END AS seqs
         FROM unnest($1::integer[]) AS h(hash)
        CROSS JOIN LATERAL (SELECT array_agg(seq)::text[] AS seqs
                              FROM (SELECT seq FROM print_hashes WHERE hash = h.hash LIMIT ${POSTING_CAP + 1}) x) p
        WHERE p.seqs IS NOT NULL`,
      [[...ask]],
    );
    const wanted = new Set<string>();
    for (const { hash, seqs } of postings) {
      if (seqs === null) saturated.add(hash);
      else for (const seq of seqs) if (!slots.has(seq)) wanted.add(seq);
    }
    const fetched =
      wanted.size === 0
        ? []
        : await query<SlotRow>(`SELECT ${SLOT_COLS} FROM records WHERE seq = ANY($1::bigint[])`, [
            [...wanted],
          ]);
    ask = new Set();
    for (const row of fetched) {
      slots.set(row.seq, row);
      if (!years.has(row.year) || !row.print) continue;
      for (const h of decodePrint(row.print)) if (!asked.has(h)) ask.add(h);
    }
  }
  const index = new CopyIndex();
  for (const h of saturated) index.saturate(h);
  for (const s of [...slots.values()].sort((a, b) => Number(a.seq) - Number(b.seq))) index.add(s, s.print);
  return index;
}

/** The hashes of a fingerprint as (hash, seq) rows for print_hashes (duplicates once). */
export function printHashRows(seq: number | string, print: string | null | undefined): [number, string][] {
  if (!print) return [];
  return [...new Set(decodePrint(print))].map((h) => [h, String(seq)]);
}

import { agencyKey, agencyLevel, deriveLevel, type Level } from '../domain/index.ts';
import type { Report } from '../schema/index.ts';
import type { CatalogueRow } from './catalogue.ts';
import type { StoreIndexes } from './indexes.ts';
import { type LeanSplit, toLean } from './lean.ts';
import type { StoredReport, UpsertOutcome } from './types.ts';

/**
 * The rules every backend shares: which stored record an entry replaces, what an upsert does,
 * and the queries over the in-memory indexes.
 */

/**
 * Says why an entry must not replace the record it would replace (a degraded re-upload), or
 * null to let it. Runs under the store's write lock against the record as it is stored.
 */
export type ReplaceGuard = (stored: StoredReport, incoming: StoredReport) => string | null;

export interface UpsertOptions {
  /** An entry the guard refuses leaves the stored record as it is: outcome 'unchanged'. */
  guard?: ReplaceGuard;
}

/** One planned write: `entry` goes in place of `old` (absent: a new record). */
export interface PlannedWrite {
  old?: StoredReport;
  entry: StoredReport;
  /** Prose to store under `entry.prose` (null: the entry's prose is already stored). */
  proseText: string | null;
}

export interface UpsertPlan {
  outcomes: UpsertOutcome[];
  /** Writes in order; at most one per record (a later entry for the same record replaces an earlier one). */
  writes: PlannedWrite[];
}

/** The record an entry would replace: same id, or same agency and year. */
export type FindExisting = (report: Report) => StoredReport | undefined;

/** Id, and agency+year, keys of a report. */
function keysOf(report: Report): [string, string] {
  return [`id:${report.id}`, `ay:${agencyKey(report)}|${report.year}`];
}

/**
 * Plans upserts by the store's rules: a record with the same id, or the same agency and year, is
 * replaced; the same id and sha256 leaves it unchanged (its warnings are refreshed when they
 * differ); a guard may refuse a replacement. `existing` looks up the stored records; entries of
 * the batch see the ones before them.
 */
export function planUpserts(
  entries: readonly StoredReport[],
  existing: FindExisting,
  options: UpsertOptions = {},
): UpsertPlan {
  const pending = new Map<string, PlannedWrite>();
  const writes: PlannedWrite[] = [];
  const outcomes = entries.map((incoming): UpsertOutcome => {
    const split: LeanSplit = toLean(incoming);
    const keys = keysOf(incoming.report);
    const planned = pending.get(keys[0]) ?? pending.get(keys[1]);
    const old = planned ? planned.entry : existing(incoming.report);
    const record = (write: PlannedWrite) => {
      if (planned) {
        for (const k of keysOf(planned.entry.report)) pending.delete(k);
        Object.assign(planned, { entry: write.entry, proseText: write.proseText ?? planned.proseText });
        for (const k of keysOf(write.entry.report)) pending.set(k, planned);
      } else {
        writes.push(write);
        for (const k of keysOf(write.entry.report)) pending.set(k, write);
      }
    };
    const base = planned ? planned.old : old;
    if (!old) {
      record({ entry: split.entry, proseText: split.proseText });
      return 'added';
    }
    if (old.report.id === incoming.report.id && old.report.source.sha256 === incoming.report.source.sha256) {
      // same file; its warnings may still change (a neighbouring year arrived): keep the fresh ones
      if (JSON.stringify(old.warnings) === JSON.stringify(incoming.warnings)) return 'unchanged';
      record({
        ...(base ? { old: base } : {}),
        entry: { ...old, warnings: incoming.warnings },
        proseText: null,
      });
      return 'unchanged';
    }
    if (options.guard?.(old, incoming)) return 'unchanged';
    record({ ...(base ? { old: base } : {}), entry: split.entry, proseText: split.proseText });
    return 'updated';
  });
  return { outcomes, writes };
}

/** Finds records by agency (key or exact name), year, region (code or code prefix) and level. */
export interface StoreQuery {
  /** Exactly these records (in this order; ids not held are left out). */
  ids?: readonly string[];
  agency?: string;
  year?: number;
  /** A division code: 6 digits for the division itself, or a prefix (2 digits: province; 4: city). */
  region?: string;
  /** The body's standing (province, city, county, office, dept) or administrative level. */
  level?: ReturnType<typeof agencyLevel> | Level;
}

export interface RankQuery extends Omit<StoreQuery, 'agency' | 'ids'> {
  /** A field id, e.g. `active.penalty`. */
  metric: string;
  /** Largest first (default) or smallest first. */
  order?: 'desc' | 'asc';
  /** Only the first `limit` rows (equal values at the cut taken by id, unless `ties` is given). */
  limit?: number;
  /**
   * With `limit`: every later row whose value lies within `ties` of the last row's comes too (0:
   * equal values), for a caller that orders ties its own way: equal values then come in no set
   * order.
   */
  ties?: number;
  /** Only values at least this large. */
  atLeast?: number;
  /** Only values smaller than this. */
  below?: number;
}

export interface RankRow {
  /** The record ranked, by its catalogue row. */
  row: CatalogueRow;
  value: number;
  /** The record itself, when the backend holds it in memory (else read it with `find({ ids })`). */
  entry?: StoredReport;
}

function matchesLevel(report: Report, level: NonNullable<StoreQuery['level']>): boolean {
  return agencyLevel(report) === level || deriveLevel(report) === level;
}

function matchesRegion(report: Report, region: string): boolean {
  const code = report.region?.code ?? '';
  if (region.length === 6) return code === region;
  return code.startsWith(region);
}

/** Whether a record lies in the query's region and level (its year and agency aside). */
export function matchesPlace(report: Report, q: Pick<StoreQuery, 'region' | 'level'>): boolean {
  return (
    (q.region === undefined || matchesRegion(report, q.region)) &&
    (q.level === undefined || matchesLevel(report, q.level))
  );
}

/** Records matching `q`, from the indexes (never a scan when agency, year or an exact region is given). */
export function findIn(idx: StoreIndexes, all: readonly StoredReport[], q: StoreQuery): StoredReport[] {
  let pool: readonly StoredReport[];
  if (q.ids !== undefined) pool = q.ids.flatMap((id) => idx.byId.get(id) ?? []);
  else if (q.agency !== undefined) {
    const group =
      idx.byAgency.get(q.agency) ??
      [...idx.byAgency.values()].find((g) => g.reports.some((e) => e.report.agency === q.agency));
    pool = group?.reports ?? [];
  } else if (q.region?.length === 6) pool = idx.byRegion.get(q.region) ?? [];
  else if (q.year !== undefined) pool = idx.byYear.get(q.year) ?? [];
  else pool = all;
  return pool.filter((e) => (q.year === undefined || e.report.year === q.year) && matchesPlace(e.report, q));
}

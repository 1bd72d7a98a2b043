import type { CatalogueRow } from './catalogue.ts';
import type { RankColumn, StoreIndexes } from './indexes.ts';
import { type Cells, cellOf } from './lazy.ts';
import { matchesPlace, type RankQuery, type RankRow } from './records.ts';
import type { StoredReport } from './types.ts';

/**
 * Rankings over the in-memory indexes: one column per metric and year (its values read once,
 * plus a sorted copy), so a ranking with a limit finds its cut by index and reads only the rows
 * past it, and a count past a value is a binary search.
 */

/** Ids compared as `localeCompare` does, without a collator made per call. */
const compareIds = new Intl.Collator().compare;

function buildColumn(pool: readonly StoredReport[], cells: readonly Cells[], metric: string): RankColumn {
  const entries: StoredReport[] = [];
  const raw: number[] = [];
  // the cells, not the records: a record's objects are not touched unless it holds the metric
  for (let i = 0; i < pool.length; i++) {
    const value = cellOf(cells[i]!, metric);
    if (typeof value === 'number') {
      entries.push(pool[i]!);
      raw.push(value);
    }
  }
  const values = Float64Array.from(raw);
  // a typed array sorts numerically, natively: no comparator called per pair
  return { entries, values, sorted: values.slice().sort() };
}

/** The column of `metric` in `year`, built on first use (the indexes drop a year's columns when it changes). */
function columnOf(idx: StoreIndexes, metric: string, year: number): RankColumn {
  let byMetric = idx.ranks.get(year);
  if (!byMetric) {
    byMetric = new Map();
    idx.ranks.set(year, byMetric);
  }
  let column = byMetric.get(metric);
  if (!column) {
    column = buildColumn(idx.byYear.get(year) ?? [], idx.cellsByYear.get(year) ?? [], metric);
    byMetric.set(metric, column);
  }
  return column;
}

/** The first index of an ascending array whose value is at least `v` (its length when none is). */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The query's column, and whether row `i` of it is ranked (its value in range, its record in the place). */
function selectionOf(
  idx: StoreIndexes,
  q: RankQuery,
): { column: RankColumn; ranked: (i: number) => boolean } | null {
  const year = q.year ?? idx.newestYear;
  if (year === null) return null;
  const column = columnOf(idx, q.metric, year);
  const { atLeast, below } = q;
  const placed = q.region !== undefined || q.level !== undefined;
  const ranked = (i: number) => {
    const v = column.values[i]!;
    return (
      (atLeast === undefined || v >= atLeast) &&
      (below === undefined || v < below) &&
      (!placed || matchesPlace(column.entries[i]!.report, q))
    );
  };
  return { column, ranked };
}

/** The ranked values, smallest first: the column's sorted copy cut to the range, or those of the place. */
function rankedValues(column: RankColumn, q: RankQuery, ranked: (i: number) => boolean): Float64Array {
  if (q.region === undefined && q.level === undefined) {
    const from = q.atLeast === undefined ? 0 : lowerBound(column.sorted, q.atLeast);
    const to = q.below === undefined ? column.sorted.length : lowerBound(column.sorted, q.below);
    return column.sorted.subarray(from, Math.max(from, to));
  }
  const out: number[] = [];
  for (let i = 0; i < column.values.length; i++) if (ranked(i)) out.push(column.values[i]!);
  return Float64Array.from(out).sort();
}

/**
 * Records ranked by one metric (records without the figure left out), largest first by default,
 * equal values by id; with `ties`, equal values in no set order (the caller orders them).
 */
export function rankIn(
  idx: StoreIndexes,
  q: RankQuery,
  rowOf: (entry: StoredReport) => CatalogueRow,
): RankRow[] {
  const limit = q.limit === undefined ? undefined : Math.max(0, Math.floor(q.limit));
  const selection = selectionOf(idx, q);
  if (!selection || limit === 0) return [];
  const { column, ranked } = selection;
  const desc = q.order !== 'asc';
  // the value at the cut, widened by `ties`: rows past it are all the rows kept
  let past = (_v: number) => true;
  if (limit !== undefined) {
    const values = rankedValues(column, q, ranked);
    if (values.length > limit) {
      const slack = q.ties ?? 0;
      const cut = desc ? values[values.length - limit]! - slack : values[limit - 1]! + slack;
      past = desc ? (v) => v >= cut : (v) => v <= cut;
    }
  }
  const picked: { entry: StoredReport; value: number }[] = [];
  for (let i = 0; i < column.values.length; i++) {
    const value = column.values[i]!;
    if (past(value) && ranked(i)) picked.push({ entry: column.entries[i]!, value });
  }
  const sign = desc ? -1 : 1;
  if (q.ties !== undefined) picked.sort((a, b) => sign * (a.value - b.value));
  else picked.sort((a, b) => sign * (a.value - b.value) || compareIds(a.entry.report.id, b.entry.report.id));
  const kept = limit === undefined || q.ties !== undefined ? picked : picked.slice(0, limit);
  return kept.map((r) => ({ row: rowOf(r.entry), value: r.value, entry: r.entry }));
}

/** How many records `rankIn` ranks for the query, without its limit. */
export function rankCountIn(idx: StoreIndexes, q: RankQuery): number {
  const selection = selectionOf(idx, q);
  return selection ? rankedValues(selection.column, q, selection.ranked).length : 0;
}

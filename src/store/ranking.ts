import type { CatalogueRow } from './catalogue.ts';
import type { RankColumn, StoreIndexes } from './indexes.ts';
import { fieldValue } from './lazy.ts';
import { matchesPlace, type RankQuery, type RankRow } from './records.ts';
import type { StoredReport } from './types.ts';

/**
 * Rankings over the in-memory indexes: one column per metric and year (the year's values sorted
 * once, largest first), so a ranking with a limit reads only its first rows and a count of the
 * rows past a value is a binary search.
 */

/** Ids compared as `localeCompare` does, without a collator made per call. */
const compareIds = new Intl.Collator().compare;

function buildColumn(pool: readonly StoredReport[], metric: string): RankColumn {
  const held: StoredReport[] = [];
  const raw: number[] = [];
  for (const entry of pool) {
    const value = fieldValue(entry.report, metric);
    if (typeof value === 'number') {
      held.push(entry);
      raw.push(value);
    }
  }
  // equal values stay in store order; a query orders them by id among the rows it returns
  const order = Array.from(held.keys()).sort((a, b) => raw[b]! - raw[a]!);
  return { values: Float64Array.from(order, (i) => raw[i]!), entries: order.map((i) => held[i]!) };
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
    column = buildColumn(idx.byYear.get(year) ?? [], metric);
    byMetric.set(metric, column);
  }
  return column;
}

/** The first index of a largest-first array whose value is below `v`. */
function firstBelow(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! >= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The column of the query's metric and year, and the span of it whose values lie in [atLeast, below). */
function spanOf(idx: StoreIndexes, q: RankQuery): { column: RankColumn; from: number; to: number } | null {
  const year = q.year ?? idx.newestYear;
  if (year === null) return null;
  const column = columnOf(idx, q.metric, year);
  const from = q.below === undefined ? 0 : firstBelow(column.values, q.below);
  const to = q.atLeast === undefined ? column.values.length : firstBelow(column.values, q.atLeast);
  return { column, from, to: Math.max(from, to) };
}

/** Records ranked by one metric (records without the figure left out), largest first by default. */
export function rankIn(
  idx: StoreIndexes,
  q: RankQuery,
  rowOf: (entry: StoredReport) => CatalogueRow,
): RankRow[] {
  const limit = q.limit === undefined ? undefined : Math.max(0, Math.floor(q.limit));
  const span = spanOf(idx, q);
  if (!span || limit === 0) return [];
  const { column, from, to } = span;
  const desc = q.order !== 'asc';
  const placed = q.region !== undefined || q.level !== undefined;
  const slack = q.ties ?? 0;
  const picked: { entry: StoredReport; value: number }[] = [];
  let cut: number | undefined;
  // from the best end; past the limit, only the values tying the cut
  for (let k = 0; k < to - from; k++) {
    const i = desc ? from + k : to - 1 - k;
    const value = column.values[i]!;
    if (cut !== undefined && Math.abs(value - cut) > slack) break;
    const entry = column.entries[i]!;
    if (placed && !matchesPlace(entry.report, q)) continue;
    picked.push({ entry, value });
    if (picked.length === limit) cut = value;
  }
  const sign = desc ? -1 : 1;
  picked.sort((a, b) => sign * (a.value - b.value) || compareIds(a.entry.report.id, b.entry.report.id));
  const kept = limit === undefined || q.ties !== undefined ? picked : picked.slice(0, limit);
  return kept.map((r) => ({ row: rowOf(r.entry), value: r.value, entry: r.entry }));
}

/** How many records `rankIn` ranks for the query, without its limit. */
export function rankCountIn(idx: StoreIndexes, q: RankQuery): number {
  const span = spanOf(idx, q);
  if (!span) return 0;
  const { column, from, to } = span;
  if (q.region === undefined && q.level === undefined) return to - from;
  let n = 0;
  for (let i = from; i < to; i++) if (matchesPlace(column.entries[i]!.report, q)) n++;
  return n;
}

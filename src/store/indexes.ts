import { agencyKey } from './agency-key.ts';
import { type Cells, cellsOf } from './lazy.ts';
import type { StoredReport } from './types.ts';

/** One agency's reports, oldest first; `latest` is the newest. */
export interface AgencyGroup {
  key: string;
  /** Name as in the newest report. */
  name: string;
  reports: StoredReport[];
  latest: StoredReport;
}

export interface StoreIndexes {
  byId: Map<string, StoredReport>;
  byAgency: Map<string, AgencyGroup>;
  byYear: Map<number, StoredReport[]>;
  /** Each `byYear` record's cells, at the same position (what a ranking reads). */
  cellsByYear: Map<number, Cells[]>;
  byRegion: Map<string, StoredReport[]>;
  /** Newest reporting year held, null when empty. */
  newestYear: number | null;
  /** agencyKey by agency name, kind and region code (a body's five years share one). */
  keys: Map<string, string>;
  /** Ranking columns by year, then metric, built on first use and dropped when the year changes. */
  ranks: Map<number, Map<string, RankColumn>>;
}

/** One metric's values in one year: the records holding it, in store order, and their values. */
export interface RankColumn {
  entries: StoredReport[];
  /** `values[i]` is `entries[i]`'s. */
  values: Float64Array;
  /** The same values, smallest first (where a limit cuts, and how many lie past a value). */
  sorted: Float64Array;
}

/** The entry's agencyKey, computed once per agency name, kind and region code. */
function keyOf(idx: StoreIndexes, r: StoredReport['report']): string {
  const memo = `${r.agency}\u0000${r.kind}\u0000${r.region?.code ?? ''}\u0000${r.region?.name ?? ''}`;
  let key = idx.keys.get(memo);
  if (key === undefined) {
    key = agencyKey(r);
    idx.keys.set(memo, key);
  }
  return key;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Adds one entry to the indexes, keeping each agency's reports in year order. */
export function addToIndexes(idx: StoreIndexes, entry: StoredReport): void {
  const r = entry.report;
  idx.byId.set(r.id, entry);
  const key = keyOf(idx, r);
  const group = idx.byAgency.get(key);
  if (!group) {
    idx.byAgency.set(key, { key, name: r.agency, reports: [entry], latest: entry });
  } else {
    let at = group.reports.length;
    while (at > 0 && group.reports[at - 1]!.report.year > r.year) at--;
    group.reports.splice(at, 0, entry);
    group.latest = group.reports[group.reports.length - 1]!;
    group.name = group.latest.report.agency;
  }
  pushTo(idx.byYear, r.year, entry);
  pushTo(idx.cellsByYear, r.year, cellsOf(r));
  idx.ranks.delete(r.year);
  if (r.region?.code) pushTo(idx.byRegion, r.region.code, entry);
  if (idx.newestYear === null || r.year > idx.newestYear) idx.newestYear = r.year;
}

function dropFrom<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

/** Removes one entry (the very object that was added) from the indexes. */
export function removeFromIndexes(idx: StoreIndexes, entry: StoredReport): void {
  const r = entry.report;
  if (idx.byId.get(r.id) === entry) idx.byId.delete(r.id);
  const key = keyOf(idx, r);
  const group = idx.byAgency.get(key);
  if (group) {
    const at = group.reports.indexOf(entry);
    if (at >= 0) group.reports.splice(at, 1);
    if (group.reports.length === 0) idx.byAgency.delete(key);
    else {
      group.latest = group.reports[group.reports.length - 1]!;
      group.name = group.latest.report.agency;
    }
  }
  const list = idx.byYear.get(r.year);
  const at = list ? list.indexOf(entry) : -1;
  if (at >= 0) {
    list!.splice(at, 1);
    idx.cellsByYear.get(r.year)!.splice(at, 1);
    if (list!.length === 0) {
      idx.byYear.delete(r.year);
      idx.cellsByYear.delete(r.year);
    }
  }
  idx.ranks.delete(r.year);
  if (r.region?.code) dropFrom(idx.byRegion, r.region.code, entry);
  if (idx.newestYear === r.year && !idx.byYear.has(r.year)) {
    idx.newestYear = idx.byYear.size === 0 ? null : Math.max(...idx.byYear.keys());
  }
}

/** Builds every lookup index in one pass so answering never scans the store. */
export function buildIndexes(reports: readonly StoredReport[]): StoreIndexes {
  const idx: StoreIndexes = {
    byId: new Map(),
    byAgency: new Map(),
    byYear: new Map(),
    cellsByYear: new Map(),
    byRegion: new Map(),
    newestYear: null,
    keys: new Map(),
    ranks: new Map(),
  };
  for (const entry of reports) addToIndexes(idx, entry);
  return idx;
}

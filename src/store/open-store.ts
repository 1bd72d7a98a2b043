import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { agencyKey } from './agency-key.ts';
import { type AgencyGroup, addToIndexes, buildIndexes, type StoreIndexes } from './indexes.ts';
import { StoreError } from './store-error.ts';
import { parseStoreText, type StoreData, stringifyStore } from './store-file.ts';
import type { StoredReport, UpsertOutcome } from './types.ts';

export interface Store {
  readonly path: string;
  /** Bumped on every write, so callers can cache what they derive from the store. */
  readonly revision: number;
  all(): readonly StoredReport[];
  get(id: string): StoredReport | undefined;
  /** Every agency group, keyed by `agencyKey`. */
  agencies(): ReadonlyMap<string, AgencyGroup>;
  byAgency(key: string): AgencyGroup | undefined;
  byYear(year: number): readonly StoredReport[];
  byRegion(code: string): readonly StoredReport[];
  newestYear(): number | null;
  upsert(entry: StoredReport): Promise<UpsertOutcome>;
  /** Upserts all entries with a single write. */
  upsertMany(entries: readonly StoredReport[]): Promise<UpsertOutcome[]>;
}

/** Finds the record an entry replaces: same id, or same agency and year. */
function findSlot(data: StoreData, idx: StoreIndexes, entry: StoredReport): number {
  const r = entry.report;
  const same =
    idx.byId.get(r.id) ?? idx.byAgency.get(agencyKey(r))?.reports.find((e) => e.report.year === r.year);
  return same ? data.reports.indexOf(same) : -1;
}

/** Opens (or lazily creates) the lowdb store at `path`; a corrupt file throws STORE_CORRUPT. */
export async function openStore(path: string): Promise<Store> {
  const adapter = new DataFile<StoreData>(path, {
    parse: (text) => parseStoreText(path, text),
    stringify: stringifyStore,
  });
  const db = new Low<StoreData>(adapter, { version: 1, reports: [] });
  try {
    await db.read();
  } catch (cause) {
    if (cause instanceof StoreError) throw cause;
    throw new StoreError('STORE_IO', path, `无法读取数据库文件 ${path}：${(cause as Error).message}`, {
      cause,
    });
  }
  let idx = buildIndexes(db.data.reports);
  let revision = 0;
  /** Set when an 'unchanged' record still needs writing (fresh warnings). */
  let dirty = false;

  function apply(entry: StoredReport): UpsertOutcome {
    const slot = findSlot(db.data, idx, entry);
    if (slot < 0) {
      db.data.reports.push(entry);
      addToIndexes(idx, entry);
      return 'added';
    }
    const old = db.data.reports[slot]!;
    if (old.report.id === entry.report.id && old.report.source.sha256 === entry.report.source.sha256) {
      // same file; its warnings may still change (a neighbouring year arrived): keep the fresh ones
      if (JSON.stringify(old.warnings) !== JSON.stringify(entry.warnings)) {
        old.warnings = entry.warnings;
        dirty = true;
      }
      return 'unchanged';
    }
    db.data.reports[slot] = entry;
    idx = buildIndexes(db.data.reports);
    return 'updated';
  }

  async function save(): Promise<void> {
    revision++;
    dirty = false;
    try {
      await db.write();
    } catch (cause) {
      throw new StoreError('STORE_IO', path, `无法写入数据库文件 ${path}：${(cause as Error).message}`, {
        cause,
      });
    }
  }

  return {
    path,
    get revision() {
      return revision;
    },
    all: () => db.data.reports,
    get: (id) => idx.byId.get(id),
    agencies: () => idx.byAgency,
    byAgency: (key) => idx.byAgency.get(key),
    byYear: (year) => idx.byYear.get(year) ?? [],
    byRegion: (code) => idx.byRegion.get(code) ?? [],
    newestYear: () => idx.newestYear,
    async upsert(entry) {
      const outcome = apply(entry);
      if (outcome !== 'unchanged' || dirty) await save();
      return outcome;
    },
    async upsertMany(entries) {
      const outcomes = entries.map(apply);
      if (outcomes.some((o) => o !== 'unchanged') || dirty) await save();
      return outcomes;
    },
  };
}

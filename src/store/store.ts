import type { CopyIndex } from '../check/index.ts';
import type { CatalogueRow } from './catalogue.ts';
import type { AgencyGroup } from './indexes.ts';
import type { RankQuery, RankRow, StoreQuery, UpsertOptions } from './records.ts';
import type { StoredReport, UpsertOutcome } from './types.ts';

export { type CatalogueRow, catalogueRow } from './catalogue.ts';

/** What changed in the store: the ids written, and the revision after the change. */
export interface StoreChange {
  revision: number;
  ids: string[];
}

/**
 * The in-memory views only the JSON file backend can afford (every record held). Nothing outside
 * src/store may use them: consumers use the catalogue and the async queries of `Store`.
 */
export interface StoreViews {
  all(): readonly StoredReport[];
  get(id: string): StoredReport | undefined;
  /** The record an entry for this report would replace: same id, or same agency and year. */
  findExisting(report: StoredReport['report']): StoredReport | undefined;
  /** Every agency group, keyed by `agencyKey`. */
  agencies(): ReadonlyMap<string, AgencyGroup>;
  byAgency(key: string): AgencyGroup | undefined;
  byYear(year: number): readonly StoredReport[];
  byRegion(code: string): readonly StoredReport[];
  newestYear(): number | null;
}

/**
 * The store, whatever holds it: what every backend offers. Consumers read the catalogue (small:
 * one row per record, no figures) and query records asynchronously, so a database backend never
 * holds every record in memory. The JSON file backend keeps in-memory indexes behind the same
 * queries (src/store/open-store.ts, `JsonStore`).
 */
export interface Store {
  /** Where the store lives: a file path, or a database URL without its password. */
  readonly path: string;
  /** Bumped on every change, so callers can cache what they derive from the store. */
  readonly revision: number;
  /** Every record's identity, place and source (no figures), in store order: what the matcher and listings need. */
  catalogue(): readonly CatalogueRow[];
  /** Records by id, agency, year, region and level. */
  find(query: StoreQuery): Promise<StoredReport[]>;
  /**
   * Records ranked over one metric (the newest year held unless a year is given): the best value
   * first, equal values by id (with `ties`, in no set order). With `limit`, only the first rows
   * and the ties `ties` asks for, so a ranking never reads the whole year; each row names its
   * record by its catalogue row (read the records shown with `find({ ids })`, unless `entry` is set).
   */
  rank(query: RankQuery): Promise<RankRow[]>;
  /** How many records `rank` ranks for the query, without its limit (e.g. the ones better than a value). */
  rankCount(query: RankQuery): Promise<number>;
  /** Every record (for whole-store work: export, re-checking; not for answering). */
  list(): Promise<readonly StoredReport[]>;
  /**
   * Fingerprints of the stored reports, for X-10. With `near`, the index need hold only what
   * checking those reports needs (a database store queries that much; the JSON store gives its
   * whole index, kept current on every change). The index may be the store's own: a caller that
   * adds to it for a check puts the stored entries back afterwards.
   */
  copies(near?: readonly StoredReport['report'][]): Promise<CopyIndex>;
  /** The entry's report with its section prose put back (for the rules that read prose). */
  hydrate(entry: StoredReport): Promise<StoredReport['report']>;
  upsert(entry: StoredReport, options?: UpsertOptions): Promise<UpsertOutcome>;
  /**
   * Upserts all entries with a single write: under the store's lock file, onto the file as it is
   * on disk now (another process's records are kept), to a temp file unique to this writer, then
   * renamed. Memory changes only once the write has succeeded; a failed write throws STORE_IO
   * (or STORE_LOCKED) and leaves both file and memory as they were. Entries may carry their
   * prose (`report.text.sections`): it is stored beside the record, never inside it.
   */
  upsertMany(entries: readonly StoredReport[], options?: UpsertOptions): Promise<UpsertOutcome[]>;
  /** Calls `listener` after every change (this process's writes, and another's once seen). */
  watch(listener: (change: StoreChange) => void): () => void;
  /** Stops watching and releases what the store holds open. */
  close(): Promise<void>;
}

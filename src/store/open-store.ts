import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { agencyKey } from './agency-key.ts';
import { type AgencyGroup, buildIndexes, type StoreIndexes } from './indexes.ts';
import { StoreError } from './store-error.ts';
import { parseStoreText, type StoreData, stringifyStore } from './store-file.ts';
import type { StoredReport, UpsertOutcome } from './types.ts';

/**
 * Says why an entry must not replace the record it would replace (a degraded re-upload), or
 * null to let it. Runs under the store lock against the record as it is on disk.
 */
export type ReplaceGuard = (stored: StoredReport, incoming: StoredReport) => string | null;

export interface UpsertOptions {
  /** An entry the guard refuses leaves the stored record as it is: outcome 'unchanged'. */
  guard?: ReplaceGuard;
}

export interface Store {
  readonly path: string;
  /** Bumped on every write, so callers can cache what they derive from the store. */
  readonly revision: number;
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
  upsert(entry: StoredReport, options?: UpsertOptions): Promise<UpsertOutcome>;
  /**
   * Upserts all entries with a single write: under the store's lock file, onto the file as it is
   * on disk now (another process's records are kept), to a temp file unique to this writer, then
   * renamed. Memory changes only once the write has succeeded; a failed write throws STORE_IO
   * (or STORE_LOCKED) and leaves both file and memory as they were.
   */
  upsertMany(entries: readonly StoredReport[], options?: UpsertOptions): Promise<UpsertOutcome[]>;
}

/** How long a writer waits for another's lock before STORE_LOCKED (ms); STORE_LOCK_WAIT_MS. */
function lockWaitMs(): number {
  const n = Number(process.env.STORE_LOCK_WAIT_MS);
  return Number.isFinite(n) && n > 0 ? n : 60_000;
}

/** A lock whose holder stopped updating it (killed) for this long is taken over. */
const LOCK_STALE_MS = 10_000;

function findSlot(data: StoreData, idx: StoreIndexes, report: StoredReport['report']): number {
  const same =
    idx.byId.get(report.id) ??
    idx.byAgency.get(agencyKey(report))?.reports.find((e) => e.report.year === report.year);
  return same ? data.reports.indexOf(same) : -1;
}

/** Reads the data file; a missing file is an empty store, a corrupt one throws STORE_CORRUPT. */
async function readData(path: string): Promise<StoreData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, reports: [] };
    throw new StoreError('STORE_IO', path, `无法读取数据库文件 ${path}：${(cause as Error).message}`, {
      cause,
    });
  }
  return parseStoreText(path, text);
}

/** Writes to a temp file unique to this writer, flushes it to disk, then renames it over the store. */
async function writeData(path: string, data: StoreData): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(stringifyStore(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (cause) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new StoreError('STORE_IO', path, `无法写入数据库文件 ${path}：${(cause as Error).message}`, {
      cause,
    });
  }
}

/** Runs `work` holding the store's lock file (`<path>.lock`), waiting for another writer's. */
async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  const wait = lockWaitMs();
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path, {
      realpath: false,
      stale: LOCK_STALE_MS,
      retries: { retries: Math.ceil(wait / 250), factor: 1, minTimeout: 250, maxTimeout: 250 },
    });
  } catch (cause) {
    const err = cause as NodeJS.ErrnoException;
    if (err.code === 'ELOCKED') {
      throw new StoreError(
        'STORE_LOCKED',
        path,
        `数据库文件 ${path} 正被另一个进程写入，等待 ${Math.round(wait / 1000)} 秒后仍未释放（STORE_LOCK_WAIT_MS）；请稍后重试`,
        { cause },
      );
    }
    throw new StoreError('STORE_IO', path, `无法锁定数据库文件 ${path}：${err.message}`, { cause });
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}

/** Opens the store at `path` (a missing file is an empty store); a corrupt file throws STORE_CORRUPT. */
export async function openStore(path: string): Promise<Store> {
  let data = await readData(path);
  let idx = buildIndexes(data.reports);
  let revision = 0;
  /** Writes of this process, one after another (the lock file orders them against other processes). */
  let queue: Promise<unknown> = Promise.resolve();

  /** Applies one entry to `next` (a copy: no object of the current state is changed). */
  function apply(
    next: StoreData,
    nextIdx: { value: StoreIndexes },
    entry: StoredReport,
    guard: ReplaceGuard | undefined,
  ): { outcome: UpsertOutcome; changed: boolean } {
    const slot = findSlot(next, nextIdx.value, entry.report);
    if (slot < 0) {
      next.reports.push(entry);
      nextIdx.value = buildIndexes(next.reports);
      return { outcome: 'added', changed: true };
    }
    const old = next.reports[slot]!;
    if (old.report.id === entry.report.id && old.report.source.sha256 === entry.report.source.sha256) {
      // same file; its warnings may still change (a neighbouring year arrived): keep the fresh ones
      if (JSON.stringify(old.warnings) === JSON.stringify(entry.warnings)) {
        return { outcome: 'unchanged', changed: false };
      }
      next.reports[slot] = { report: old.report, warnings: entry.warnings };
      nextIdx.value = buildIndexes(next.reports);
      return { outcome: 'unchanged', changed: true };
    }
    if (guard?.(old, entry)) return { outcome: 'unchanged', changed: false };
    next.reports[slot] = entry;
    nextIdx.value = buildIndexes(next.reports);
    return { outcome: 'updated', changed: true };
  }

  async function commit(entries: readonly StoredReport[], options: UpsertOptions): Promise<UpsertOutcome[]> {
    return withFileLock(path, async () => {
      // re-read under the lock: another process may have written since we last looked
      const disk = await readData(path);
      const next: StoreData = { version: 1, reports: [...disk.reports] };
      const nextIdx = { value: buildIndexes(next.reports) };
      let changed = false;
      const outcomes = entries.map((e) => {
        const r = apply(next, nextIdx, e, options.guard);
        changed ||= r.changed;
        return r.outcome;
      });
      if (changed) await writeData(path, next);
      data = next;
      idx = nextIdx.value;
      revision++;
      return outcomes;
    });
  }

  function upsertMany(
    entries: readonly StoredReport[],
    options: UpsertOptions = {},
  ): Promise<UpsertOutcome[]> {
    const run = queue.then(() => commit(entries, options));
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    path,
    get revision() {
      return revision;
    },
    all: () => data.reports,
    get: (id) => idx.byId.get(id),
    findExisting(report) {
      const slot = findSlot(data, idx, report);
      return slot < 0 ? undefined : data.reports[slot];
    },
    agencies: () => idx.byAgency,
    byAgency: (key) => idx.byAgency.get(key),
    byYear: (year) => idx.byYear.get(year) ?? [],
    byRegion: (code) => idx.byRegion.get(code) ?? [],
    newestYear: () => idx.newestYear,
    async upsert(entry, options) {
      const [outcome] = await upsertMany([entry], options);
      return outcome!;
    },
    upsertMany,
  };
}

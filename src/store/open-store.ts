import { randomBytes } from 'node:crypto';
import { type FSWatcher, fstat as fstatCb, open as openCb, read as readCb, watch } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import lockfile from 'proper-lockfile';
import { CopyIndex } from '../check/index.ts';
import { agencyKey } from './agency-key.ts';
import { RecordCodec } from './codec.ts';
import { addToIndexes, buildIndexes, removeFromIndexes } from './indexes.ts';
import {
  appendJournal,
  applyJournal,
  type Journal,
  journalPath,
  journalStat,
  readJournal,
} from './journal.ts';
import { type OpenFile, openFile, type Place } from './lazy.ts';
import { toLean, withSections } from './lean.ts';
import { rankCountIn, rankIn } from './ranking.ts';
import { findIn, planUpserts, type UpsertOptions } from './records.ts';
import { type CatalogueRow, catalogueRow, type Store, type StoreChange, type StoreViews } from './store.ts';
import { StoreError } from './store-error.ts';
import { encodeLine, leanHead, readStoreFile, type StoreData, stampOf } from './store-file.ts';
import type { StoredReport, UpsertOutcome } from './types.ts';

/** How long a writer waits for another's lock before STORE_LOCKED (ms); STORE_LOCK_WAIT_MS. */
function lockWaitMs(): number {
  const n = Number(process.env.STORE_LOCK_WAIT_MS);
  return Number.isFinite(n) && n > 0 ? n : 60_000;
}

/** A lock whose holder stopped updating it (killed) for this long is taken over. */
const LOCK_STALE_MS = 10_000;

/** Bytes copied at a time from the old file into the new one. */
const COPY_CHUNK = 1 << 23;

const readAt = promisify(readCb);

/** Where a record went in the file just written, and whether its line was copied as bytes. */
interface Written {
  start: number;
  end: number;
  copied: boolean;
}

/**
 * Writes to a temp file unique to this writer, flushes it to disk, then renames it over the store.
 * Records whose line lies in `current` (the file as last read or written) are copied from it as
 * bytes, a run of lines at a time in bounded chunks; only the others are encoded.
 */
async function writeData(
  path: string,
  data: StoreData,
  beforeRename: () => void,
  line: (r: StoredReport) => string,
  spans: WeakMap<StoredReport, Place>,
  current: OpenFile | undefined,
  journal: OpenFile | undefined,
): Promise<Map<StoredReport, Written>> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const written = new Map<StoredReport, Written>();
  try {
    const handle = await open(tmp, 'w');
    try {
      let pos = 0;
      const put = async (b: Buffer, length = b.length) => {
        await handle.write(b, 0, length, pos);
        pos += length;
      };
      await put(Buffer.from(leanHead()));
      const sep = Buffer.from(',\n');
      let chunk: Buffer | undefined;
      let run:
        | { file: OpenFile; from: number; to: number; entries: [StoredReport, number, number][] }
        | undefined;
      const flush = async () => {
        if (!run) return;
        const base = pos;
        chunk ??= Buffer.allocUnsafe(COPY_CHUNK);
        for (let at = run.from; at < run.to; ) {
          const n = Math.min(chunk.length, run.to - at);
          const { bytesRead } = await readAt(run.file.fd, chunk, 0, n, at);
          if (bytesRead !== n) throw new Error(`short read of ${path}`);
          await put(chunk, n);
          at += n;
        }
        for (const [e, s, t] of run.entries)
          written.set(e, { start: base + s - run.from, end: base + t - run.from, copied: true });
        run = undefined;
      };
      for (let i = 0; i < data.reports.length; i++) {
        const e = data.reports[i]!;
        const p = spans.get(e);
        const span = p && (p.file === current || p.file === journal) ? p : undefined;
        if (span && run && span.file === run.file && span.start === run.to + 2) {
          // the next line of the old file: the ",\n" between the two is copied with it
          run.to = span.end;
          run.entries.push([e, span.start, span.end]);
          continue;
        }
        await flush();
        if (i > 0) await put(sep);
        if (span)
          run = { file: span.file, from: span.start, to: span.end, entries: [[e, span.start, span.end]] };
        else {
          const b = Buffer.from(line(e));
          written.set(e, { start: pos, end: pos + b.length, copied: false });
          await put(b);
        }
      }
      await flush();
      await put(Buffer.from(data.reports.length > 0 ? '\n]}\n' : ']}\n'));
      await handle.sync();
    } finally {
      await handle.close();
    }
    beforeRename();
    await rename(tmp, path);
    return written;
  } catch (cause) {
    await rm(tmp, { force: true }).catch(() => undefined);
    if (cause instanceof StoreError) throw cause;
    throw new StoreError('STORE_IO', path, `无法写入数据库文件 ${path}：${(cause as Error).message}`, {
      cause,
    });
  }
}

/**
 * Runs `work` holding the store's lock file (`<path>.lock`), waiting for another writer's. `work`
 * gets a check to call before it renames its file into place: it throws if the lock was lost
 * meanwhile (this process stalled past the stale time and another writer took over).
 */
async function withFileLock<T>(path: string, work: (stillHeld: () => void) => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  const wait = lockWaitMs();
  let release: () => Promise<void>;
  let lost: Error | undefined;
  try {
    release = await lockfile.lock(path, {
      realpath: false,
      stale: LOCK_STALE_MS,
      onCompromised: (err) => {
        lost = err;
      },
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
  const stillHeld = () => {
    if (lost) {
      throw new StoreError(
        'STORE_LOCKED',
        path,
        `数据库文件 ${path} 的写锁已失效（${lost.message}），未写入；请重试`,
      );
    }
  };
  try {
    return await work(stillHeld);
  } finally {
    await release().catch(() => undefined);
  }
}

/** Where a store file keeps its prose: `<path>.prose/<sha256>.json`. */
export function proseDir(path: string): string {
  return `${path}.prose`;
}

/** Writes one prose file unless it is already there (content-addressed: same name, same bytes). */
async function writeProse(path: string, key: string, text: string): Promise<void> {
  const dir = proseDir(path);
  const file = join(dir, `${key}.json`);
  try {
    await stat(file);
    return;
  } catch {
    // not there yet
  }
  const tmp = join(dir, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (cause) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new StoreError('STORE_IO', path, `无法写入正文文件 ${file}：${(cause as Error).message}`, {
      cause,
    });
  }
}

const openFd = promisify(openCb);
const fstatFd = promisify(fstatCb);

/**
 * Deletes the prose files of `keys` (records just replaced) that no record of `reports` (the
 * file just written) refers to. Runs under the write lock, after the rename: every prose file is
 * written under the lock too, so none can be on its way to being referenced. A file that cannot
 * be deleted is left (content-addressed: harmless).
 */
async function dropProse(
  path: string,
  keys: readonly string[],
  reports: readonly StoredReport[],
): Promise<void> {
  if (keys.length === 0) return;
  const held = new Set(keys);
  for (const e of reports) if (e.prose) held.delete(e.prose);
  for (const key of held)
    await rm(join(proseDir(path), `${key}.json`), { force: true }).catch(() => undefined);
}

/** What identifies the file's content as last read or written, to skip re-reading an unchanged file. */
async function fileStamp(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

/** A record as read, made lean: inline prose (a version-1 file) is kept aside until the next write. */
function leanOne(e: StoredReport, pendingProse: Map<string, string>): StoredReport {
  const split = toLean(e);
  if (split.proseText !== null) pendingProse.set(split.entry.prose!, split.proseText);
  return split.entry;
}

/** Records as read, made lean. */
function leanAll(data: StoreData, pendingProse: Map<string, string>): StoredReport[] {
  return data.reports.map((e) => leanOne(e, pendingProse));
}

/** A store file smaller than this is rewritten on every write (no journal); STORE_JOURNAL_MIN_BYTES. */
function journalMinBytes(): number {
  const n = Number(process.env.STORE_JOURNAL_MIN_BYTES);
  return Number.isFinite(n) && n >= 0 && process.env.STORE_JOURNAL_MIN_BYTES ? n : 8 << 20;
}

/** The store file and its journal, read: the records as the journal leaves them. */
async function readAll(path: string): Promise<{
  data: StoreData;
  stamp: string | null;
  size: number;
  journal: Journal | undefined;
}> {
  const main = await readStoreFile(path);
  const log = await readJournal(path);
  if (!log) return { ...main, journal: undefined };
  const reports = [...main.data.reports];
  applyJournal(reports, log.records);
  const spans = new Map(main.data.spans ?? []);
  if (log.journal.same) for (const [e, span] of log.spans) spans.set(e, span);
  return { ...main, data: { ...main.data, reports, spans }, journal: log.journal };
}

/**
 * Opens the store at `path` (a missing file is an empty store); a corrupt file throws STORE_CORRUPT.
 * The file holds lean records, one a line; each record's prose is a content-addressed file in
 * `<path>.prose/`, written once and never rewritten by later writes.
 */
/** The JSON file store: the shared interface, plus the in-memory views its own tests read. */
export type JsonStore = Store & StoreViews;

export async function openStore(path: string): Promise<JsonStore> {
  /** Prose read from a version-1 file, not yet written beside it. */
  const pendingProse = new Map<string, string>();
  const first = await readAll(path);
  let stamp = first.stamp;
  /** The store file's size as last read or written (the journal is rewritten into it past an eighth of it). */
  let size = first.size;
  /** The file as last read or written: lazy records read their cold part from it, writes copy lines from it. */
  let current = first.data.file;
  /** The journal as last read or written. */
  let journal = first.journal;
  /** Where each record read or written lies in its file (for byte copies on the next write). */
  let spans = new WeakMap<StoredReport, Place>();
  for (const [e, span] of first.data.spans ?? []) spans.set(e, span);
  let reports = leanAll(first.data, pendingProse);
  let idx = buildIndexes(reports);
  /**
   * The copy fingerprints' index: built in the background after the store opens, a slice of
   * records at a time (so questions are answered meanwhile), or at once when asked for first.
   * `built` records of `reports` are in it; records written meanwhile are added as they come.
   */
  let copies: CopyIndex | undefined;
  let built = 0;
  const buildCopies = (limit: number): boolean => {
    copies ??= new CopyIndex();
    const end = Math.min(reports.length, built + limit);
    for (; built < end; built++) copies.add(reports[built]!.report, reports[built]!.print);
    return built >= reports.length;
  };
  const copyIndex = (): CopyIndex => {
    buildCopies(Number.POSITIVE_INFINITY);
    return copies!;
  };
  let closed = false;
  const buildInBackground = () => {
    if (!closed && !buildCopies(2000)) setTimeout(buildInBackground, 0).unref();
  };
  setTimeout(buildInBackground, 0).unref();
  /** The serialised line of each record, so a write re-serialises only what changed. */
  const lines = new WeakMap<StoredReport, string>();
  const codec = new RecordCodec();
  const lineOf = (e: StoredReport): string => {
    let line = lines.get(e);
    if (line === undefined) {
      line = encodeLine(codec, e);
      lines.set(e, line);
    }
    return line;
  };
  let revision = 0;
  let catalogue: { revision: number; rows: CatalogueRow[] } = { revision: -1, rows: [] };
  /** Each record's catalogue row, kept while the record is: a change re-makes only the changed rows. */
  const rowOf = new WeakMap<StoredReport, CatalogueRow>();
  const cachedRow = (e: StoredReport): CatalogueRow => {
    let row = rowOf.get(e);
    if (!row) {
      row = catalogueRow(e);
      rowOf.set(e, row);
    }
    return row;
  };
  const listeners = new Set<(change: StoreChange) => void>();
  /** Writes of this process, one after another (the lock file orders them against other processes). */
  let queue: Promise<unknown> = Promise.resolve();

  const findExisting = (report: StoredReport['report']): StoredReport | undefined =>
    idx.byId.get(report.id) ??
    idx.byAgency.get(agencyKey(report))?.reports.find((e) => e.report.year === report.year);

  function notify(ids: string[]): void {
    const change = { revision, ids };
    for (const l of listeners) l(change);
  }

  /** Puts records in place of those they replace (or at the end), keeping the indexes current. */
  function apply(records: readonly StoredReport[], olds: readonly (StoredReport | undefined)[]): void {
    records.forEach((e, i) => {
      const old = olds[i];
      if (old) removeFromIndexes(idx, old);
      addToIndexes(idx, e);
      if (!copies) return;
      if (old && old.report.id !== e.report.id) copies.remove(old.report.id);
      copies.add(e.report, e.print);
    });
  }

  /** Takes in what another process wrote since this one last read the file. */
  async function catchUp(): Promise<void> {
    const now = await fileStamp(path);
    const j = await journalStat(path);
    if (now === stamp && (j ? journal?.ino === j.ino && journal.end === j.size : !journal)) return;
    if (now === stamp && j && (!journal || journal.ino === j.ino)) {
      // only the journal grew (another process added records): read its new lines alone
      const tail = await readJournal(path, journal);
      if (!tail || tail.records.length === 0) {
        if (tail) journal = tail.journal;
        return;
      }
      journal = tail.journal;
      for (const [e, span] of tail.spans) spans.set(e, span);
      const next = [...reports];
      const records = tail.records.map((e) => leanOne(e, pendingProse));
      const olds = applyJournal(next, records);
      reports = next;
      apply(records, olds);
      revision++;
      notify(records.map((e) => e.report.id));
      return;
    }
    const read = await readAll(path);
    const before = spans;
    spans = new WeakMap();
    for (const [e, span] of read.data.spans ?? []) spans.set(e, span);
    current = read.data.file;
    journal = read.journal;
    size = read.size;
    const next = leanAll(read.data, pendingProse);
    const beforeById = idx.byId;
    // a record is unchanged when its line is the same length and its file the same (warnings
    // refreshed: another line), so the cold parts are never read to tell
    const length = (p: Place | undefined) => (p ? p.end - p.start : -1);
    const ids = next
      .filter((e) => {
        const old = beforeById.get(e.report.id);
        return (
          !old ||
          old.report.source.sha256 !== e.report.source.sha256 ||
          length(before.get(old)) !== length(spans.get(e)) ||
          length(spans.get(e)) < 0
        );
      })
      .map((e) => e.report.id);
    reports = next;
    idx = buildIndexes(next);
    copies = undefined;
    built = 0;
    setTimeout(buildInBackground, 0).unref();
    stamp = read.stamp;
    revision++;
    notify(ids);
  }

  async function commit(entries: readonly StoredReport[], options: UpsertOptions): Promise<UpsertOutcome[]> {
    return withFileLock(path, async (stillHeld) => {
      // another process may have written since we last looked
      await catchUp();
      const plan = planUpserts(entries, findExisting, options);
      if (plan.writes.length === 0) return plan.outcomes;
      for (const w of plan.writes) {
        if (w.proseText !== null && w.entry.prose) await writeProse(path, w.entry.prose, w.proseText);
      }
      for (const [key, text] of pendingProse) await writeProse(path, key, text);
      const next = [...reports];
      const slots = new Map(next.map((e, i) => [e, i] as const));
      for (const w of plan.writes) {
        const at = w.old ? slots.get(w.old) : undefined;
        if (at === undefined) next.push(w.entry);
        else next[at] = w.entry;
      }
      const finish = async () => {
        pendingProse.clear();
        reports = next;
        await dropProse(
          path,
          plan.writes.flatMap((w) => (w.old?.prose && w.old.prose !== w.entry.prose ? [w.old.prose] : [])),
          next,
        );
        apply(
          plan.writes.map((w) => w.entry),
          plan.writes.map((w) => w.old),
        );
        revision++;
        notify(plan.writes.map((w) => w.entry.report.id));
        return plan.outcomes;
      };
      const added = plan.writes.map((w) => lineOf(w.entry));
      const bytes = added.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
      if (
        current &&
        pendingProse.size === 0 &&
        size >= journalMinBytes() &&
        (journal?.end ?? 0) + bytes <= size / 8 &&
        (journal === undefined || journal.same)
      ) {
        // a large store: the records go on the journal, the store file stays as it is
        stillHeld();
        const done = await appendJournal(path, journal, added);
        journal = done.journal;
        plan.writes.forEach((w, i) => {
          spans.set(w.entry, done.places[i]!);
        });
        return finish();
      }
      const written = await writeData(
        path,
        { version: 2, reports: next },
        stillHeld,
        lineOf,
        spans,
        current,
        journal?.same ? journal.file : undefined,
      );
      // the new file, opened under the lock (no other writer can have replaced it yet)
      const file = openFile(await openFd(path, 'r'), path);
      const st = await fstatFd(file.fd);
      stamp = stampOf(st);
      size = st.size;
      // the journal's records are in the store file now
      if (journal) await rm(journalPath(path), { force: true });
      journal = undefined;
      const moved = new WeakMap<StoredReport, Place>();
      for (const [e, w] of written) {
        const p = spans.get(e);
        if (w.copied && p) {
          // a line copied as bytes: its record now reads its cold part from the new file
          p.file = file;
          p.start = w.start;
          p.end = w.end;
          moved.set(e, p);
        } else moved.set(e, { file, start: w.start, end: w.end });
      }
      spans = moved;
      current = file;
      return finish();
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

  /** Another process's writes: the folder is watched once someone watches the store. */
  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  function startWatching(): void {
    if (watcher) return;
    try {
      watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
        if (name !== basename(path) && name !== basename(journalPath(path))) return;
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(() => {
          // in the write queue, so it never runs between another write's read and rename
          const run = queue.then(catchUp);
          queue = run.catch(() => undefined);
        }, 50);
      });
      watcher.on('error', () => undefined);
    } catch {
      // a folder that cannot be watched: changes by other processes are seen at the next write
    }
  }

  async function readProse(key: string): Promise<Record<string, string> | undefined> {
    const text =
      pendingProse.get(key) ??
      (await readFile(join(proseDir(path), `${key}.json`), 'utf8').catch(() => null));
    if (text === null || text === undefined) return undefined;
    try {
      return JSON.parse(text) as Record<string, string>;
    } catch {
      return undefined;
    }
  }

  return {
    path,
    get revision() {
      return revision;
    },
    all: () => reports,
    catalogue() {
      if (catalogue.revision !== revision) catalogue = { revision, rows: reports.map(cachedRow) };
      return catalogue.rows;
    },
    get: (id) => idx.byId.get(id),
    findExisting,
    agencies: () => idx.byAgency,
    byAgency: (key) => idx.byAgency.get(key),
    byYear: (year) => idx.byYear.get(year) ?? [],
    byRegion: (code) => idx.byRegion.get(code) ?? [],
    newestYear: () => idx.newestYear,
    copies: async () => copyIndex(),
    find: async (query) => findIn(idx, reports, query),
    rank: async (query) => rankIn(idx, query, cachedRow),
    rankCount: async (query) => rankCountIn(idx, query),
    list: async () => reports,
    async hydrate(entry) {
      if (entry.report.text?.sections || !entry.prose) return entry.report;
      return withSections(entry.report, await readProse(entry.prose));
    },
    async upsert(entry, options) {
      const [outcome] = await upsertMany([entry], options);
      return outcome!;
    },
    upsertMany,
    watch(listener) {
      listeners.add(listener);
      startWatching();
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      watcher?.close();
      watcher = undefined;
      if (debounce) clearTimeout(debounce);
      await queue;
    },
  };
}

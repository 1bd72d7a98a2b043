import { fstat as fstatCb, open as openCb, stat as statCb } from 'node:fs';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { FIELD_IDS } from '../schema/index.ts';
import { agencyKey } from './agency-key.ts';
import { RecordCodec } from './codec.ts';
import { type OpenFile, openFile, type Place } from './lazy.ts';
import { StoreError } from './store-error.ts';
import { LineReader, scanLines } from './store-file.ts';
import type { StoredReport } from './types.ts';

/**
 * The store's journal, `<store>.log`: records written since the store file was last rewritten,
 * one line each in the store file's line format, after a header line naming the field order.
 * Adding a report to a large store appends its line here (and fsyncs) instead of rewriting the
 * whole file; once the journal outgrows an eighth of the store file, the next write rewrites the
 * store file with every record and deletes the journal.
 *
 * Reading: the store file's records, then the journal's in order, each replacing the record
 * with the same id, or else the same agency and year (the upsert rule), or else appended. A
 * last line without its newline is a write that never finished (the writer was killed before
 * it reported success) and is ignored; the next writer overwrites it. Replaying the journal onto
 * a store file that already holds its records (a rewrite killed before the journal was deleted)
 * gives the same records.
 */

const openFd = promisify(openCb);
const fstatFd = promisify(fstatCb);
const statPath = promisify(statCb);

const HEAD = '{"journal":2,"fields":';

export function journalPath(path: string): string {
  return `${path}.log`;
}

/** The journal as last read or written. */
export interface Journal {
  file: OpenFile;
  ino: number;
  /** Bytes up to the end of its last complete line. */
  end: number;
  /** Lines read so far (the header included), for error messages. */
  lines: number;
  codec: RecordCodec;
  /** Its field order is the writer's: lines can be copied as bytes, and new ones appended. */
  same: boolean;
}

/** The journal's inode and size now, or null when there is none. */
export async function journalStat(path: string): Promise<{ ino: number; size: number } | null> {
  try {
    const s = await statPath(journalPath(path));
    return { ino: s.ino, size: s.size };
  } catch {
    return null;
  }
}

/**
 * Reads the journal's complete lines from `from.end` (a journal read before), or the whole
 * journal: its records, where each lies, and its state after them. Null when there is none
 * (or only a header cut short).
 */
export async function readJournal(
  path: string,
  from?: Journal,
): Promise<{ records: StoredReport[]; spans: Map<StoredReport, Place>; journal: Journal } | null> {
  const jp = journalPath(path);
  let file = from?.file;
  if (!file) {
    let fd: number;
    try {
      fd = await openFd(jp, 'r');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError('STORE_IO', jp, `无法读取日志文件 ${jp}：${(cause as Error).message}`, { cause });
    }
    file = openFile(fd, jp);
  }
  const reader = new LineReader(jp, file);
  let codec = from?.codec;
  if (from) reader.useCodec(from.codec, from.lines + 1);
  let lines = from?.lines ?? 0;
  const start = from?.end ?? 0;
  let headBad: unknown;
  const end = await scanLines(
    file.fd,
    start,
    (buf, s, e, base) => {
      if (!codec) {
        const head = buf.toString('utf8', s, e);
        try {
          if (!head.startsWith(HEAD)) throw new Error('not a journal header');
          const fields = (JSON.parse(head) as { fields: string[] }).fields;
          if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string'))
            throw new Error('fields are not strings');
          codec = new RecordCodec(fields);
        } catch (cause) {
          headBad = cause;
          return false;
        }
        lines = 1;
        reader.useCodec(codec, 2);
        return true;
      }
      reader.take(buf, s, e, base);
      lines++;
      return true;
    },
    false,
  );
  if (headBad) {
    throw new StoreError('STORE_CORRUPT', jp, `日志文件 ${jp} 的文件头无效；请从备份恢复`, {
      cause: headBad,
    });
  }
  if (!codec) return null;
  const st = await fstatFd(file.fd);
  const same = codec.fields.length === FIELD_IDS.length && codec.fields.every((f, i) => f === FIELD_IDS[i]);
  return {
    records: reader.reports,
    spans: reader.spans,
    journal: { file, ino: st.ino, end, lines, codec, same },
  };
}

/**
 * Applies journal records to `reports` in place by the upsert rule (same id, else same agency
 * and year, replaced where it stands; else appended). Returns the records each one replaced.
 */
export function applyJournal(
  reports: StoredReport[],
  records: readonly StoredReport[],
): (StoredReport | undefined)[] {
  const byId = new Map<string, number>();
  const byKey = new Map<string, number>();
  const key = (e: StoredReport) => `${agencyKey(e.report)}|${e.report.year}`;
  reports.forEach((e, i) => {
    byId.set(e.report.id, i);
    if (!byKey.has(key(e))) byKey.set(key(e), i);
  });
  return records.map((r) => {
    const at = byId.get(r.report.id) ?? byKey.get(key(r));
    let old: StoredReport | undefined;
    if (at === undefined) {
      reports.push(r);
      byId.set(r.report.id, reports.length - 1);
      byKey.set(key(r), reports.length - 1);
    } else {
      old = reports[at]!;
      reports[at] = r;
      if (byId.get(old.report.id) === at) byId.delete(old.report.id);
      if (byKey.get(key(old)) === at) byKey.delete(key(old));
      byId.set(r.report.id, at);
      byKey.set(key(r), at);
    }
    return old;
  });
}

/**
 * Appends encoded lines to the journal (creating it, with its header, when `journal` is
 * undefined), over any unfinished line a killed writer left, and flushes it to disk. Runs under
 * the store's lock. Returns the journal after the write and where each line went.
 */
export async function appendJournal(
  path: string,
  journal: Journal | undefined,
  lines: readonly string[],
): Promise<{ journal: Journal; places: Place[] }> {
  const jp = journalPath(path);
  const head = journal ? '' : `${HEAD}${JSON.stringify(FIELD_IDS)}}\n`;
  const at = journal?.end ?? 0;
  const parts: Buffer[] = [Buffer.from(head)];
  const spans: [number, number][] = [];
  let pos = at + parts[0]!.length;
  for (const l of lines) {
    const b = Buffer.from(`${l}\n`);
    parts.push(b);
    spans.push([pos, pos + b.length - 1]);
    pos += b.length;
  }
  try {
    const handle = await open(jp, journal ? 'r+' : 'w');
    try {
      await handle.write(Buffer.concat(parts), 0, pos - at, at);
      await handle.truncate(pos);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new StoreError('STORE_IO', jp, `无法写入日志文件 ${jp}：${(cause as Error).message}`, { cause });
  }
  let next: Journal;
  if (journal) next = { ...journal, end: pos, lines: journal.lines + lines.length };
  else {
    const fd = await openFd(jp, 'r');
    const st = await fstatFd(fd);
    next = {
      file: openFile(fd, jp),
      ino: st.ino,
      end: pos,
      lines: 1 + lines.length,
      codec: new RecordCodec(),
      same: true,
    };
  }
  return { journal: next, places: spans.map(([start, end]) => ({ file: next.file, start, end })) };
}

import { fstat as fstatCb, open as openCb, read as readCb } from 'node:fs';
import { promisify } from 'node:util';
import { z } from 'zod';
import { FIELD_IDS, ReportSchema, WarningSchema } from '../schema/index.ts';
import { type EncodedHot, type EncodedRecord, RecordCodec } from './codec.ts';
import { fastKeys, fastReportHead, fastValues } from './fast-check.ts';
import { lazyRecord, type OpenFile, openFile, type Place } from './lazy.ts';
import { StoreError } from './store-error.ts';
import type { StoredReport } from './types.ts';

export const StoredReportSchema = z.object({
  report: ReportSchema,
  warnings: z.array(WarningSchema),
  prose: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  print: z
    .string()
    .regex(/^(?:[0-9a-f]{8})+$/)
    .optional(),
});

/**
 * What a version-2 line is checked against once decoded: the record as stored, its values and
 * texts typed. Narrower than ReportSchema in one place only: the values object is checked as
 * a whole (numbers or null) without a zod pass per cell.
 */
const LeanRecordSchema = StoredReportSchema.extend({
  report: ReportSchema.omit({ values: true }).extend({
    values: z.custom<Record<string, number | null>>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        Object.values(v).every((x) => x === null || (typeof x === 'number' && Number.isFinite(x))),
      { message: 'values must be numbers or null' },
    ),
  }),
});

/** Version 1 kept the prose inside each record; version 2 keeps lean records, prose beside the file. */
export const StoreDataSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  reports: z.array(StoredReportSchema),
});

export interface StoreData {
  version: 1 | 2;
  reports: StoredReport[];
  /** Version 2: where each record's line lies in the file read ([start, end) bytes, without its comma). */
  spans?: Map<StoredReport, Place>;
  /** Version 2 read from disk: the open file the records' cold parts are read from. */
  file?: OpenFile;
}

/** Describes the first few zod issues as `path: message`. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Reads the data file text; a corrupt or invalid file throws STORE_CORRUPT, never resets. */
export function parseStoreText(path: string, text: string): StoreData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new StoreError(
      'STORE_CORRUPT',
      path,
      `数据库文件 ${path} 不是有效的 JSON（${(cause as Error).message}）；请从备份恢复或删除后重新 ingest`,
      { cause },
    );
  }
  const parsed = StoreDataSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StoreError(
      'STORE_CORRUPT',
      path,
      `数据库文件 ${path} 的内容不符合格式：${describeIssues(parsed.error)}；请从备份恢复或删除后重新 ingest`,
      { cause: parsed.error },
    );
  }
  return parsed.data as StoreData;
}

const V2_HEAD = '{"version":2,"fields":';

function corrupt(path: string, what: string, cause: unknown): StoreError {
  return new StoreError(
    'STORE_CORRUPT',
    path,
    `数据库文件 ${path} ${what}；请从备份恢复或删除后重新 ingest`,
    { cause },
  );
}

/** The header line's field order; a header that is not one throws STORE_CORRUPT. */
function headerFields(path: string, head: string): string[] {
  try {
    const parsed = JSON.parse(`${head}]}`) as { fields: unknown };
    return z.array(z.string()).parse(parsed.fields);
  } catch (cause) {
    throw corrupt(path, '的文件头无效', cause);
  }
}

/** A record line split into parts: `{"c":<cold bytes>,<hot keys>,"x":<cold>}`. */
const COLD_KEY = Buffer.from(',"x":');
const LINE_HEAD = Buffer.from('{"c":');

/** The line's cold part [at, end) in `buf`, or null when the line is of the older single-part format. */
function coldSpan(buf: Buffer, start: number, end: number): [number, number] | null {
  if (end - start < 8 || buf.compare(LINE_HEAD, 0, LINE_HEAD.length, start, start + LINE_HEAD.length) !== 0)
    return null;
  let len = 0;
  let i = start + LINE_HEAD.length;
  for (; i < end; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) break;
    len = len * 10 + d;
  }
  const at = end - 1 - len;
  if (buf[i] !== 44 || buf[end - 1] !== 125 || at - COLD_KEY.length <= i) return null;
  if (buf.compare(COLD_KEY, 0, COLD_KEY.length, at - COLD_KEY.length, at) !== 0) return null;
  return [at, end - 1];
}

/** Whether a hot part is well typed (conservative: a refusal goes to zod). */
function fastHot(raw: EncodedHot): boolean {
  if (!fastReportHead(raw.report) || !fastKeys(raw)) return false;
  if (!Array.isArray(raw.v) || !Array.isArray(raw.b)) return false;
  for (const x of raw.v) if (x !== null && !(typeof x === 'number' && Number.isFinite(x))) return false;
  for (const x of raw.b) if (typeof x !== 'number' && typeof x !== 'string') return false;
  if (raw.vx !== undefined && (typeof raw.vx !== 'object' || raw.vx === null || !fastValues(raw.vx)))
    return false;
  if (raw.vm !== undefined && !Array.isArray(raw.vm)) return false;
  return true;
}

/**
 * Reads lines of a version-2 file, a record a line. `lazy` (given an open file) keeps each
 * record's cold part in the file; without it every record is decoded whole.
 */
export class LineReader {
  readonly reports: StoredReport[] = [];
  readonly spans = new Map<StoredReport, Place>();
  private codec: RecordCodec | undefined;
  private line = 0;
  closed = false;

  constructor(
    private readonly path: string,
    private readonly file: OpenFile | undefined,
  ) {}

  /** Whether the header line was the version-2 one (false: the caller parses the file whole). */
  header(head: string): boolean {
    this.line = 1;
    if (!head.startsWith(V2_HEAD)) return false;
    this.codec = new RecordCodec(headerFields(this.path, head));
    return true;
  }

  /** Reads lines with a known codec, the first numbered `line` (a journal's). */
  useCodec(codec: RecordCodec, line: number): void {
    this.codec = codec;
    this.line = line - 1;
  }

  get lineNo(): number {
    return this.line;
  }

  /** One line: bytes [s, e) of `buf`, at file offset `base + s`. */
  take(buf: Buffer, s: number, e: number, base: number): void {
    this.line++;
    if (this.closed || s === e) return;
    if (e - s === 2 && buf[s] === 93 && buf[s + 1] === 125) {
      this.closed = true;
      return;
    }
    const end = buf[e - 1] === 44 ? e - 1 : e;
    const codec = this.codec!;
    const cold = coldSpan(buf, s, end);
    const place: Place | undefined = this.file
      ? { file: this.file, start: base + s, end: base + end }
      : undefined;
    if (cold && this.file) {
      let raw: EncodedHot | undefined;
      try {
        raw = JSON.parse(`${buf.toString('utf8', s, cold[0] - COLD_KEY.length)}}`) as EncodedHot;
      } catch {
        raw = undefined;
      }
      if (raw && fastHot(raw)) {
        const entry = lazyRecord(
          codec.decodeHot(raw, false),
          { v: raw.v, ...(raw.vm ? { vm: raw.vm } : {}), ...(raw.vx ? { vx: raw.vx } : {}) },
          place!,
          cold[0] - s,
          cold[1] - cold[0],
          codec,
        );
        this.reports.push(entry);
        this.spans.set(entry, place!);
        return;
      }
    }
    // the older single-part line, or one the fast check refused: decoded whole, checked by zod
    let raw: EncodedRecord;
    try {
      raw = JSON.parse(buf.toString('utf8', s, end)) as EncodedRecord;
    } catch (cause) {
      throw corrupt(this.path, `第 ${this.line} 行不是有效的 JSON（${(cause as Error).message}）`, cause);
    }
    let entry: StoredReport;
    try {
      entry = codec.decode(raw);
    } catch (cause) {
      throw corrupt(this.path, `第 ${this.line} 行的记录无法读取`, cause);
    }
    const checked = LeanRecordSchema.safeParse(entry);
    if (!checked.success) {
      throw corrupt(
        this.path,
        `第 ${this.line} 行的内容不符合格式：${describeIssues(checked.error)}`,
        checked.error,
      );
    }
    this.reports.push(entry);
    // only lines of the current format are copied as bytes into the next write; older ones are re-encoded
    if (place && cold) this.spans.set(entry, place);
  }

  /** The data read; STORE_CORRUPT when the closing line never came. */
  finish(): StoreData {
    if (!this.closed) throw corrupt(this.path, '不完整（缺少结尾）', new Error('no closing line'));
    // lines can be copied as bytes into the next write only when their field order is the writer's
    const fields = this.codec!.fields;
    const same = fields.length === FIELD_IDS.length && fields.every((f, i) => f === FIELD_IDS[i]);
    return same && this.file
      ? { version: 2, reports: this.reports, spans: this.spans, ...(this.file ? { file: this.file } : {}) }
      : { version: 2, reports: this.reports };
  }
}

/**
 * Reads a store file from a buffer, every record decoded whole (no file to read cold parts from).
 * A version-2 file is read a line (a record) at a time; an older file is parsed whole.
 */
export function parseStoreBuffer(path: string, buf: Buffer): StoreData {
  const headEnd = buf.indexOf(10);
  const reader = new LineReader(path, undefined);
  if (!reader.header(buf.toString('utf8', 0, headEnd < 0 ? buf.length : headEnd)))
    return parseStoreText(path, buf.toString('utf8'));
  let at = headEnd + 1;
  while (at > 0 && at < buf.length && !reader.closed) {
    const nl = buf.indexOf(10, at);
    const end = nl < 0 ? buf.length : nl;
    reader.take(buf, at, end, 0);
    at = end + 1;
  }
  return reader.finish();
}

const readAt = promisify(readCb);
const openFd = promisify(openCb);
const fstatFd = promisify(fstatCb);

/** Bytes read at a time: records are a few KB; the file is never held whole. */
const CHUNK = 1 << 22;

/** What identifies a file's content: inode, size, mtime. */
export function stampOf(s: { ino: number; size: number; mtimeMs: number }): string {
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}

/**
 * Reads the store file at `path` a chunk at a time. A version-2 file keeps each record's cold
 * part (narrative, warnings) in the file, read on first use through the descriptor it returns.
 * A missing file is an empty store (stamp null); a corrupt one throws STORE_CORRUPT.
 */
export async function readStoreFile(
  path: string,
): Promise<{ data: StoreData; stamp: string | null; size: number }> {
  let fd: number;
  try {
    fd = await openFd(path, 'r');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT')
      return { data: { version: 1, reports: [] }, stamp: null, size: 0 };
    throw new StoreError('STORE_IO', path, `无法读取数据库文件 ${path}：${(cause as Error).message}`, {
      cause,
    });
  }
  const file = openFile(fd, path);
  try {
    const st = await fstatFd(fd);
    const stamp = stampOf(st);
    const reader = new LineReader(path, file);
    let v2 = true;
    let headDone = false;
    await scanLines(
      fd,
      0,
      (buf, s, e, base) => {
        if (headDone) {
          reader.take(buf, s, e, base);
          return !reader.closed;
        }
        headDone = true;
        v2 = reader.header(buf.toString('utf8', s, e));
        return v2;
      },
      true,
    );
    if (!headDone || !v2) {
      // not version 2: the older whole-file format
      const whole = Buffer.allocUnsafe(st.size);
      const { bytesRead: n } = await readAt(fd, whole, 0, whole.length, 0);
      return { data: parseStoreText(path, whole.toString('utf8', 0, n)), stamp, size: st.size };
    }
    return { data: reader.finish(), stamp, size: st.size };
  } catch (cause) {
    if (cause instanceof StoreError) throw cause;
    throw new StoreError('STORE_IO', path, `无法读取数据库文件 ${path}：${(cause as Error).message}`, {
      cause,
    });
  }
}

/**
 * Calls `onLine(buf, start, end, base)` for each line of the file from byte `from`, a chunk at a
 * time (`base + start` is the line's file offset); `onLine` returns false to stop. A last line
 * without its newline is passed only when `lastUnterminated`. Returns the offset after the last
 * newline-terminated line passed.
 */
export async function scanLines(
  fd: number,
  from: number,
  onLine: (buf: Buffer, start: number, end: number, base: number) => boolean,
  lastUnterminated: boolean,
): Promise<number> {
  let buf = Buffer.allocUnsafe(CHUNK);
  let filled = 0;
  let base = from;
  for (;;) {
    if (filled === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, filled);
      buf = bigger;
    }
    const { bytesRead } = await readAt(fd, buf, filled, buf.length - filled, base + filled);
    filled += bytesRead;
    const eof = bytesRead === 0;
    let at = 0;
    for (;;) {
      let nl = buf.indexOf(10, at);
      if (nl >= filled) nl = -1;
      if (nl < 0 && (!eof || !lastUnterminated || at >= filled)) break;
      const end = nl < 0 ? filled : nl;
      const go = onLine(buf, at, end, base);
      if (nl < 0) return base + at;
      at = end + 1;
      if (!go) return base + at;
    }
    if (eof) return base + at;
    buf.copy(buf, 0, at, filled);
    base += at;
    filled -= at;
  }
}

/**
 * Serialises the store, version 2: a header with the field order, then one encoded record a line.
 * `line` may cache each record's encoded line so a write re-encodes only what changed.
 */
export function stringifyLean(reports: readonly StoredReport[], line?: (r: StoredReport) => string): string {
  const codec = new RecordCodec();
  const rows = reports.map(line ?? ((r) => encodeLine(codec, r)));
  return `${V2_HEAD}${JSON.stringify(codec.fields)},"reports":[\n${rows.join(',\n')}\n]}\n`;
}

/** The version-2 header line up to the first record. */
export function leanHead(): string {
  return `${V2_HEAD}${JSON.stringify(FIELD_IDS)},"reports":[\n`;
}

/** The same text as stringifyLean, in pieces of `size` records. */
export function* stringifyChunks(
  reports: readonly StoredReport[],
  line: (r: StoredReport) => string,
  size = 256,
): Generator<string> {
  const codec = new RecordCodec();
  yield `${V2_HEAD}${JSON.stringify(codec.fields)},"reports":[\n`;
  for (let i = 0; i < reports.length; i += size) {
    const rows = reports.slice(i, i + size).map(line);
    const last = i + size >= reports.length;
    yield `${rows.join(',\n')}${last ? '' : ','}\n`;
  }
  yield ']}\n';
}

/**
 * One record's version-2 line (FIELD_IDS order): `{"c":<n>,<hot keys>,"x":<cold>}`, the cold part
 * (narrative and warnings) last and its byte length `n` first, so a reader finds it without
 * parsing it.
 */
export function encodeLine(codec: RecordCodec, r: StoredReport): string {
  const { hot, cold } = codec.encodeParts(r);
  const c = JSON.stringify(cold);
  const h = JSON.stringify(hot);
  return `{"c":${Buffer.byteLength(c)},${h.slice(1, -1)},"x":${c}}`;
}

/** Serialises the store; one report per line keeps diffs and partial reads readable. */
export function stringifyStore(
  data: StoreData,
  line: (r: StoredReport) => string = (r) => JSON.stringify(r),
): string {
  const rows = data.reports.map(line);
  return `{"version":${data.version},"reports":[\n${rows.join(',\n')}\n]}\n`;
}

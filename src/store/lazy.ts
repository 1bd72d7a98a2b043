import { closeSync, readSync } from 'node:fs';
import { z } from 'zod';
import { type NarrativeItem, NarrativeItemSchema, type Warning, WarningSchema } from '../schema/index.ts';
import { type DecodedHot, type EncodedCold, type EncodedHot, RecordCodec } from './codec.ts';
import { fastNarrative, fastWarnings } from './fast-check.ts';
import { StoreError } from './store-error.ts';
import type { StoredReport } from './types.ts';

/**
 * Records whose cold part (narrative figures and warnings: most of a record's bytes) stays in the
 * store file until first read. The report's `narrative` and the entry's `warnings` are own,
 * enumerable accessors: reading one reads the record's cold bytes from the file it was read from
 * (an open descriptor, so a later rename of a new file over it changes nothing), checks and
 * decodes them once, and keeps them. Spreading or serialising the record reads them like any
 * other property.
 */

/** An open store file. Its descriptor is closed once no record can read from it any more. */
export interface OpenFile {
  readonly fd: number;
  readonly path: string;
}

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

export function openFile(fd: number, path: string): OpenFile {
  const file = { fd, path };
  closer.register(file, fd);
  return file;
}

/** Where a record's line lies in an open file: [start, end) bytes, without its comma. */
export interface Place {
  file: OpenFile;
  start: number;
  end: number;
}

interface Cold {
  place: Place;
  /** Cold bytes: from `place.start + at`, `len` long. */
  at: number;
  len: number;
  codec: RecordCodec;
  id: string;
  /** The hot part's values as read (an array in field order), until the values object is first read. */
  raw?: Pick<EncodedHot, 'v' | 'vm' | 'vx'>;
  values?: Record<string, number | null>;
  narrative?: NarrativeItem[];
  warnings?: Warning[];
}

const colds = new WeakMap<object, Cold>();

const ColdSchema = z.object({ n: z.array(NarrativeItemSchema), w: z.array(WarningSchema) });

function load(c: Cold): void {
  const { file } = c.place;
  let cold: EncodedCold;
  try {
    const buf = Buffer.allocUnsafe(c.len);
    const got = readSync(file.fd, buf, 0, c.len, c.place.start + c.at);
    if (got !== c.len) throw new Error(`short read: ${got} of ${c.len} bytes`);
    cold = JSON.parse(buf.toString('utf8')) as EncodedCold;
  } catch (cause) {
    throw new StoreError(
      'STORE_CORRUPT',
      file.path,
      `数据库文件 ${file.path} 中记录 ${c.id} 的叙述与警告无法读取（${(cause as Error).message}）；请从备份恢复或删除后重新 ingest`,
      { cause },
    );
  }
  const warnings = c.codec.decodeWarnings(cold?.w, c.id);
  if (!fastNarrative(cold?.n) || !fastWarnings(warnings)) {
    const checked = ColdSchema.safeParse({ n: cold?.n, w: warnings });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new StoreError(
        'STORE_CORRUPT',
        file.path,
        `数据库文件 ${file.path} 中记录 ${c.id} 的叙述与警告不符合格式：${issue?.path.join('.')}: ${issue?.message}；请从备份恢复或删除后重新 ingest`,
        { cause: checked.error },
      );
    }
  }
  c.narrative ??= cold.n;
  c.warnings ??= warnings;
}

function coldOf(o: object): Cold {
  return colds.get(o)!;
}

function getNarrative(this: object): NarrativeItem[] {
  const c = coldOf(this);
  if (!c.narrative) load(c);
  return c.narrative!;
}
function setNarrative(this: object, v: NarrativeItem[]): void {
  coldOf(this).narrative = v;
}
function getValues(this: object): Record<string, number | null> {
  const c = coldOf(this);
  if (!c.values) {
    c.values = c.codec.decodeValues(c.raw!);
    c.raw = undefined;
  }
  return c.values;
}
function setValues(this: object, v: Record<string, number | null>): void {
  const c = coldOf(this);
  c.values = v;
  c.raw = undefined;
}
function getWarnings(this: object): Warning[] {
  const c = coldOf(this);
  if (!c.warnings) load(c);
  return c.warnings!;
}
function setWarnings(this: object, v: Warning[]): void {
  coldOf(this).warnings = v;
}

/** A stored record from its decoded hot part, its cold part left in the file at `place`. */
export function lazyRecord(
  hot: DecodedHot,
  raw: Pick<EncodedHot, 'v' | 'vm' | 'vx'>,
  place: Place,
  at: number,
  len: number,
  codec: RecordCodec,
): StoredReport {
  const cold: Cold = { place, at, len, codec, id: hot.report.id, raw };
  const report = hot.report as StoredReport['report'];
  // the values object (200 keys) is built when first read: a store opens without building 20k of them
  Object.defineProperty(report, 'values', {
    get: getValues,
    set: setValues,
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(report, 'narrative', {
    get: getNarrative,
    set: setNarrative,
    enumerable: true,
    configurable: true,
  });
  const entry = { report } as StoredReport;
  Object.defineProperty(entry, 'warnings', {
    get: getWarnings,
    set: setWarnings,
    enumerable: true,
    configurable: true,
  });
  if (hot.prose) entry.prose = hot.prose;
  if (hot.print) entry.print = hot.print;
  colds.set(report, cold);
  colds.set(entry, cold);
  return entry;
}

/**
 * Where a record's cells are read from: its lazy part (the hot values as read, until its values
 * object is built), or its values object. A ranking keeps these per year, so reading one cell of
 * thousands of records touches neither the records nor their values objects.
 */
export type Cells = object;

/** The cells of a report (see `Cells`). */
export function cellsOf(report: StoredReport['report']): Cells {
  return colds.get(report) ?? report.values;
}

/** One cell from a record's cells; undefined when the record has no key for the field. */
export function cellOf(cells: Cells, field: string): number | null | undefined {
  const c = cells as Partial<Cold>;
  if (!(c.codec instanceof RecordCodec)) return (cells as Record<string, number | null>)[field];
  const raw = c.raw;
  if (!raw) return c.values![field];
  if (raw.vx && field in raw.vx) return raw.vx[field];
  const i = c.codec.indexOf(field);
  if (i === undefined || raw.vm?.includes(i)) return undefined;
  return raw.v[i] ?? null;
}

/** One cell of a report, without building its values object when it is not built yet. */
export function fieldValue(report: StoredReport['report'], field: string): number | null | undefined {
  return cellOf(cellsOf(report), field);
}

/** The place a lazy record reads its cold part from (undefined for a record held whole in memory). */
export function placeOf(entry: StoredReport): Place | undefined {
  return colds.get(entry)?.place;
}

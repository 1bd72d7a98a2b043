import { z } from 'zod';
import { FIELD_IDS, ReportSchema, WarningSchema } from '../schema/index.ts';
import { type EncodedRecord, RecordCodec } from './codec.ts';
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
  spans?: Map<StoredReport, [number, number]>;
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

/**
 * Reads a store file. A version-2 file is read a line (a record) at a time, so the file is never
 * one string and each record is checked as it is decoded; an older file is parsed whole.
 */
export function parseStoreBuffer(path: string, buf: Buffer): StoreData {
  const headEnd = buf.indexOf(10);
  const head = buf.toString('utf8', 0, headEnd < 0 ? buf.length : headEnd);
  if (!head.startsWith(V2_HEAD)) return parseStoreText(path, buf.toString('utf8'));
  let fields: string[];
  try {
    const parsed = JSON.parse(`${head}]}`) as { fields: unknown };
    fields = z.array(z.string()).parse(parsed.fields);
  } catch (cause) {
    throw corrupt(path, '的文件头无效', cause);
  }
  const codec = new RecordCodec(fields);
  const reports: StoredReport[] = [];
  const spans = new Map<StoredReport, [number, number]>();
  let at = headEnd + 1;
  let line = 1;
  let closed = false;
  while (at > 0 && at < buf.length) {
    const nl = buf.indexOf(10, at);
    const end = nl < 0 ? buf.length : nl;
    let text = buf.toString('utf8', at, end);
    const start = at;
    at = nl < 0 ? buf.length : nl + 1;
    line++;
    if (text === '') continue;
    if (text === ']}') {
      closed = true;
      break;
    }
    const comma = text.endsWith(',');
    if (comma) text = text.slice(0, -1);
    let raw: EncodedRecord;
    try {
      raw = JSON.parse(text) as EncodedRecord;
    } catch (cause) {
      throw corrupt(path, `第 ${line} 行不是有效的 JSON（${(cause as Error).message}）`, cause);
    }
    let entry: StoredReport;
    try {
      entry = codec.decode(raw);
    } catch (cause) {
      throw corrupt(path, `第 ${line} 行的记录无法读取`, cause);
    }
    const checked = LeanRecordSchema.safeParse(entry);
    if (!checked.success) {
      throw corrupt(path, `第 ${line} 行的内容不符合格式：${describeIssues(checked.error)}`, checked.error);
    }
    reports.push(entry);
    spans.set(entry, [start, comma ? end - 1 : end]);
  }
  if (!closed) throw corrupt(path, '不完整（缺少结尾）', new Error('no closing line'));
  // lines can be copied as bytes into the next write only when their field order is the writer's
  const same = fields.length === FIELD_IDS.length && fields.every((f, i) => f === FIELD_IDS[i]);
  return same ? { version: 2, reports, spans } : { version: 2, reports };
}

/**
 * Serialises the store, version 2: a header with the field order, then one encoded record a line.
 * `line` may cache each record's encoded line so a write re-encodes only what changed.
 */
export function stringifyLean(reports: readonly StoredReport[], line?: (r: StoredReport) => string): string {
  const codec = new RecordCodec();
  const rows = reports.map(line ?? ((r) => JSON.stringify(codec.encode(r))));
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

/** One record's version-2 line (FIELD_IDS order). */
export function encodeLine(codec: RecordCodec, r: StoredReport): string {
  return JSON.stringify(codec.encode(r));
}

/** Serialises the store; one report per line keeps diffs and partial reads readable. */
export function stringifyStore(
  data: StoreData,
  line: (r: StoredReport) => string = (r) => JSON.stringify(r),
): string {
  const rows = data.reports.map(line);
  return `{"version":${data.version},"reports":[\n${rows.join(',\n')}\n]}\n`;
}

/**
 * Limits on everything one file can make us do. Each limit has a default, an environment
 * variable, and a coded error naming the file and the limit (README "Limits").
 */
export interface IngestLimits {
  /** Bytes read from one file (INGEST_MAX_FILE_MB). */
  maxFileBytes: number;
  /** Bytes inflated from one DOCX (all zip entries together; INGEST_MAX_DOCX_INFLATED_MB). */
  maxDocxInflatedBytes: number;
  /** Bytes inflated from one PDF's flate streams (images apart), and from any one stream (INGEST_MAX_PDF_INFLATED_MB). */
  maxPdfInflatedBytes: number;
  /** Inflated : compressed ratio of one zip entry or PDF stream above 1 MB (INGEST_MAX_INFLATE_RATIO). */
  maxInflateRatio: number;
  /** PDF pages (INGEST_MAX_PDF_PAGES); a report has fewer than 100. */
  maxPdfPages: number;
  /** HTML element nesting depth (INGEST_MAX_HTML_DEPTH). */
  maxHtmlDepth: number;
  /** HTML elements in one page (INGEST_MAX_HTML_ELEMENTS). */
  maxHtmlElements: number;
  /** Largest colspan/rowspan honoured (INGEST_MAX_SPAN); bigger values are authoring errors. */
  maxSpan: number;
  /** Grid slots of one table after spans are expanded (INGEST_MAX_TABLE_CELLS). */
  maxTableCells: number;
  /** Wall-clock budget for extracting and parsing one file, in ms (INGEST_TIMEOUT_MS). */
  timeoutMs: number;
  /** Heap of one parse worker, in MB (INGEST_WORKER_HEAP_MB); also the memory PDFium may grow to for one PDF. */
  workerHeapMb: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze({
  maxFileBytes: 20 * MB,
  maxDocxInflatedBytes: 24 * MB,
  maxPdfInflatedBytes: 128 * MB,
  maxInflateRatio: 200,
  maxPdfPages: 100,
  maxHtmlDepth: 256,
  maxHtmlElements: 50_000,
  maxSpan: 100,
  maxTableCells: 50_000,
  timeoutMs: 30_000,
  workerHeapMb: 384,
});

/** Environment variable → limit, with the unit the variable is written in. */
const ENV: Record<keyof IngestLimits, [name: string, unit: number]> = {
  maxFileBytes: ['INGEST_MAX_FILE_MB', MB],
  maxDocxInflatedBytes: ['INGEST_MAX_DOCX_INFLATED_MB', MB],
  maxPdfInflatedBytes: ['INGEST_MAX_PDF_INFLATED_MB', MB],
  maxInflateRatio: ['INGEST_MAX_INFLATE_RATIO', 1],
  maxPdfPages: ['INGEST_MAX_PDF_PAGES', 1],
  maxHtmlDepth: ['INGEST_MAX_HTML_DEPTH', 1],
  maxHtmlElements: ['INGEST_MAX_HTML_ELEMENTS', 1],
  maxSpan: ['INGEST_MAX_SPAN', 1],
  maxTableCells: ['INGEST_MAX_TABLE_CELLS', 1],
  timeoutMs: ['INGEST_TIMEOUT_MS', 1],
  workerHeapMb: ['INGEST_WORKER_HEAP_MB', 1],
};

/** The limits set in `env` over the defaults; a value that is not a positive number is an error naming the variable. */
export function limitsFromEnv(env: Record<string, string | undefined> = process.env): IngestLimits {
  const limits: IngestLimits = { ...DEFAULT_LIMITS };
  for (const [key, [name, unit]] of Object.entries(ENV) as [keyof IngestLimits, [string, number]][]) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) {
      throw new Error(`${name}=${raw}: expected a positive number (see .env.example)`);
    }
    limits[key] = Math.round(n * unit);
  }
  return limits;
}

/** Names of the limit codes; each message names the file, the limit and the setting that raises it. */
export type LimitCode =
  | 'FILE_TOO_LARGE'
  | 'NOT_A_FILE'
  | 'INFLATE_LIMIT'
  | 'PDF_TOO_MANY_PAGES'
  | 'HTML_TOO_DEEP'
  | 'HTML_TOO_MANY_ELEMENTS'
  | 'TABLE_TOO_LARGE'
  | 'PARSE_TIMEOUT'
  | 'PARSE_OUT_OF_MEMORY';

/** Thrown deep inside extraction when a limit is hit; `extractText` turns it into a coded result. */
export class LimitError extends Error {
  override readonly name = 'LimitError';
  constructor(
    readonly code: LimitCode,
    /** What was exceeded, e.g. `嵌套深度 256 层（INGEST_MAX_HTML_DEPTH）`; the file name is added by the caller. */
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** A limit's message with the file named. */
export function limitMessage(fileName: string, code: LimitCode, detail: string): string {
  return `${fileName} 超出处理限制 [${code}]：${detail}`;
}

export const formatMb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

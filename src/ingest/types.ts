import type { LimitCode } from './limits.ts';

/** What ingestion makes of a file: plain text lines, table cells separated by tabs. */
export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'doc' | 'pdf';

export type IngestErrorCode =
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'UNREADABLE_ENCODING'
  | 'PDF_NO_TEXT'
  | 'PDF_UNREADABLE'
  | 'DOCX_UNREADABLE'
  | 'UNSUPPORTED_FORMAT'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | LimitCode;

export interface IngestError {
  code: IngestErrorCode;
  message: string;
}

export interface ExtractedText {
  format: SourceFormat;
  /** Text with one visual line per line; table cells separated by '\t' (blank cells kept as empty). */
  text: string;
  /** Pages, for PDF. */
  pages?: number;
  /** PDF only: the 1-based page of each line of `text`, for evidence. */
  linePages?: number[];
  /** Table-border facts for F-08 (HTML/PDF only). */
  borderless?: boolean;
  /** What decoding had to repair (a truncated final character), for a PW-12 warning. */
  notes?: string[];
}

export type ExtractResult = { ok: true; value: ExtractedText } | { ok: false; error: IngestError };

import type { Report, Warning } from '../schema/index.ts';

/** Why a text is not a report; every code has a message saying what to do. */
export type ParseErrorCode =
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'NOT_A_REPORT'
  | 'NO_TABLES'
  | 'UNREADABLE_ENCODING';

export interface ParseError {
  code: ParseErrorCode;
  message: string;
}

export type ParseResult =
  | { ok: true; report: Report; warnings: Warning[] }
  | { ok: false; error: ParseError };

export interface SourceInfo {
  file: string;
  sha256: string;
}

import type { Warning } from '../schema/index.ts';

/** A parse-level warning before the report id is known. */
export type ParseNote = Omit<Warning, 'report'>;

export interface TextLine {
  text: string;
  /** 1-based line number in the source. */
  line: number;
  /** The line as written, before normalisation: its characters' widths give column positions. */
  raw?: string;
}

export interface TableResult {
  values: Record<string, number | null>;
  blanks: string[];
  notes: ParseNote[];
  /** true when the table's rows were recognised (even if blank). */
  found: boolean;
}

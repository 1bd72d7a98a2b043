import type { Warning } from '../schema/index.ts';

/** A parse-level warning before the report id is known. */
export type ParseNote = Omit<Warning, 'report'>;

export interface TextLine {
  text: string;
  /** 1-based line number in the source. */
  line: number;
  /** The text as written, before normalisation (split on first use): its widths give column positions. */
  source?: RawSource;
}

/** The lines of a text, numbered from 1 (one scan: no array of strings made first). */
export function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let at = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', at)) {
    lines.push({ text: text.slice(at, nl), line: lines.length + 1 });
    at = nl + 1;
  }
  lines.push({ text: text.slice(at), line: lines.length + 1 });
  return lines;
}

export interface RawSource {
  text: string;
  lines?: string[];
}

/** The line as written, before normalisation. */
export function rawLineOf(l: TextLine): string | undefined {
  if (!l.source) return undefined;
  // a string split is some 2× quicker than the regex one, which only a text with \r needs
  l.source.lines ??= l.source.text.includes('\r')
    ? l.source.text.split(/\r\n?|\n/)
    : l.source.text.split('\n');
  return l.source.lines[l.line - 1];
}

export interface TableResult {
  values: Record<string, number | null>;
  blanks: string[];
  notes: ParseNote[];
  /** true when the table's rows were recognised (even if blank). */
  found: boolean;
}

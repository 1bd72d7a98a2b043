/**
 * A markdown table row: `| a | b |`, or with the outer pipe on one side only (`a | b |`, as pages
 * saved to text print them); at least two pipes.
 */
const TABLE_ROW = /^\s*\|.*\|\s*$|^[^|]+\|.*\|\s*$|^\s*\|.*\|[^|]+$/;
/** The `|---|:--:|` line under a markdown table header. */
const SEPARATOR_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const HEADING = /^\s{0,3}#{1,6}\s+/;

/** A separator row with an inner pipe: it opens a table even when rows have no outer pipes (GFM). */
const isPipedSeparator = (line: string) => line.includes('|') && SEPARATOR_ROW.test(line);
const UNESCAPED_PIPE = /(?<!\\)\|/;

/** True when the text has markdown tables or headings. */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r?\n/);
  const rows = lines.filter((l) => TABLE_ROW.test(l)).length;
  if (rows >= 2) return true;
  if (lines.some((l, i) => i > 0 && isPipedSeparator(l) && UNESCAPED_PIPE.test(lines[i - 1]!))) return true;
  return lines.some((l) => HEADING.test(l) && !/^\s*#\s*\d/.test(l));
}

/** Cells of a row; `outer` says whether the table's rows carry outer pipes to strip. */
function splitRow(line: string, outer = true): string[] {
  const inner = outer ? line.trim().replace(/^\|/, '').replace(/\|$/, '') : line;
  return inner.split(/(?<!\\)\|/).map((c) =>
    c
      .replace(/\\\|/g, '|')
      .replace(/\*\*|__/g, '')
      .trim(),
  );
}

/** Markdown to the house text form: table rows as tab-separated cells, separator rows and heading marks dropped. */
export function convertMarkdown(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  /** Inside a table opened by a header and a separator without outer pipes. */
  let pipeless = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (!pipeless && next !== undefined && isPipedSeparator(next) && !/^\s*\|/.test(next)) {
      pipeless = UNESCAPED_PIPE.test(line);
    } else if (pipeless && !UNESCAPED_PIPE.test(line)) {
      pipeless = false;
    }
    if (pipeless) {
      if (!SEPARATOR_ROW.test(line)) out.push(splitRow(line, false).join('\t'));
      continue;
    }
    if (TABLE_ROW.test(line)) {
      if (!SEPARATOR_ROW.test(line)) out.push(splitRow(line).join('\t'));
      continue;
    }
    out.push(line.replace(HEADING, '').replace(/\*\*|__/g, ''));
  }
  return out.join('\n');
}

/**
 * A markdown table row: `| a | b |`, or with the outer pipe on one side only (`a | b |`, as pages
 * saved to text print them); at least two pipes.
 */
const TABLE_ROW = /^\s*\|.*\|\s*$|^[^|]+\|.*\|\s*$|^\s*\|.*\|[^|]+$/;
/** The `|---|:--:|` line under a markdown table header. */
const SEPARATOR_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const HEADING = /^\s{0,3}#{1,6}\s+/;

/** True when the text has markdown tables or headings. */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r?\n/);
  const rows = lines.filter((l) => TABLE_ROW.test(l)).length;
  return rows >= 2 || lines.some((l) => HEADING.test(l) && !/^\s*#\s*\d/.test(l));
}

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) =>
    c
      .replace(/\\\|/g, '|')
      .replace(/\*\*|__/g, '')
      .trim(),
  );
}

/** Markdown to the house text form: table rows as tab-separated cells, separator rows and heading marks dropped. */
export function convertMarkdown(text: string): string {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (TABLE_ROW.test(line)) {
      if (!SEPARATOR_ROW.test(line)) out.push(splitRow(line).join('\t'));
      continue;
    }
    out.push(line.replace(HEADING, '').replace(/\*\*|__/g, ''));
  }
  return out.join('\n');
}

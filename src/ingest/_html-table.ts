import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseWhitespace } from './_text.ts';
import { DEFAULT_LIMITS, type IngestLimits, LimitError } from './limits.ts';

/** A rowspan/colspan, capped at `max` (bigger values are authoring errors or span bombs). */
function readSpan(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** The table's own rows (not those of tables nested in its cells). */
function listOwnRows($: CheerioAPI, table: Element): Element[] {
  return $(table)
    .find('tr')
    .toArray()
    .filter((tr) => $(tr).closest('table')[0] === table);
}

/**
 * The table as a grid: rowspan/colspan expanded, text in the top-left slot, '' in the slots it
 * covers. Spans are capped at `limits.maxSpan`; a grid over `limits.maxTableCells` slots throws
 * TABLE_TOO_LARGE before it is built.
 */
export function readGrid(
  $: CheerioAPI,
  table: Element,
  limits: Pick<IngestLimits, 'maxSpan' | 'maxTableCells'> = DEFAULT_LIMITS,
): string[][] {
  const grid: (string | undefined)[][] = [];
  let slots = 0;
  listOwnRows($, table).forEach((tr, r) => {
    grid[r] ??= [];
    const row = grid[r]!;
    let c = 0;
    for (const cell of $(tr).children('td,th').toArray()) {
      while (row[c] !== undefined) c++;
      const rows = readSpan($(cell).attr('rowspan'), limits.maxSpan);
      const cols = readSpan($(cell).attr('colspan'), limits.maxSpan);
      // counted before filling: what a span covers is at most rows × cols slots
      slots += rows * cols;
      if (slots > limits.maxTableCells) {
        throw new LimitError(
          'TABLE_TOO_LARGE',
          `表格展开合并单元格后超过 ${limits.maxTableCells} 格（INGEST_MAX_TABLE_CELLS；跨行/跨列上限 INGEST_MAX_SPAN=${limits.maxSpan}）`,
        );
      }
      const text = collapseWhitespace($(cell).text());
      for (let i = 0; i < rows; i++) {
        grid[r + i] ??= [];
        const target = grid[r + i]!;
        for (let j = 0; j < cols; j++) target[c + j] = i === 0 && j === 0 ? text : '';
      }
      c += cols;
    }
  });
  return grid.map((row) => Array.from(row, (v) => v ?? ''));
}

const NO_BORDER = /(?:^|;)\s*border\s*:\s*(?:none|0(?:px|pt)?\s*(?:;|$))/i;
const DRAWN_BORDER =
  /border(?:-(?:top|bottom|left|right))?\s*:[^;]*\b(?:solid|double|dashed|dotted|groove|ridge)\b/i;

/** True when a table turns its borders off (`border="0"`, `border:none`) and no cell draws its own. */
export function isBorderless($: CheerioAPI, table: Element): boolean {
  const attr = $(table).attr('border');
  const style = $(table).attr('style') ?? '';
  if (!(attr?.trim() === '0' || NO_BORDER.test(style))) return false;
  return !$(table)
    .find('td,th')
    .toArray()
    .some((cell) => DRAWN_BORDER.test($(cell).attr('style') ?? ''));
}

/** Row count of a table, for the more-than-3-rows border rule. */
export function countRows($: CheerioAPI, table: Element): number {
  return listOwnRows($, table).length;
}

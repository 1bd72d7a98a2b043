import WordExtractor from 'word-extractor';
import { APPLY_COLS, LEGAL_COLS, LEGAL_GROUPS } from '../schema/index.ts';
import { DEFAULT_LIMITS, type IngestLimits, LimitError } from './limits.ts';
import type { ExtractResult } from './types.ts';

/** A cell that holds a figure or nothing: 26, 0, 1,234, 96171.6, 12件, —, / or blank. */
const FIGURE = /^\s*(?:[-—–/／]|\d[\d,，.]*\s*(?:件|万元|元)?)?\s*$/;
const isFigure = (cell: string) => FIGURE.test(cell);
const isBlank = (cell: string) => cell.trim() === '';

/** Column headings of table 四: figures right after one begin its row of figures. */
const HEADING = /^(?:结果维持|结果纠正|其他结果|尚未审结|总计)$/;

/**
 * One line of Word's body text, whose cells end in tabs and whose rows run on (a Word row ends
 * with one more cell mark, not a line break), as one line per table row: a row begins where a
 * label follows a figure, or where figures follow a column heading (table 四's one row of figures
 * under its headings). An empty cell between a label and its figures is a row-end mark or the rest
 * of a merged label cell, and is dropped.
 */
function splitRows(line: string): string[][] {
  // a blank cell is blank however it was typed (a space, a full-width space)
  const cells = line.split('\t').map((cell) => (isBlank(cell) ? '' : cell));
  const rows: string[][] = [];
  let row: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const last = row.at(-1);
    if (last !== undefined && !isFigure(last)) {
      const next = cells[i + 1];
      if (cell === '' && next !== undefined && next !== '' && isFigure(next)) continue;
    }
    const startsRow =
      last !== undefined && (isFigure(cell) ? cell !== '' && HEADING.test(last.trim()) : isFigure(last));
    if (startsRow) {
      rows.push(row);
      row = [];
    }
    row.push(cell);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Row labels of table 三 (一、本年新收… （三）不予公开 1.属于国家秘密): their rows have seven figure cells. */
const APPLY_LABEL = /^(?:[一二三四]、|（[一二三四五六七]）|\d\.)/;
const APPLY_COLUMNS = APPLY_COLS.length;
const LEGAL_COLUMNS = LEGAL_GROUPS.length * LEGAL_COLS.length;

/**
 * A row's cells after its labels, without what follows them in Word's text: the row-end mark and
 * the empty cells a merged label leaves at the start of the next row. A row of table 三 keeps its
 * seven cells and table 四's row of figures its fifteen (blank ones included); other rows lose
 * their trailing empty cells.
 */
function trimRow(cells: readonly string[]): string {
  const values = cells.findLastIndex((cell) => !isFigure(cell)) + 1;
  const labels = cells.slice(0, values).filter((cell) => cell !== '');
  if (labels.some((label) => APPLY_LABEL.test(label.trim())) && cells.length - values >= APPLY_COLUMNS) {
    return [...labels, ...cells.slice(values, values + APPLY_COLUMNS)].join('\t');
  }
  // table 四's one row of figures, under its headings: fifteen cells, blank ones included
  if (values === 0) return cells.slice(0, LEGAL_COLUMNS).join('\t');
  let end = cells.length;
  while (end > values && cells[end - 1] === '') end--;
  return [...labels, ...cells.slice(values, end)].join('\t');
}

/**
 * Word 97–2003 (.doc, OLE) documents through word-extractor's body text, laid out as the table
 * reader expects: one line per table row, cells separated by tabs, a paragraph break inside a
 * cell (商业\n企业) joined back. Other OLE files (Excel, PowerPoint, WPS spreadsheets) are refused.
 */
export async function extractDoc(
  bytes: Uint8Array,
  fileName: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<ExtractResult> {
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      error: {
        code: 'UNSUPPORTED_FORMAT',
        message: `${fileName} 不是可读取的旧版 Word（.doc）文件（${why}）；Excel 等其他 Office 文件暂不支持，请另存为 docx、PDF 或网页后重试`,
      },
    };
  }
  let cells = 0;
  for (let at = body.indexOf('\t'); at >= 0; at = body.indexOf('\t', at + 1)) cells++;
  if (cells > limits.maxTableCells) {
    throw new LimitError(
      'TABLE_TOO_LARGE',
      `表格单元格超过 ${limits.maxTableCells} 格（INGEST_MAX_TABLE_CELLS）`,
    );
  }
  // a break after a cell's text, before the row's next cell mark, is inside the cell
  const joined = body.replace(/(\t[^\t\n]+)\n(?=[^\t\n]*\t)/g, '$1');
  const lines = joined
    .split('\n')
    .flatMap((line) => (line.includes('\t') ? splitRows(line).map(trimRow) : [line]));
  return { ok: true, value: { format: 'doc', text: lines.join('\n') } };
}

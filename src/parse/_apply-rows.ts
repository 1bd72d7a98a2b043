/** Table 三's rows as printed: label fragments joined, blank rows found, cells kept with their positions. */
import { APPLY_COLS, APPLY_ROWS } from '../schema/index.ts';
import { type CellValue, countNumbers, isSpace, type SplitLine, splitLine } from './_cells.ts';
import { type Columns, findColumns, placeByColumns } from './_columns.ts';
import type { TextLine } from './_notes.ts';

export const N = APPLY_COLS.length;
export const ROW_IDS = APPLY_ROWS.map((r) => r.id);

/** Distinctive words of each row label (typos and wraps tolerated: matched on compact text). */
const ROW_KEYS: Record<string, RegExp> = {
  new_received: /新收/,
  carried_in: /上年结转|上年度结转/,
  granted: /予以公开/,
  partial: /部分公开/,
  denied_state_secret: /国家秘密/,
  denied_law_prohibited: /禁止公开|法律行政|行政法规/,
  denied_security_stability: /三安全|一稳定/,
  denied_third_party: /第三方/,
  denied_internal_affairs: /内部事务/,
  denied_process_info: /过程性/,
  denied_enforcement_file: /执法案卷/,
  denied_admin_query: /查询事项|行政查询/,
  unable_not_held: /不掌握/,
  unable_needs_creation: /另行制作|现成信息/,
  unable_unclear: /仍不明确|补正后/,
  np_petition: /信访|举报投诉/,
  np_duplicate: /重复申请/,
  np_publication: /出版物/,
  np_excessive: /大量反复|反复申请/,
  np_confirm_reissue: /确认或重|重新出具|已获取信息/,
  other_no_correction: /不补正|逾期不补/,
  other_fee_unpaid: /缴纳费用|收费通知/,
  other_other: /3[.、]?其他$|^其他$/,
  results_total: /七\)?、?总计|^总计$/,
  carried_out: /结转下年度|下一?年度继续/,
};
/** ROW_KEYS in table order. */
const ROW_RES = ROW_IDS.map((id) => ROW_KEYS[id]!);
/** Heading words of the value columns, in order. */
const COLUMN_WORDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
/** Any row's words: one test before the per-row ones. */
const ANY_ROW = new RegExp(
  Object.values(ROW_KEYS)
    .map((r) => `(?:${r.source})`)
    .join('|'),
);
export const MERGED_KEY = /其他处理/;
export const FIRST_OTHER = ROW_IDS.indexOf('other_no_correction');
export const FIRST_OTHER_ITEM = /其他处理1[.、]/;
export const ACTIVE_ROW = /^(?:规章|(?:行政)?规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)/;
/** Cells of a column-heading row (also the 数据1…数据6 / 项目 headings some converters print). */
const COLUMN_HEADING =
  /(?:^|\t)\s*(?:自然人|法人或其他组织|商业企业|科研机构|社会公益(?:组织)?|法律服务机构|其他|总计|合计|类别|项目|申请人情况|数量|数据\d+|\(数据项目\))\s*(?=\t|$)/g;
/** The start of a numbered sub-row label (1. … 8.). */
const SUB_ITEM = /^\d{1,2}[.、]/;
/** The start of any row label: 1., （三）, 四、. */
const ROW_START = /^(?:\d{1,2}[.、]|\([一二三四五六七]\)|[一二三四]、)/;
/** A label that is one column heading word. */
const LONE_HEADING =
  /^(?:自然人|法人或其他组织|商业企业|科研机构|社会公益(?:组织)?|法律服务机构|其他|总计|合计|类别|项目|数量|数据\d+)$/;
/** A cell holding a number (数据1 is a heading, not a number). */
const NUMBER_CELL = /(?:^|\t)\s*-?\d[\d.,]*\s*(?=\t|$)/;

/** A tab row of column headings: at least two heading cells and no numbers. */
function isHeadingRow(text: string): boolean {
  // a heading cell is a filled cell: most rows (label, then empty or number cells) have one
  if (!hasFilledCells(text, 2)) return false;
  // headings first: most rows have none, and then the number cells need no search
  COLUMN_HEADING.lastIndex = 0;
  let headings = 0;
  while (headings < 2 && COLUMN_HEADING.exec(text)) headings++;
  return headings >= 2 && !NUMBER_CELL.test(text);
}

/** Whether at least `n` of the tab row's cells hold more than whitespace. */
function hasFilledCells(text: string, n: number): boolean {
  let filled = 0;
  let inFilled = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) inFilled = false;
    else if (!inFilled && !isSpace(c)) {
      inFilled = true;
      if (++filled >= n) return true;
    }
  }
  return false;
}

export interface RawRow {
  label: string;
  cells: CellValue[];
  tabbed: boolean;
  line: number;
  /** Cells placed under their columns by position (space-aligned text): blanks are known. */
  positioned?: boolean;
}

/** Whether the label holds any row's words (one test for all the rows). */
const namesAnyRow = (label: string) => ANY_ROW.test(label);

/** The first row after `prev` whose words appear in the label (`prev` -1: the first row named). */
export function firstRowAfter(label: string, prev: number): number | undefined {
  for (let i = prev + 1; i < ROW_RES.length; i++) if (ROW_RES[i]!.test(label)) return i;
  return undefined;
}

/**
 * The first row the label names at all. One test of every row's words comes first: a label naming
 * none (a wrapped fragment, a heading) would otherwise be tried against each row in turn.
 */
export function firstRowNamed(label: string): number | undefined {
  return namesAnyRow(label) ? firstRowAfter(label, -1) : undefined;
}

/** The last row in table order whose words appear in the label. */
function lastRowNamed(label: string): number | undefined {
  if (!namesAnyRow(label)) return undefined;
  for (let i = ROW_RES.length - 1; i >= 0; i--) if (ROW_RES[i]!.test(label)) return i;
  return undefined;
}

/**
 * A lone number on its own line right before an unlabelled full row is a cell a converter
 * displaced from elsewhere; taking it as the row would push the label onto the wrong numbers.
 */
function isStrayNumber(s: SplitLine, lines: readonly TextLine[], i: number): boolean {
  if (s.tabbed || s.label || s.cells.length !== 1 || s.cells[0]!.kind !== 'number') return false;
  let j = i + 1;
  while (j < lines.length && lines[j]!.text.trim() === '') j++;
  const next = j < lines.length ? lines[j]!.text : '';
  if (!next) return false;
  const n = splitLine(next);
  return n.label === '' && countNumbers(n.cells) >= N;
}

/**
 * Space-separated text loses a wholly blank row's cells, leaving its label alone on a line. Such a
 * pending label is a blank row, not the start of the next label, when it names a row after the
 * last row read and the next label names a row after it (a wrapped label's tail names no later row).
 */
function isBlankRowLabel(pending: string, next: string, prevIdx: number): boolean {
  // a numbered sub-row label (3.要求提供公开出版物) followed by the next numbered label: its words may
  // be wrapped away from the line that starts it, the numbering is not
  if (SUB_ITEM.test(pending) && ROW_START.test(next)) return true;
  // a bare column heading (总计, 其他) proves nothing: heading cells are printed between rows too
  if (LONE_HEADING.test(next)) return false;
  // at the table's end (next = '') no later label is needed; （六）其他处理 printed as one row
  // stands where its sub-rows would
  let later = !next ? ROW_IDS.length : firstRowNamed(next);
  if (later === undefined && MERGED_KEY.test(next)) later = FIRST_OTHER;
  if (later === undefined) return false;
  const own = lastRowNamed(pending);
  if (own === undefined || later <= own) return false;
  return own > prevIdx;
}

/**
 * One cell per line: a lone 8th number closing a run before the next label is the row's own
 * (tables with a 法人或其他组织 subtotal column), not the start of an unlabelled row.
 */
function endsCellRun(lines: readonly TextLine[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j]!.text;
    if (t.trim() === '') continue;
    const n = splitLine(t);
    return n.label !== '' && countNumbers(n.cells) === 0;
  }
  return true;
}

/** Whether a tab row holds a digit: the grid keeps its cells (module function: no regex made per line). */
function hasTabbedNumbers(lines: readonly TextLine[]): boolean {
  for (const l of lines) if (l.text.includes('\t') && DIGIT.test(l.text)) return true;
  return false;
}
const DIGIT = /\d/;

export interface Collected {
  rows: RawRow[];
  strays: number;
  /** Lone labels read as wholly blank rows. */
  blankRows: number;
}

/** Label text that names no row after the last row read: the end of that row's wrapped label. */
function isTail(pending: string, prevIdx: number): boolean {
  if (prevIdx < 0 || ROW_START.test(pending)) return false;
  const own = lastRowNamed(pending);
  return own === undefined || own <= prevIdx;
}

/**
 * The row index the last row read takes, brought up to date on demand. A class, not a closure in
 * collectRows: under tsx (esbuild keepNames) a named closure costs an Object.defineProperty each time.
 */
class RowOrder {
  private prev = -1;
  private indexed = 0;
  constructor(private readonly rows: readonly RawRow[]) {}

  last(): number {
    while (this.indexed < this.rows.length)
      this.prev = nextRowIndex(this.rows[this.indexed++]!.label, this.prev);
    return this.prev;
  }
}

/** The row index a label takes after row `prev`, as assignRows will give it (words, else position). */
function nextRowIndex(label: string, prev: number): number {
  const idx = firstRowAfter(label, prev);
  if (idx !== undefined) return idx;
  if (FIRST_OTHER_ITEM.test(label) && prev < FIRST_OTHER) return FIRST_OTHER;
  if (MERGED_KEY.test(label) && prev < FIRST_OTHER) return FIRST_OTHER - 1;
  return namesAnyRow(label) ? prev : prev + 1;
}

export function collectRows(lines: readonly TextLine[], splitBlankRows: boolean): Collected {
  const rows: RawRow[] = [];
  let strays = 0;
  let blankRows = 0;
  let pending = '';
  let pendingLine = 0;
  /** Whether the pending text starts a numbered row or holds some row's words (cheap gate). */
  let pendingKeyed = false;
  /** The pending text's last characters while it is not keyed. */
  let pendingTail = '';
  // a grid that keeps cells (tab rows) prints a blank row's empty cells: a lone label there is a
  // label whose numbers a converter moved, not a blank row
  const tabbedNumbers = hasTabbedNumbers(lines);
  const spaced = splitBlankRows && !tabbedNumbers;
  // space-aligned columns (pdftotext -layout) tell which cells of a short row are blank
  let columns: Columns | undefined | null = tabbedNumbers ? undefined : null;
  const order = new RowOrder(rows);
  for (let i = 0; i < lines.length; i++) {
    const { text, line } = lines[i]!;
    // an empty line (every other line of some PDF text) is not even split
    if (text === '') continue;
    const s = splitLine(text);
    const nums = countNumbers(s.cells);
    // neither label nor numbers (a blank line, empty cells): nothing below would change
    if (nums === 0 && !s.label) continue;
    // a repeated or converter-made heading row is neither a label fragment nor a blank data row
    if (nums === 0 && s.tabbed && isHeadingRow(text)) continue;
    // the wrapped tail of the row above, left pending when the next row's label starts
    if (spaced && pending && ROW_START.test(s.label) && isTail(pending, order.last())) {
      pending = '';
      pendingKeyed = false;
    }
    if (spaced && pending && s.label && pendingKeyed && isBlankRowLabel(pending, s.label, order.last())) {
      rows.push({ label: pending, cells: [], tabbed: false, line: pendingLine });
      pending = '';
      pendingKeyed = false;
      blankRows++;
    }

    if (nums === 0) {
      if (!s.label) continue;
      const label = pending + s.label;
      // a tab row with a label and only blank cells is a blank data row, not a label fragment
      const named = s.tabbed && namesAnyRow(label);
      const keyed = named || (s.tabbed && MERGED_KEY.test(label));
      // before any row, only the first row's words start the table
      if (keyed && (rows.length > 0 || (named && firstRowAfter(label, -1) === 0))) {
        rows.push({ label, cells: [], tabbed: true, line });
        pending = '';
        pendingKeyed = false;
      } else {
        if (!pending) pendingLine = line;
        if (spaced && !pendingKeyed) {
          // row words may straddle the join: the old text's last characters with the new fragment
          // (kept apart: slicing the joined text would copy it whole for each line of a long header)
          const joint = (pending ? pendingTail : '') + s.label;
          // SUB_ITEM looks at three characters: a longer unkeyed pending text already failed it
          pendingKeyed = (pending.length < 3 && SUB_ITEM.test(label)) || namesAnyRow(joint);
          pendingTail = joint.slice(-8);
        }
        pending = label;
      }
      continue;
    }
    const prev = rows.at(-1);
    if (!s.label && !pending && prev && !prev.tabbed && !s.tabbed) {
      const have = countNumbers(prev.cells);
      if (have < N || (have === N && nums === 1 && endsCellRun(lines, i))) {
        prev.cells.push(...s.cells);
        continue;
      }
    }
    if (isStrayNumber(s, lines, i)) {
      strays++;
      continue;
    }
    if (columns === null && !s.tabbed && nums < N) columns = findColumns(lines, COLUMN_WORDS);
    const placed = columns && !s.tabbed && nums < N ? placeByColumns(lines[i]!, columns) : undefined;
    rows.push({
      label: pending + s.label,
      cells: placed ?? s.slots,
      tabbed: s.tabbed,
      line,
      positioned: !!placed,
    });
    pending = '';
    pendingKeyed = false;
  }
  // the last row left wholly blank
  if (spaced && pending && isBlankRowLabel(pending, '', order.last())) {
    rows.push({ label: pending, cells: [], tabbed: false, line: pendingLine });
    blankRows++;
  }
  return { rows, strays, blankRows };
}

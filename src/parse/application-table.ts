import { APPLY_COLS, APPLY_ROWS } from '../schema/index.ts';
import { type CellValue, countNumbers, type SplitLine, splitLine, trimTrailing } from './_cells.ts';
import { type Columns, findColumns, placeByColumns } from './_columns.ts';
import type { ParseNote, TableResult, TextLine } from './_notes.ts';
import { type Alignment, alignLong, alignShort, splitGlued } from './align.ts';

const N = APPLY_COLS.length;
const ROW_IDS = APPLY_ROWS.map((r) => r.id);
const MERGED_OTHER = 'other_merged';

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
/** Heading words of the value columns, in order. */
const COLUMN_WORDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
/** Any row's words: one test before the per-row ones. */
const ANY_ROW = new RegExp(
  Object.values(ROW_KEYS)
    .map((r) => `(?:${r.source})`)
    .join('|'),
);
const MERGED_KEY = /其他处理/;
const FIRST_OTHER = ROW_IDS.indexOf('other_no_correction');
const FIRST_OTHER_ITEM = /其他处理1[.、]/;
const ACTIVE_ROW = /^(?:规章|(?:行政)?规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)/;
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

/** A tab row of column headings: no numbers and at least two heading cells. */
function isHeadingRow(text: string): boolean {
  if (NUMBER_CELL.test(text)) return false;
  COLUMN_HEADING.lastIndex = 0;
  let headings = 0;
  while (headings < 2 && COLUMN_HEADING.exec(text)) headings++;
  return headings >= 2;
}

interface RawRow {
  label: string;
  cells: CellValue[];
  tabbed: boolean;
  line: number;
  /** Cells placed under their columns by position (space-aligned text): blanks are known. */
  positioned?: boolean;
}

/** Row indexes whose words appear in the label, in table order. */
function matchRow(label: string): number[] {
  const hits: number[] = [];
  ROW_IDS.forEach((id, i) => {
    if (ROW_KEYS[id]!.test(label)) hits.push(i);
  });
  return hits;
}

/** The first row after `prev` whose words appear in the label. */
function firstRowAfter(label: string, prev: number): number | undefined {
  for (let i = prev + 1; i < ROW_IDS.length; i++) if (ROW_KEYS[ROW_IDS[i]!]!.test(label)) return i;
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
  let later = !next ? [ROW_IDS.length] : ANY_ROW.test(next) ? matchRow(next) : [];
  if (later.length === 0 && MERGED_KEY.test(next)) later = [FIRST_OTHER];
  if (later.length === 0) return false;
  const own = matchRow(pending);
  if (own.length === 0 || later[0]! <= own.at(-1)!) return false;
  return own.at(-1)! > prevIdx;
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

interface Collected {
  rows: RawRow[];
  strays: number;
  /** Lone labels read as wholly blank rows. */
  blankRows: number;
}

/** Label text that names no row after the last row read: the end of that row's wrapped label. */
function isTail(pending: string, prevIdx: number): boolean {
  if (prevIdx < 0 || ROW_START.test(pending)) return false;
  if (!ANY_ROW.test(pending)) return true;
  return matchRow(pending).at(-1)! <= prevIdx;
}

/** The row index a label takes after row `prev`, as assignRows will give it (words, else position). */
function nextRowIndex(label: string, prev: number): number {
  const idx = firstRowAfter(label, prev);
  if (idx !== undefined) return idx;
  if (FIRST_OTHER_ITEM.test(label) && prev < FIRST_OTHER) return FIRST_OTHER;
  if (MERGED_KEY.test(label) && prev < FIRST_OTHER) return FIRST_OTHER - 1;
  return matchRow(label).length > 0 ? prev : prev + 1;
}

function collectRows(lines: readonly TextLine[], splitBlankRows: boolean): Collected {
  const rows: RawRow[] = [];
  let strays = 0;
  let blankRows = 0;
  let pending = '';
  let pendingLine = 0;
  /** Whether the pending text starts a numbered row or holds some row's words (cheap gate). */
  let pendingKeyed = false;
  // a grid that keeps cells (tab rows) prints a blank row's empty cells: a lone label there is a
  // label whose numbers a converter moved, not a blank row
  const tabbedNumbers = lines.some((l) => l.text.includes('\t') && /\d/.test(l.text));
  const spaced = splitBlankRows && !tabbedNumbers;
  // space-aligned columns (pdftotext -layout) tell which cells of a short row are blank
  let columns: Columns | undefined | null = tabbedNumbers ? undefined : null;
  /** The row index the last row read takes, brought up to date on demand. */
  let prevIdx = -1;
  let indexed = 0;
  const prevIndex = () => {
    while (indexed < rows.length) prevIdx = nextRowIndex(rows[indexed++]!.label, prevIdx);
    return prevIdx;
  };
  const push = (row: RawRow) => rows.push(row);
  for (let i = 0; i < lines.length; i++) {
    const { text, line } = lines[i]!;
    const s = splitLine(text);
    const nums = countNumbers(s.cells);
    // a repeated or converter-made heading row is neither a label fragment nor a blank data row
    if (nums === 0 && s.tabbed && isHeadingRow(text)) continue;
    // the wrapped tail of the row above, left pending when the next row's label starts
    if (spaced && pending && ROW_START.test(s.label) && isTail(pending, prevIndex())) {
      pending = '';
      pendingKeyed = false;
    }
    if (spaced && pending && s.label && pendingKeyed && isBlankRowLabel(pending, s.label, prevIndex())) {
      push({ label: pending, cells: [], tabbed: false, line: pendingLine });
      pending = '';
      pendingKeyed = false;
      blankRows++;
    }

    if (nums === 0) {
      if (!s.label) continue;
      const label = pending + s.label;
      // a tab row with a label and only blank cells is a blank data row, not a label fragment
      const hits = s.tabbed ? matchRow(label) : [];
      const keyed = hits.length > 0 || (s.tabbed && MERGED_KEY.test(label));
      if (keyed && (rows.length > 0 || hits[0] === 0)) {
        push({ label, cells: [], tabbed: true, line });
        pending = '';
        pendingKeyed = false;
      } else {
        if (!pending) pendingLine = line;
        // row words may straddle the join: test the old tail with the new fragment
        if (spaced && !pendingKeyed)
          pendingKeyed = SUB_ITEM.test(label) || ANY_ROW.test(pending.slice(-8) + s.label);
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
    push({
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
  if (spaced && pending && isBlankRowLabel(pending, '', prevIndex())) {
    push({ label: pending, cells: [], tabbed: false, line: pendingLine });
    blankRows++;
  }
  return { rows, strays, blankRows };
}

const rowSumHolds = (v: readonly number[]) => v[N - 1] === v.slice(0, N - 1).reduce((a, b) => a + b, 0);

interface Placed {
  values: number[];
  blankSlots: number[];
  note?: ParseNote;
}

const FIELDS_OF = new Map(APPLY_ROWS.map((r) => [r.id, APPLY_COLS.map((c) => `apply.${r.id}.${c.id}`)]));

function fieldsOf(rowId: string): string[] {
  return FIELDS_OF.get(rowId) ?? APPLY_COLS.map((c) => `apply.${rowId}.${c.id}`);
}

function describe(a: Alignment): string {
  return APPLY_COLS.map((c, i) => `${c.zh}${a.values[i]}`).join('、');
}

const dropLeadingBlanks = (cells: CellValue[]): CellValue[] | undefined => {
  const extra = cells.length - N;
  return extra >= 0 && cells.slice(0, extra).every((c) => c.kind === 'blank')
    ? cells.slice(extra)
    : undefined;
};

/** Reading of a ragged tab row: trailing blanks dropped (padding), then leading label-span blanks. */
function fitTrimmed(slots: CellValue[]): CellValue[] {
  const trimmed = trimTrailing(slots);
  return dropLeadingBlanks(trimmed) ?? trimmed;
}

/**
 * Places a tab row. A table grid is right-aligned: label spans leave blank slots before the
 * values, and a blank 总计 is a trailing blank slot that is still a column. Converters that pad
 * ragged rows add trailing blanks that are not columns; the row sum decides between them.
 */
function placeTabRow(row: RawRow, rowId: string, rowLabel: string): Placed {
  const right = dropLeadingBlanks(row.cells);
  const trimmed = fitTrimmed(row.cells);
  const same = right?.length === trimmed.length && right.every((c, i) => c === trimmed[i]);
  if (!right || same) return placeCells(trimmed, true, rowId, rowLabel);
  const a = placeCells(right, true, rowId, rowLabel);
  if (rowSumHolds(a.values)) return a;
  const b = placeCells(trimmed, true, rowId, rowLabel);
  return rowSumHolds(b.values) ? b : a;
}

/** Turns a row's cells into 7 values. */
function placeRow(row: RawRow, rowId: string, rowLabel: string): Placed {
  if (row.positioned) return placeCells(row.cells, true, rowId, rowLabel);
  return row.tabbed ? placeTabRow(row, rowId, rowLabel) : placeCells(row.cells, false, rowId, rowLabel);
}

function placeCells(cells: CellValue[], tabbed: boolean, rowId: string, rowLabel: string): Placed {
  if (tabbed && cells.length === N) {
    const values = cells.map((c) => (c.kind === 'number' ? c.value : 0));
    const blankSlots = cells.flatMap((c, i) => (c.kind === 'number' ? [] : [i]));
    const textCell = cells.findIndex((c) => c.kind === 'text');
    const note: ParseNote | undefined =
      textCell >= 0
        ? {
            rule: 'PW-06',
            severity: 'warning',
            fields: [fieldsOf(rowId)[textCell]!],
            message: `“${rowLabel}—${APPLY_COLS[textCell]!.zh}”单元格内容“${cells[textCell]!.raw}”不是数字，已按空白处理`,
          }
        : undefined;
    return { values, blankSlots, note };
  }
  const nums = cells.flatMap((c) => (c.kind === 'number' ? [c.value] : []));
  if (nums.length === 0) return { values: new Array(N).fill(0), blankSlots: [...Array(N).keys()] };
  if (nums.length === N) return { values: nums, blankSlots: [] };
  if (nums.length < N) {
    const a = alignShort(nums, N, rowSumHolds);
    if (!a.resolved) {
      const raw = cells.flatMap((c) => (c.kind === 'number' ? [c.raw] : []));
      const glued = splitGlued(raw, N, rowSumHolds);
      if (glued.length === 1) {
        return {
          values: glued[0]!,
          blankSlots: [],
          note: {
            rule: 'PW-05',
            severity: 'warning',
            fields: fieldsOf(rowId),
            message: `“${rowLabel}”行数字“${raw.join(' ')}”疑似多格粘连，已拆分为${glued[0]!.join(' | ')}`,
          },
        };
      }
    }
    return {
      values: a.values,
      blankSlots: a.blankSlots,
      note: {
        rule: 'PW-01',
        severity: a.resolved ? 'info' : 'warning',
        fields: fieldsOf(rowId),
        message: `表三“${rowLabel}”行仅识别到${nums.length}个数值，已按${a.resolved ? '行合计关系' : '默认（左对齐、末值为总计）'}对齐为${describe(a)}`,
      },
    };
  }
  return placeLong(nums, rowId, rowLabel);
}

function placeLong(nums: number[], rowId: string, rowLabel: string): Placed {
  const fields = fieldsOf(rowId);
  if (nums.length === N + 1) {
    const [nat, sub, ...rest] = nums;
    const orgs = rest.slice(0, N - 2);
    const orgSum = orgs.reduce((a, b) => a + b, 0);
    if (sub === orgSum) {
      return {
        values: [nat!, ...rest],
        blankSlots: [],
        note: {
          rule: 'PW-02',
          severity: 'info',
          fields,
          message: `表三“${rowLabel}”行识别到${nums.length}个数值，多于7列；已删去法人或其他组织小计${sub}`,
        },
      };
    }
  }
  const a = alignLong(nums, N, rowSumHolds);
  if (a) {
    return {
      values: a.values,
      blankSlots: [],
      note: {
        rule: 'PW-02',
        severity: 'warning',
        fields,
        message: `表三“${rowLabel}”行识别到${nums.length}个数值，多于7列；已${a.action}`,
      },
    };
  }
  return {
    values: nums.slice(-N),
    blankSlots: [],
    note: {
      rule: 'PW-02',
      severity: 'warning',
      fields,
      message: `表三“${rowLabel}”行识别到${nums.length}个数值，多于7列；无法按行合计确定，已取最后7个数`,
    },
  };
}

/** Assigns raw rows to row ids in table order, by label words, falling back to position. */
/** A printed group subtotal row: （三）不予公开, （四）无法提供, （五）不予处理 with numbers of their own. */
const SUBTOTAL = /[三四五]\)?、?(不予公开|无法提供|不予处理)$/;
const GROUP_OF: Record<string, { prefix: string; label: string }> = {
  不予公开: { prefix: 'denied_', label: '（三）不予公开' },
  无法提供: { prefix: 'unable_', label: '（四）无法提供' },
  不予处理: { prefix: 'np_', label: '（五）不予处理' },
  其他处理: { prefix: 'other_', label: '（六）其他处理' },
};

interface Assignment {
  assigned: Map<string, RawRow>;
  /** Printed subtotal rows by group word. */
  subtotals: Map<string, RawRow>;
  notes: ParseNote[];
}

/** Assigns raw rows to row ids in table order, by label words, falling back to position. */
function assignRows(rows: readonly RawRow[]): Assignment {
  const assigned = new Map<string, RawRow>();
  const subtotals = new Map<string, RawRow>();
  const notes: ParseNote[] = [];
  const firstOther = ROW_IDS.indexOf('other_no_correction');
  let prev = -1;
  for (const row of rows) {
    let idx = firstRowAfter(row.label, prev);
    const hits = idx === undefined ? matchRow(row.label) : [idx];
    const subtotal = idx === undefined ? SUBTOTAL.exec(row.label) : null;
    if (subtotal && row.cells.length > 0) {
      subtotals.set(subtotal[1]!, row);
      continue;
    }
    // a table 二 row swept into the region before table 三 begins is not table 三's first row
    if (idx === undefined && hits.length === 0 && prev < 0 && ACTIVE_ROW.test(row.label)) continue;
    // （六）其他处理 1.申请人… whose words wrapped onto other lines: the first sub-row, not a merged row
    if (idx === undefined && FIRST_OTHER_ITEM.test(row.label) && prev < firstOther) idx = firstOther;
    if (idx === undefined && MERGED_KEY.test(row.label) && prev < firstOther) {
      // one （六）其他处理 row: the merged 2019 layout, or a subtotal if sub-rows follow
      assigned.set(MERGED_OTHER, row);
      prev = firstOther - 1;
      continue;
    }
    if (idx === undefined && hits.length > 0) {
      const dup = ROW_IDS[hits[0]!]!;
      notes.push({
        rule: 'PW-08',
        severity: 'warning',
        fields: fieldsOf(dup),
        message: `表三“${APPLY_ROWS[hits[0]!]!.label}”行重复出现且数值不同，已采用第一次出现的数值`,
      });
      continue;
    }
    idx ??= prev + 1;
    if (idx >= ROW_IDS.length) continue;
    assigned.set(ROW_IDS[idx]!, row);
    prev = idx;
  }
  const merged = assigned.get(MERGED_OTHER);
  if (merged && ROW_IDS.slice(firstOther, firstOther + 3).some((id) => assigned.has(id))) {
    assigned.delete(MERGED_OTHER);
    if (merged.cells.length > 0) subtotals.set('其他处理', merged);
  }
  return { assigned, subtotals, notes };
}

/** a printed subtotal equals the sum of its sub-rows, per column. */
function checkSubtotals(
  subtotals: ReadonlyMap<string, RawRow>,
  values: Readonly<Record<string, number | null>>,
): ParseNote[] {
  const notes: ParseNote[] = [];
  for (const [word, row] of subtotals) {
    const group = GROUP_OF[word]!;
    const printed = placeRow(row, `${group.prefix}subtotal`, group.label).values;
    const children = APPLY_ROWS.filter((r) => r.id.startsWith(group.prefix));
    APPLY_COLS.forEach((col, i) => {
      const cells = children.map((r) => `apply.${r.id}.${col.id}`);
      const parts = cells.map((f) => values[f]);
      if (parts.some((v) => v === null || v === undefined)) return;
      const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
      if (sum === printed[i]) return;
      notes.push({
        rule: 'A-06',
        severity: 'error',
        fields: cells,
        message: `表三“${group.label}”小计为${printed[i]}，子项之和为${sum}（${col.zh}）`,
      });
    });
  }
  return notes;
}

/** Parses table 三 (25 rows × 7 columns) from the lines of its region. */
export function parseApplicationTable(lines: readonly TextLine[]): TableResult {
  const values: Record<string, number | null> = {};
  const blanks: string[] = [];
  let collected = collectRows(lines, true);
  // unlabelled number rows mean the labels were printed apart from their numbers (stacked by a
  // converter): lone labels then await their numbers, they are not blank rows
  if (collected.blankRows > 0 && collected.rows.some((r) => r.label === '' && r.cells.length > 0))
    collected = collectRows(lines, false);
  const { rows, strays } = collected;
  const { assigned, subtotals, notes } = assignRows(rows);
  if (strays > 0) {
    notes.push({
      rule: 'PW-07',
      severity: 'info',
      fields: [],
      message: `表三中的页码或重复表头已忽略（${strays}处）`,
    });
  }
  const found = assigned.size >= 3;
  for (const def of APPLY_ROWS) {
    for (const f of fieldsOf(def.id)) values[f] = null;
  }
  if (!found) return { values, blanks, notes: [], found };
  const put = (rowId: string, placed: Placed) => {
    const fields = fieldsOf(rowId);
    fields.forEach((f, i) => {
      values[f] = placed.values[i]!;
    });
    for (const i of placed.blankSlots) blanks.push(fields[i]!);
  };
  for (const def of APPLY_ROWS) {
    const row = assigned.get(def.id);
    if (!row) continue;
    const placed = placeRow(row, def.id, def.label);
    if (placed.note) notes.push(placed.note);
    put(def.id, placed);
  }
  const merged = assigned.get(MERGED_OTHER);
  if (merged) {
    const placed = placeRow(merged, 'other_other', '（六）其他处理');
    if (placed.note) notes.push(placed.note);
    put('other_other', placed);
    if (merged.cells.length === 0) {
      // a wholly blank merged row: the sub-rows are present and blank, not absent
      put('other_no_correction', placed);
      put('other_fee_unpaid', placed);
    }
  }
  notes.push(...checkSubtotals(subtotals, values));
  return { values, blanks, notes, found };
}

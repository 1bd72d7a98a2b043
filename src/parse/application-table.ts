import { APPLY_COLS, APPLY_ROWS } from '../schema/index.ts';
import {
  ACTIVE_ROW,
  collectRows,
  FIRST_OTHER,
  FIRST_OTHER_ITEM,
  firstRowAfter,
  firstRowNamed,
  MERGED_KEY,
  N,
  type RawRow,
  ROW_IDS,
} from './_apply-rows.ts';
import { type CellValue, garbledMessage, isGarbledNumber, numbersOf, trimTrailing } from './_cells.ts';
import type { ParseNote, TableResult, TextLine } from './_notes.ts';
import { nullRecord, recordOf } from './_values.ts';
import { type Alignment, alignLong, alignShort, range, splitGlued } from './align.ts';

/** the row's last cell is the sum of the others. */
function rowSumHolds(v: readonly number[]): boolean {
  let sum = 0;
  for (let i = 0; i < N - 1; i++) sum += v[i]!;
  return v[N - 1] === sum;
}

/** A row's placing: only read once made (a row without numbers shares one, BLANK_ROW). */
interface Placed {
  readonly values: readonly number[];
  readonly blankSlots: readonly number[];
  /** Slots whose cell is a number spoilt by a stray character: stored as null (PW-06). */
  readonly nullSlots?: readonly number[];
  readonly note?: ParseNote;
}

const FIELDS_OF = new Map(APPLY_ROWS.map((r) => [r.id, APPLY_COLS.map((c) => `apply.${r.id}.${c.id}`)]));
const APPLY_FIELDS = APPLY_ROWS.flatMap((r) => FIELDS_OF.get(r.id)!);
/** The table's record from its cells, row by row in APPLY_ROWS order. */
const toRecord = recordOf(APPLY_FIELDS);
/** Values of a table not found: every field null (a template's copy is quicker to make than toRecord's). */
const NULL_VALUES = nullRecord(APPLY_FIELDS);
/** Each row's fields, by its index in APPLY_ROWS. */
const FIELDS_AT = APPLY_ROWS.map((r) => FIELDS_OF.get(r.id)!);
/** The three rows of （六）其他处理, which one merged row may stand for. */
const FEE_UNPAID = ROW_IDS.indexOf('other_fee_unpaid');
const OTHER_OTHER = ROW_IDS.indexOf('other_other');

function fieldsOf(rowId: string): string[] {
  return FIELDS_OF.get(rowId) ?? APPLY_COLS.map((c) => `apply.${rowId}.${c.id}`);
}

function describe(a: Alignment): string {
  return APPLY_COLS.map((c, i) => `${c.zh}${a.values[i]}`).join('、');
}

/** The last N cells when every cell before them is blank (label spans), else undefined. */
function dropLeadingBlanks(cells: CellValue[]): CellValue[] | undefined {
  const extra = cells.length - N;
  if (extra < 0) return undefined;
  for (let i = 0; i < extra; i++) if (cells[i]!.kind !== 'blank') return undefined;
  return extra === 0 ? cells : cells.slice(extra);
}

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
  if (!right) return placeCells(fitTrimmed(row.cells), true, rowId, rowLabel);
  const a = placeCells(right, true, rowId, rowLabel);
  // with no trailing blank, trimming reads the same cells
  if (row.cells[row.cells.length - 1]!.kind !== 'blank' || rowSumHolds(a.values)) return a;
  const b = placeCells(fitTrimmed(row.cells), true, rowId, rowLabel);
  return rowSumHolds(b.values) ? b : a;
}

/** A row without numbers (most rows of most tables): every slot blank. */
const BLANK_ROW: Placed = { values: new Array<number>(N).fill(0), blankSlots: range(N) };

/** Turns a row's cells into 7 values. */
function placeRow(row: RawRow, rowId: string, rowLabel: string): Placed {
  // a row printed without cells (most rows of most tables): every reading below finds no number
  if (row.cells.length === 0) return BLANK_ROW;
  if (row.positioned) return placeCells(row.cells, true, rowId, rowLabel);
  return row.tabbed ? placeTabRow(row, rowId, rowLabel) : placeCells(row.cells, false, rowId, rowLabel);
}

/** No slots: shared by placings that have none (a Placed is never changed once made). */
const NO_SLOTS: readonly number[] = [];

/** `slots` (made now if undefined) with slot `i` added. */
function withSlot(slots: number[] | undefined, i: number): number[] {
  const out = slots ?? [];
  out.push(i);
  return out;
}

/** A tab row of exactly N cells: each cell in its column, blanks and spoilt numbers known by slot. */
function placeFullRow(cells: readonly CellValue[], rowId: string, rowLabel: string): Placed {
  const values = new Array<number>(N);
  // made on the first slot: most full rows have no blank or spoilt cell
  let blankSlots: number[] | undefined;
  let nullSlots: number[] | undefined;
  let textCell = -1;
  for (let i = 0; i < N; i++) {
    const c = cells[i]!;
    if (c.kind === 'number') {
      values[i] = c.value;
      continue;
    }
    values[i] = 0;
    if (isGarbledNumber(c)) nullSlots = withSlot(nullSlots, i);
    else blankSlots = withSlot(blankSlots, i);
    if (c.kind === 'text' && textCell < 0) textCell = i;
  }
  const note: ParseNote | undefined =
    textCell >= 0
      ? {
          rule: 'PW-06',
          severity: 'warning',
          fields: [fieldsOf(rowId)[textCell]!],
          message: isGarbledNumber(cells[textCell])
            ? garbledMessage(rowLabel, APPLY_COLS[textCell]!.zh, cells[textCell]!.raw)
            : `“${rowLabel}—${APPLY_COLS[textCell]!.zh}”单元格内容“${cells[textCell]!.raw}”不是数字，已按空白处理`,
        }
      : undefined;
  return { values, blankSlots: blankSlots ?? NO_SLOTS, nullSlots: nullSlots ?? NO_SLOTS, note };
}

function placeCells(cells: CellValue[], tabbed: boolean, rowId: string, rowLabel: string): Placed {
  if (tabbed && cells.length === N) return placeFullRow(cells, rowId, rowLabel);
  const nums = numbersOf(cells);
  if (nums.length === 0) return BLANK_ROW;
  if (nums.length === N) return { values: nums, blankSlots: [] };
  if (nums.length < N) {
    const a = alignShort(nums, N, rowSumHolds);
    if (!a.resolved) {
      const raw: string[] = [];
      for (const c of cells) if (c.kind === 'number') raw.push(c.raw);
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
  /** The row read for each row of APPLY_ROWS, by index. */
  assigned: (RawRow | undefined)[];
  /** One （六）其他处理 row standing for its sub-rows (the merged 2019 layout). */
  merged: RawRow | undefined;
  /** How many rows were assigned, the merged row included. */
  count: number;
  /** Printed subtotal rows by group word. */
  subtotals: Map<string, RawRow>;
  notes: ParseNote[];
}

/** Assigns raw rows to row ids in table order, by label words, falling back to position. */
function assignRows(rows: readonly RawRow[]): Assignment {
  const assigned = new Array<RawRow | undefined>(ROW_IDS.length);
  let merged: RawRow | undefined;
  let count = 0;
  const subtotals = new Map<string, RawRow>();
  const notes: ParseNote[] = [];
  let prev = -1;
  for (const row of rows) {
    let idx = firstRowAfter(row.label, prev);
    // the first row the words name at all: one read before when it is not after `prev`
    const named = idx ?? firstRowNamed(row.label);
    const subtotal = idx === undefined ? SUBTOTAL.exec(row.label) : null;
    if (subtotal && row.cells.length > 0) {
      subtotals.set(subtotal[1]!, row);
      continue;
    }
    // a table 二 row swept into the region before table 三 begins is not table 三's first row
    if (idx === undefined && named === undefined && prev < 0 && ACTIVE_ROW.test(row.label)) continue;
    // （六）其他处理 1.申请人… whose words wrapped onto other lines: the first sub-row, not a merged row
    if (idx === undefined && FIRST_OTHER_ITEM.test(row.label) && prev < FIRST_OTHER) idx = FIRST_OTHER;
    if (idx === undefined && MERGED_KEY.test(row.label) && prev < FIRST_OTHER) {
      // one （六）其他处理 row: the merged 2019 layout, or a subtotal if sub-rows follow
      if (!merged) count++;
      merged = row;
      prev = FIRST_OTHER - 1;
      continue;
    }
    if (idx === undefined && named !== undefined) {
      const dup = ROW_IDS[named]!;
      notes.push({
        rule: 'PW-08',
        severity: 'warning',
        fields: fieldsOf(dup),
        message: `表三“${APPLY_ROWS[named]!.label}”行重复出现且数值不同，已采用第一次出现的数值`,
      });
      continue;
    }
    idx ??= prev + 1;
    if (idx >= ROW_IDS.length) continue;
    if (!assigned[idx]) count++;
    assigned[idx] = row;
    prev = idx;
  }
  if (merged && assigned.slice(FIRST_OTHER, FIRST_OTHER + 3).some((r) => r !== undefined)) {
    if (merged.cells.length > 0) subtotals.set('其他处理', merged);
    merged = undefined;
    count--;
  }
  return { assigned, merged, count, subtotals, notes };
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

/**
 * Writes a placed row's values into the table's cells and its blank cells' fields. A module
 * function, not a closure in parseApplicationTable: under tsx a named closure costs an
 * Object.defineProperty each time.
 */
function putRow(cells: (number | null)[], blanks: string[], rowIndex: number, placed: Placed): void {
  const offset = rowIndex * N;
  for (let i = 0; i < N; i++) cells[offset + i] = placed.values[i]!;
  if (placed.nullSlots) for (const i of placed.nullSlots) cells[offset + i] = null;
  const fields = FIELDS_AT[rowIndex]!;
  for (const i of placed.blankSlots) blanks.push(fields[i]!);
}

/** Parses table 三 (25 rows × 7 columns) from the lines of its region. */
export function parseApplicationTable(lines: readonly TextLine[]): TableResult {
  // rows not read stay holes, which toRecord reads as null
  const cells = new Array<number | null>(APPLY_ROWS.length * N);
  const blanks: string[] = [];
  let collected = collectRows(lines, true);
  // unlabelled number rows mean the labels were printed apart from their numbers (stacked by a
  // converter): lone labels then await their numbers, they are not blank rows
  if (collected.blankRows > 0 && collected.rows.some((r) => r.label === '' && r.cells.length > 0))
    collected = collectRows(lines, false);
  const { rows, strays } = collected;
  const { assigned, merged, count, subtotals, notes } = assignRows(rows);
  if (strays > 0) {
    notes.push({
      rule: 'PW-07',
      severity: 'info',
      fields: [],
      message: `表三中的页码或重复表头已忽略（${strays}处）`,
    });
  }
  const found = count >= 3;
  if (!found) return { values: { ...NULL_VALUES }, blanks, notes: [], found };
  for (let i = 0; i < APPLY_ROWS.length; i++) {
    const row = assigned[i];
    if (!row) continue;
    const def = APPLY_ROWS[i]!;
    const placed = placeRow(row, def.id, def.label);
    if (placed.note) notes.push(placed.note);
    putRow(cells, blanks, i, placed);
  }
  if (merged) {
    const placed = placeRow(merged, 'other_other', '（六）其他处理');
    if (placed.note) notes.push(placed.note);
    putRow(cells, blanks, OTHER_OTHER, placed);
    if (merged.cells.length === 0) {
      // a wholly blank merged row: the sub-rows are present and blank, not absent
      putRow(cells, blanks, FIRST_OTHER, placed);
      putRow(cells, blanks, FEE_UNPAID, placed);
    }
  }
  const values = toRecord(cells);
  notes.push(...checkSubtotals(subtotals, values));
  return { values, blanks, notes, found };
}

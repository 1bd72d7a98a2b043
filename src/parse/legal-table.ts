import { getField, LEGAL_COLS, LEGAL_GROUPS } from '../schema/index.ts';
import {
  type CellValue,
  countNumbers,
  garbledMessage,
  isGarbledNumber,
  numbersOf,
  splitLine,
} from './_cells.ts';
import { type Columns, findColumns, placeByColumns } from './_columns.ts';
import type { ParseNote, TableResult, TextLine } from './_notes.ts';
import { nullRecord } from './_values.ts';
import { alignLong, alignShort } from './align.ts';

const FIELDS = LEGAL_GROUPS.flatMap((g) => LEGAL_COLS.map((c) => `legal.${g.id}.${c.id}`));
const N = FIELDS.length;
/** Table values before reading: every field null. */
const NULL_VALUES = nullRecord(FIELDS);

/** C-01 on each group of five: upheld + corrected + other + pending = total. */
const groupSumsHold = (v: readonly number[]) =>
  [0, 5, 10].every((o) => v[o + 4] === v[o]! + v[o + 1]! + v[o + 2]! + v[o + 3]!);

const HEAD = LEGAL_COLS.map((c) => c.zh);
/** Words of the table's heading rows. */
const HEADER_WORDS = /复议|诉讼|维持|纠正|审结/;
/** The label a data line may carry (行政复议, 未经复议直接起诉, …). */
const GROUP_LABEL = /复议|诉讼|起诉/;
const GROUP_NAMES = new Set(LEGAL_GROUPS.map((g) => g.zh));
const HEAD_ALL = [...HEAD, ...HEAD, ...HEAD];

/** Space-aligned columns under the headings: all 15 (and a 合计), or one group's 5 a line. */
function legalColumns(lines: readonly TextLine[]): Columns | undefined {
  if (lines.some((l) => l.text.includes('\t'))) return undefined;
  return (
    findColumns(lines, [...HEAD_ALL, '合计']) ?? findColumns(lines, HEAD_ALL) ?? findColumns(lines, HEAD)
  );
}

/**
 * The columns already looked for (undefined: none found), or looked for now (null: not yet). A
 * function, not a closure in collectCells: under tsx a named closure costs an Object.defineProperty
 * each time it is made.
 */
function columnsOnce(found: Columns | undefined | null, lines: readonly TextLine[]): Columns | undefined {
  return found === null ? legalColumns(lines) : found;
}

/** Value cells of the table's data lines (lines whose cells are all numbers or blanks). */
function collectCells(lines: readonly TextLine[]): {
  cells: CellValue[];
  tabbed: boolean;
  headerSeen: boolean;
} {
  const cells: CellValue[] = [];
  let tabbed = false;
  let headerSeen = false;
  let subtotalColumn = false;
  // found on first need: most tables are tab rows or one full line of 15
  let columns: Columns | undefined | null = null;
  for (const l of lines) {
    const { text } = l;
    // an empty line (every other line of some PDF text) holds neither heading, label nor cells
    if (text === '') continue;
    if (!headerSeen && HEADER_WORDS.test(text)) headerSeen = true;
    const s = splitLine(text);
    const nums = countNumbers(s.cells);
    if (nums === 0) {
      if (text.includes('合计')) subtotalColumn = true;
      if (!GROUP_NAMES.has(s.label)) continue;
      if (!s.tabbed) columns = columnsOnce(columns, lines);
      // a group's own row printed wholly blank (table 四 as three labelled rows of five)
      if (s.tabbed ? s.slots.length >= 5 : columns?.centres.length === 5) {
        cells.push(...new Array<CellValue>(5).fill({ kind: 'blank', raw: '' }));
        tabbed = true;
      }
      continue;
    }
    // a data line carries no label, or a group label such as 行政复议
    if (s.label && !GROUP_LABEL.test(s.label)) continue;
    if (s.tabbed) tabbed = true;
    // a full tab row keeps its trailing blank cells: they are the last groups' columns
    const width = subtotalColumn ? N + 1 : N;
    let row = s.tabbed && s.slots.length === width ? s.slots : s.cells;
    // blank cells of a space-aligned line are known by the columns its numbers stand in
    if (!s.tabbed && nums < N) columns = columnsOnce(columns, lines);
    const cols = !s.tabbed && nums < N ? columns : undefined;
    const placed = cols ? placeByColumns(l, cols) : undefined;
    if (placed && countNumbers(placed) < placed.length) {
      row = placed;
      tabbed = true;
    }
    cells.push(...(subtotalColumn ? dropSuitSubtotal(row) : row));
  }
  return { cells, tabbed, headerSeen };
}

const cellNumber = (c: CellValue | undefined) => (c?.kind === 'number' ? c.value : 0);

/** A 16th 行政诉讼 合计 column (under a 合计 heading) holds the two suit totals' sum: not a field. */
function dropSuitSubtotal(row: CellValue[]): CellValue[] {
  if (row.length !== N + 1) return row;
  return cellNumber(row[N]) === cellNumber(row[9]) + cellNumber(row[14]) ? row.slice(0, N) : row;
}

/** Parses table 四 (3 groups × 5 columns, usually one line of 15 numbers). */
export function parseLegalTable(lines: readonly TextLine[]): TableResult {
  const values = { ...NULL_VALUES };
  const blanks: string[] = [];
  const notes: ParseNote[] = [];
  const { cells, tabbed, headerSeen } = collectCells(lines);
  if (cells.length === 0) {
    if (!headerSeen) return { values, blanks, notes, found: false };
    // the table is printed with its header but no data row: every cell is blank
    for (const f of FIELDS) values[f] = 0;
    return { values, blanks: [...FIELDS], notes, found: true };
  }
  let padded = cells;
  if (tabbed && cells.length < N && cells.length >= N - 2) {
    // trailing blank cells were trimmed from the line
    padded = [...cells, ...new Array<CellValue>(N - cells.length).fill({ kind: 'blank', raw: '' })];
  }
  if (tabbed && padded.length === N) {
    // a loop asking isGarbledNumber once a cell (a forEach closure asked it three times)
    for (let i = 0; i < N; i++) {
      const c = padded[i]!;
      const f = FIELDS[i]!;
      if (c.kind === 'number') {
        values[f] = c.value;
      } else if (!isGarbledNumber(c)) {
        values[f] = 0;
        blanks.push(f);
      } else {
        values[f] = null;
        const field = getField(f);
        const where = field ? `${field.row}${field.col}` : f;
        notes.push({
          rule: 'PW-06',
          severity: 'warning',
          fields: [f],
          message: garbledMessage('表四', where, c.raw),
        });
      }
    }
    return { values, blanks, notes, found: true };
  }
  const nums = numbersOf(cells);
  if (nums.length === N) {
    nums.forEach((v, i) => {
      values[FIELDS[i]!] = v;
    });
    return { values, blanks, notes, found: true };
  }
  if (nums.length > N) {
    const a = nums.length === N + 1 ? alignLong(nums, N, groupSumsHold) : undefined;
    const chosen = a?.values ?? nums.slice(0, N);
    chosen.forEach((v, i) => {
      values[FIELDS[i]!] = v;
    });
    notes.push({
      rule: 'PW-03',
      severity: 'warning',
      fields: [...FIELDS],
      message: `表四识别到${nums.length}个数值（应为15个），已按各组合计关系取舍：${a ? `${a.action}，采用${chosen.join(' ')}` : `无法确定，已取前15个数`}`,
    });
    return { values, blanks, notes, found: true };
  }
  const a = alignShort(nums, N, groupSumsHold);
  if (!a.resolved && nums.length < N - 3) {
    // too few numbers to place: keep what is certain (nothing) and let C-05 report it
    nums.forEach((v, i) => {
      values[FIELDS[i]!] = v;
    });
  } else {
    a.values.forEach((v, i) => {
      values[FIELDS[i]!] = v;
    });
    for (const i of a.blankSlots) blanks.push(FIELDS[i]!);
  }
  notes.push({
    rule: 'PW-03',
    severity: 'warning',
    fields: [...FIELDS],
    message: `表四识别到${nums.length}个数值（应为15个），已按各组合计关系取舍：${a.resolved ? '唯一符合合计关系的对齐' : '无法唯一确定'}`,
  });
  return { values, blanks, notes, found: true };
}

import { getField } from '../schema/index.ts';
import {
  type CellValue,
  compactSlice,
  garbledMessage,
  isGarbledNumber,
  isSpace,
  readCell,
  splitLine,
  withoutSpaces,
} from './_cells.ts';
import { type Columns, findColumns, placeByColumns } from './_columns.ts';
import type { ParseNote, TableResult, TextLine } from './_notes.ts';
import { nullRecord } from './_values.ts';
import { splitGlued } from './align.ts';

/** B-03: documents in force cannot be fewer than issued minus repealed. */
const stockHolds = (v: readonly number[]) => v[2]! >= v[0]! - v[1]!;

interface RowSpec {
  key: RegExp;
  fields: string[];
}

const ROWS: RowSpec[] = [
  {
    key: /^(?:行政)?规范性文件/,
    fields: ['active.normative_doc.issued', 'active.normative_doc.repealed', 'active.normative_doc.in_force'],
  },
  {
    key: /^规章/,
    fields: ['active.regulation.issued', 'active.regulation.repealed', 'active.regulation.in_force'],
  },
  { key: /^行政许可/, fields: ['active.license'] },
  { key: /^行政处罚/, fields: ['active.penalty'] },
  { key: /^行政强制/, fields: ['active.coercion'] },
  { key: /^行政事业性收费/, fields: ['active.admin_fee'] },
];

/**
 * The row keys, one group each (they hold none of their own): one search finds a line's row, as no
 * text starts with two keys.
 */
const ANY_KEY = new RegExp(ROWS.map((r) => `(${r.key.source})`).join('|'));

/** The row whose key starts `label`. */
function rowOf(label: string): RowSpec | undefined {
  const m = ANY_KEY.exec(label);
  if (!m) return undefined;
  let i = 0;
  while (m[i + 1] === undefined) i++;
  return ROWS[i];
}
/** The first word of the table's heading rows (their cells name the columns). */
const INFO_HEAD = '信息内容';
/** Digits glued to the end of a label. */
const GLUED_TAIL = /^(\D+?)(\d+(?:\.\d+)?)$/;

/** The longest row key's length (行政事业性收费, 行政规范性文件). */
const KEY_CHARS = 7;

/**
 * The line's first `n` characters that are not whitespace: a row label (the line's start, its
 * whitespace removed) begins with its key, so a line whose first characters begin no key is no row.
 */
function leadingChars(text: string, n: number): string {
  let end = 0;
  for (let seen = 0; end < text.length && seen < n; end++) if (!isSpace(text.charCodeAt(end))) seen++;
  return compactSlice(text, 0, end);
}

/** Whether `text` starts with `word` after any whitespace (/^\s*word/ without a regex run per line). */
function startsAfterSpaces(text: string, word: string): boolean {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text.startsWith(word, i);
}

/** Table values before reading: every field null. */
const NULL_VALUES = nullRecord(ROWS.flatMap((r) => r.fields));

export interface ActiveTableResult extends TableResult {
  /** Unit printed in the fee header or cell (B-05). */
  feeUnit: string | null;
}

/** A unit in brackets (（单位：万元）), or one ending the text. */
const BRACKETED_UNIT = /[(（]\s*(?:单位[:：]?)?\s*(万元|元)\s*[)）]/;
const TRAILING_UNIT = /(万元|元)\s*$/;

function unitOf(text: string): string | null {
  const m = BRACKETED_UNIT.exec(text) ?? TRAILING_UNIT.exec(text.trim());
  return m ? m[1]! : null;
}

/** The 2019 trial format's headings that tell it apart (documents; items decided). */
const TRIAL_DOCS = '本年新制作数量';
const TRIAL_ITEMS = '上一年项目数量';

/**
 * The 2019 trial format heads table 二 with other columns (本年新制作数量 … 对外公开总数量;
 * 上一年项目数量, 本年增/减, 处理决定数量): map what corresponds, leave the rest null.
 */
function readTrialFormat(
  header: readonly string[],
  fields: readonly string[],
  cells: readonly CellValue[],
): Record<string, number | null> | undefined {
  if (fields.length === 3 && columnOf(header, TRIAL_DOCS) >= 0) {
    return {
      [fields[0]!]: cellAt(cells, columnOf(header, TRIAL_DOCS)),
      [fields[1]!]: null,
      [fields[2]!]: cellAt(cells, columnOf(header, '对外公开总数量')),
    };
  }
  if (fields.length === 1 && columnOf(header, TRIAL_ITEMS) >= 0) {
    return { [fields[0]!]: cellAt(cells, columnOf(header, '处理决定数量')) };
  }
  return undefined;
}

/**
 * The heading cells after 信息内容, read only for the 2019 trial format (readTrialFormat): a heading
 * naming neither of its columns, once its whitespace is removed, has no cell naming one.
 */
function headingCells(text: string): string[] {
  const compact = withoutSpaces(text);
  if (!compact.includes(TRIAL_DOCS) && !compact.includes(TRIAL_ITEMS)) return [];
  // tab rows keep blank heading slots so that heading positions match cell positions
  return text.includes('\t')
    ? text.split('\t').slice(1).map(withoutSpaces)
    : text.trim().split(/\s+/).slice(1).filter(Boolean);
}

// module-level helpers, not closures: under tsx (esbuild keepNames) a named closure made inside a
// function costs an Object.defineProperty each time it is made, and this runs for every table line

/** The heading column holding `label` (-1 when none does). */
function columnOf(header: readonly string[], label: string): number {
  return header.findIndex((h) => h.includes(label));
}

/** A trial-format cell's value: its number, 0 for a blank cell, null for a column not printed. */
function cellAt(cells: readonly CellValue[], i: number): number | null {
  const c = i >= 0 ? cells[i] : undefined;
  return c?.kind === 'number' ? c.value : i >= 0 ? 0 : null;
}

const BARE_CELL = /^\s*(?:-?\d[\d,，.]*\s*(?:万元|元)?|[/—\-－]|无)\s*$/;
const HEADING_CELL = /^\s*(?:本年|现行有效|上一年|处理决定|对外公开|采购)/;

/**
 * One cell per line (tables copied out of a page): a row label or the 信息内容 heading followed by
 * its cells on the next lines is joined back into one space-separated line (blanks are lost).
 */
function joinCellRuns(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    // tab rows keep their cells: only a lone label line is looked at further
    const label = text.includes('\t') ? '' : text.trim();
    const isHeading = label === '信息内容';
    if (!label || !(isHeading || (label.length <= 12 && ANY_KEY.test(label)))) {
      out.push(lines[i]!);
      continue;
    }
    const cells: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j]!.text;
      if (next.trim() === '') continue;
      if (next.includes('\t') || !(isHeading ? HEADING_CELL : BARE_CELL).test(next)) break;
      cells.push(next.trim());
    }
    if (cells.length === 0) {
      out.push(lines[i]!);
      continue;
    }
    out.push({ text: [label, ...cells].join(' '), line: lines[i]!.line });
    i = j - 1;
  }
  return out;
}

const DOC_HEAD = ['本年制发件数', '本年废止件数', '现行有效件数'];

/** Columns of the 规章/规范性文件 rows in space-aligned text, from their heading line. */
function docColumns(lines: readonly TextLine[]): Columns | undefined {
  if (lines.some((l) => l.text.includes('\t'))) return undefined;
  const doc = lines.filter(
    (l) => /本年制发件数/.test(l.text) || /^\s*(?:规章|(?:行政)?规范性文件)/.test(l.text),
  );
  return findColumns(doc, DOC_HEAD);
}

/** Parses table 二 (第二十条: 规章, 规范性文件, 许可, 处罚, 强制, 收费). */
export function parseActiveTable(lines: readonly TextLine[]): ActiveTableResult {
  const values = { ...NULL_VALUES };
  const blanks: string[] = [];
  const notes: ParseNote[] = [];
  let feeUnit: string | null = null;
  let found = false;
  let header: string[] = [];
  const joined = joinCellRuns(lines);
  let columns: Columns | undefined | null = null;
  for (const row of joined) {
    const { text } = row;
    // an empty line holds neither a heading nor a row
    if (text === '') continue;
    if (text.includes('收费金额')) feeUnit = unitOf(text) ?? feeUnit;
    if (startsAfterSpaces(text, INFO_HEAD)) header = headingCells(text);
    const start = leadingChars(text, KEY_CHARS);
    if (!ANY_KEY.test(start)) continue;
    const s = splitLine(text);
    // digits glued to the label (行政规范性文件12047) are the row's cells run together
    const gluedTail = s.cells.length === 0 ? GLUED_TAIL.exec(s.label) : null;
    if (gluedTail) {
      s.label = gluedTail[1]!;
      s.cells = [readCell(gluedTail[2]!)];
    }
    const spec = rowOf(s.label);
    if (!spec || s.label.length > 12 || values[spec.fields[0]!] !== null) continue;
    found = true;
    const cells: CellValue[] = s.cells.slice(0, spec.fields.length);
    const nums = cells.filter((c) => c.kind === 'number');
    if (spec.fields.length === 3 && nums.length === 1 && s.cells.length === 1 && (gluedTail || s.tabbed)) {
      const glued = splitGlued([nums[0]!.raw], 3, stockHolds);
      if (glued.length > 0) {
        const single = glued.length === 1 ? glued[0]! : undefined;
        spec.fields.forEach((f, i) => {
          values[f] = single ? single[i]! : null;
        });
        notes.push({
          rule: 'PW-05',
          severity: 'warning',
          fields: spec.fields,
          message: single
            ? `“${s.label}”行数字“${nums[0]!.raw}”疑似多格粘连，已拆分为${single.join(' | ')}`
            : `“${s.label}”行数字“${nums[0]!.raw}”疑似多格粘连，可拆分为${glued.map((g) => g.join('|')).join('、')}，无法唯一确定，暂不取值`,
        });
        continue;
      }
    }
    const trial = readTrialFormat(
      header,
      spec.fields,
      s.tabbed ? s.cells : s.cells.filter((c) => c.kind === 'number'),
    );
    if (trial) {
      Object.assign(values, trial);
      continue;
    }
    // a space-aligned 规章/规范性文件 row with blank cells: its numbers' columns say which
    const short = !s.tabbed && spec.fields.length === 3 && nums.length < 3;
    if (short && columns === null) columns = docColumns(joined);
    const byPosition = short && columns ? placeByColumns(row, columns) : undefined;
    // fewer numbers than columns and no positions: the first follows its label, but which later
    // cell is missing is unknown, so the later cells are null (never shifted left)
    const unplaced = !s.tabbed && !byPosition && nums.length > 0 && nums.length < spec.fields.length;
    spec.fields.forEach((f, i) => {
      const c = byPosition ? byPosition[i] : s.tabbed ? cells[i] : nums[i];
      values[f] = unplaced && i > 0 ? null : c?.kind === 'number' ? c.value : isGarbledNumber(c) ? null : 0;
      if (!(unplaced && i > 0) && c?.kind !== 'number' && !isGarbledNumber(c)) blanks.push(f);
      if (isGarbledNumber(c)) {
        const col = getField(f)?.col ?? f;
        notes.push({
          rule: 'PW-06',
          severity: 'warning',
          fields: [f],
          message: garbledMessage(s.label, col, c!.raw),
        });
      }
    });
    if (spec.fields[0] === 'active.admin_fee') {
      const raw = cells[0]?.raw ?? '';
      feeUnit = unitOf(raw) ?? feeUnit;
    }
    if (unplaced) {
      notes.push({
        rule: 'PW-01',
        severity: 'warning',
        fields: spec.fields,
        message: `表二“${s.label}”行仅印出${nums.length}个数值（${nums.map((c) => c.raw).join(' ')}），应为${spec.fields.length}个，缺格位置无法确定，仅取首格，其余暂不取值`,
      });
    }
  }
  return { values, blanks, notes, found, feeUnit };
}

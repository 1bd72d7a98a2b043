/** Splitting a table line into a label and its value cells. */

/** Cell text that means "left blank" (docs/parse-warnings.md, PW-06). */
const PLACEHOLDER = /^(?:[/\\—–\-－_]+|无|不适用)$/;
/** The characters a PLACEHOLDER starts with. */
const PLACEHOLDER_FIRST = new Set([...'/\\—–-－_无不']);
const isDigit = (c: number) => c >= 48 && c <= 57;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const PLAIN_INT = /^\d{1,15}$/;
const GROUPED = /^-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/;
/** A unit after a cell's number, and the last characters of those units. */
const CELL_UNIT = /\s*(?:万元|元|件|个|条|项)$/;
const UNIT_LAST = new Set(['元', '件', '个', '条', '项']);

/**
 * Digits with a stray character among them (a NUL or other control character, kept as U+FFFD by
 * normalise, or a letter): not a clean number. Such a cell is null with a PW-06 warning, never a
 * guess (`11\0 4` is neither 114 nor 11).
 */
const GARBLED_NUMBER = /^\d+(?:[^\d\s.,，、]+\d+)+$/u;

export type CellValue =
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'blank'; raw: string }
  | { kind: 'text'; raw: string };

export interface SplitLine {
  /** Label text before the values (whitespace removed). */
  label: string;
  /** Value cells after the label; in tab layout blanks are kept, otherwise only numbers. */
  cells: CellValue[];
  /** Tab layout only: the value cells with trailing blanks kept (their positions are columns). */
  slots: CellValue[];
  tabbed: boolean;
}

/** Reads one cell: numbers (with grouping or a 万元/件 suffix), placeholders, or text. */
export function readCell(raw: string): CellValue {
  const s = raw.trim();
  if (s === '') return { kind: 'blank', raw: s };
  const first = s.charCodeAt(0);
  // fast path: a plain non-negative integer, the commonest cell by far
  if (isDigit(first) && PLAIN_INT.test(s)) return { kind: 'number', value: Number(s), raw: s };
  if (PLACEHOLDER_FIRST.has(s[0]!) && PLACEHOLDER.test(s)) return { kind: 'blank', raw: s };
  // a number starts with a digit or a minus sign: label text is known without the number patterns
  if (!isDigit(first) && s[0] !== '-') return { kind: 'text', raw: s };
  // only a cell ending in a unit word needs the unit stripped
  const stripped = UNIT_LAST.has(s.at(-1)!) ? s.replace(CELL_UNIT, '') : s;
  if (NUMBER.test(stripped)) return { kind: 'number', value: Number(stripped), raw: s };
  if (GROUPED.test(stripped))
    return { kind: 'number', value: Number(stripped.replace(/[,，]/g, '')), raw: s };
  return { kind: 'text', raw: s };
}

const SPACE_RUN = /\s+/g;
const TOKEN = /\S+/g;

/**
 * Splits a line into label and trailing value cells. Tab-separated lines keep blank cells;
 * space-separated lines yield only the trailing run of numbers (blanks vanished upstream).
 */
export function splitLine(line: string): SplitLine {
  if (line.includes('\t')) {
    const parts = line.split('\t');
    const cells = parts.map(readCell);
    let start = cells.length;
    // the label ends at the last text cell (trailing blanks and numbers are values); a spoilt
    // number (isGarbledNumber) is a value cell, not part of the label
    while (start > 0 && (cells[start - 1]!.kind !== 'text' || isGarbledNumber(cells[start - 1]))) start--;
    // leading blanks after the label are kept: the caller decides whether they are columns
    const values = cells.slice(start);
    const label = start === 1 ? parts[0]! : parts.slice(0, start).join('');
    return {
      label: label.replace(SPACE_RUN, ''),
      cells: trimTrailing(values),
      slots: values,
      tabbed: true,
    };
  }
  const tokens = line.match(TOKEN) ?? [];
  const cells: CellValue[] = [];
  let start = tokens.length;
  // only the trailing run of numbers counts: "1.属于" starts a label, it is not a value
  while (start > 0) {
    const cell = readCell(tokens[start - 1]!);
    if (cell.kind !== 'number') break;
    cells.push(cell);
    start--;
  }
  cells.reverse();
  return {
    label: start === 1 ? tokens[0]! : tokens.slice(0, start).join(''),
    cells,
    slots: cells,
    tabbed: false,
  };
}

export function trimTrailing(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.kind === 'blank') end--;
  return cells.slice(0, end);
}

/** True for a text cell that is a number spoilt by a stray character (GARBLED_NUMBER). */
export function isGarbledNumber(cell: CellValue | undefined): boolean {
  return cell?.kind === 'text' && GARBLED_NUMBER.test(cell.raw);
}

/** The PW-06 message for a spoilt number cell. */
export function garbledMessage(row: string, col: string, raw: string): string {
  return `“${row}—${col}”单元格内容“${raw}”不是干净的数字（含异常字符），暂不取值`;
}

/** The values of the number cells, in order. */
export function numbersOf(cells: readonly CellValue[]): number[] {
  const out: number[] = [];
  for (const c of cells) if (c.kind === 'number') out.push(c.value);
  return out;
}

export function countNumbers(cells: readonly CellValue[]): number {
  let n = 0;
  for (const c of cells) if (c.kind === 'number') n++;
  return n;
}

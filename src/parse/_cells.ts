import { isDigit } from './_chars.ts';

/** Splitting a table line into a label and its value cells. */

/** Cell text that means "left blank" (docs/parse-warnings.md, PW-06). */
const PLACEHOLDER = /^(?:[/\\—–\-－_]+|无|不适用)$/;
/**
 * Character classes by UTF-16 code, one bit each: a typed-array read is some 3× quicker than a Set
 * lookup, and a one-character string of CJK text would be a new string.
 */
const CLASSES = new Uint8Array(0x10000);
const PLACEHOLDER_FIRST = classOf('/\\—–-－_无不', 1);
const MINUS = 0x2d;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** Longest plain integer read on the fast path (digits; longer ones go through NUMBER). */
const MAX_PLAIN_DIGITS = 15;

/**
 * The value of `s` when it is 1 to MAX_PLAIN_DIGITS digits (exact: below 2^53), else -1. Read in
 * the loop that checks the digits: Number(s) on a string not yet a number costs a runtime call.
 */
function plainIntOf(s: string): number {
  if (s.length === 0 || s.length > MAX_PLAIN_DIGITS) return -1;
  let value = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}
const GROUPED = /^-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/;
/** A unit after a cell's number, and the last characters of those units. */
const CELL_UNIT = /\s*(?:万元|元|件|个|条|项)$/;
const UNIT_LAST = classOf('元件个条项', 2);

/** The characters a PLACEHOLDER ends with. */
const PLACEHOLDER_LAST = classOf('/\\—–-－_无用', 4);

/** Whether a cell ending in `c` may be a number (readCell: digits, then perhaps a unit). */
function mayEndNumber(c: number): boolean {
  return isDigit(c) || isOf(c, UNIT_LAST);
}

/** Whether a tab cell ending in `c` may be a value: a number, a placeholder or whitespace. */
function mayEndValue(c: number): boolean {
  // whitespace first: it is the tab before an empty cell, the commonest end by far
  return isSpace(c) || mayEndNumber(c) || isOf(c, PLACEHOLDER_LAST);
}

/** Marks the characters of `chars` as members of the class `bit` (in CLASSES), and returns it. */
function classOf(chars: string, bit: number): number {
  for (let i = 0; i < chars.length; i++) CLASSES[chars.charCodeAt(i)]! |= bit;
  return bit;
}

/** Whether the character of code `c` is in the class `bit`. */
function isOf(c: number, bit: number): boolean {
  return (CLASSES[c]! & bit) !== 0;
}

/**
 * Digits with a stray character among them (a NUL or other control character, kept as U+FFFD by
 * normalise, or a letter): not a clean number. Such a cell is null with a PW-06 warning, never a
 * guess (`11\0 4` is neither 114 nor 11).
 */
const GARBLED_NUMBER = /^\d+(?:[^\d\s.,，、]+\d+)+$/u;

/** A cell as read; read-only: the blank and one-digit cells are shared by every line of every parse. */
export type CellValue =
  | { readonly kind: 'number'; readonly value: number; readonly raw: string }
  | { readonly kind: 'blank'; readonly raw: string }
  | { readonly kind: 'text'; readonly raw: string };

export interface SplitLine {
  /** Label text before the values (whitespace removed). */
  label: string;
  /** Value cells after the label; in tab layout blanks are kept, otherwise only numbers. */
  cells: CellValue[];
  /** Tab layout only: the value cells with trailing blanks kept (their positions are columns). */
  slots: CellValue[];
  tabbed: boolean;
}

/**
 * An empty cell, shared by every line (cells are never changed once read). Not frozen: a frozen
 * object has a map of its own, one more shape at every site reading a cell.
 */
const EMPTY_CELL: CellValue = { kind: 'blank', raw: '' };

/** The cells of one digit, shared by every line like EMPTY_CELL (a full table is mostly 0s). */
const DIGIT_CELLS: readonly CellValue[] = Array.from({ length: 10 }, (_, d) => ({
  kind: 'number',
  value: d,
  raw: String(d),
}));

/** Reads the cell `line.slice(begin, end)`: a one-digit cell (most cells) without slicing it. */
function readCellAt(line: string, begin: number, end: number): CellValue {
  const c = line.charCodeAt(begin);
  return end - begin === 1 && isDigit(c) ? DIGIT_CELLS[c - 48]! : readCell(line.slice(begin, end));
}

/** Reads one cell: numbers (with grouping or a 万元/件 suffix), placeholders, or text. */
export function readCell(raw: string): CellValue {
  // most cells have no surrounding whitespace
  const s = isSpace(raw.charCodeAt(0)) || isSpace(raw.charCodeAt(raw.length - 1)) ? raw.trim() : raw;
  if (s === '') return { kind: 'blank', raw: s };
  const first = s.charCodeAt(0);
  // fast path: a plain non-negative integer, the commonest cell by far
  const plain = plainIntOf(s);
  if (plain >= 0) return { kind: 'number', value: plain, raw: s };
  if (isOf(first, PLACEHOLDER_FIRST) && PLACEHOLDER.test(s)) return { kind: 'blank', raw: s };
  // a number starts with a digit or a minus sign: label text is known without the number patterns
  if (!isDigit(first) && first !== MINUS) return { kind: 'text', raw: s };
  // only a cell ending in a unit word needs the unit stripped
  const stripped = isOf(s.charCodeAt(s.length - 1), UNIT_LAST) ? s.replace(CELL_UNIT, '') : s;
  // a number ends with a digit: a label such as "2. 重复申请" needs no number pattern
  if (!isDigit(stripped.charCodeAt(stripped.length - 1))) return { kind: 'text', raw: s };
  if (NUMBER.test(stripped)) return { kind: 'number', value: Number(stripped), raw: s };
  if (GROUPED.test(stripped))
    return { kind: 'number', value: Number(stripped.replace(/[,，]/g, '')), raw: s };
  return { kind: 'text', raw: s };
}

/** The UTF-16 units regex `\s` matches (WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  // CJK text (U+3001 on) is answered by one more test
  if (c > 0x3000) return c === 0xfeff;
  if (c < 0x2000) return c === 0xa0 || c === 0x1680;
  return c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** `s` with its whitespace removed (most labels have none: they are returned as they are). */
export function withoutSpaces(s: string): string {
  return compactSlice(s, 0, s.length);
}

/**
 * `s.slice(from, to)` with its whitespace removed, cut from `s` itself: leading and trailing
 * whitespace (a tab row's empty label cells) are skipped by index, so no slice is made to be trimmed.
 */
export function compactSlice(s: string, from: number, to: number): string {
  while (from < to && isSpace(s.charCodeAt(from))) from++;
  while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
  for (let i = from; i < to; i++) if (isSpace(s.charCodeAt(i))) return joinSpaceless(s, from, i, to);
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

/**
 * The pieces of `s.slice(from, to)` between its whitespace joined, `s[first]` being its first
 * whitespace: for a short label some 1.3× quicker than a global regex replace, whose call costs
 * more than the copy.
 */
function joinSpaceless(s: string, from: number, first: number, to: number): string {
  let out = s.slice(from, first);
  let start = first + 1;
  for (let i = start; i < to; i++) {
    if (!isSpace(s.charCodeAt(i))) continue;
    if (i > start) out += s.slice(start, i);
    start = i + 1;
  }
  return start < to ? out + s.slice(start, to) : out;
}

/**
 * Splits a line into label and trailing value cells. Tab-separated lines keep blank cells;
 * space-separated lines yield only the trailing run of numbers (blanks vanished upstream).
 * Cells are read from the line's end and only as far as the label: label text is never read as cells.
 */
export function splitLine(line: string): SplitLine {
  if (line.includes('\t')) {
    const values: CellValue[] = [];
    // `end` moves back cell by cell; the label is the text before the last text cell's end
    let end = line.length;
    let labelEnd = 0;
    for (;;) {
      // a cell ending in a character no number or blank ends with is the label's last cell: it
      // need not be found or read
      if (end > 0 && !mayEndValue(line.charCodeAt(end - 1))) {
        labelEnd = end;
        break;
      }
      // a loop, not lastIndexOf: V8 runs lastIndexOf in its runtime, several times slower here
      let tab = end - 1;
      while (tab >= 0 && line.charCodeAt(tab) !== 9) tab--;
      // most cells of a tab grid are empty: one shared blank, nothing sliced or read
      const cell = tab === end - 1 ? EMPTY_CELL : readCellAt(line, tab + 1, end);
      // the label ends at the last text cell (trailing blanks and numbers are values); a spoilt
      // number (isGarbledNumber) is a value cell, not part of the label
      if (cell.kind === 'text' && !isGarbledNumber(cell)) {
        labelEnd = end;
        break;
      }
      values.push(cell);
      if (tab < 0) break;
      end = tab;
    }
    // leading blanks after the label are kept: the caller decides whether they are columns
    values.reverse();
    return {
      label: compactSlice(line, 0, labelEnd),
      cells: trimTrailing(values),
      slots: values,
      tabbed: true,
    };
  }
  const cells: CellValue[] = [];
  // `end` moves back over whitespace-separated tokens while they are numbers
  let end = line.length;
  for (;;) {
    while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
    // a token ending in neither a digit nor a unit is no number: the label's last word is not read
    if (end === 0 || !mayEndNumber(line.charCodeAt(end - 1))) break;
    let begin = end;
    while (begin > 0 && !isSpace(line.charCodeAt(begin - 1))) begin--;
    // only the trailing run of numbers counts: "1.属于" starts a label, it is not a value
    const cell = readCellAt(line, begin, end);
    if (cell.kind !== 'number') break;
    cells.push(cell);
    end = begin;
  }
  cells.reverse();
  return { label: compactSlice(line, 0, end), cells, slots: cells, tabbed: false };
}

/** The cells without their trailing blanks (the same array when it has none). */
export function trimTrailing(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.kind === 'blank') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** True for a text cell that is a number spoilt by a stray character (GARBLED_NUMBER). */
export function isGarbledNumber(cell: CellValue | undefined): boolean {
  // the pattern starts and ends with digits: most text cells (labels) are known without it
  return (
    cell?.kind === 'text' &&
    isDigit(cell.raw.charCodeAt(0)) &&
    isDigit(cell.raw.charCodeAt(cell.raw.length - 1)) &&
    GARBLED_NUMBER.test(cell.raw)
  );
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

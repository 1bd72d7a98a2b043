import { readChineseNumber } from '../domain/index.ts';
import { CHINESE_NUMERALS, code, isDigit } from './_chars.ts';

/** Narrative step 2: the figures of a clause (Arabic or Chinese numerals, 万, units, approximations). */

export const COUNT_UNITS = new Set(['件', '条', '个', '起', '宗', '项', '份', '次', '人次']);

export interface NumToken {
  start: number;
  end: number;
  value: number;
  unit: string;
  approx: boolean;
}

/** 一万二千 → 12000: the shared reader stops at 千. */
export function readChineseCount(num: string): number | null {
  const at = num.indexOf('万');
  if (at < 0) return readChineseNumber(num);
  const high = readChineseNumber(num.slice(0, at));
  const low = readChineseNumber(num.slice(at + 1));
  return high === null || low === null ? null : high * 1e4 + low;
}

/** Characters before a Chinese numeral that make it an ordinal or a determiner (第三次, 每一件). */
const NOT_A_COUNT_AFTER = new Set([...'第每逐这那哪'].map(code));
/** Words that make a figure approximate: before it by their last character, after it by their first. */
const APPROX_BEFORE = new Map(['约', '近', '超过', '逾'].map((w) => [code(w.slice(-1)), w]));
const APPROX_AFTER = new Map(['左右', '以上'].map((w) => [code(w), w]));
/** What starts a figure, by UTF-16 code unit (0: nothing). */
const DIGIT = 1;
const NUMERAL = 2;
const START = new Uint8Array(0x10000);
for (const c of '0123456789') START[code(c)] = DIGIT;
for (const c of CHINESE_NUMERALS) START[code(c)] = NUMERAL;
const isNumeral = (c: number) => START[c] === NUMERAL;
const WAN = code('万');
const DOT = code('.');
const APPROX_MARKS = new Set([code('余'), code('多')]);

/** The units a figure may carry, tried in this order (人次 before 人); the longer ones by hand in unitAt. */
const UNITS = ['人次', '场次', '万人次', ...'件条个起宗项份次篇家期场元户人所名%'];
/** Each unit's index in UNITS plus one, by its first character (0: none); 人 and 场 are the one-character ones. */
const UNIT_BY_FIRST = new Uint8Array(0x10000);
for (let i = UNITS.length - 1; i >= 0; i--)
  if (UNITS[i]!.length === 1) UNIT_BY_FIRST[code(UNITS[i]!)] = i + 1;
/** A unit with 万 before it: interned, so no string is built per figure. */
const WAN_UNITS = new Map(UNITS.map((u) => [u, `万${u}`]));
const REN = code('人');
const CHANG = code('场');
const CI = code('次');

/** The unit at `i` of `s` (the first in UNITS that is there), or undefined. */
function unitAt(s: string, i: number): string | undefined {
  const c = s.charCodeAt(i);
  if (s.charCodeAt(i + 1) === CI && (c === REN || c === CHANG)) return c === REN ? '人次' : '场次';
  if (c === WAN) return s.startsWith('人次', i + 1) ? '万人次' : undefined;
  const at = UNIT_BY_FIRST[c]!;
  return at === 0 ? undefined : UNITS[at - 1];
}

/** The end of the run of characters `inRun` accepts from `i`. */
function runEnd(s: string, i: number, inRun: (c: number) => boolean): number {
  while (i < s.length && inRun(s.charCodeAt(i))) i++;
  return i;
}

/**
 * The end of the numeral at `start`: digits with a decimal part (\d+(?:\.\d+)?), or Chinese
 * numerals with a 万 part ([零…千]+(?:万[零…千]+)?).
 */
function numeralEnd(s: string, start: number, arabic: boolean): number {
  const inRun = arabic ? isDigit : isNumeral;
  const end = runEnd(s, start, inRun);
  const joint = arabic ? DOT : WAN;
  return s.charCodeAt(end) === joint && inRun(s.charCodeAt(end + 1)) ? runEnd(s, end + 1, inRun) : end;
}

/** The value of the Arabic numeral s[start, end): short whole numbers summed digit by digit (no string). */
function readArabic(s: string, start: number, end: number): number {
  if (end - start > 15) return Number(s.slice(start, end));
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    // a decimal part: Number reads it (digit sums could round differently)
    if (c === DOT) return Number(s.slice(start, end));
    value = value * 10 + (c - 48);
  }
  return value;
}

/** Code units of a clause handed over without them (listItems, tests), reused. */
let scratch = new Uint16Array(256);
function codeUnitsOf(s: string): Uint16Array {
  if (scratch.length < s.length) scratch = new Uint16Array(s.length * 2);
  for (let i = 0; i < s.length; i++) scratch[i] = s.charCodeAt(i);
  return scratch;
}

/**
 * The figures of `clause`, read from `from` on: the caller may know where its first digit or numeral is,
 * and hand over the clause's code units (at `offset` of `units`: joinLines' buffer), which the search
 * for figures reads at half the cost of charCodeAt on the string.
 * Read by code unit, as the regex NUM_RE of test/parse/narrative-numbers.test.ts matches (a differential
 * test checks every clause of data/reports): numeral, 万, 余/多, 万, unit, each but the numeral optional.
 * The regex cost a result array and a string per group for each figure, most of them an 一 of 一是.
 */
export function findNumbers(
  clause: string,
  from = 0,
  units: Uint16Array = codeUnitsOf(clause),
  offset = 0,
): NumToken[] {
  const out: NumToken[] = [];
  for (let i = from; i < clause.length; ) {
    const kind = START[units[offset + i]!];
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    const arabic = kind === DIGIT;
    const numEnd = numeralEnd(clause, start, arabic);
    let end = numEnd;
    let wan = false;
    let approxMark = false;
    if (clause.charCodeAt(end) === WAN) {
      wan = true;
      end++;
    }
    if (APPROX_MARKS.has(clause.charCodeAt(end))) {
      approxMark = true;
      end++;
    }
    if (clause.charCodeAt(end) === WAN) {
      wan = true;
      end++;
    }
    const unitRaw = unitAt(clause, end);
    if (unitRaw) end += unitRaw.length;
    // the next figure is looked for after this one, kept or not
    i = end;
    const prev = start > 0 ? clause.charCodeAt(start - 1) : -1;
    if (!arabic && (!unitRaw || !COUNT_UNITS.has(unitRaw) || NOT_A_COUNT_AFTER.has(prev))) continue;
    // inside a longer number (after a digit or a decimal point)
    if (arabic && (isDigit(prev) || prev === DOT)) continue;
    const value = arabic ? readArabic(clause, start, numEnd) : readChineseCount(clause.slice(start, numEnd));
    if (value === null) continue;
    const unit =
      unitRaw === undefined
        ? ''
        : wan && unitRaw !== '%' && !unitRaw.startsWith('万')
          ? WAN_UNITS.get(unitRaw)!
          : unitRaw;
    const wordBefore = APPROX_BEFORE.get(prev);
    const wordAfter = APPROX_AFTER.get(clause.charCodeAt(end));
    const approx =
      approxMark ||
      (wordAfter !== undefined && clause.startsWith(wordAfter, end)) ||
      (wordBefore !== undefined && clause.endsWith(wordBefore, start));
    out.push({ start, end, value, unit, approx });
  }
  inheritUnits(clause, out);
  return out;
}

/**
 * 部门动态 43、通知公告 126 条: a bare number in a list takes the unit of the next figure (its own
 * unit: the tokens are edited in text order, each before the one it reads).
 */
function inheritUnits(clause: string, tokens: NumToken[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (t.unit || !next.unit || clause[t.end] !== '、' || next.start - t.end > 15) continue;
    if (!/[\u4e00-\u9fa5]$/.test(clause.slice(Math.max(0, t.start - 1), t.start))) continue;
    t.unit = next.unit;
  }
}

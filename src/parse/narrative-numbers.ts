import { readChineseNumber } from '../domain/index.ts';

/** Narrative step 2: the figures of a clause (Arabic or Chinese numerals, 万, units, approximations). */

export const COUNT_UNITS = new Set(['件', '条', '个', '起', '宗', '项', '份', '次', '人次']);
const NUM_RE =
  /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:万[零〇一二两三四五六七八九十百千]+)?)(万)?(余|多)?(万)?(人次|场次|万人次|件|条|个|起|宗|项|份|次|篇|家|期|场|元|户|人|所|名|%)?/g;

export interface NumToken {
  start: number;
  end: number;
  value: number;
  unit: string;
  approx: boolean;
}

/** 一万二千 → 12000: the shared reader stops at 千. */
function readChineseCount(num: string): number | null {
  const at = num.indexOf('万');
  if (at < 0) return readChineseNumber(num);
  const high = readChineseNumber(num.slice(0, at));
  const low = readChineseNumber(num.slice(at + 1));
  return high === null || low === null ? null : high * 1e4 + low;
}

const code = (c: string) => c.charCodeAt(0);
/** Characters before a Chinese numeral that make it an ordinal or a determiner (第三次, 每一件). */
const NOT_A_COUNT_AFTER = new Set([...'第每逐这那哪'].map(code));
/** Words that make a figure approximate: before it by their last character, after it by their first. */
const APPROX_BEFORE = new Map(['约', '近', '超过', '逾'].map((w) => [code(w.slice(-1)), w]));
const APPROX_AFTER = new Map(['左右', '以上'].map((w) => [code(w), w]));
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The figures of `clause`, read from `from` on: the caller may know where its first digit or numeral is. */
export function findNumbers(clause: string, from = 0): NumToken[] {
  const out: NumToken[] = [];
  NUM_RE.lastIndex = from;
  // exec in a loop, the groups read by index: no array of matches, no destructuring iterator
  for (let m = NUM_RE.exec(clause); m; m = NUM_RE.exec(clause)) {
    const num = m[1]!;
    const unitRaw = m[5];
    const start = m.index;
    const end = start + m[0].length;
    // the context is read by character: a regex per test on a two-character slice cost more than the rest
    const arabic = isDigit(num.charCodeAt(0));
    const prev = start > 0 ? clause.charCodeAt(start - 1) : -1;
    if (!arabic && (!unitRaw || !COUNT_UNITS.has(unitRaw) || NOT_A_COUNT_AFTER.has(prev))) continue;
    // inside a longer number (after a digit or a decimal point)
    if (arabic && (isDigit(prev) || prev === 0x2e)) continue;
    const value = arabic ? Number(num) : readChineseCount(num);
    if (value === null) continue;
    const wan = m[2] ?? m[4] ?? '';
    const unit = unitRaw && unitRaw !== '%' && !unitRaw.startsWith('万') ? wan + unitRaw : (unitRaw ?? '');
    const wordBefore = APPROX_BEFORE.get(prev);
    const wordAfter = APPROX_AFTER.get(clause.charCodeAt(end));
    const approx =
      m[3] !== undefined ||
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

import { readChineseNumber, rewriteChineseYears } from '../domain/index.ts';
import type { YearSpec } from './types.ts';

export interface YearMatch {
  years: YearSpec;
  /** Question text with the year words blanked out. */
  rest: string;
  /** 今年/去年/前年 and the year each was read as. */
  relative: { word: string; year: number }[];
  /** 近三年: how many years back from the newest report (the bodies asked about may have older ones). */
  recent?: number;
}

const RANGE = /((?:19|20)\d{2})\s*年?\s*(?:-|–|—|~|～|到|至|and|to)\s*((?:19|20)\d{2})\s*年?/;
const RECENT = /(?:近|最近|过去)\s*([两二三四五六七八九十]|\d+)\s*年/;
const FULL = /(?<!\d)((?:19|20)\d{2})(?!\d)\s*年?(?:度)?/g;
const SHORT = /(?<![\d.])(\d{2})\s*年(?:度)?/;

/**
 * Reads the years a question names: 今年/去年/前年 count from `currentYear` (today's, injected);
 * 近三年 counts back from the newest report held.
 */
export function matchYears(question: string, newestYear: number | null, currentYear: number): YearMatch {
  const { text, into } = carryInto(rewriteChineseYears(question));
  const found = readYears(text, newestYear, currentYear);
  // 结转到2025年 with no other year: the carry-over into 2025 is a figure of the 2024 report
  const years: YearSpec =
    into !== undefined && found.years.kind === 'none' ? { kind: 'year', year: into - 1 } : found.years;
  return { relative: [], ...found, years };
}

/** A carry-over into a year: 结转到2025年, 转入2025年度. */
const CARRY_INTO = /(结?转(?:到|至|入))\s*((?:19|20)\d{2})\s*年度?/;

/** 结转到2025年 → 结转到下一年 (the metric word; positions kept), and the year it goes into. */
function carryInto(q: string): { text: string; into?: number } {
  const m = CARRY_INTO.exec(q);
  if (!m) return { text: q };
  const word = `${m[1]}下一年`;
  const text = q.slice(0, m.index) + word.padEnd(m[0].length) + q.slice(m.index + m[0].length);
  return { text, into: Number(m[2]) };
}

function readYears(
  question: string,
  newestYear: number | null,
  currentYear: number,
): Omit<YearMatch, 'relative'> & { relative?: YearMatch['relative'] } {
  let q = rewriteChineseYears(question);
  const blank = (m: RegExpExecArray | RegExpMatchArray) => {
    const at = m.index ?? 0;
    q = q.slice(0, at) + ' '.repeat(m[0].length) + q.slice(at + m[0].length);
  };
  const range = RANGE.exec(q);
  if (range) {
    blank(range);
    const a = Number(range[1]);
    const b = Number(range[2]);
    return { years: { kind: 'range', from: Math.min(a, b), to: Math.max(a, b) }, rest: q };
  }
  const recent = RECENT.exec(q);
  if (recent && newestYear !== null) {
    blank(recent);
    const n = readChineseNumber(recent[1]!) ?? Number(recent[1]);
    return { years: { kind: 'range', from: newestYear - n + 1, to: newestYear }, rest: q, recent: n };
  }
  const full = [...q.matchAll(FULL)];
  const distinct = new Set(full.map((m) => Number(m[1])));
  if (distinct.size >= 2) {
    for (const m of full) blank(m);
    const ys = [...distinct];
    return { years: { kind: 'range', from: Math.min(...ys), to: Math.max(...ys) }, rest: q };
  }
  if (full.length >= 2) for (const m of full.slice(1)) blank(m);
  if (full[0]) {
    blank(full[0]);
    return { years: { kind: 'year', year: Number(full[0][1]) }, rest: q };
  }
  const short = SHORT.exec(q);
  if (short) {
    blank(short);
    return { years: { kind: 'year', year: 2000 + Number(short[1]) }, rest: q };
  }
  const relative = [...q.matchAll(/大前年|今年|去年|前年|本年度|上一年(?!度)/g)];
  if (relative.length > 0) {
    for (const m of relative) blank(m);
    const back: Record<string, number> = { 去年: 1, 上一年: 1, 前年: 2, 大前年: 3 };
    // 去年和前年: both years asked, so the range between them.
    const read = relative.map((m) => ({ word: m[0], year: currentYear - (back[m[0]] ?? 0) }));
    const ys = read.map((r) => r.year);
    const from = Math.min(...ys);
    const to = Math.max(...ys);
    return {
      years: from === to ? { kind: 'year', year: from } : { kind: 'range', from, to },
      rest: q,
      relative: read,
    };
  }
  // 哪一年最多: every year held, to be compared (哪年的年报 asks which reports there are)
  const all = /历年|逐年|每年|各年|所有年份|历史|(?:哪一?年|哪个年份?)(?=[^报]{0,12}?(?:多|少|高|低))/.exec(
    q,
  );
  if (all) {
    blank(all);
    return { years: { kind: 'all' }, rest: q };
  }
  const latest = /最新|最近一年|最近的/.exec(q);
  if (latest) {
    blank(latest);
    return { years: { kind: 'latest' }, rest: q };
  }
  return { years: { kind: 'none' }, rest: q };
}

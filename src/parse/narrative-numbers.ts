import { readChineseNumber } from '../domain/index.ts';
import { allMatches } from './_matches.ts';

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

export function findNumbers(clause: string): NumToken[] {
  const out: NumToken[] = [];
  for (const m of allMatches(NUM_RE, clause)) {
    const [all, num = '', wan1, more, wan2, unitRaw] = m;
    const arabic = /\d/.test(num);
    // the few characters before the number (a /…$/ test on the whole prefix would rescan it)
    const before = clause.slice(Math.max(0, m.index - 2), m.index);
    if (!arabic && (!unitRaw || !COUNT_UNITS.has(unitRaw) || /[第每逐这那哪]$/.test(before))) continue;
    if (arabic && /[\d.]$/.test(before)) continue;
    const value = arabic ? Number(num) : readChineseCount(num);
    if (value === null) continue;
    const wan = wan1 ?? wan2 ?? '';
    const unit = unitRaw && unitRaw !== '%' && !unitRaw.startsWith('万') ? wan + unitRaw : (unitRaw ?? '');
    const after = clause.slice(m.index + all.length);
    const approx = Boolean(more) || /^(?:左右|以上)/.test(after) || /(?:约|近|超过|逾)$/.test(before);
    out.push({ start: m.index, end: m.index + all.length, value, unit, approx });
  }
  return inheritUnits(clause, out);
}

/** 部门动态 43、通知公告 126 条: a bare number in a list takes the unit of the next figure. */
function inheritUnits(clause: string, tokens: NumToken[]): NumToken[] {
  return tokens.map((t, i) => {
    const next = tokens[i + 1];
    if (t.unit || !next?.unit || clause[t.end] !== '、' || next.start - t.end > 15) return t;
    if (!/[\u4e00-\u9fa5]$/.test(clause.slice(Math.max(0, t.start - 1), t.start))) return t;
    return { ...t, unit: next.unit };
  });
}

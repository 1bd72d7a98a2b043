import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COUNT_UNITS,
  findNumbers,
  type NumToken,
  readChineseCount,
} from '../../src/parse/narrative-numbers.ts';
import { joinLines } from '../../src/parse/narrative-text.ts';
import { REPORTS_DIR } from '../helpers.ts';

/** The regex findNumbers read figures with before its code-unit scan: the reference it must agree with. */
const NUM_RE =
  /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:万[零〇一二两三四五六七八九十百千]+)?)(万)?(余|多)?(万)?(人次|场次|万人次|件|条|个|起|宗|项|份|次|篇|家|期|场|元|户|人|所|名|%)?/g;

/** findNumbers as it was with NUM_RE (before the units are inherited, which both share). */
function findNumbersByRegex(clause: string): NumToken[] {
  const out: NumToken[] = [];
  for (const m of clause.matchAll(NUM_RE)) {
    const [whole, num = '', w1, approxWord, w2, unitRaw] = m;
    const start = m.index;
    const end = start + whole.length;
    const arabic = /^\d/.test(num);
    const prev = clause[start - 1] ?? '';
    if (!arabic && (!unitRaw || !COUNT_UNITS.has(unitRaw) || '第每逐这那哪'.includes(prev || '-'))) continue;
    if (arabic && /[\d.]/.test(prev)) continue;
    const value = arabic ? Number(num) : readChineseCount(num);
    if (value === null) continue;
    const wan = w1 ?? w2 ?? '';
    const unit = unitRaw && unitRaw !== '%' && !unitRaw.startsWith('万') ? wan + unitRaw : (unitRaw ?? '');
    const approx =
      approxWord !== undefined ||
      /^(?:左右|以上)/.test(clause.slice(end)) ||
      /(?:约|近|超过|逾)$/.test(clause.slice(0, start));
    out.push({ start, end, value, unit, approx });
  }
  return out;
}

/** Both readers find the same figures; a bare list number may take its neighbour's unit after the scan. */
function agree(clause: string): void {
  const want = findNumbersByRegex(clause);
  const got = findNumbers(clause);
  expect(got.map(({ unit, ...t }) => t)).toEqual(want.map(({ unit, ...t }) => t));
  expect(got.map((t, i) => (want[i]!.unit === '' ? '' : t.unit))).toEqual(want.map((t) => t.unit));
}

describe('findNumbers reads what NUM_RE read', () => {
  it('on every clause of data/reports', () => {
    let clauses = 0;
    for (const f of readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.txt'))) {
      const prose = readFileSync(join(REPORTS_DIR, f), 'utf8')
        .split('\n')
        .map((text, i) => ({ text, line: i + 1 }));
      for (const clause of joinLines(prose).text.split(/[。；！？\n]/)) {
        agree(clause);
        clauses++;
      }
    }
    expect(clauses).toBeGreaterThan(3000);
  });

  it('on generated strings of numerals, 万, 余/多, units and their neighbours', () => {
    const alphabet = [...'0123456789.一二十百千万零〇两余多人次场件条元%第约近逾超过左右以上年，、'];
    // a fixed linear congruential sequence: the same strings on every run
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const length = 1 + (next() % 12);
      for (let i = 0; i < length; i++) s += alphabet[next() % alphabet.length];
      agree(s);
    }
  });

  it.each([
    ['受理1,2件', [1, 2]],
    ['5万万人次', [5]],
    ['12.5.3件', [12.5]],
    ['9007199254740993件', [Number('9007199254740993')]],
    ['0.1%', [0.1]],
    ['一万二千件', [12000]],
    ['第三次', []],
  ])('%j → %j', (clause, values) => {
    expect(findNumbers(clause).map((t) => t.value)).toEqual(values);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../src/parse/narrative.ts';
import { findNumbers } from '../../src/parse/narrative-numbers.ts';
import { joinLines } from '../../src/parse/narrative-text.ts';
import { seedFiles } from '../helpers.ts';

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

describe('joinLines: a heading number starts a paragraph (read on the code units, no regex)', () => {
  it.each([
    ['一、概述', true],
    ['十二、其他', true],
    ['（三）结转', true],
    ['(三)结转', true],
    [' （十一） 其他', true],
    ['1.概述', true],
    ['12、概述', true],
    ['２．概述', true],
    ['（）空括号', false],
    ['（三结转', false],
    ['（3）阿拉伯数字', false],
    ['一二三', false],
    ['三', false],
    ['12', false],
    ['1，概述', false],
    ['百、不是序号', false],
  ])('%j heading: %s', (line, heading) => {
    const { text } = joinLines(lines('前文', line));
    expect(text.includes('\n')).toBe(heading);
  });

  it.each([
    ['〸件', '十件'],
    ['〶邮编', '〒邮编'],
    ['〹〺年', '卄卅年'],
    ['〇、〃々〆', '〇、〃々〆'],
  ])('CJK marks NFKC maps are normalised: %j → %j', (line, want) => {
    expect(joinLines(lines(line)).text).toBe(want);
  });

  it('a heading number at the end of a line is cut there, not read on into the next line', () => {
    expect(joinLines(lines('前文', '（三', '）后文')).text).toBe('前文（三）后文');
    expect(joinLines(lines('前文', '3', '.5件')).text).toBe('前文3.5件');
  });
});

describe('extractNarrative: the clauses looked at (a digit, a Chinese count or a negation)', () => {
  const figures = (text: string) => extractNarrative(lines(text)).map((i) => [i.value, i.unit]);

  it.each([
    // the last clause needs no closing mark
    ['收到申请3件', [[3, '件']]],
    ['收到申请三件。其他', [[3, '件']]],
    ['收到申请三万余件。', [[3, '万件']]],
    ['第三次会议；两份材料！', [[2, '份']]],
    ['一是完善制度。二是十场培训。', []],
    ['一是完善制度；信息3条', [[3, '条']]],
    // 〸 is 十 after NFKC
    ['收到申请〸件', [[10, '件']]],
  ])('%j → %j', (text, want) => {
    expect(figures(text)).toEqual(want);
  });

  it.each([
    ['本年度没有收到政府信息公开申请', ['apply.new_received.total']],
    ['收到申请0件。全年无行政复议。', ['legal.review.total']],
    // 没 without 有 negates nothing
    ['没收到行政诉讼。', []],
  ])('zero claims in %j', (text, fields) => {
    const zero = extractNarrative(lines(text)).filter((i) => i.zeroClaim);
    expect(zero.map((i) => i.field)).toEqual(fields);
  });
});

describe('findNumbers from the first digit or numeral (where the clause scan starts it)', () => {
  it('reads the same figures as from the clause start, on every clause of the seeds', () => {
    let clauses = 0;
    for (const file of seedFiles()) {
      const prose = readFileSync(file, 'utf8')
        .split('\n')
        .map((text, i) => ({ text, line: i + 1 }));
      for (const clause of joinLines(prose).text.split(/[。；！？\n]/)) {
        const first = clause.search(/[0-9零〇一二两三四五六七八九十百千]/);
        if (first < 0) continue;
        clauses++;
        expect(findNumbers(clause, first)).toEqual(findNumbers(clause));
      }
    }
    expect(clauses).toBeGreaterThan(100);
  });
});

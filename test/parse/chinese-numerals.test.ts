import { describe, expect, it } from 'vitest';
import { readChineseNumber, rewriteChineseYears } from '../../src/parse/index.ts';

describe('readChineseNumber', () => {
  it.each([
    ['二十三', 23],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['一百零五', 105],
    ['三千二百', 3200],
    ['〇', 0],
    ['12', 12],
    ['', null],
    ['许多', null],
  ])('%s → %s', (text, want) => {
    expect(readChineseNumber(text)).toBe(want);
  });
});

describe('rewriteChineseYears', () => {
  it.each([
    ['二〇二四年', '2024年'],
    ['二零二三年度报告', '2023年度报告'],
    ['第一二三条', '第一二三条'],
  ])('%s → %s', (text, want) => {
    expect(rewriteChineseYears(text)).toBe(want);
  });
});

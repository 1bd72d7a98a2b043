import { describe, expect, it } from 'vitest';
import { readCell, splitLine } from '../../src/parse/_cells.ts';

const kinds = (line: string) => {
  const s = splitLine(line);
  return { label: s.label, cells: s.cells.map((c) => c.raw), slots: s.slots.map((c) => c.kind) };
};

describe('splitLine', () => {
  it.each([
    // tab rows: blanks kept, trailing blanks (placeholders too) trimmed from cells
    [
      '一、本年新收政府信息公开申请数量\t\t12\t10\t\t\t22',
      '一、本年新收政府信息公开申请数量',
      ['', '12', '10', '', '', '22'],
    ],
    ['\t(二) 部分公开\t\t\t\t\t', '(二)部分公开', []],
    ['三、本年度办理结果\t(一) 予以公开\t12\t10', '三、本年度办理结果(一)予以公开', ['12', '10']],
    ['\t5\t', '', ['', '5']],
    ['\t5\t\t', '', ['', '5']],
    ['\t\t', '', []],
    ['行政许可\t 1,234 \t—\t无', '行政许可', ['1,234']],
    // a spoilt number is a value cell, not label text
    ['行政处罚\t11\u00004\t3', '行政处罚', ['11\u00004', '3']],
    // space rows: only the trailing run of numbers, the label compacted
    ['1. 属于 国家秘密   0  2 3', '1.属于国家秘密', ['0', '2', '3']],
    ['  1.属于  ', '1.属于', []],
    ['规章\u30003\u00a04\u20095', '规章', ['3', '4', '5']],
    ['7 8', '', ['7', '8']],
    ['', '', []],
    // U+180E and U+0085 are not whitespace to a regex \s: they stay in the token
    ['项目 5\u180e', '项目5\u180e', []],
  ])('%j', (line, label, cells) => {
    const s = kinds(line);
    expect(s.label).toBe(label);
    expect(s.cells).toEqual(cells);
  });

  it('tab rows keep trailing blank slots; space rows have no blank slots', () => {
    expect(kinds('总计\t3\t\t').slots).toEqual(['number', 'blank', 'blank']);
    expect(kinds('总计 3 4').slots).toEqual(['number', 'number']);
  });
});

describe('readCell', () => {
  it.each([
    ['12', { kind: 'number', value: 12, raw: '12' }],
    [' 12 ', { kind: 'number', value: 12, raw: '12' }],
    ['\u300012', { kind: 'number', value: 12, raw: '12' }],
    ['0012', { kind: 'number', value: 12, raw: '0012' }],
    ['1234567890123456', { kind: 'number', value: 1234567890123456, raw: '1234567890123456' }],
    ['-3', { kind: 'number', value: -3, raw: '-3' }],
    ['2.5万元', { kind: 'number', value: 2.5, raw: '2.5万元' }],
    ['1,234', { kind: 'number', value: 1234, raw: '1,234' }],
    ['', { kind: 'blank', raw: '' }],
    ['  ', { kind: 'blank', raw: '' }],
    ['/', { kind: 'blank', raw: '/' }],
    ['不适用', { kind: 'blank', raw: '不适用' }],
    ['12a', { kind: 'text', raw: '12a' }],
    ['其他', { kind: 'text', raw: '其他' }],
  ])('%j', (raw, cell) => {
    expect(readCell(raw)).toEqual(cell);
  });
});

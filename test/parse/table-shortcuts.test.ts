import { describe, expect, it } from 'vitest';
import { splitLine, withoutSpaces } from '../../src/parse/_cells.ts';
import { alignShort } from '../../src/parse/align.ts';
import { parseApplicationTable } from '../../src/parse/application-table.ts';
import { APPLY_COLS } from '../../src/schema/index.ts';

// The table readers skip work by a cell's last character, a label's tail, a shared blank row: each
// case below sits on one side of such a shortcut and fails if it reads differently.

const read = (line: string) => {
  const s = splitLine(line);
  return { label: s.label, cells: s.cells.map((c) => `${c.kind}:${c.raw}`), slots: s.slots.length };
};

describe('splitLine: a cell known by its last character', () => {
  it.each([
    // tab cells ending in a unit, a placeholder, whitespace: values, not the label
    ['总计\t3件', { label: '总计', cells: ['number:3件'], slots: 1 }],
    ['项目\t5\t－', { label: '项目', cells: ['number:5'], slots: 2 }],
    ['项目\t2\t不适用', { label: '项目', cells: ['number:2'], slots: 2 }],
    ['申请\t12\u00a0', { label: '申请', cells: ['number:12'], slots: 1 }],
    ['(一) 予以公开\t—\t/\t无', { label: '(一)予以公开', cells: [], slots: 3 }],
    // a spoilt number ends in a digit: a value cell (PW-06), not label text
    ['处罚\t11\uFFFD4', { label: '处罚', cells: ['text:11\uFFFD4'], slots: 1 }],
    // space tokens: a unit ends a number, any other character ends the run
    ['规章 3 4万元', { label: '规章', cells: ['number:3', 'number:4万元'], slots: 2 }],
    ['规章 3 4元件', { label: '规章34元件', cells: [], slots: 0 }],
    ['第3 4 5', { label: '第3', cells: ['number:4', 'number:5'], slots: 2 }],
    ['5 万元', { label: '5万元', cells: [], slots: 0 }],
  ])('%j', (line, expected) => {
    expect(read(line)).toEqual(expected);
  });

  it.each([
    ['\t\t2. 重复申请', '2.重复申请'],
    ['\u3000(一)\u00a0予以 公开 ', '(一)予以公开'],
    ['\v1.\f属于', '1.属于'],
    ['不变', '不变'],
  ])('withoutSpaces(%j) = %j', (text, compact) => {
    expect(withoutSpaces(text)).toBe(compact);
  });
});

describe('alignShort keeps the first reading and counts the others', () => {
  const sumLast = (v: readonly number[]) => v.at(-1) === v.slice(0, -1).reduce((a, b) => a + b, 0);
  it('many readings with different values: unresolved, all counted', () => {
    // 12 and 10 in any two of the six first slots, 22 last: C(6,2) = 15 readings
    const a = alignShort([12, 10, 22], 7, sumLast);
    expect([a.resolved, a.candidates, a.values]).toEqual([false, 15, [12, 10, 0, 0, 0, 0, 22]]);
  });
  it('readings that agree on the values: resolved, the first one kept', () => {
    // zeros placed anywhere give the same values: every one of C(4,2) = 6 readings holds
    const a = alignShort([0, 0], 4, sumLast);
    expect([a.resolved, a.candidates, a.values, a.blankSlots]).toEqual([true, 6, [0, 0, 0, 0], [2, 3]]);
  });
});

describe('table 三 in space-separated text', () => {
  const fields = (row: string) => APPLY_COLS.map((c) => `apply.${row}.${c.id}`);
  const table = (rows: string[]) => parseApplicationTable(rows.map((text, i) => ({ text, line: i + 1 })));

  it('a header wrapped over many lines, then a numbered blank row wrapped over two', () => {
    const t = table([
      '(本列数据的勾稽关系为:第一项加第二项之和,',
      '等于第三项加第四项之和)',
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '总计商业',
      '企业',
      '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1',
      '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
      '(一)予以公开 1 0 0 0 0 0 1',
      '4.无正当理由大量反复申请 0 0 0 0 0 0 0',
      // the header's fragments are pending text until the first row; this row has no numbers
      '5.要求行政机关确认或重',
      '新出具已获取信息',
      '(七)总计 1 0 0 0 0 0 1',
    ]);
    expect(t.found).toBe(true);
    expect(fields('np_confirm_reissue').map((f) => t.values[f])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(t.blanks).toEqual(fields('np_confirm_reissue'));
    expect(fields('results_total').map((f) => t.values[f])).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('row words cut by the wrap of a label without numbering still make it a blank row', () => {
    const t = table([
      '一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2',
      '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
      '(一)予以公开 2 0 0 0 0 0 2',
      // 部分公 / 开: only the two lines together name the row
      '(二)部分公',
      '开(区分处理的)',
      '1.属于国家秘密 3 0 0 0 0 0 3',
      '(七)总计 2 0 0 0 0 0 2',
    ]);
    expect(fields('partial').map((f) => t.values[f])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(t.blanks).toEqual(fields('partial'));
    expect(fields('denied_state_secret').map((f) => t.values[f])).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });

  it('rows without numbers share one placing: writing one row does not touch another', () => {
    const t = table([
      '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
      '二、上年结转政府信息公开申请数量\t\t\t',
      '(一)予以公开\t\t\t',
      '(七)总计\t1\t0\t0\t0\t0\t0\t1',
    ]);
    expect(fields('carried_in').map((f) => t.values[f])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(fields('granted').map((f) => t.values[f])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(t.blanks).toEqual([...fields('carried_in'), ...fields('granted')]);
    expect(fields('new_received').map((f) => t.values[f])).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});

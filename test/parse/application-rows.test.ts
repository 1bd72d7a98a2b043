import { describe, expect, it } from 'vitest';
import { parseApplicationTable } from '../../src/parse/application-table.ts';
import { APPLY_COLS } from '../../src/schema/index.ts';

const lines = (rows: string[]) => rows.map((text, i) => ({ text, line: i + 1 }));
const fieldsOf = (row: string) => APPLY_COLS.map((c) => `apply.${row}.${c.id}`);

describe('table 三 rows matched by their words', () => {
  it('skips a table 二 row before the first row, keeps the first of a repeated row (PW-08), reads a blank tab row', () => {
    const t = parseApplicationTable(
      lines([
        '行政许可\t3',
        '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
        '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0',
        '(一)予以公开\t1\t0\t0\t0\t0\t0\t1',
        '(一)予以公开\t2\t0\t0\t0\t0\t0\t2',
        '(二)部分公开\t\t\t\t\t\t\t',
        '(七)总计\t1\t0\t0\t0\t0\t0\t1',
        '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0',
      ]),
    );
    expect(t.found).toBe(true);
    expect(fieldsOf('new_received').map((f) => t.values[f])).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(fieldsOf('granted').map((f) => t.values[f])).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(fieldsOf('results_total').map((f) => t.values[f])).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t.blanks).toEqual(fieldsOf('partial'));
    expect(t.values['apply.denied_state_secret.natural']).toBeNull();
    expect(t.notes.map((n) => [n.rule, n.message])).toEqual([
      ['PW-08', '表三“（一）予以公开”行重复出现且数值不同，已采用第一次出现的数值'],
    ]);
  });

  it('reads a lone label in space-separated text as a wholly blank row when the next label names a later row', () => {
    const t = parseApplicationTable(
      lines([
        '一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2',
        '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
        '(一)予以公开 2 0 0 0 0 0 2',
        '(二)部分公开',
        '1.属于国家秘密',
        '2.其他法律行政法规禁止公开 0 0 0 0 0 0 0',
        '(七)总计 2 0 0 0 0 0 2',
        '四、结转下年度继续办理',
      ]),
    );
    expect(t.blanks).toEqual([
      ...fieldsOf('partial'),
      ...fieldsOf('denied_state_secret'),
      ...fieldsOf('carried_out'),
    ]);
    expect(fieldsOf('denied_law_prohibited').map((f) => t.values[f])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(fieldsOf('results_total').map((f) => t.values[f])).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(t.values['apply.denied_third_party.natural']).toBeNull();
    expect(t.notes).toEqual([]);
  });
});

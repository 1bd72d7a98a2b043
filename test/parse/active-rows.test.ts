import { describe, expect, it } from 'vitest';
import { parseActiveTable } from '../../src/parse/active-table.ts';

const lines = (rows: string[]) => rows.map((text, i) => ({ text, line: i + 1 }));

describe('table 二 rows found by the key their label starts with', () => {
  it('finds rows whose key is broken by spaces or preceded by whitespace, and passes over prose', () => {
    const t = parseActiveTable(
      lines([
        '第二十条第(一)项',
        '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
        '  规 章\t1\t0\t4',
        '\u3000行政 规范性文件\t2\t1\t9',
        '本机关今年行政许可事项办理顺利，行政处罚决定均已公开。',
        '行政许可 12',
        '行 政 处 罚\t5',
        '行政强制 0',
        '行政事业性收费\t1.5',
      ]),
    );
    expect(t.found).toBe(true);
    expect(t.values).toEqual({
      'active.normative_doc.issued': 2,
      'active.normative_doc.repealed': 1,
      'active.normative_doc.in_force': 9,
      'active.regulation.issued': 1,
      'active.regulation.repealed': 0,
      'active.regulation.in_force': 4,
      'active.license': 12,
      'active.penalty': 5,
      'active.coercion': 0,
      'active.admin_fee': 1.5,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { groupLines, isFooter, isMarginPageNumber, type PdfItem } from '../../src/ingest/_pdf-lines.ts';
import { renderLines } from '../../src/ingest/_pdf-table.ts';

/** A text run at (x, y), 10 pt, one glyph per 10 pt of width (digits 5 pt). */
const at = (str: string, x: number, y: number, size = 10): PdfItem => ({
  str,
  x,
  y,
  size,
  h: size,
  w: [...str].reduce((w, ch) => w + (/[\d.]/.test(ch) ? size / 2 : size), 0),
});

const render = (items: PdfItem[]) => renderLines(groupLines(items, 1)).map((l) => l.text);

describe('PDF lines and cells from positioned runs', () => {
  it('joins CJK runs split per glyph run and puts a space only at a real gap', () => {
    expect(
      render([at('受理政府信息', 50, 700), at('公开申请', 110, 700), at('21', 153, 700), at('件', 166, 700)]),
    ).toEqual(['受理政府信息公开申请 21 件']);
  });

  it('splits a whole row set as one run at its wide space runs, keeping single spaces inside a cell', () => {
    const row: PdfItem = {
      str: '（四）无法提供    1.本机关不掌握    31    0    31',
      x: 50,
      y: 500,
      size: 10,
      h: 10,
      w: 310,
    };
    expect(render([row])).toEqual(['（四）无法提供\t1.本机关不掌握\t31\t0\t31']);
    expect(render([at('受理申请 21 件', 50, 400)])).toEqual(['受理申请 21 件']);
  });

  it('one line despite small baseline shifts between label and number fonts', () => {
    expect(
      render([at('（一）予以公开', 50, 285.9, 9), at('50', 200, 284.1, 14), at('50', 260, 284.1, 14)]),
    ).toEqual(['（一）予以公开\t50\t50']);
  });

  it.each([
    [
      'a blank middle cell under a header',
      [at('规章', 50, 660), at('1', 215, 660), at('11', 380, 660)],
      '规章\t1\t\t11',
    ],
    ['a blank last cell', [at('规章', 50, 660), at('1', 215, 660), at('0', 300, 660)], '规章\t1\t0\t'],
    [
      'no blank cell',
      [at('规章', 50, 660), at('1', 215, 660), at('0', 300, 660), at('11', 380, 660)],
      '规章\t1\t0\t11',
    ],
  ])('keeps %s as an empty cell, by the header cells’ x ranges', (_name, row, line) => {
    const header = [
      at('信息内容', 50, 700),
      at('本年制发件数', 200, 700),
      at('本年废止件数', 280, 700),
      at('现行有效件数', 360, 700),
    ];
    expect(render([...header, ...row])).toEqual(['信息内容\t本年制发件数\t本年废止件数\t现行有效件数', line]);
  });

  it('keeps a blank cell by the columns of the fuller row next to it', () => {
    const full = [at('（一）予以公开', 50, 700), ...[200, 230, 260, 290].map((x) => at('1', x, 700))];
    const short = [at('（二）部分公开', 50, 680), at('2', 200, 680), at('2', 290, 680)];
    expect(render([...full, ...short])).toEqual(['（一）予以公开\t1\t1\t1\t1', '（二）部分公开\t2\t\t\t2']);
  });

  it('drops the one-glyph lines of a vertical group label beside table rows', () => {
    const rows = [700, 680, 660].flatMap((y, i) => [
      at(`${i + 1}.属于`, 80, y),
      at('0', 200, y),
      at('0', 230, y),
    ]);
    expect(render([...rows, at('本', 50, 690), at('年', 50, 670)])).toEqual([
      '1.属于\t0\t0',
      '2.属于\t0\t0',
      '3.属于\t0\t0',
    ]);
  });

  it.each([
    ['-3-', true],
    ['- 3 -', true],
    ['— 12 —', true],
    ['第 3 页 共 6 页', true],
    ['3', false],
    ['-3-5', false],
  ])('footer %j → %s', (s, footer) => {
    expect(isFooter(s)).toBe(footer);
  });

  it.each([
    ['a bare number at the bottom', [at('3', 290, 30)], true],
    ['a bare number at the top', [at('12', 290, 820)], true],
    ['a bare number mid-page', [at('3', 290, 400)], false],
    ['a year at the bottom', [at('2024', 290, 30)], false],
    ['a table row at the bottom', [at('规章', 50, 30), at('3', 290, 30)], false],
  ])('%s is a page number: %s', (_name, items, expected) => {
    const [line] = groupLines(items, 1);
    expect(isMarginPageNumber(line!, [0, 0, 595, 842])).toBe(expected);
  });
});

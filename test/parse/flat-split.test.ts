import { describe, expect, it } from 'vitest';
import { compactFlat, locateRows } from '../../src/parse/flat-locate.ts';
import { type RowShape, readMaterial, readRow } from '../../src/parse/flat-split.ts';

const APPLY: RowShape = { n: 7, groups: [[0, 1, 2, 3, 4, 5, 6]] };
const LEGAL: RowShape = { n: 15, groups: [0, 5, 10].map((o) => [o, o + 1, o + 2, o + 3, o + 4]) };
const DOC: RowShape = { n: 3, groups: [], extra: (v) => v[2]! >= v[0]! - v[1]! };

describe('readRow: glued table 三 rows cut by the row sum', () => {
  it.each([
    ['21710000218', [[217, 1, 0, 0, 0, 0, 218]], 'glued'],
    ['20 0 0 0 02', [[2, 0, 0, 0, 0, 0, 2]], 'forced'],
    ['0 0 0 0 0 00', [[0, 0, 0, 0, 0, 0, 0]], 'forced'],
    ['0000000', [[0, 0, 0, 0, 0, 0, 0]], 'forced'],
    ['5800000 58', [[58, 0, 0, 0, 0, 0, 58]], 'glued'],
    ['160 02 0 018', [[16, 0, 0, 2, 0, 0, 18]], 'glued'],
    ['320000032', [[32, 0, 0, 0, 0, 0, 32]], 'glued'],
    ['1 0 0 0 0 0 1', [[1, 0, 0, 0, 0, 0, 1]], 'exact'],
    // the same digits, two readings: 11 | 0 … | 11 or 1 | 10 | … | 11
    [
      '110000011',
      [
        [1, 10, 0, 0, 0, 0, 11],
        [11, 0, 0, 0, 0, 0, 11],
      ],
      'glued',
    ],
  ] as const)('%s → %j (%s)', (run, readings, status) => {
    const r = readRow(readMaterial(run), APPLY);
    expect(r.status).toBe(status);
    expect([...r.readings].sort()).toEqual([...readings].map((x) => [...x]).sort());
  });

  it('takes the only cut of an inconsistent row as printed (the checker names the inconsistency)', () => {
    expect(readRow(readMaterial('100 0 0 00'), APPLY)).toEqual({
      readings: [[1, 0, 0, 0, 0, 0, 0]],
      status: 'unsummed',
    });
  });

  it('derives a dropped cell from the row sum, every place it may stand', () => {
    const r = readRow(readMaterial('5 0 0 0 0 5'), APPLY);
    expect(r.status).toBe('short');
    expect(r.readings).toContainEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(r.readings).toContainEqual([0, 5, 0, 0, 0, 0, 5]);
    expect(r.readings).toContainEqual([5, 0, 0, 0, 0, 5, 10]);
  });

  it('places a spaced row whose blank cells vanished wherever its sum holds (blank = 0)', () => {
    const r = readRow(readMaterial('5 5'), APPLY);
    expect(r.status).toBe('short');
    expect([...r.readings].sort()).toEqual(
      [0, 1, 2, 3, 4, 5].map((c) => [0, 0, 0, 0, 0, 0, 5].map((v, i) => (i === c ? 5 : v))).sort(),
    );
  });

  it('reads nothing from more numbers than columns', () => {
    expect(readRow(readMaterial('1 0 0 0 0 0 0 1'), APPLY)).toEqual({ readings: [], status: 'unread' });
  });
});

describe('readRow: table 四 cut by its three group sums', () => {
  it.each([
    ['000000000000000', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['00 0 00 0 0 0 00 0 0 0 00', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['1 02 0 312 00 012 0 00 00', [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]],
    ['10000100000000000', [10, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ])('%s', (run, cells) => {
    expect(readRow(readMaterial(run), LEGAL).readings).toEqual([cells]);
  });

  it('confines an inconsistent group: the groups that add up keep one reading', () => {
    const { readings, status } = readRow(readMaterial('00202000001324015'), LEGAL);
    expect(status).toBe('unsummed');
    expect(readings.length).toBeGreaterThan(1);
    for (const r of readings) expect(r.slice(0, 10)).toEqual([0, 0, 2, 0, 2, 0, 0, 0, 0, 0]);
  });
});

describe('readRow: table 二 triples have no arithmetic but B-03', () => {
  it.each([
    ['000', [[0, 0, 0]]],
    ['303', [[3, 0, 3]]],
    ['6034', [[6, 0, 34]]],
    [
      '6233440',
      [
        [6, 2, 33440],
        [6, 23, 3440],
        [6, 233, 440],
        [6, 2334, 40],
        [6, 23344, 0],
        [62, 3, 3440],
        [62, 33, 440],
        [62, 334, 40],
        [62, 3344, 0],
        [623, 3, 440],
        [623, 34, 40],
        [623, 344, 0],
        [6233, 4, 40],
        [6233, 44, 0],
      ].filter((v) => v[2]! >= v[0]! - v[1]!),
    ],
  ])('%s', (run, readings) => {
    expect([...readRow(readMaterial(run), DOC).readings].sort()).toEqual([...readings].sort());
  });
});

describe('locating rows in flattened text', () => {
  const ANCHORS = [
    { id: 'a', re: /国家秘密/, optional: true },
    { id: 'b', re: /禁止公开/, optional: true },
    { id: 'c', re: /三安全/, optional: true },
  ];

  it('gives a digit before `.` to the next row’s numbering', () => {
    const s = compactFlat(
      '1.属于国家秘密0 0 0 0 0 002.其他法律行政法规禁止公开0000000 3.危及"三安全一稳定"1000001',
    );
    expect(locateRows(s, 0, ANCHORS).map((r) => r.run)).toEqual(['0 0 0 0 0 00', '0000000', '1000001']);
  });

  it('joins labels broken by stray and full-width spaces and line breaks', () => {
    const s = compactFlat('1.属于国 家\u3000秘密00\n00000 2.其他法律行政法规禁 止公开0000000');
    expect(locateRows(s, 0, ANCHORS).map((r) => [r.id, r.run])).toEqual([
      ['a', '00 00000'],
      ['b', '0000000'],
    ]);
  });

  it('reads the blank marks / and — as cells of their own', () => {
    const s = compactFlat('1.属于国家秘密5 / / — / / 52.其他法律行政法规禁止公开///////');
    const runs = locateRows(s, 0, ANCHORS).map((r) => r.run);
    expect(runs).toEqual(['5//—//5', '///////']);
    expect(readRow(readMaterial(runs[0]!), APPLY).readings).toEqual([[5, 0, 0, 0, 0, 0, 5]]);
    expect(readRow(readMaterial(runs[1]!), APPLY).readings).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });

  it('leaves a row printed without numbers empty, and a year opening the next sentence out', () => {
    const s = compactFlat('1.属于国家秘密2.其他法律行政法规禁止公开20000022025年，我局');
    expect(locateRows(s, 0, ANCHORS).map((r) => r.run)).toEqual(['', '2000002']);
  });
});

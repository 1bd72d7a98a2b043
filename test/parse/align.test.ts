import { describe, expect, it } from 'vitest';
import { alignShort, splitGlued } from '../../src/parse/align.ts';

const rowSum = (v: readonly number[]) => v[6] === v.slice(0, 6).reduce((a, b) => a + b, 0);
const stock = (v: readonly number[]) => v[2]! >= v[0]! - v[1]!;

describe('alignShort', () => {
  it('falls back to left-aligned with the last number last when several placements add up', () => {
    expect(alignShort([3, 4, 7], 7, rowSum)).toEqual({
      values: [3, 4, 0, 0, 0, 0, 7],
      blankSlots: [2, 3, 4, 5],
      resolved: false,
      candidates: 15,
      action: 'default',
    });
    expect(alignShort([5], 3, stock)).toMatchObject({ values: [0, 0, 5], candidates: 2, resolved: false });
  });

  it('resolves a placement the check singles out', () => {
    const single = (v: readonly number[]) => v[1] === 2 && v[4] === 9;
    expect(alignShort([2, 9], 7, single)).toEqual({
      values: [0, 2, 0, 0, 9, 0, 0],
      blankSlots: [0, 2, 3, 5, 6],
      resolved: true,
      candidates: 1,
      action: 'resolved',
    });
  });
});

describe('splitGlued', () => {
  it('gives every reading of glued digits that passes the check, in cut order', () => {
    expect(splitGlued(['12047'], 3, stock)).toEqual([
      [1, 20, 47],
      [1, 204, 7],
      [12, 0, 47],
    ]);
    expect(splitGlued(['1101003'], 7, rowSum)).toEqual([[1, 1, 0, 1, 0, 0, 3]]);
  });

  it('gives none when there are fewer digits than cells', () => {
    expect(splitGlued(['1', '2', '3'], 7, rowSum)).toEqual([]);
  });
});

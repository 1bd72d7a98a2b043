import { describe, expect, it } from 'vitest';
import { mergeValues, nullRecord, recordOf } from '../../src/parse/_values.ts';

describe('value records', () => {
  it('a null record holds every field, null, in the order given', () => {
    const r = nullRecord(['b.x', 'a.y', 'c.z']);
    expect(Object.entries(r)).toEqual([
      ['b.x', null],
      ['a.y', null],
      ['c.z', null],
    ]);
    // copies are independent of the template
    const copy = { ...r };
    copy['a.y'] = 3;
    expect(r['a.y']).toBeNull();
  });

  it('merges parts in their own key order, whatever order an earlier merge saw', () => {
    const first = mergeValues([{ 'a.1': 1, 'a.2': 2 }, { 'b.1': null }]);
    expect(Object.keys(first)).toEqual(['a.1', 'a.2', 'b.1']);
    // the same keys in another order (another table reader) keep that order
    const second = mergeValues([{ 'a.2': 5, 'a.1': 6 }, { 'b.1': 7 }]);
    expect(Object.entries(second)).toEqual([
      ['a.2', 5],
      ['a.1', 6],
      ['b.1', 7],
    ]);
    // and the first order still gives its own record, with these values
    expect(Object.entries(mergeValues([{ 'a.1': 8, 'a.2': null }, { 'b.1': 9 }]))).toEqual([
      ['a.1', 8],
      ['a.2', null],
      ['b.1', 9],
    ]);
  });

  it('a later part wins a key it shares with an earlier one, which keeps its place', () => {
    const merged = mergeValues([{ x: 1, y: 2 }, { x: 3 }]);
    expect(Object.entries(merged)).toEqual([
      ['x', 3],
      ['y', 2],
    ]);
  });

  it('parts with fewer or more keys than a record merged before give their own keys only', () => {
    mergeValues([{ p: 1, q: 2 }, { r: 3 }]);
    expect(Object.keys(mergeValues([{ p: 1 }, { r: 3 }]))).toEqual(['p', 'r']);
    expect(
      Object.keys(
        mergeValues([
          { p: 1, q: 2 },
          { r: 3, s: 4 },
        ]),
      ),
    ).toEqual(['p', 'q', 'r', 's']);
  });

  it('the same keys split differently between the parts are read from the part that holds each', () => {
    expect(Object.entries(mergeValues([{ a: 1, b: 2 }, { c: 3 }]))).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(Object.entries(mergeValues([{ a: 4 }, { b: 5, c: 6 }]))).toEqual([
      ['a', 4],
      ['b', 5],
      ['c', 6],
    ]);
  });

  it('a record made from values in field order has the fields in that order, undefined as null', () => {
    const make = recordOf(['t.b', 't.a', 't.\'q"', 'constructor']);
    expect(Object.entries(make([1, null, undefined, 0]))).toEqual([
      ['t.b', 1],
      ['t.a', null],
      ['t.\'q"', null],
      ['constructor', 0],
    ]);
    expect(make([2, 3, 4, 5])).not.toBe(make([2, 3, 4, 5]));
    expect(() => recordOf(['__proto__'])).toThrow(/__proto__/);
  });
});

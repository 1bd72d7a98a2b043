/**
 * Splitting the digits of a flattened table row into its cells (docs/parse-warnings.md, PW-05): every cut that
 * keeps each printed space a cell boundary, no cell with a leading zero, and the row's sums.
 */

/** A reading of one row: a value per cell, null where the text does not give it. */
export type Reading = (number | null)[];

export interface RowShape {
  /** Cells in the row. */
  n: number;
  /** Sum groups: part cell indexes, then the total's index last (the total follows its parts). */
  groups: readonly (readonly number[])[];
  /** Another constraint on a full reading (B-03 for table 二). */
  extra?: (v: readonly number[]) => boolean;
}

/** The material of one row: its digits and where a printed space forces a cell boundary. */
export interface Material {
  /** The cells' digits (0–9), spaces and marks removed. */
  digits: string;
  /** cut[i] = 1: a cell starts at digit i (a space was printed before it). */
  cut: Uint8Array;
  /** Space-separated tokens as printed. */
  tokens: string[];
}

/** Widest cell read out of glued digits: 6 digits (999,999 requests or decisions). */
const MAX_CELL_DIGITS = 6;
/** Search nodes per row before the search gives up (the row is then unresolved). */
const MAX_NODES = 40000;
/** Readings kept per row: more than this and none can be trusted. */
export const MAX_READINGS = 64;

/** `/` or `—`: a cell printed blank. */
const isBlankMark = (c: number) => c === 0x2f || c === 0x2014;

export function readMaterial(run: string): Material {
  // tokens end at a space; a blank mark (/, —) is a cell of its own, read as 0
  const tokens: string[] = [];
  let from = 0;
  for (let i = 0; i <= run.length; i++) {
    const c = run.charCodeAt(i);
    if (i < run.length && c !== 0x20 && !isBlankMark(c)) continue;
    if (i > from) tokens.push(run.slice(from, i));
    if (isBlankMark(c)) tokens.push('0');
    from = i + 1;
  }
  const digits = tokens.join('');
  const cut = new Uint8Array(digits.length + 1);
  let at = 0;
  for (const t of tokens) {
    cut[at] = 1;
    at += t.length;
  }
  cut[digits.length] = 1;
  return { digits, cut, tokens };
}

export interface Split {
  readings: number[][];
  /** true when the search hit its bounds (readings may be incomplete). */
  exhausted: boolean;
}

/** Index of the group whose total is cell t, per cell (-1 when none). */
function totalsOf(shape: RowShape): Int16Array {
  const at = new Int16Array(shape.n).fill(-1);
  shape.groups.forEach((g, i) => {
    at[g[g.length - 1]!] = i;
  });
  return at;
}

/**
 * All ways to cut `m` into `parts` cells (parts ≤ shape.n): with `checked`, only those whose
 * completed groups add up, and that pass `extra`.
 */
export function splitCells(m: Material, parts: number, shape: RowShape, checked: boolean): Split {
  const { digits, cut } = m;
  const len = digits.length;
  const totals = totalsOf(shape);
  const vals = new Array<number>(parts).fill(0);
  const readings: number[][] = [];
  let nodes = 0;
  let exhausted = false;
  const full = parts === shape.n;
  const walk = (pos: number, k: number): void => {
    if (exhausted) return;
    if (++nodes > MAX_NODES || readings.length > MAX_READINGS) {
      exhausted = true;
      return;
    }
    if (k === parts) {
      if (pos !== len) return;
      if (checked && full && shape.extra && !shape.extra(vals)) return;
      readings.push(vals.slice());
      return;
    }
    const left = parts - k - 1;
    const maxEnd = Math.min(len - left, pos + (digits.charCodeAt(pos) === 48 ? 1 : MAX_CELL_DIGITS));
    for (let end = pos + 1; end <= maxEnd; end++) {
      // a printed space inside a cell is not allowed
      if (end > pos + 1 && cut[end - 1]) break;
      // the remaining digits must still be able to fill the remaining cells
      if (left === 0 && end !== len) continue;
      const v = Number(digits.slice(pos, end));
      vals[k] = v;
      if (checked && full && totals[k]! >= 0) {
        const g = shape.groups[totals[k]!]!;
        let sum = 0;
        for (let i = 0; i < g.length - 1; i++) sum += vals[g[i]!]!;
        if (sum !== v) continue;
      }
      walk(end, k + 1);
    }
  };
  if (len >= parts) walk(0, 0);
  return { readings, exhausted };
}

/**
 * A row printed with one cell fewer than its columns (a converter dropped one): each place the
 * missing cell may stand, its value from the row's sums (null when no sum gives it).
 */
export function shortReadings(m: Material, shape: RowShape): Reading[] {
  const n = shape.n;
  const cut = splitCells(m, n - 1, shape, false);
  if (cut.exhausted) return [];
  const out: Reading[] = [];
  const seen = new Set<string>();
  for (const r of cut.readings) {
    for (let miss = 0; miss < n; miss++) {
      const v: Reading = [...r.slice(0, miss), null, ...r.slice(miss)];
      const g = shape.groups.find((grp) => grp.includes(miss));
      if (g) {
        const total = g[g.length - 1]!;
        const parts = g.slice(0, -1).reduce((a, i) => a + (i === miss ? 0 : (v[i] as number)), 0);
        const derived = miss === total ? parts : (v[total] as number) - parts;
        if (derived < 0) continue;
        v[miss] = derived;
      }
      if (!holds(v, shape)) continue;
      const key = v.join(',');
      if (!seen.has(key)) {
        seen.add(key);
        out.push(v);
      }
    }
  }
  return out;
}

/** Whether the known cells of a reading satisfy every sum group and the extra constraint. */
export function holds(v: Reading, shape: RowShape): boolean {
  for (const g of shape.groups) {
    if (g.some((i) => v[i] === null)) continue;
    const total = v[g[g.length - 1]!] as number;
    let sum = 0;
    for (let i = 0; i < g.length - 1; i++) sum += v[g[i]!] as number;
    if (sum !== total) return false;
  }
  if (shape.extra && v.every((x) => x !== null)) return shape.extra(v as number[]);
  return true;
}

export type RowStatus = 'exact' | 'forced' | 'glued' | 'unsummed' | 'short' | 'unread';

export interface RowReadings {
  readings: Reading[];
  /**
   * exact: printed one number a cell; forced: one digit a cell; glued: cut by the sums; unsummed: the only cut, though
   * its sums fail (the source's own inconsistency); short: a cell missing; unread: no reading.
   */
  status: RowStatus;
}

/** The readings under which the most sum groups hold. */
function mostGroupsHolding(readings: number[][], shape: RowShape): number[][] {
  if (shape.groups.length < 2) return readings;
  const score = readings.map((v) =>
    shape.groups.reduce((k, g) => {
      let sum = 0;
      for (let i = 0; i < g.length - 1; i++) sum += v[g[i]!]!;
      return k + (sum === v[g[g.length - 1]!] ? 1 : 0);
    }, 0),
  );
  const best = Math.max(...score);
  return readings.filter((_, i) => score[i] === best);
}

/** The readings of one row's printed material, best kind first. */
export function readRow(m: Material, shape: RowShape): RowReadings {
  const n = shape.n;
  if (m.digits.length === 0) return { readings: [], status: 'unread' };
  if (m.tokens.length === n) {
    return { readings: [m.tokens.map(Number)], status: 'exact' };
  }
  if (m.tokens.length > n) return { readings: [], status: 'unread' };
  if (m.digits.length === n) {
    // one digit a cell (digits are 0–9 only)
    const v: number[] = [];
    for (let i = 0; i < n; i++) v.push(m.digits.charCodeAt(i) - 48);
    return { readings: [v], status: holds(v, shape) ? 'forced' : 'unsummed' };
  }
  const summed = splitCells(m, n, shape, true);
  if (summed.exhausted) return { readings: [], status: 'unread' };
  if (summed.readings.length > 0) return { readings: summed.readings, status: 'glued' };
  const any = splitCells(m, n, shape, false);
  if (any.readings.length > 0) {
    // cuts exist but none adds up: the printed row is inconsistent; with several sum groups, the
    // cuts under which most groups hold confine the inconsistency to the others
    if (any.exhausted) return { readings: [], status: 'unread' };
    return { readings: mostGroupsHolding(any.readings, shape), status: 'unsummed' };
  }
  const short = [...shortReadings(m, shape), ...blankReadings(m, shape)];
  const seen = new Set<string>();
  const unique = short.filter((r) => {
    const key = r.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.length > 0 ? { readings: unique, status: 'short' } : { readings: [], status: 'unread' };
}

/** Placements tried for a spaced row whose blank cells vanished (C(15, 7) = 6435 at most). */
const MAX_PLACEMENTS = 7000;

/**
 * A spaced row whose blank cells vanished (blank = 0, A-00): each printed number in its own cell,
 * in order, the blanks anywhere, so that the sums hold.
 */
export function blankReadings(m: Material, shape: RowShape): Reading[] {
  const k = m.tokens.length;
  const n = shape.n;
  if (k === 0 || k >= n || m.tokens.some((t) => t.length > 1 && t[0] === '0')) return [];
  let count = 1;
  for (let i = 0; i < k; i++) count = (count * (n - i)) / (i + 1);
  if (count > MAX_PLACEMENTS) return [];
  const nums = m.tokens.map(Number);
  const out: Reading[] = [];
  const v = new Array<number>(n).fill(0);
  const place = (slot: number, i: number): void => {
    if (i === k) {
      if (holds(v, shape)) out.push(v.slice());
      return;
    }
    for (let at = slot; at <= n - (k - i); at++) {
      v[at] = nums[i]!;
      place(at + 1, i + 1);
      v[at] = 0;
    }
  };
  place(0, 0);
  return out;
}

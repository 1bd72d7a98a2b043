/**
 * Alignment search (docs/parse-warnings.md): place k numbers into n slots so that the row's own
 * arithmetic holds; never invent a number.
 */

export type RowCheck = (slots: readonly number[]) => boolean;

export interface Alignment {
  values: number[];
  /** Slots filled by no number (blank cells). */
  blankSlots: number[];
  /** true when the arithmetic singled out one reading. */
  resolved: boolean;
  /** How many readings satisfied the check. */
  candidates: number;
  /** Human description of what was done, for the PW message. */
  action: string;
}

/**
 * Calls `visit` with each way to choose `k` of `n` slot indexes, in lexicographic order (the
 * array is reused: copy it to keep it). A loop, not a recursive generator or closure: a yield
 * passes through every level of the recursion, and under tsx a named closure costs an
 * Object.defineProperty each time it is made.
 */
function forEachCombination(n: number, k: number, visit: (chosen: readonly number[]) => void): void {
  if (k > n) return;
  const chosen = range(k);
  for (;;) {
    visit(chosen);
    // the rightmost index that can still move right; those after it follow it
    let i = k - 1;
    while (i >= 0 && chosen[i] === n - k + i) i--;
    if (i < 0) return;
    chosen[i]!++;
    for (let j = i + 1; j < k; j++) chosen[j] = chosen[j - 1]! + 1;
  }
}

function sameValues(list: readonly number[][]): boolean {
  const first = list[0];
  return !!first && list.every((v) => v.every((x, i) => x === first[i]));
}

interface Reading {
  values: number[];
  filled: number[];
}

/** Fewer numbers than slots: choose which slots are blank. Default: left-aligned, last number last. */
export function alignShort(nums: readonly number[], n: number, check: RowCheck): Alignment {
  const k = nums.length;
  // the first reading that holds, how many hold, and whether they all give its values (the
  // readings themselves are not kept: a row of 3 numbers in 7 slots can have dozens)
  const seen: { first?: Reading; count: number; same: boolean } = { count: 0, same: true };
  if (k > 0) {
    const values = new Array<number>(n).fill(0);
    forEachCombination(n, k, (filled) => {
      for (let i = 0; i < k; i++) values[filled[i]!] = nums[i]!;
      if (check(values)) {
        seen.count++;
        if (!seen.first) seen.first = { values: values.slice(), filled: filled.slice() };
        else if (seen.same) seen.same = values.every((x, i) => x === seen.first!.values[i]);
      }
      for (let i = 0; i < k; i++) values[filled[i]!] = 0;
    });
  }
  if (seen.first && seen.same) {
    const filled = seen.first.filled;
    return {
      values: seen.first.values,
      blankSlots: range(n).filter((i) => !filled.includes(i)),
      resolved: true,
      candidates: seen.count,
      action: 'resolved',
    };
  }
  const filled = k === 0 ? [] : [...range(k - 1), n - 1];
  const values = new Array<number>(n).fill(0);
  filled.forEach((slot, i) => {
    values[slot] = nums[i]!;
  });
  return {
    values,
    blankSlots: range(n).filter((i) => !filled.includes(i)),
    resolved: false,
    candidates: seen.count,
    action: 'default',
  };
}

/** More numbers than slots: drop one stray value or join one adjacent digit pair. */
export function alignLong(nums: readonly number[], n: number, check: RowCheck): Alignment | undefined {
  const hits: { values: number[]; action: string }[] = [];
  if (nums.length === n + 1) {
    for (let i = 0; i < nums.length; i++) {
      const values = nums.filter((_, j) => j !== i);
      if (check(values)) hits.push({ values, action: `删去第${i + 1}个数${nums[i]}` });
    }
    for (let i = 0; i + 1 < nums.length; i++) {
      const a = nums[i]!;
      const b = nums[i + 1]!;
      if (!Number.isInteger(a) || !Number.isInteger(b) || a === 0) continue;
      const joined = Number(`${a}${b}`);
      const values = [...nums.slice(0, i), joined, ...nums.slice(i + 2)];
      if (check(values)) hits.push({ values, action: `合并${a}与${b}为${joined}` });
    }
  }
  if (hits.length === 0 || !sameValues(hits.map((h) => h.values))) return undefined;
  return {
    values: hits[0]!.values,
    blankSlots: [],
    resolved: true,
    candidates: hits.length,
    action: hits[0]!.action,
  };
}

/** 0 … n-1 (a loop: Array.from with a callback costs more than the array for a short range). */
export function range(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i);
  return out;
}

/** Ways to cut one digit string into `parts` numbers, no part with a leading zero. */
function* cutDigits(digits: string, parts: number): Generator<number[]> {
  if (parts === 1) {
    if (digits.length > 0 && (digits.length === 1 || digits[0] !== '0')) yield [Number(digits)];
    return;
  }
  const maxFirst = digits.length - (parts - 1);
  for (let len = 1; len <= maxFirst; len++) {
    const head = digits.slice(0, len);
    if (len > 1 && head[0] === '0') break;
    for (const rest of cutDigits(digits.slice(len), parts - 1)) yield [Number(head), ...rest];
  }
}

/** Ways to distribute `n` slots over the tokens (each token at least one slot). */
function* partitions(tokens: number, n: number): Generator<number[]> {
  if (tokens === 1) {
    yield [n];
    return;
  }
  for (let first = 1; first <= n - (tokens - 1); first++) {
    for (const rest of partitions(tokens - 1, n - first)) yield [first, ...rest];
  }
}

const DIGITS = /^\d+$/;

/** At most this many digits are split: beyond it the readings explode and none can be trusted. */
const MAX_GLUED_DIGITS = 16;

/**
 * Splits integer tokens whose digits were glued together (12047 → 12 | 0 | 47) into exactly
 * `n` numbers that satisfy `check`. Returns every distinct reading (docs/parse-warnings.md, PW-05).
 */
export function splitGlued(tokens: readonly string[], n: number, check: RowCheck): number[][] {
  if (tokens.length === 0 || tokens.length >= n) return [];
  let digits = 0;
  for (const t of tokens) digits += t.length;
  // each of the n numbers takes at least one digit
  if (digits > MAX_GLUED_DIGITS || digits < n || !tokens.every((t) => DIGITS.test(t))) return [];
  const seen = new Set<string>();
  const out: number[][] = [];
  for (const sizes of partitions(tokens.length, n)) {
    const pieces = tokens.map((t, i) => [...cutDigits(t, sizes[i]!)]);
    if (pieces.some((p) => p.length === 0)) continue;
    const walk = (i: number, acc: number[]): void => {
      if (i === pieces.length) {
        const key = acc.join(',');
        if (!seen.has(key) && check(acc)) {
          seen.add(key);
          out.push(acc.slice());
        }
        return;
      }
      for (const p of pieces[i]!) walk(i + 1, [...acc, ...p]);
    };
    walk(0, []);
  }
  return out;
}

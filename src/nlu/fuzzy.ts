/** Keys for one-substitution matching: 朝阳 → *阳, 朝*. Same-length typos only. */
export function substitutionKeys(word: string): string[] {
  const chars = [...word];
  return chars.map((_, i) => `${chars.slice(0, i).join('')}*${chars.slice(i + 1).join('')}`);
}

/** Index from substitution key to the words that produce it. */
export function buildFuzzyIndex(words: Iterable<string>): Map<string, string[]> {
  return addToFuzzyIndex(new Map(), words);
}

/** Adds words to a substitution index (as if built with them last); returns the index. */
export function addToFuzzyIndex(
  index: Map<string, string[]>,
  words: Iterable<string>,
): Map<string, string[]> {
  for (const w of words) {
    if ([...w].length < 2) continue;
    for (const k of substitutionKeys(w)) {
      const list = index.get(k);
      if (!list) index.set(k, [w]);
      else if (!list.includes(w)) list.push(w);
    }
    growShape(index, w);
  }
  return index;
}

/** The longest indexed word and every character indexed words use; what bounds a search. */
interface IndexShape {
  longest: number;
  chars: Set<string>;
}

const shapes = new WeakMap<ReadonlyMap<string, string[]>, IndexShape>();

/** Keeps a worked-out shape current as a word is added to its index. */
function growShape(index: ReadonlyMap<string, string[]>, word: string): void {
  const shape = shapes.get(index);
  if (!shape) return;
  const chars = [...word];
  shape.longest = Math.max(shape.longest, chars.length);
  for (const c of chars) shape.chars.add(c);
}

/** Worked out once per index, from the words it holds. */
function shapeOf(index: ReadonlyMap<string, string[]>): IndexShape {
  let shape = shapes.get(index);
  if (shape) return shape;
  shape = { longest: 0, chars: new Set() };
  for (const words of index.values()) {
    for (const w of words) {
      const chars = [...w];
      shape.longest = Math.max(shape.longest, chars.length);
      for (const c of chars) shape.chars.add(c);
    }
  }
  shapes.set(index, shape);
  return shape;
}

/** Works out an index's shape now (at start), so no question pays for it; adds keep it current. */
export function measureIndex(index: ReadonlyMap<string, string[]>): void {
  shapeOf(index);
}

/** Words within one substitution of `typed` (excluding `typed` itself). */
export function findNear(index: ReadonlyMap<string, string[]>, typed: string): string[] {
  if ([...typed].length > shapeOf(index).longest) return [];
  const out = new Set<string>();
  for (const k of substitutionKeys(typed)) for (const w of index.get(k) ?? []) if (w !== typed) out.add(w);
  return [...out];
}

/** Index look-ups one typo search may make, whatever the message: about 1 ms of work. */
export const TYPO_LOOKUP_BUDGET = 4000;

/**
 * Unknown Chinese characters beyond which a message is mostly noise: a near miss in it
 * would be a coincidence, not a typo.
 */
export const NOISE_LIMIT = 48;

/** Work a typo search did; `lookups` never exceeds the budget. */
export interface TypoSearchStats {
  /** Substrings that could be one substitution from an indexed word. */
  candidates: number;
  /** Substitution keys looked up in the index. */
  lookups: number;
}

export interface TypoSearchOptions {
  /** Shorter typed words are never guessed; default 2. */
  minLength?: number;
  /** Most index look-ups; default TYPO_LOOKUP_BUDGET. */
  budget?: number;
  /** Filled in with the work done. */
  stats?: TypoSearchStats;
}

/**
 * The first substring of the Chinese runs (each run longest first, then left to right) that
 * is one substitution from exactly one indexed word. Only substrings no longer than the
 * longest word, with at most one character no indexed word uses, can be one; a message
 * that is mostly noise is not searched; and the look-ups stop at the budget.
 */
export function findTypoInRuns(
  runs: readonly string[],
  index: ReadonlyMap<string, string[]>,
  {
    minLength = 2,
    budget = TYPO_LOOKUP_BUDGET,
    stats = { candidates: 0, lookups: 0 },
  }: TypoSearchOptions = {},
): { typed: string; meant: string } | undefined {
  const { longest, chars: known } = shapeOf(index);
  let unknownHan = 0;
  for (const run of runs) unknownHan += run.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (unknownHan > NOISE_LIMIT) return undefined;
  for (const run of runs) {
    if (!/[\u4e00-\u9fff]/.test(run)) continue;
    const chars = [...run];
    // unknownBefore[i]: characters before i that no indexed word uses
    const unknownBefore = [0];
    for (const c of chars) unknownBefore.push(unknownBefore.at(-1)! + (known.has(c) ? 0 : 1));
    for (let len = Math.min(chars.length, longest); len >= minLength; len--) {
      for (let i = 0; i + len <= chars.length; i++) {
        if (unknownBefore[i + len]! - unknownBefore[i]! > 1) continue;
        stats.candidates++;
        if (stats.lookups + len > budget) return undefined;
        stats.lookups += len;
        const typed = chars.slice(i, i + len).join('');
        const near = findNear(index, typed);
        if (near.length === 1) return { typed, meant: near[0]! };
      }
    }
  }
  return undefined;
}

/** Levenshtein distance, for short Latin words (pinyin typos). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Single-deletion variants of a Latin word, itself included. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Index for Latin words within edit distance 1 (symmetric deletion). */
export function buildDeletionIndex(words: Iterable<string>): Map<string, string[]> {
  return addToDeletionIndex(new Map(), words);
}

/** Adds words to a deletion index (as if built with them last); returns the index. */
export function addToDeletionIndex(
  index: Map<string, string[]>,
  words: Iterable<string>,
): Map<string, string[]> {
  for (const w of words) {
    if (w.length < 5) continue;
    for (const d of deletions(w)) {
      const list = index.get(d);
      if (!list) index.set(d, [w]);
      else if (!list.includes(w)) list.push(w);
    }
    growShape(index, w);
  }
  return index;
}

/** Latin words within edit distance 1 of `typed` (excluding `typed`). */
export function findNearLatin(index: ReadonlyMap<string, string[]>, typed: string): string[] {
  // one edit from an indexed word is at most one letter longer than the longest
  if (typed.length < 5 || typed.length > shapeOf(index).longest + 1) return [];
  const out = new Set<string>();
  for (const d of deletions(typed)) {
    for (const w of index.get(d) ?? []) if (w !== typed && editDistance(w, typed) <= 1) out.add(w);
  }
  return [...out];
}

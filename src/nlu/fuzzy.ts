/** Keys for one-substitution matching: 朝阳 → *阳, 朝*. Same-length typos only. */
export function substitutionKeys(word: string): string[] {
  const chars = [...word];
  return chars.map((_, i) => `${chars.slice(0, i).join('')}*${chars.slice(i + 1).join('')}`);
}

/** Index from substitution key to the words that produce it. */
export function buildFuzzyIndex(words: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const w of words) {
    if ([...w].length < 2) continue;
    for (const k of substitutionKeys(w)) {
      const list = index.get(k);
      if (!list) index.set(k, [w]);
      else if (!list.includes(w)) list.push(w);
    }
  }
  return index;
}

/** Words within one substitution of `typed` (excluding `typed` itself). */
export function findNear(index: ReadonlyMap<string, string[]>, typed: string): string[] {
  const out = new Set<string>();
  for (const k of substitutionKeys(typed)) for (const w of index.get(k) ?? []) if (w !== typed) out.add(w);
  return [...out];
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
  const index = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 5) continue;
    for (const d of deletions(w)) {
      const list = index.get(d);
      if (!list) index.set(d, [w]);
      else if (!list.includes(w)) list.push(w);
    }
  }
  return index;
}

/** Latin words within edit distance 1 of `typed` (excluding `typed`). */
export function findNearLatin(index: ReadonlyMap<string, string[]>, typed: string): string[] {
  if (typed.length < 5) return [];
  const out = new Set<string>();
  for (const d of deletions(typed)) {
    for (const w of index.get(d) ?? []) if (w !== typed && editDistance(w, typed) <= 1) out.add(w);
  }
  return [...out];
}

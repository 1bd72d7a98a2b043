import { blankOut } from './_normalise.ts';
import type { AliasHit } from './agency-aliases.ts';

export interface SpanMatch<T> {
  text: string;
  at: number;
  value: T;
}

/** Longest-first, left-to-right matching of dictionary words; matched spans are blanked. */
export function matchLongest<T>(
  text: string,
  dict: ReadonlyMap<string, T>,
  longest: number,
): { found: SpanMatch<T>[]; rest: string } {
  const found: SpanMatch<T>[] = [];
  let rest = text;
  for (let i = 0; i < rest.length; i++) {
    for (let len = Math.min(longest, rest.length - i); len >= 2; len--) {
      const word = rest.slice(i, i + len);
      const value = dict.get(word);
      if (value === undefined) continue;
      found.push({ text: word, at: i, value });
      rest = blankOut(rest, i, len);
      i += len - 1;
      break;
    }
  }
  return { found, rest };
}

/** Latin words (and adjacent pairs) that spell a stored agency in pinyin. */
export function matchPinyin(
  text: string,
  pinyin: ReadonlyMap<string, AliasHit[]>,
): { found: SpanMatch<AliasHit[]>[]; rest: string } {
  const found: SpanMatch<AliasHit[]>[] = [];
  let rest = text;
  const words = [...text.matchAll(/[a-z]+/g)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const pair = next ? w[0] + next[0] : '';
    const hits = (pair && pinyin.get(pair)) || pinyin.get(w[0]);
    if (!hits) continue;
    const end = hits === pinyin.get(pair) && next ? next.index! + next[0].length : w.index! + w[0].length;
    found.push({ text: text.slice(w.index!, end), at: w.index!, value: hits });
    rest = blankOut(rest, w.index!, end - w.index!);
    if (end > w.index! + w[0].length) i++;
  }
  return { found, rest };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findNear,
  findNearLatin,
  findTypoInRuns,
  NOISE_LIMIT,
  TYPO_LOOKUP_BUDGET,
  type TypoSearchStats,
} from '../../src/nlu/fuzzy.ts';
import { createNluContext } from '../../src/nlu/index.ts';
import { loadTestReports } from '../answer/_store.ts';

const ctx = createNluContext(loadTestReports().map((e) => e.report));

/** Deterministic noise: `n` characters from `alphabet`. */
function noise(n: number, alphabet: readonly string[], seed = 1): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

const CJK = Array.from({ length: 0x5000 }, (_, i) => String.fromCodePoint(0x4e00 + i));
/** Characters the indexed metric words use: the worst case for the candidate filter. */
const INDEXED = [...new Set([...ctx.fuzzyTerms.values()].flat().join(''))];

/** The unbounded search it replaces: every substring of every run, longest first. */
function findTypoNaive(runs: string[], index: ReadonlyMap<string, string[]>, minLength: number) {
  for (const run of runs) {
    if (!/[\u4e00-\u9fff]/.test(run)) continue;
    for (let len = run.length; len >= minLength; len--) {
      for (let i = 0; i + len <= run.length; i++) {
        const typed = run.slice(i, i + len);
        const near = findNear(index, typed);
        if (near.length === 1) return { typed, meant: near[0]! };
      }
    }
  }
  return undefined;
}

describe('findTypoInRuns', () => {
  it('finds a one-character typo in a short leftover', () => {
    expect(findTypoInRuns(['行政许克多少'], ctx.fuzzyTerms, { minLength: 3 })).toEqual({
      typed: '行政许克',
      meant: '行政许可',
    });
  });

  it('agrees with the exhaustive search on short runs', () => {
    const char = fc.oneof(fc.constantFrom(...INDEXED), fc.constantFrom(...CJK.slice(0, 200)));
    const run = fc.array(char, { minLength: 2, maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(run, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 3 }),
        (runs, min) => {
          const bounded = findTypoInRuns(runs, ctx.fuzzyTerms, {
            minLength: min,
            budget: Number.POSITIVE_INFINITY,
          });
          expect(bounded).toEqual(findTypoNaive(runs, ctx.fuzzyTerms, min));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does no look-ups in a 4,096-character message of noise', () => {
    const stats: TypoSearchStats = { candidates: 0, lookups: 0 };
    expect(findTypoInRuns([noise(4096, CJK)], ctx.fuzzyTerms, { stats })).toBeUndefined();
    expect(stats).toEqual({ candidates: 0, lookups: 0 });
  });

  it('looks only at candidate substrings of a noisy run', () => {
    const stats: TypoSearchStats = { candidates: 0, lookups: 0 };
    findTypoInRuns([noise(NOISE_LIMIT, CJK, 7)], ctx.fuzzyTerms, { stats });
    // 48 random characters rarely hold an indexed one; each candidate holds at most one unknown
    expect(stats.candidates).toBeLessThan(NOISE_LIMIT * 2);
  });

  it('stops at the look-up budget on the worst run', () => {
    for (const budget of [50, TYPO_LOOKUP_BUDGET]) {
      const stats: TypoSearchStats = { candidates: 0, lookups: 0 };
      findTypoInRuns([noise(NOISE_LIMIT, INDEXED, 3)], ctx.fuzzyTerms, { stats, budget });
      expect(stats.lookups).toBeGreaterThan(budget / 2);
      expect(stats.lookups).toBeLessThanOrEqual(budget);
    }
  });
});

describe('findNearLatin', () => {
  it('finds a pinyin typo and ignores a word too long to be one', () => {
    expect(findNearLatin(ctx.fuzzyPinyin, 'hualongg')).toEqual(['hualong']);
    expect(findNearLatin(ctx.fuzzyPinyin, `hualong${'g'.repeat(4000)}`)).toEqual([]);
  });
});

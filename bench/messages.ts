/**
 * Hostile messages: how long the bot takes to understand a message of noise, by kind and
 * length (an inline query holds ≤ 256 characters, a message ≤ 4,096). Target: ≤ 20 ms each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion, understandQuestion } from '../src/answer/index.ts';
import { ensureStore } from '../src/bot/build-store.ts';
import { answerOverlong } from '../src/bot/message-limits.ts';
import { createLogger } from '../src/logger.ts';
import { findTypoInRuns, NOISE_LIMIT, type TypoSearchStats } from '../src/nlu/fuzzy.ts';
import { createNluContext } from '../src/nlu/index.ts';

export type MessagesBench = {
  /** Median CPU ms to understand each kind of noise at each length, the bot's way (long ones refused unread). */
  understand_ms: Record<string, number>;
  understand_max_ms: number;
  /** The matcher alone on 4,096 characters, without the bot's length limit (for reference). */
  matcher_4096_max_ms: number;
  /** Most typo-index look-ups any of these cost (cap: TYPO_LOOKUP_BUDGET = 4,000). */
  typo_lookups_max: number;
};

function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

/** Generators of noise: random CJK, the characters our words use, Latin, mixed, places, years, words. */
function kinds(indexed: readonly string[]): Record<string, (n: number) => string> {
  const r = rng(42);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const fill = (n: number, f: () => string) => {
    let s = '';
    while (s.length < n) s += f();
    return s.slice(0, n);
  };
  const letters = [...'abcdefghijklmnopqrstuvwxyz'];
  return {
    cjk: (n) => fill(n, () => String.fromCodePoint(0x4e00 + Math.floor(r() * 0x5000))),
    indexed_chars: (n) => fill(n, () => pick(indexed)),
    latin_words: (n) => fill(n, () => `${fill(3 + Math.floor(r() * 8), () => pick(letters))} `),
    mixed: (n) => fill(n, () => pick([...'行政许可处罚a1b2 2024年,。!@#😀'])),
    places: (n) => fill(n, () => pick(['北京', '上海', '广州', '西宁', '杭州', '南京'])),
    years: (n) => fill(n, () => `${2000 + Math.floor(r() * 30)}年`),
    english: (n) =>
      fill(
        n,
        () => `${pick(['how', 'many', 'penalties', 'did', 'issue', 'compare', 'trend', 'in', '2024'])} `,
      ),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median CPU ms of `f` (user + system), so other processes on a shared machine do not count. */
function time(f: () => unknown, runs = 5): number {
  f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    f();
    const used = process.cpuUsage(t);
    ms.push((used.user + used.system) / 1000);
  }
  return Math.round(median(ms) * 100) / 100;
}

export async function benchMessages(reportsDir: string): Promise<MessagesBench> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-msg-'));
  try {
    const store = await ensureStore(join(dir, 'store.json'), reportsDir, createLogger({ level: 'silent' }));
    const ctx = createNluContext((await store.list()).map((e) => e.report));
    const indexed = [...new Set([...ctx.fuzzyTerms.values(), ...ctx.fuzzyAliases.values()].flat().join(''))];
    await answerQuestion('2024年行政处罚多少', store);
    const understand_ms: Record<string, number> = {};
    let matcherMax = 0;
    let lookupsMax = 0;
    for (const [kind, make] of Object.entries(kinds(indexed))) {
      for (const n of [100, 256, 4096]) {
        const text = make(n);
        understand_ms[`${kind}_${n}`] = time(
          () => answerOverlong(text, 'zh') ?? understandQuestion(text, store),
        );
        if (n === 4096)
          matcherMax = Math.max(
            matcherMax,
            time(() => understandQuestion(text, store), 3),
          );
        const stats: TypoSearchStats = { candidates: 0, lookups: 0 };
        // the first NOISE_LIMIT characters: the most a message that is not noise can hand the search
        findTypoInRuns([[...text].slice(0, NOISE_LIMIT).join('')], ctx.fuzzyTerms, { stats });
        lookupsMax = Math.max(lookupsMax, stats.lookups);
      }
    }
    return {
      understand_ms,
      understand_max_ms: Math.max(...Object.values(understand_ms)),
      matcher_4096_max_ms: matcherMax,
      typo_lookups_max: lookupsMax,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

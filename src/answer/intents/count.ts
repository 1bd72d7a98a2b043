import { buildAnswer, type ReplyInput, say, scopeKeys } from '../_reply.ts';
import type { Answer } from '../types.ts';
import type { IntentModule } from './_intent.ts';

/** 一共有多少份年报 / 民和有几份报告 / how many reports do you have. */
const COUNT_WORDS = /(?:多少|几)份|共有?多少(?:篇|个)?(?:年报|报告)|\bhow many (?:annual )?reports\b/i;

/** How many reports are held: in all, or of the agencies or place named, by year. */
function answerCount(input: ReplyInput): Answer {
  const { store, ctx } = input;
  const keys = scopeKeys(input);
  // from the catalogue (one row per report) and the matcher's agencies: no record is read
  const held: number[] = keys
    ? keys.flatMap((k) => ctx.agencies.get(k)?.years ?? [])
    : store.catalogue().map((r) => r.year);
  const byYear = new Map<number, number>();
  for (const y of held) byYear.set(y, (byYear.get(y) ?? 0) + 1);
  // agencies as the store groups them (one body under two spellings counts once)
  const agencies = keys ? keys.filter((k) => ctx.agencies.has(k)).length : ctx.agencies.size;
  const years = [...byYear.entries()].sort((a, b) => a[0] - b[0]);
  const lines = [
    say(
      input,
      `共有 ${held.length} 份年报，来自 ${agencies} 个单位。`,
      `${held.length} reports held, from ${agencies} agencies.`,
    ),
    ...years.map(([year, n]) => say(input, `· ${year}年：${n} 份`, `· ${year}: ${n}`)),
  ];
  return buildAnswer(input, lines);
}

export const count: IntentModule = {
  id: 'count',
  words: COUNT_WORDS,
  match: (r) => COUNT_WORDS.test(r.norm) && !r.metric && !r.unheld && !r.meta && !r.prose,
  answer: answerCount,
};

import { matchQuestion } from '../nlu/index.ts';
import type { Warning } from '../schema/index.ts';
import type { Store } from '../store/index.ts';
import { getNluContext } from './_context-cache.ts';
import type { Messages } from './_messages.ts';
import { buildAnswer, type ReplyInput } from './_reply.ts';
import { answerLookup, answerMissing, SUMMARY } from './answer-lookup.ts';
import { answerCheck, answerClarify, answerHelp, answerList, answerUnknown } from './answer-report.ts';
import { answerCompare, answerRank, answerTrend } from './answer-series.ts';
import { mergeWarnings } from './figures.ts';
import { MESSAGES_EN } from './messages-en.ts';
import { MESSAGES_ZH } from './messages-zh.ts';
import type { Answer } from './types.ts';

export interface AnswerOptions {
  /** Reply language; English questions are always answered in English. */
  lang?: 'zh' | 'en';
}

const HANDLERS: Record<Answer['intent'], (input: ReplyInput) => Answer> = {
  lookup: answerLookup,
  compare: answerCompare,
  rank: answerRank,
  trend: answerTrend,
  check: answerCheck,
  list: answerList,
  help: answerHelp,
  clarify: answerClarify,
  unknown: answerUnknown,
};

/** Builds the matcher context ahead of the first question (≈0.5 s at 10,000 reports). */
export function prepareAnswers(store: Store): void {
  getNluContext(store);
}

/** Understands a question and answers it from the store: figures, sources, warnings, reply text. */
export function answerQuestion(question: string, store: Store, opts: AnswerOptions = {}): Answer {
  const ctx = getNluContext(store);
  const query = matchQuestion(question, ctx);
  const lang = query.lang === 'en' ? 'en' : (opts.lang ?? 'zh');
  const m: Messages = lang === 'en' ? MESSAGES_EN : MESSAGES_ZH;
  const input: ReplyInput = { query, store, ctx, m, lang };
  if (query.missing && query.agencies.length === 0 && query.intent === 'lookup') return answerMissing(input);
  const handler = HANDLERS[query.intent];
  if (query.intent === 'compare' || query.intent === 'rank' || query.intent === 'trend') {
    const ids = query.metrics ?? (query.metric === null && query.intent === 'trend' ? SUMMARY : undefined);
    if (ids) return answerEach(input, ids, handler);
  }
  return handler(input);
}

/** A series question about several metrics: one block per metric, notes said once. */
function answerEach(input: ReplyInput, ids: readonly string[], handler: (i: ReplyInput) => Answer): Answer {
  const parts = ids.map((id) =>
    handler({
      ...input,
      query: { ...input.query, metric: id, metrics: undefined, assumptions: [], missing: undefined },
    }),
  );
  const warnings: Warning[] = [];
  for (const p of parts) mergeWarnings(warnings, p.warnings);
  const answers = parts.flatMap((p) => p.answers);
  const chart = parts.find((p) => p.chart && p.chart.values.length > 0)?.chart;
  // Lines every block repeats (…只有2022年的年报) are said once.
  const seen = new Set<string>();
  const lines = parts
    .flatMap((p) => p.text.split('\n'))
    .filter((l) => l.startsWith('·') || (!seen.has(l) && seen.add(l)));
  return buildAnswer(input, lines, answers, warnings, chart ? { chart } : {});
}

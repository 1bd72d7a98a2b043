import { matchQuestion, type Query } from '../nlu/index.ts';
import type { Warning } from '../schema/index.ts';
import type { Store } from '../store/index.ts';
import { getNluContext } from './_context-cache.ts';
import type { Messages } from './_messages.ts';
import { buildAnswer, type ReplyInput } from './_reply.ts';
import { mergeWarnings } from './figures.ts';
import { INTENTS, type IntentModule } from './intents/index.ts';
import { SUMMARY } from './intents/lookup.ts';
import { MESSAGES_EN } from './messages-en.ts';
import { MESSAGES_ZH } from './messages-zh.ts';
import { answerOverlong } from './overlong.ts';
import type { Answer } from './types.ts';

export interface AnswerOptions {
  /** Reply language; English questions are always answered in English. */
  lang?: 'zh' | 'en';
  /** Today's date (今年/去年 count from it); the caller's clock, default the system's. */
  today?: Date;
  /** The previous question in this chat, for follow-ups (那民和呢, 2023年呢). */
  previous?: Query;
}

/** Questions of the common shapes, understood once at start (their answers are not kept). */
const WARM_UP = [
  '2023年行政处罚多少',
  '行政强制最少的是哪个',
  '行政许可排第几',
  '历年行政复议',
  '2022年和2023年依申请公开对比',
  'which agency had the most administrative penalties',
];
/** A national ranking answered once at start. */
const WARM_UP_RANKING = '哪里行政处罚最多';
const warmed = new WeakSet<Store>();

/**
 * Builds the matcher context ahead of the first question (≈0.5 s at 10,000 reports). The first
 * time for a store it also runs the question path once — a few questions understood, one national
 * ranking answered — so the first user's question does not pay for compiling that code (≈15 ms
 * of a first ranking at 20,000 reports).
 */
export async function prepareAnswers(store: Store): Promise<void> {
  getNluContext(store);
  if (warmed.has(store)) return;
  warmed.add(store);
  for (const question of WARM_UP) understandQuestion(question, store);
  await answerQuestion(WARM_UP_RANKING, store);
}

/** Understands a question (no answer): the intent, agencies, years and metric. */
export function understandQuestion(question: string, store: Store, opts: AnswerOptions = {}): Query {
  return matchQuestion(question, getNluContext(store), {
    rules: INTENTS,
    today: opts.today ?? new Date(),
    previous: opts.previous,
  });
}

/**
 * Understands a question and answers it from the store: figures, sources, warnings, reply text.
 * The matcher reads the store's catalogue; the intent reads the records it needs with queries.
 */
export async function answerQuestion(
  question: string,
  store: Store,
  opts: AnswerOptions = {},
): Promise<Answer> {
  const overlong = answerOverlong(question, opts.lang);
  if (overlong) return overlong;
  const ctx = getNluContext(store);
  const today = opts.today ?? new Date();
  const query = matchQuestion(question, ctx, { rules: INTENTS, today, previous: opts.previous });
  const lang = query.lang === 'en' ? 'en' : (opts.lang ?? 'zh');
  const m: Messages = lang === 'en' ? MESSAGES_EN : MESSAGES_ZH;
  const input: ReplyInput = { query, store, ctx, m, lang, today };
  const module =
    INTENTS.find((i) => i.id === query.intent && i.match !== undefined) ?? INTENTS[INTENTS.length - 1]!;
  if (query.intent === 'compare' || query.intent === 'rank' || query.intent === 'trend') {
    const ids = query.metrics ?? (query.metric === null && query.intent === 'trend' ? SUMMARY : undefined);
    if (ids) return answerEach(input, ids, module);
  }
  return module.answer(input);
}

/** A series question about several metrics: one block per metric, notes said once. */
async function answerEach(input: ReplyInput, ids: readonly string[], module: IntentModule): Promise<Answer> {
  const parts: Answer[] = [];
  for (const id of ids)
    parts.push(
      await module.answer({
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
  const table = parts[0]?.table
    ? { ...parts[0].table, rows: parts.flatMap((p) => p.table?.rows ?? []) }
    : undefined;
  return buildAnswer(input, lines, answers, warnings, {
    ...(chart ? { chart } : {}),
    ...(table ? { table } : {}),
  });
}

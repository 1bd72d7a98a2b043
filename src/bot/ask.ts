import { randomBytes } from 'node:crypto';
import type { Context } from 'grammy';
import { InlineKeyboard, InputFile } from 'grammy';
import type { ReplyParameters } from 'grammy/types';
import type { Answer, ChartSpec } from '../answer/index.ts';
import { answerQuestion, isFollowUpAnchor } from '../answer/index.ts';
import { fitsCallback, packCallback, packExport } from './callback-data.ts';
import { renderChart } from './chart.ts';
import { langOf } from './context.ts';
import type { FeatureDeps } from './deps.ts';
import { formatAnswer, formatChartCaption } from './format.ts';
import { CAPTION_LIMIT, type SafeHtml, splitHtml } from './html.ts';
import { answerOverlong } from './message-limits.ts';
import type { FollowUp } from './state.ts';

/** Whose follow-ups these are: this user in this chat (inline queries have no chat). */
const followUpKey = (ctx: Context) => `${ctx.chat?.id ?? 0}:${ctx.from?.id ?? 0}`;

/**
 * Answers a question in the user's language. Follow-ups (那民和呢) continue this chat's and
 * user's previous question for 30 minutes, whichever instance answered it: the previous question
 * lives in the bot's state, written before the reply goes out. State that cannot be read or
 * written costs the follow-up, not the answer.
 */
export async function askStore(
  question: string,
  { store, state, logger }: Pick<FeatureDeps, 'store' | 'state' | 'logger'>,
  ctx: Context,
): Promise<Answer> {
  const lang = langOf(ctx);
  const overlong = answerOverlong(question, lang);
  if (overlong) return overlong;
  const key = followUpKey(ctx);
  const today = new Date();
  const held = await state.followUps.read(key).catch((err: unknown) => {
    logger.warn({ err }, 'follow-up state unreadable; answering without it');
    return undefined;
  });
  const answer = await answerQuestion(question, store, { lang, today, previous: held?.query });
  if (isFollowUpAnchor(answer.query)) {
    const entry: FollowUp = { query: answer.query, at: today.getTime() };
    await state.followUps.write(key, entry).catch((err: unknown) => {
      logger.warn({ err }, 'follow-up state not written');
    });
  }
  return answer;
}

/** Buttons for a clarification: short questions travel in the button, long ones by index. */
export function buildChoiceKeyboard(answer: Answer): InlineKeyboard {
  return InlineKeyboard.from(
    (answer.choices ?? []).map((choice, index) => {
      const data = fitsCallback(choice.question)
        ? packCallback({ kind: 'ask', question: choice.question })
        : packCallback({ kind: 'pick', index });
      return [InlineKeyboard.text(choice.label, data)];
    }),
  );
}

/** Sends a chart as a photo rendered server-side, the figures in the caption. */
export async function sendChart(
  ctx: Context,
  chart: ChartSpec,
  caption: SafeHtml = formatChartCaption(chart),
  reply_parameters?: ReplyParameters,
): Promise<void> {
  const photo = new InputFile(renderChart(chart), 'chart.png');
  await ctx.replyWithPhoto(photo, { caption: caption.value, parse_mode: 'HTML', reply_parameters });
}

/** Sends an answer: clarification keyboard, chart photo with the figures as caption, text split at 4096. */
export async function replyAnswer(
  ctx: Context,
  answer: Answer,
  deps: Pick<FeatureDeps, 'state' | 'logger'>,
): Promise<void> {
  const replyTo = ctx.msg?.message_id;
  const reply_parameters: ReplyParameters | undefined = replyTo
    ? { message_id: replyTo, allow_sending_without_reply: true }
    : undefined;
  const body = formatAnswer(answer);
  if (answer.choices && answer.choices.length > 0) {
    await ctx.reply(body.value, {
      parse_mode: 'HTML',
      reply_markup: buildChoiceKeyboard(answer),
      reply_parameters,
    });
    return;
  }
  let rest = splitHtml(body);
  if (answer.chart && answer.chart.values.length > 0) {
    const fitsCaption = body.value.length <= CAPTION_LIMIT;
    const caption = fitsCaption ? body : formatChartCaption(answer.chart);
    await sendChart(ctx, answer.chart, caption, reply_parameters);
    if (fitsCaption) rest = [];
  }
  for (const part of rest) await ctx.reply(part.value, { parse_mode: 'HTML', reply_parameters });
  await offerExport(ctx, answer, deps, reply_parameters);
}

/** The key of a reply's table: the chat, and the token its CSV/XLSX buttons carry. */
export const exportKey = (chatId: number, token: string) => `${chatId}:${token}`;

/**
 * Comparisons, rankings and trends: CSV and XLSX buttons under the reply. The table is kept in
 * the bot's state (6 hours), so a button works whichever instance receives the press; a table
 * the state cannot take gets no buttons (the answer itself has gone out).
 */
async function offerExport(
  ctx: Context,
  answer: Answer,
  { state, logger }: Pick<FeatureDeps, 'state' | 'logger'>,
  reply_parameters?: ReplyParameters,
): Promise<void> {
  if (!answer.table || answer.table.rows.length === 0 || !ctx.chat) return;
  const token = randomBytes(9).toString('base64url');
  try {
    await state.exportTables.write(exportKey(ctx.chat.id, token), answer.table);
  } catch (err) {
    logger.warn({ err }, 'table not kept; no export buttons');
    return;
  }
  const keyboard = new InlineKeyboard()
    .text('CSV', packExport('csv', token))
    .text('XLSX', packExport('xlsx', token));
  const text = answer.lang === 'en' ? 'Download the table:' : '下载表格：';
  await ctx.reply(text, { reply_markup: keyboard, reply_parameters });
}

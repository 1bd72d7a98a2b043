import type { Context } from 'grammy';
import { InlineKeyboard, InputFile } from 'grammy';
import type { ReplyParameters } from 'grammy/types';
import type { Answer, ChartSpec, ExportTable } from '../answer/index.ts';
import { answerQuestion, FollowUpMemory } from '../answer/index.ts';
import type { Store } from '../store/index.ts';
import { fitsCallback, packCallback, packExport } from './callback-data.ts';
import { renderChart } from './chart.ts';
import { langOf } from './context.ts';
import { formatAnswer, formatChartCaption } from './format.ts';
import { CAPTION_LIMIT, type SafeHtml, splitHtml } from './html.ts';
import { answerOverlong } from './message-limits.ts';

/** Answers a question in the user's language. */
export function askStore(question: string, store: Store, ctx: Context): Answer {
  const lang = langOf(ctx);
  const overlong = answerOverlong(question, lang);
  if (overlong) return overlong;
  // Follow-ups (那民和呢) continue this chat's and user's previous question, for 30 minutes.
  const key = `${ctx.chat?.id ?? 0}:${ctx.from?.id ?? 0}`;
  const today = new Date();
  const answer = answerQuestion(question, store, { lang, today, previous: followUps.recall(key, today) });
  followUps.remember(key, answer.query, today);
  return answer;
}

/** The previous question per chat and user, for follow-ups. */
const followUps = new FollowUpMemory();

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
export async function replyAnswer(ctx: Context, answer: Answer): Promise<void> {
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
  await offerExport(ctx, answer, reply_parameters);
}

/** Tables of recent replies, by the number their CSV/XLSX buttons carry (the last 500). */
const exportTables = new Map<number, ExportTable>();
let nextTable = 1;

/** Comparisons, rankings and trends: CSV and XLSX buttons under the reply. */
async function offerExport(ctx: Context, answer: Answer, reply_parameters?: ReplyParameters): Promise<void> {
  if (!answer.table || answer.table.rows.length === 0) return;
  const id = nextTable++;
  exportTables.set(id, answer.table);
  if (exportTables.size > 500) exportTables.delete(exportTables.keys().next().value!);
  const keyboard = new InlineKeyboard()
    .text('CSV', packExport('csv', id))
    .text('XLSX', packExport('xlsx', id));
  const text = answer.lang === 'en' ? 'Download the table:' : '下载表格：';
  await ctx.reply(text, { reply_markup: keyboard, reply_parameters });
}

/** The table behind an export button, if still held. */
export function exportTableFor(id: number): ExportTable | undefined {
  return exportTables.get(id);
}

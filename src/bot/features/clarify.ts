import { Composer, type Context, InputFile } from 'grammy';
import { type Answer, toCsv, toXlsx } from '../../answer/index.ts';
import { stripMention } from '../addressing.ts';
import { askStore, buildChoiceKeyboard, exportKey, replyAnswer, sendChart } from '../ask.ts';
import { unpackCallback, unpackExport } from '../callback-data.ts';
import { langOf } from '../context.ts';
import type { FeatureDeps } from '../deps.ts';
import { buildExamples } from '../examples.ts';
import { formatAnswer } from '../format.ts';
import { splitHtml } from '../html.ts';
import { getMessages } from '../messages.ts';

/** The question a button stands for; undefined when it can no longer be rebuilt. */
async function resolveQuestion(ctx: Context, deps: FeatureDeps): Promise<string | undefined> {
  const data = unpackCallback(ctx.callbackQuery?.data);
  if (!data) return undefined;
  if (data.kind === 'ask') return data.question;
  if (data.kind === 'example') {
    return buildExamples(deps.store, langOf(ctx))[data.index];
  }
  // A long choice: re-ask the original question (the clarification replies to it) and take the n-th choice.
  const original = ctx.callbackQuery?.message?.reply_to_message?.text;
  if (!original) return undefined;
  const again = await askStore(stripMention(original, ctx.me.username), deps, ctx);
  return again.choices?.[data.index]?.question;
}

/** Edits the clarification message into the answer (or the next clarification). */
async function editIntoAnswer(ctx: Context, answer: Answer): Promise<void> {
  const [first, ...rest] = splitHtml(formatAnswer(answer));
  const reply_markup = answer.choices?.length ? buildChoiceKeyboard(answer) : undefined;
  await ctx.editMessageText(first?.value ?? '…', { parse_mode: 'HTML', reply_markup });
  for (const part of rest) await ctx.reply(part.value, { parse_mode: 'HTML' });
  if (answer.chart && !answer.choices?.length) await sendChart(ctx, answer.chart);
}

/** An export button: the reply's table as a CSV or XLSX document (sources and warnings in columns). */
async function sendExport(
  ctx: Context,
  deps: FeatureDeps,
  format: 'csv' | 'xlsx',
  token: string,
): Promise<void> {
  const chatId = ctx.chat?.id;
  const table =
    chatId === undefined ? undefined : await deps.state.exportTables.read(exportKey(chatId, token));
  if (!table) {
    await ctx.answerCallbackQuery({ text: getMessages(langOf(ctx)).clarifyExpired });
    return;
  }
  await ctx.answerCallbackQuery();
  const bytes = format === 'csv' ? Buffer.from(toCsv(table), 'utf8') : await toXlsx(table);
  await ctx.replyWithDocument(new InputFile(bytes, `table.${format}`));
}

/** Buttons: example questions from /start and clarification choices. */
export function createClarifyFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('callback_query:data', async (ctx) => {
    const exported = unpackExport(ctx.callbackQuery.data);
    if (exported) {
      await sendExport(ctx, deps, exported.format, exported.token);
      return;
    }
    const data = unpackCallback(ctx.callbackQuery.data);
    const question = await resolveQuestion(ctx, deps);
    if (!data || !question) {
      const m = getMessages(langOf(ctx));
      await ctx.answerCallbackQuery({ text: m.clarifyExpired });
      return;
    }
    await ctx.answerCallbackQuery();
    const answer = await askStore(question, deps, ctx);
    if (data.kind === 'example') await replyAnswer(ctx, answer, deps);
    else await editIntoAnswer(ctx, answer);
  });
  return composer;
}

import { Composer, type Context, InlineKeyboard } from 'grammy';
import { packCallback } from '../callback-data.ts';
import { langOf } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { buildExamples } from '../examples.ts';
import { html, joinHtml } from '../html.ts';
import { getMessages } from '../messages.ts';

/** /start: what the bot does, and three example questions as buttons. */
export function createStartFeature({ store }: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('start', async (ctx) => {
    const lang = langOf(ctx);
    const m = getMessages(lang);
    const keyboard = InlineKeyboard.from(
      buildExamples(store, lang).map((question, index) => [
        InlineKeyboard.text(question, packCallback({ kind: 'example', index })),
      ]),
    );
    const text = joinHtml([html`${m.startIntro}`, html``, html`${m.startExamples}`]);
    await ctx.reply(text.value, { parse_mode: 'HTML', reply_markup: keyboard });
  });
  return composer;
}

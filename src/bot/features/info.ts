import { Composer, type Context } from 'grammy';
import { langOf } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { formatReportList } from '../format.ts';
import { html, splitHtml } from '../html.ts';
import { getMessages } from '../messages.ts';

/** /help, /about and /list: fixed texts and the reports held. */
export function createInfoFeature({ store }: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('help', async (ctx) => {
    const m = getMessages(langOf(ctx));
    await ctx.reply(html`${m.help}`.value, { parse_mode: 'HTML' });
  });
  composer.command('about', async (ctx) => {
    const m = getMessages(langOf(ctx));
    await ctx.reply(html`${m.about}`.value, { parse_mode: 'HTML' });
  });
  composer.command('list', async (ctx) => {
    const lang = langOf(ctx);
    const held = store.catalogue().map((report) => ({ report }));
    for (const part of splitHtml(formatReportList(held, lang))) {
      await ctx.reply(part.value, { parse_mode: 'HTML' });
    }
  });
  return composer;
}

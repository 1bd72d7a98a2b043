import { Composer, type Context } from 'grammy';
import { langOf } from '../context.ts';
import { html } from '../html.ts';
import { getMessages } from '../messages.ts';

/** Last in line: a hint in private chats, silence in groups, and no callback left spinning. */
export function createUnhandledFeature(): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  composer.chatType('private').on('message', async (ctx) => {
    const m = getMessages(langOf(ctx));
    await ctx.reply(html`${m.unhandled}`.value, { parse_mode: 'HTML' });
  });
  return composer;
}

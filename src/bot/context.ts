import type { Context, NextFunction } from 'grammy';
import { detectLang, type Lang } from './messages.ts';

/**
 * What the user wrote in this update, for choosing the language: a message's text or caption
 * (a /start payload is a deep-link parameter, not words), an inline query, or — for a button
 * under a clarification — the question that clarification replied to.
 */
function userText(ctx: Context): string | undefined {
  const msg = ctx.message ?? ctx.editedMessage;
  const text = msg?.text ?? msg?.caption;
  if (text !== undefined) return /^\/start(?:@\w+)?(?:\s|$)/.test(text) ? undefined : text;
  if (ctx.inlineQuery) return ctx.inlineQuery.query;
  return ctx.callbackQuery?.message?.reply_to_message?.text;
}

const chosen = new WeakMap<Context, Lang>();

/** Middleware, first in the bot: chooses the reply language once per update (see `langOf`). */
export async function chooseLanguage(ctx: Context, next: NextFunction): Promise<void> {
  chosen.set(ctx, detectLang(userText(ctx), ctx.from?.language_code));
  await next();
}

/**
 * The reply language of this update: the script of what the user wrote, else their Telegram
 * language. Chosen by `chooseLanguage`; a context it never saw gets the same rule on the spot.
 */
export function langOf(ctx: Context): Lang {
  let lang = chosen.get(ctx);
  if (lang === undefined) {
    lang = detectLang(userText(ctx), ctx.from?.language_code);
    chosen.set(ctx, lang);
  }
  return lang;
}

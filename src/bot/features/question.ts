import { Composer, type Context } from 'grammy';
import { isAddressed, stripMention } from '../addressing.ts';
import { askStore, replyAnswer } from '../ask.ts';
import type { FeatureDeps } from '../deps.ts';

/**
 * Text questions: every text in a private chat; in groups only a mention of the bot or a
 * reply to it (so the bot stays quiet even when privacy mode is off).
 */
export function createQuestionFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:text', async (ctx, next) => {
    if (ctx.msg.text.startsWith('/')) return next();
    if (!isAddressed(ctx)) return;
    const question = stripMention(ctx.msg.text, ctx.me.username);
    if (!question) return next();
    await replyAnswer(ctx, await askStore(question, deps, ctx), deps);
  });
  return composer;
}

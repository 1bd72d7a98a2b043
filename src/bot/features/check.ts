import { Composer, type Context } from 'grammy';
import { askStore, replyAnswer } from '../ask.ts';
import { langOf } from '../context.ts';
import type { FeatureDeps } from '../deps.ts';
import { html } from '../html.ts';
import { getMessages } from '../messages.ts';

/** /check <机关> <年份>: the consistency warnings of one report, through the answering code. */
export function createCheckFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('check', async (ctx) => {
    const args = ctx.match.trim();
    const lang = langOf(ctx);
    if (!args) {
      await ctx.reply(html`${getMessages(lang).checkUsage}`.value, { parse_mode: 'HTML' });
      return;
    }
    const question = lang === 'en' ? `check ${args}` : `检查${args.replace(/\s+(\d{4})$/, '$1年')}`;
    await replyAnswer(ctx, await askStore(question, deps, ctx), deps);
  });
  return composer;
}

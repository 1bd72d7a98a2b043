import { Composer, type Context } from 'grammy';
import { askStore, replyAnswer } from '../ask.ts';
import { langOf } from '../context.ts';
import type { FeatureDeps } from '../deps.ts';
import { html } from '../html.ts';
import { getMessages } from '../messages.ts';

/** /compare <机关…> <指标>: a comparison with its chart, through the answering code. */
export function createCompareFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('compare', async (ctx) => {
    const words = ctx.match.trim().split(/\s+/).filter(Boolean);
    const lang = langOf(ctx);
    if (words.length < 2) {
      await ctx.reply(html`${getMessages(lang).compareUsage}`.value, { parse_mode: 'HTML' });
      return;
    }
    const figure = words.pop()!;
    const question =
      lang === 'en' ? `compare ${words.join(' and ')} ${figure}` : `比较${words.join('和')}的${figure}`;
    await replyAnswer(ctx, await askStore(question, deps, ctx), deps);
  });
  return composer;
}

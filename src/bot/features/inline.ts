import { createHash } from 'node:crypto';
import { Composer, type Context } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { Answer } from '../../answer/index.ts';
import { askStore } from '../ask.ts';
import { langOf } from '../context.ts';
import type { FeatureDeps } from '../deps.ts';
import { formatAnswer, formatNumber } from '../format.ts';
import { MESSAGE_LIMIT, truncateHtml } from '../html.ts';
import { getMessages } from '../messages.ts';

/** Title and description of the article: the figure, then its source and warning count. */
function describeAnswer(answer: Answer): { title: string; description: string } {
  const m = getMessages(answer.lang);
  const first = answer.answers[0];
  const firstLine = answer.text.split('\n')[0] ?? answer.text;
  const warnings = m.inlineWarnings(answer.warnings.length);
  // Only a single-figure answer is titled with its figure; a place without a report of its own
  // (西宁 行政处罚), a ranking or a sum is titled with its first line, which says what it is.
  if (!first || first.value === null || answer.intent !== 'lookup')
    return { title: firstLine.slice(0, 100), description: warnings };
  const more = answer.answers.length > 1 ? ` (+${answer.answers.length - 1})` : '';
  return {
    title: `${first.agency} ${first.year}：${formatNumber(first.value)} ${first.unit}${more}`,
    description: `${first.source.table} · ${first.source.row} · ${first.source.col} — ${warnings}`,
  };
}

/** Inline mode: `@bot 问题` offers the answer as one article result. */
export function createInlineFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    if (!query) {
      const m = getMessages(langOf(ctx));
      await ctx.answerInlineQuery([], {
        cache_time: 60,
        button: { text: m.inlineHint, start_parameter: 'help' },
      });
      return;
    }
    const answer = await askStore(query, deps, ctx);
    const { title, description } = describeAnswer(answer);
    const article: InlineQueryResultArticle = {
      type: 'article',
      id: createHash('sha1').update(query).digest('hex'),
      title,
      description,
      input_message_content: {
        message_text: truncateHtml(formatAnswer(answer), MESSAGE_LIMIT).value,
        parse_mode: 'HTML',
      },
    };
    // Short cache: an upload can change the answer.
    await ctx.answerInlineQuery([article], { cache_time: 10 });
  });
  return composer;
}

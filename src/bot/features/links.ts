import { randomBytes } from 'node:crypto';
import { Composer, type Context, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import {
  type CrawlEvent,
  type CrawlSummary,
  countOutcomes,
  crawlListing,
  ingestLink,
} from '../../crawl/index.ts';
import { createFetcher, createPoliteClient, type FetchedResource } from '../../fetch/index.ts';
import { isAddressed } from '../addressing.ts';
import { langOf } from '../context.ts';
import type { FeatureDeps } from '../deps.ts';
import { formatUpload } from '../format.ts';
import { html, joinHtml, type SafeHtml, splitHtml } from '../html.ts';
import { type CrawlProgress, getLinkMessages } from '../link-messages.ts';
import { getMessages, type Lang } from '../messages.ts';

/** Links read from one message; more are refused with a note. */
const MAX_LINKS = 5;
/** Progress edits at most this often (Telegram limits edits per chat). */
const EDIT_INTERVAL_MS = 3000;
/** Failure lines shown under a finished crawl. */
const MAX_FAILURES_SHOWN = 10;
const URL_IN_TEXT = /https?:\/\/[^\s<>"'，。；、）》】]+/gi;
const STOP_DATA = /^crawl-stop:([\w-]{1,16})$/;
/** How often a running crawl looks for a cancel pressed on another instance, and says it is alive. */
const STOP_POLL_MS = 2000;
const ALIVE_EVERY_MS = 30_000;

/** Cancel-button data; a typed pair with STOP_DATA. */
const packStop = (job: string) => `crawl-stop:${job}`;

/** http(s) links of a message: typed URLs and hidden text links, once each, in order. */
export function linksIn(msg: Pick<Message, 'text' | 'entities'>): string[] {
  const text = msg.text ?? '';
  const entities = msg.entities ?? [];
  const found = [...(text.match(URL_IN_TEXT) ?? [])];
  for (const e of entities) if (e.type === 'text_link' && /^https?:\/\//i.test(e.url)) found.push(e.url);
  return [...new Set(found)];
}

interface CrawlJob {
  chatId: number;
  controller: AbortController;
}

/**
 * Links from admins: a report page (or its attachment) is ingested with the upload reply; a
 * listing of reports starts a background crawl that edits one progress message and can be
 * cancelled with its button. Others get the polite refusal and nothing is fetched. One crawl
 * per chat across instances: the running crawl is noted in the bot's state, and a cancel pressed
 * on another instance reaches it through the state within a few seconds.
 */
export function createLinksFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  /** Crawls running in this process, by job token. */
  const jobs = new Map<string, CrawlJob>();
  const { state } = deps;
  const isAdmin = (ctx: Context) => ctx.from !== undefined && deps.config.adminIds.includes(ctx.from.id);

  composer.on('message:text', async (ctx, next) => {
    const urls = linksIn(ctx.msg);
    if (urls.length === 0 || !isAddressed(ctx)) return next();
    const lang = langOf(ctx);
    const reply = (markup: SafeHtml) =>
      ctx.reply(markup.value, { parse_mode: 'HTML', reply_parameters: { message_id: ctx.msg.message_id } });
    if (!isAdmin(ctx)) {
      await reply(html`${getMessages(lang).notAdmin}`);
      return;
    }
    const lm = getLinkMessages(lang);
    if (urls.length > MAX_LINKS) await reply(html`${lm.tooManyLinks(MAX_LINKS)}`);
    const fetcher = createFetcher(deps.config.fetch);
    try {
      // a person's own link is not a crawl: no robots.txt, one request at a time
      const client = createPoliteClient(fetcher, { robots: false });
      for (const url of urls.slice(0, MAX_LINKS)) {
        const result = await ingestLink(url, {
          client,
          store: deps.store,
          signal: deps.stopping,
          limits: deps.config.limits,
        });
        if (result.kind === 'listing') {
          await startCrawl(ctx, url, result.page, lang);
          continue;
        }
        const r = result.outcome;
        if (!r.ok) {
          deps.logger.info({ url, code: r.code }, 'link rejected');
          await reply(html`${lm.linkFailed(url, r.code, r.message)}`);
          continue;
        }
        deps.logger.info({ url, report: r.report.id, outcome: r.outcome }, 'report added from a link');
        for (const part of splitHtml(formatUpload(r, r.outcome, lang))) await reply(part);
      }
    } finally {
      await fetcher.close();
    }
  });

  composer.callbackQuery(STOP_DATA, async (ctx) => {
    const lang = langOf(ctx);
    if (!isAdmin(ctx)) {
      await ctx.answerCallbackQuery({ text: getMessages(lang).notAdmin });
      return;
    }
    const token = ctx.match[1]!;
    const local = jobs.get(token);
    local?.controller.abort();
    // running in another instance: it reads the stop note within STOP_POLL_MS
    const running =
      local !== undefined || (ctx.chat && (await state.crawls.read(String(ctx.chat.id)))?.job === token);
    if (running && !local) await state.crawlStops.write(token, true);
    await ctx.answerCallbackQuery({
      text: getLinkMessages(lang)[running ? 'cancelling' : 'crawlNotRunning'],
    });
  });

  /** Starts a crawl in the background, so this chat's later updates (the cancel button) are not held up. */
  async function startCrawl(ctx: Context, url: string, page: FetchedResource, lang: Lang): Promise<void> {
    const chatId = ctx.chat!.id;
    const lm = getLinkMessages(lang);
    const busy =
      [...jobs.values()].some((j) => j.chatId === chatId) || (await state.crawls.read(String(chatId)));
    if (busy) {
      await ctx.reply(html`${lm.crawlBusy}`.value, { parse_mode: 'HTML' });
      return;
    }
    const id = randomBytes(9).toString('base64url');
    await state.crawls.write(String(chatId), { job: id });
    const keyboard = new InlineKeyboard().text(lm.cancelButton, packStop(id));
    const status = await ctx.reply(html`${lm.crawlStarted(url)}`.value, {
      parse_mode: 'HTML',
      reply_markup: keyboard,
    });
    const controller = new AbortController();
    const stopping = deps.stopping;
    stopping?.addEventListener('abort', () => controller.abort(), { once: true });
    jobs.set(id, { chatId, controller });
    let alive = Date.now();
    const poll = setInterval(() => {
      void (async () => {
        if (await state.crawlStops.read(id)) controller.abort();
        // not once the crawl has ended (its entry is being deleted)
        if (jobs.has(id) && Date.now() - alive >= ALIVE_EVERY_MS) {
          alive = Date.now();
          await state.crawls.write(String(chatId), { job: id });
        }
      })().catch((err: unknown) => deps.logger.debug({ err }, 'crawl state poll failed'));
    }, STOP_POLL_MS);
    poll.unref();
    const progress: CrawlProgress = {
      url,
      pages: 0,
      found: 0,
      done: 0,
      added: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
    };
    let lastEdit = Date.now();
    const edit = (markup: SafeHtml, withButton: boolean) =>
      ctx.api
        .editMessageText(chatId, status.message_id, markup.value, {
          parse_mode: 'HTML',
          ...(withButton ? { reply_markup: keyboard } : {}),
        })
        .catch((err: unknown) => deps.logger.debug({ err }, 'progress edit failed'));
    const onEvent = (e: CrawlEvent) => {
      if (e.type === 'listing') Object.assign(progress, { pages: e.pages, found: e.found });
      else {
        progress.found = e.total;
        progress.done = e.done;
        if (e.result.ok) progress[e.result.outcome]++;
        else progress.failed++;
      }
      if (Date.now() - lastEdit < EDIT_INTERVAL_MS) return;
      lastEdit = Date.now();
      void edit(html`${lm.crawlProgress(progress)}`, true);
    };
    const fetcher = createFetcher(deps.config.fetch);
    const run = crawlListing(
      url,
      {
        client: createPoliteClient(fetcher),
        store: deps.store,
        signal: controller.signal,
        onEvent,
        limits: deps.config.limits,
      },
      { firstPage: page },
    );
    deps.logger.info({ url, job: id }, 'crawl started');
    void run
      .then(async (summary) => {
        deps.logger.info(
          { url, job: id, ...countOutcomes(summary), cancelled: summary.cancelled },
          'crawl ended',
        );
        await edit(formatCrawlSummary(summary, progress, lang), false);
      })
      .catch((err: unknown) => deps.logger.error({ err, url }, 'crawl failed'))
      .finally(async () => {
        clearInterval(poll);
        jobs.delete(id);
        await Promise.all([state.crawls.delete(String(chatId)), state.crawlStops.delete(id)]).catch(
          (err: unknown) => deps.logger.warn({ err }, 'crawl state not cleared'),
        );
        await fetcher.close();
      });
  }

  return composer;
}

function formatCrawlSummary(summary: CrawlSummary, progress: CrawlProgress, lang: Lang): SafeHtml {
  const lm = getLinkMessages(lang);
  const counts = countOutcomes(summary);
  const failures = [...summary.listingFailures, ...summary.results].flatMap((r) =>
    r.ok ? [] : [html`· [${r.code}] ${r.url}`],
  );
  return joinHtml([
    html`<b>${lm.crawlDone({ ...progress, found: summary.found.length, ...counts }, summary.cancelled)}</b>`,
    ...(failures.length > 0
      ? [html`${lm.crawlFailuresHeader}`, ...failures.slice(0, MAX_FAILURES_SHOWN)]
      : []),
  ]);
}

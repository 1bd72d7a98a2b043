import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { type ApiClientOptions, Bot, type BotError, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { chooseLanguage, langOf } from './context.ts';
import type { BotDeps, FeatureDeps } from './deps.ts';
import { createCheckFeature } from './features/check.ts';
import { createClarifyFeature } from './features/clarify.ts';
import { createCompareFeature } from './features/compare.ts';
import { createInfoFeature } from './features/info.ts';
import { createInlineFeature } from './features/inline.ts';
import { createLinksFeature } from './features/links.ts';
import { createQuestionFeature } from './features/question.ts';
import { createStartFeature } from './features/start.ts';
import { createUnhandledFeature } from './features/unhandled.ts';
import { createUploadFeature } from './features/upload.ts';
import { html } from './html.ts';
import { getMessages } from './messages.ts';
import { type BotState, createBotState } from './state.ts';

export interface CreateBotOptions {
  /** Skips getMe (tests). */
  botInfo?: UserFromGetMe;
  /** Overrides the API client (tests). */
  client?: ApiClientOptions;
  /** Per-user limit; default 3 updates per 2 s. */
  rateLimit?: { timeFrame: number; limit: number };
}

/** A flood beyond this is dropped before it queues, so other users never wait behind it. */
const DEFAULT_RATE = { timeFrame: 2000, limit: 3 };

/**
 * The rate limiter's counter in the bot's state, so that instances behind one token count a
 * user's updates together (the plugin takes any client with Redis's incr and pexpire; the
 * window opens at the first hit, atomically). A counter that cannot be reached lets the update
 * through: the limit guards against floods, it must not silence the bot.
 */
function stateCounter(state: BotState, timeFrame: number, logger: BotDeps['logger']) {
  return {
    incr: (key: string) =>
      state.increment(key, timeFrame).catch((err: unknown) => {
        logger.warn({ err }, 'rate-limit counter unreachable; update let through');
        return 1;
      }),
    pexpire: async () => 1,
  };
}

/** Builds the bot: plugins, features in order, and the error boundary. Does not start it. */
export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Bot {
  const { config, logger } = deps;
  if (!config.botToken) throw new Error('createBot needs BOT_TOKEN');
  const state = deps.state ?? createBotState();
  const full: FeatureDeps = { ...deps, state };
  const rate = options.rateLimit ?? DEFAULT_RATE;
  const bot = new Bot(config.botToken, {
    botInfo: options.botInfo,
    client: { apiRoot: config.apiRoot, ...options.client },
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  // The reply language, once per update, before anything replies (the rate limiter included).
  bot.use(chooseLanguage);

  bot.use(
    limit({
      ...rate,
      storageClient: stateCounter(state, rate.timeFrame, logger),
      keyPrefix: 'rate:',
      keyGenerator: (ctx: Context) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx: Context) => {
        logger.debug({ user: ctx.from?.id }, 'rate limit exceeded');
        if (ctx.chat?.type === 'private') {
          const m = getMessages(langOf(ctx));
          await ctx.reply(html`${m.slowDown}`.value, { parse_mode: 'HTML' }).catch(() => undefined);
        }
      },
    }),
  );
  // One chat's updates in order; other chats run concurrently under the runner.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));

  // The error boundary covers every feature whatever runs the bot (runner, webhook, handleUpdate).
  const apologise = async (err: BotError) => {
    const { ctx } = err;
    logger.error({ err: err.error, update: ctx.update }, 'update failed');
    if (!ctx.chat) return;
    const m = getMessages(langOf(ctx));
    await ctx.reply(html`${m.apology}`.value, { parse_mode: 'HTML' }).catch((e: unknown) => {
      logger.warn({ err: e }, 'apology failed');
    });
  };
  bot
    .errorBoundary(apologise)
    .use(
      createStartFeature(full),
      createInfoFeature(full),
      createCheckFeature(full),
      createCompareFeature(full),
      createUploadFeature(full),
      createLinksFeature(full),
      createQuestionFeature(full),
      createInlineFeature(full),
      createClarifyFeature(full),
      createUnhandledFeature(),
    );
  bot.catch(apologise);
  return bot;
}

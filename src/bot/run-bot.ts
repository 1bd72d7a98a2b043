import { run } from '@grammyjs/runner';
import { Api, type Bot, GrammyError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { grammySignal } from './_grammy-signal.ts';
import { registerCommands } from './commands.ts';
import { createWebhookServer } from './webhook-server.ts';

const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;
const TELEGRAM_ROOT = 'https://api.telegram.org';

/** A started bot; `stop` resolves once running handlers have finished. */
export interface RunningBot {
  stop(): Promise<void>;
}

/** The Bot API could not be reached or refused the bot at start; says which setting to check. */
export class BotStartError extends Error {
  override readonly name = 'BotStartError';
  readonly code = 'BOT_API_UNREACHABLE';
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * getMe with retries until `signal` ends the wait. A network failure is retried (the server
 * may be coming up); an answer that refuses the bot (401, 404) is not. Plain Api, so the
 * bot's auto-retry (which waits up to an hour between attempts) cannot hold the start.
 */
async function fetchBotInfo(config: Config, logger: Logger, signal: AbortSignal): Promise<UserFromGetMe> {
  const root = config.apiRoot ?? TELEGRAM_ROOT;
  const api = new Api(config.botToken!, { apiRoot: config.apiRoot });
  let lastError = 'no answer';
  for (let delay = 500; ; delay = Math.min(delay * 2, 8000)) {
    try {
      return await api.getMe(grammySignal(signal));
    } catch (err) {
      if (err instanceof GrammyError) {
        const setting = err.error_code === 401 ? 'BOT_TOKEN' : 'TELEGRAM_API_ROOT';
        throw new BotStartError(
          `the Bot API at ${root} refused getMe (${err.error_code} ${err.description}): check ${setting}`,
          { cause: err },
        );
      }
      if (signal.aborted) throw new BotStartError(`the Bot API at ${root} did not answer (${lastError})`);
      lastError = (err as Error).message;
      logger.warn({ apiRoot: root, err: lastError }, 'Bot API not reachable yet; retrying');
      await sleep(delay, signal);
    }
  }
}

/** Runs the start-up calls under one deadline, so a wrong TELEGRAM_API_ROOT fails fast with a clear line. */
async function withStartDeadline<T>(
  config: Config,
  logger: Logger,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const root = config.apiRoot ?? TELEGRAM_ROOT;
  const seconds = config.startTimeoutSeconds;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new BotStartError(
          `the Bot API at ${root} did not answer within ${seconds} s: check TELEGRAM_API_ROOT and the network (BOT_START_TIMEOUT_S sets the wait)`,
        ),
      );
    }, seconds * 1000);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } catch (err) {
    controller.abort();
    const message = err instanceof BotStartError ? err.message : (err as Error).message;
    logger.error({ apiRoot: root }, `bot start failed: ${message}`);
    throw err instanceof BotStartError ? err : new BotStartError(message, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

/** Starts the bot: webhook when configured, else long polling with the runner. */
export async function startBot(bot: Bot, config: Config, logger: Logger): Promise<RunningBot> {
  logger.info({ apiRoot: config.apiRoot ?? TELEGRAM_ROOT }, 'connecting to the Bot API');
  await withStartDeadline(config, logger, async (signal) => {
    if (!bot.isInited()) bot.botInfo = await fetchBotInfo(config, logger, signal);
    await registerCommands(bot.api);
    if (!config.webhook) await bot.api.deleteWebhook({}, grammySignal(signal));
  });
  if (config.webhook) {
    const { url, port, secret } = config.webhook;
    const webhook = createWebhookServer(bot, secret, logger);
    await new Promise<void>((resolve, reject) => {
      webhook.server.once('error', reject);
      webhook.server.listen(port, () => resolve());
    });
    // listening before Telegram is told the URL, so no update meets a closed port
    await withStartDeadline(config, logger, (signal) =>
      bot.api.setWebhook(
        url,
        { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] },
        grammySignal(signal),
      ),
    ).catch(async (err: unknown) => {
      await webhook.close();
      throw err;
    });
    logger.info({ bot: bot.botInfo.username, port }, 'webhook listening');
    return { stop: () => webhook.close() };
  }
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true, retryInterval: 'exponential' },
  });
  logger.info({ bot: bot.botInfo.username }, 'long polling');
  return { stop: () => (runner.isRunning() ? runner.stop() : Promise.resolve()) };
}

import { createServer } from 'node:http';
import { run } from '@grammyjs/runner';
import { type Bot, webhookCallback } from 'grammy';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { registerCommands } from './commands.ts';

const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** A started bot; `stop` resolves once running handlers have finished. */
export interface RunningBot {
  stop(): Promise<void>;
}

/** Starts the bot: webhook when configured, else long polling with the runner. */
export async function startBot(bot: Bot, config: Config, logger: Logger): Promise<RunningBot> {
  await bot.init();
  await registerCommands(bot.api);
  if (config.webhook) {
    const { url, secret, port } = config.webhook;
    const server = createServer(webhookCallback(bot, 'http', { secretToken: secret }));
    await new Promise<void>((resolve) => server.listen(port, resolve));
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info({ bot: bot.botInfo.username, port }, 'webhook listening');
    return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
  await bot.api.deleteWebhook();
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true, retryInterval: 'exponential' },
  });
  logger.info({ bot: bot.botInfo.username }, 'long polling');
  return { stop: () => (runner.isRunning() ? runner.stop() : Promise.resolve()) };
}

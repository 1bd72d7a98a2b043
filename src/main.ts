import { prepareAnswers } from './answer/index.ts';
import {
  createBot,
  ensureStore,
  followStore,
  openBotState,
  type RunningBot,
  runTerminalChat,
  startBot,
} from './bot/index.ts';
import { parseConfig } from './config.ts';
import { createLogger, type Logger } from './logger.ts';

/** Hard cap for shutdown: the process exits within 5 s of SIGTERM/SIGINT. */
const SHUTDOWN_DEADLINE_MS = 4500;

/**
 * Whatever an update or request carries, an error it causes that escapes its handler is
 * logged and the process keeps serving the others (the error boundary and the webhook
 * server catch what they can; this is the last net).
 */
function guardProcess(logger: Logger): void {
  process.on('unhandledRejection', (err: unknown) => {
    logger.error({ err }, 'unhandled rejection; still running');
  });
  process.on('uncaughtException', (err: Error) => {
    logger.error({ err }, 'uncaught exception; still running');
  });
}

/** Composition root: config → store → Telegram bot, or the terminal chat without a token. */
async function main(): Promise<number> {
  const config = parseConfig(process.env);
  // The terminal chat keeps stderr quiet unless LOG_LEVEL asks for more.
  const level = !config.botToken && !process.env.LOG_LEVEL ? 'warn' : config.logLevel;
  const logger = createLogger({ level, secrets: [config.botToken] });
  guardProcess(logger);
  // a signal while the store is being built waits for its (atomic) write, then exits cleanly
  let stopRequested = false;
  const requestStop = () => {
    stopRequested = true;
  };
  process.on('SIGTERM', requestStop);
  process.on('SIGINT', requestStop);
  // DATABASE_URL: PostgreSQL, shared by every instance; else the JSON file
  const store = await ensureStore(config.databaseUrl ?? config.storePath, config.reportsDir, logger);
  process.off('SIGTERM', requestStop);
  process.off('SIGINT', requestStop);
  if (stopRequested) return 0;
  // the question indexes are built now, not on the first question (≈0.5 s)
  const started = performance.now();
  await prepareAnswers(store);
  logger.info({ ms: Math.round(performance.now() - started) }, 'answer indexes built');
  if (!config.botToken) {
    await runTerminalChat(store, {
      input: process.stdin,
      output: process.stdout,
      languageCode: process.env.LANG?.split(/[._]/)[0],
    });
    return 0;
  }
  const stopping = new AbortController();
  // per-chat state and the store's changes shared with other instances behind the same token
  const state = await openBotState(config, store, logger);
  const unwatch = followStore(store, logger);
  const bot = createBot({ config, store, logger, stopping: stopping.signal, state });
  const running: RunningBot = await startBot(bot, config, logger);
  await new Promise<void>((resolve) => {
    // `on`, not `once`: the store lock's signal-exit handler kills the process with the signal
    // when it finds itself the last listener, so ours stays registered until exit
    const shutdown = (signal: string) => {
      if (stopping.signal.aborted) return;
      logger.info({ signal }, 'shutting down');
      stopping.abort();
      setTimeout(() => {
        logger.warn('handlers still running at the deadline; exiting');
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      running
        .stop()
        .catch((err: unknown) => logger.error({ err }, 'stop failed'))
        .then(async () => {
          unwatch();
          await state.close();
          await store.close();
        })
        .catch((err: unknown) => logger.warn({ err }, 'state or store not closed cleanly'))
        .then(resolve);
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
  });
  logger.info('stopped');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const e = err as { code?: string; message?: string };
    process.stderr.write(`错误${e.code ? ` [${e.code}]` : ''}：${e.message ?? String(err)}\n`);
    process.exit(1);
  },
);

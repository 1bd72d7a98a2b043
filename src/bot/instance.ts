import type pg from 'pg';
import { prepareAnswers } from '../answer/index.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/index.ts';
import { type BotState, createBotState } from './state.ts';

/**
 * What one instance needs to serve beside others behind the same token: the shared state, and
 * the store's changes followed as they happen.
 */

/**
 * The bot's per-chat state: in PostgreSQL with DATABASE_URL (on the store's own connection pool
 * when the store lives there too), else in this process's memory.
 */
export async function openBotState(
  config: Pick<Config, 'databaseUrl'>,
  store: Pick<Store, 'path'>,
  logger: Logger,
): Promise<BotState> {
  if (!config.databaseUrl) return createBotState();
  const { openPgState } = await import('./state-pg.ts');
  const pool = (store as { pool?: pg.Pool }).pool;
  const state = createBotState(await openPgState(pool ?? config.databaseUrl, { logger }));
  logger.info({ store: store.path }, 'bot state shared in PostgreSQL');
  return state;
}

/** Changes that arrive together (a crawl's batch) warm the indexes once. */
const SETTLE_MS = 50;

/**
 * Follows the store's changes — this instance's writes and, through the backend's watch
 * (PostgreSQL LISTEN/NOTIFY, or the JSON file's folder), another instance's: each is logged and
 * the question indexes are brought up to date at once, so the next question, to whichever
 * instance, is answered from the new report without paying for the update. Returns `unwatch`.
 */
export function followStore(store: Store, logger: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  const unwatch = store.watch((change) => {
    logger.info({ revision: change.revision, reports: change.ids.length }, 'store changed');
    clearTimeout(timer);
    timer = setTimeout(() => {
      const started = performance.now();
      Promise.resolve()
        .then(() => prepareAnswers(store))
        .then(
          () => logger.debug({ ms: Math.round(performance.now() - started) }, 'answer indexes updated'),
          (err: unknown) => logger.warn({ err }, 'answer indexes not updated; the next question will'),
        );
    }, SETTLE_MS);
    timer.unref();
  });
  return () => {
    clearTimeout(timer);
    unwatch();
  };
}

import type { StorageAdapter } from 'grammy';
import pg from 'pg';
import type { Logger } from '../logger.ts';
import { redactUrl } from '../store/index.ts';
import type { StateBackend } from './state.ts';

/**
 * The bot's state in PostgreSQL, shared by every instance that serves one bot: one table of
 * key → JSON value with an expiry column (taken from grammY's expiry envelope, so expired rows
 * are skipped on read and deleted in the background), and rate-limit counters in the same table,
 * counted atomically by one upsert.
 *
 * Not @grammyjs/storage-psql: it keeps no expiry (every chat's row would stay forever — grammY
 * only drops an expired value when the same key is read again, and a button's token never is)
 * and offers no atomic increment for the counters.
 */

/** The bot's state lives in this table (created on start, beside the store's tables). */
export const STATE_TABLE = 'bot_sessions';
/** Expired rows are deleted this often. */
const CLEANUP_MS = 10 * 60_000;

const MIGRATION = `
CREATE TABLE IF NOT EXISTS ${STATE_TABLE} (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  expires_at timestamptz
);
CREATE INDEX IF NOT EXISTS ${STATE_TABLE}_expires ON ${STATE_TABLE} (expires_at) WHERE expires_at IS NOT NULL;
`;

/** The state database could not be reached or prepared at start; names the setting to check. */
export class StateStoreError extends Error {
  override readonly name = 'StateStoreError';
  readonly code = 'STATE_DB_UNREACHABLE';
}

/** grammY's expiry envelope `{ __d, e }`: the expiry time in ms, if any. */
function expiryOf(value: unknown): number | null {
  const e = (value as { e?: unknown } | null)?.e;
  return typeof e === 'number' && Number.isFinite(e) ? e : null;
}

export interface PgStateOptions {
  logger: Logger;
  /** Connections of its own pool (default 4); unused when given a pool. */
  maxConnections?: number;
}

/**
 * Connects (or borrows the store's pool, which it then leaves open on close), creates the table
 * if missing (once, under an advisory lock) and returns the backend.
 */
export async function openPgState(
  source: string | pg.Pool,
  { logger, maxConnections = 4 }: PgStateOptions,
): Promise<StateBackend> {
  const own = typeof source === 'string';
  const pool = own
    ? new pg.Pool({ connectionString: source, max: maxConnections, connectionTimeoutMillis: 10_000 })
    : source;
  const where = own ? redactUrl(source) : 'DATABASE_URL';
  // an idle connection the server drops must not take the process down; the next query reconnects
  if (own) pool.on('error', (err) => logger.warn({ err: err.message }, 'state database connection lost'));
  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // two instances starting together would race on CREATE TABLE IF NOT EXISTS
      await client.query("SELECT pg_advisory_xact_lock(hashtext('nianbao bot_sessions'))");
      await client.query(MIGRATION);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  } catch (cause) {
    if (own) await pool.end().catch(() => undefined);
    throw new StateStoreError(
      `the bot's state database at ${where} is not usable (${(cause as Error).message}): check DATABASE_URL`,
      { cause },
    );
  }

  const cleanup = setInterval(() => {
    pool
      .query(`DELETE FROM ${STATE_TABLE} WHERE expires_at < now()`)
      .then((r) => r.rowCount && logger.debug({ rows: r.rowCount }, 'expired bot state deleted'))
      .catch((err: unknown) => logger.warn({ err }, 'expired bot state not deleted'));
  }, CLEANUP_MS);
  cleanup.unref();

  const storage: StorageAdapter<unknown> = {
    async read(key) {
      const { rows } = await pool.query<{ value: unknown }>(
        `SELECT value FROM ${STATE_TABLE} WHERE key = $1 AND (expires_at IS NULL OR expires_at > now())`,
        [key],
      );
      return rows[0]?.value;
    },
    async write(key, value) {
      const expires = expiryOf(value);
      await pool.query(
        `INSERT INTO ${STATE_TABLE} (key, value, expires_at)
         VALUES ($1, $2::jsonb, CASE WHEN $3::float8 IS NULL THEN NULL ELSE to_timestamp($3::float8 / 1000) END)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
        [key, JSON.stringify(value), expires],
      );
    },
    async delete(key) {
      await pool.query(`DELETE FROM ${STATE_TABLE} WHERE key = $1`, [key]);
    },
  };

  return {
    storage,
    async increment(key, windowMs) {
      // one statement: a new or lapsed window starts at 1, else the count goes up by one
      const { rows } = await pool.query<{ hits: number }>(
        `INSERT INTO ${STATE_TABLE} AS s (key, value, expires_at)
         VALUES ($1, '1'::jsonb, now() + $2::float8 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET
           value = CASE WHEN s.expires_at IS NULL OR s.expires_at <= now() THEN '1'::jsonb
                        ELSE to_jsonb((s.value #>> '{}')::int + 1) END,
           expires_at = CASE WHEN s.expires_at IS NULL OR s.expires_at <= now() THEN excluded.expires_at
                             ELSE s.expires_at END
         RETURNING (value #>> '{}')::int AS hits`,
        [`count:${key}`, windowMs],
      );
      return rows[0]!.hits;
    },
    async close() {
      clearInterval(cleanup);
      if (own) await pool.end();
    },
  };
}

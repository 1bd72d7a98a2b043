import { z } from 'zod';
import { type FetchSettings, parseFetchSettings } from './fetch/index.ts';
import { type IngestLimits, limitsFromEnv } from './ingest/index.ts';

/** Comma-separated Telegram user ids, e.g. `12345,67890`; blank = nobody. */
const AdminIdsSchema = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const ids: number[] = [];
    for (const part of raw.split(/[,\s]+/).filter(Boolean)) {
      if (!/^\d+$/.test(part)) {
        ctx.addIssue({ code: 'custom', message: `“${part}” is not a numeric Telegram user id` });
        return z.NEVER;
      }
      ids.push(Number(part));
    }
    return ids;
  });

/** Empty strings count as unset, as in most `.env` files. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const ConfigSchema = z
  .object({
    BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]+$/, 'looks like 123456:ABC-def… (from @BotFather)')),
    TELEGRAM_API_ROOT: optional(z.url()),
    ADMIN_IDS: AdminIdsSchema,
    STORE_PATH: z.string().min(1).default('data/store.json'),
    DATABASE_URL: optional(
      z
        .string()
        .trim()
        .regex(/^postgres(?:ql)?:\/\/\S+$/i, 'a PostgreSQL URL: postgres://user:password@host:5432/db'),
    ),
    REPORTS_DIR: z.string().min(1).default('data/reports'),
    WEBHOOK_URL: optional(z.url()),
    WEBHOOK_SECRET: optional(z.string().regex(/^[\w-]{1,256}$/, 'only A-Z a-z 0-9 _ - (1–256 chars)')),
    WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    BOT_START_TIMEOUT_S: z.coerce.number().positive().max(3600).default(30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((c) => !c.WEBHOOK_URL || c.WEBHOOK_SECRET, {
    message: 'WEBHOOK_URL needs WEBHOOK_SECRET so that only Telegram can call the webhook',
    path: ['WEBHOOK_SECRET'],
  });

export interface Config {
  /** Absent = terminal chat instead of Telegram. */
  botToken: string | undefined;
  /** Bot API server root; absent = Telegram's. */
  apiRoot: string | undefined;
  adminIds: number[];
  storePath: string;
  /**
   * PostgreSQL holds the store and the bot's per-chat state (follow-ups, buttons, rate limits):
   * several instances behind one token then share both. Absent = the JSON file at `storePath`
   * and this process's memory.
   */
  databaseUrl: string | undefined;
  reportsDir: string;
  /** Present = webhook mode, else long polling. */
  webhook: { url: string; secret: string; port: number } | undefined;
  /** How long start waits for the Bot API before it gives up and says so. */
  startTimeoutSeconds: number;
  /** What one uploaded or bundled file may make us do (INGEST_* variables). */
  limits: IngestLimits;
  /** Downloading links (FETCH_MAX_MB, FETCH_DELAY_MS, FETCH_TIMEOUT_MS, FETCH_CONNECT_TIMEOUT_MS, ALLOW_PRIVATE_FETCH). */
  fetch: FetchSettings;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  readonly code = 'BAD_CONFIG';
}

/** Validates the environment once at start; throws a ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`);
    throw new ConfigError(`invalid configuration (see .env.example):\n  ${lines.join('\n  ')}`, {
      cause: parsed.error,
    });
  }
  const c = parsed.data;
  let limits: IngestLimits;
  try {
    limits = limitsFromEnv(env);
  } catch (cause) {
    throw new ConfigError(`invalid configuration (see .env.example):\n  ${(cause as Error).message}`, {
      cause,
    });
  }
  return {
    botToken: c.BOT_TOKEN,
    apiRoot: c.TELEGRAM_API_ROOT?.replace(/\/+$/, ''),
    adminIds: c.ADMIN_IDS,
    storePath: c.STORE_PATH,
    databaseUrl: c.DATABASE_URL,
    reportsDir: c.REPORTS_DIR,
    webhook:
      c.WEBHOOK_URL && c.WEBHOOK_SECRET
        ? { url: c.WEBHOOK_URL, secret: c.WEBHOOK_SECRET, port: c.WEBHOOK_PORT }
        : undefined,
    startTimeoutSeconds: c.BOT_START_TIMEOUT_S,
    limits,
    fetch: parseFetchSettings(env),
    logLevel: c.LOG_LEVEL,
  };
}

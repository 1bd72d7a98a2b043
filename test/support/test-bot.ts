/** A bot wired to a real store, with outgoing Bot API calls captured instead of sent. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { createBot, ensureStore } from '../../src/bot/index.ts';
import type { BotState } from '../../src/bot/state.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import type { Store } from '../../src/store/index.ts';
import { seedDir } from '../helpers.ts';
import { BOT_USER } from './fake-bot-api.ts';

export interface CapturedCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface TestBot {
  bot: Bot;
  store: Store;
  calls: CapturedCall[];
  /** Feeds one update; `update_id` is assigned. */
  send(update: Omit<Update, 'update_id'>): Promise<void>;
  /** Makes the next call of `method` fail with a 400 error, as Telegram would for bad input. */
  failNext(method: string): void;
  /** Captured calls of these methods, then forgets all captured calls. */
  take(...methods: string[]): CapturedCall[];
  dispose(): Promise<void>;
}

let nextUpdateId = 1;
let nextMessageId = 5000;

/** A store built from the bundled seed reports in a temp dir (real parser, checker, store). */
export async function openSeedStore(): Promise<{ store: Store; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-bot-'));
  const logger = createLogger({ level: 'silent' });
  const store = await ensureStore(join(dir, 'store.json'), seedDir(join(dir, 'reports')), logger);
  return { store, dir };
}

export interface TestBotOptions {
  /** Shared state (another instance's); default: this bot's own memory. */
  state?: BotState;
  /** Another test bot's store, so two bots serve one store (as two instances would). */
  store?: Store;
}

export async function createTestBot(
  env: Record<string, string> = {},
  options: TestBotOptions = {},
): Promise<TestBot> {
  const { store, dir } = options.store ? { store: options.store, dir: undefined } : await openSeedStore();
  const config = parseConfig({ BOT_TOKEN: '123:test', STORE_PATH: store.path, ...env });
  const logger = createLogger({ level: 'silent' });
  const bot = createBot(
    { config, store, logger, state: options.state },
    // A long window, so a test's burst never straddles a reset.
    { botInfo: BOT_USER, rateLimit: { timeFrame: 60_000, limit: 3 } },
  );
  const calls: CapturedCall[] = [];
  const failing = new Set<string>();
  bot.api.config.use((_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    if (failing.delete(method)) {
      // biome-ignore lint/suspicious/noExplicitAny: a transformer returns the method's own result type
      return Promise.resolve({ ok: false, error_code: 400, description: 'Bad Request: injected' } as any);
    }
    calls.push({ method, payload: p });
    const chat = { id: Number(p.chat_id ?? 0), type: 'private' };
    const message = { message_id: nextMessageId++, date: 0, chat, from: BOT_USER, text: p.text };
    const result = method.startsWith('send') || method.startsWith('edit') ? message : true;
    // biome-ignore lint/suspicious/noExplicitAny: a transformer returns the method's own result type
    return Promise.resolve({ ok: true, result } as any);
  });
  return {
    bot,
    store,
    calls,
    send: (update) => bot.handleUpdate({ ...update, update_id: nextUpdateId++ } as Update),
    failNext: (method) => void failing.add(method),
    take(...methods) {
      const picked = calls.filter((c) => methods.length === 0 || methods.includes(c.method));
      calls.length = 0;
      return picked;
    },
    dispose: async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

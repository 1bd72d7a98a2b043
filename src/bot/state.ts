import { type Enhance, enhanceStorage, MemorySessionStorage, type StorageAdapter } from 'grammy';
import type { ExportTable } from '../answer/index.ts';
import { FOLLOW_UP_MS } from '../answer/index.ts';
import type { Query } from '../nlu/index.ts';

/**
 * Where the bot keeps what it remembers between updates: grammY storage adapter (key → JSON
 * value) and an atomic counter for rate limits. In process memory by default; a PostgreSQL
 * table when several instances serve one bot (state-pg.ts), so that any instance can carry on
 * what another began.
 */
export interface StateBackend {
  /** Values are JSON; those written through `BotState` carry grammY's expiry envelope (`e`). */
  readonly storage: StorageAdapter<unknown>;
  /** Counts a hit of `key` and returns the hits of its window (which opens at the first hit). */
  increment(key: string, windowMs: number): Promise<number>;
  close(): Promise<void>;
}

/** A chat's previous question, for follow-ups (那民和呢, 2023年呢). */
export interface FollowUp {
  query: Query;
  at: number;
}

/** A kept-back upload an admin may still replace: which file, by whom. */
export interface PendingReplace {
  fileId: string;
  file: string;
  admin: number;
}

/** A crawl running in some instance: which job, so a cancel button anywhere can reach it. */
export interface RunningCrawl {
  job: string;
}

/** How long each kind of state lives. */
export const STATE_TTL_MS = {
  followUp: FOLLOW_UP_MS,
  replace: 30 * 60_000,
  /** Export buttons work for this long after the reply. */
  exportTable: 6 * 60 * 60_000,
  /** A running crawl refreshes its entry well within this; a dead instance's entry lapses. */
  crawl: 2 * 60_000,
  crawlStop: 10 * 60_000,
} as const;

/** One kind of state: its own key prefix and time to live. */
export interface StateSlot<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

function slot<T>(backend: StateBackend, prefix: string, ttlMs: number): StateSlot<T> {
  const storage = enhanceStorage<T>({
    storage: backend.storage as StorageAdapter<Enhance<T>>,
    millisecondsToLive: ttlMs,
  });
  return {
    read: async (key) => (await storage.read(`${prefix}:${key}`)) ?? undefined,
    write: (key, value) => Promise.resolve(storage.write(`${prefix}:${key}`, value)),
    delete: (key) => Promise.resolve(storage.delete(`${prefix}:${key}`)),
  };
}

/** What the bot remembers between updates, by kind; every value is plain JSON. */
export interface BotState {
  /** Key `chat:user`. */
  followUps: StateSlot<FollowUp>;
  /** Key `chat:token` (the token the CSV/XLSX buttons carry). */
  exportTables: StateSlot<ExportTable>;
  /** Key: the token the replace button carries. */
  replaces: StateSlot<PendingReplace>;
  /** Key: the chat id. */
  crawls: StateSlot<RunningCrawl>;
  /** Key: the job; present = someone pressed cancel. */
  crawlStops: StateSlot<true>;
  /** Hits of `key` in the window opened by its first hit. */
  increment(key: string, windowMs: number): Promise<number>;
  close(): Promise<void>;
}

/** The bot's state on a backend (default: this process's memory); `ttl` overrides lifetimes (tests). */
export function createBotState(
  backend: StateBackend = memoryStateBackend(),
  ttl: Partial<Record<keyof typeof STATE_TTL_MS, number>> = {},
): BotState {
  const life = { ...STATE_TTL_MS, ...ttl };
  return {
    followUps: slot(backend, 'fu', life.followUp),
    exportTables: slot(backend, 'x', life.exportTable),
    replaces: slot(backend, 'r', life.replace),
    crawls: slot(backend, 'crawl', life.crawl),
    crawlStops: slot(backend, 'stop', life.crawlStop),
    increment: (key, windowMs) => backend.increment(key, windowMs),
    close: () => backend.close(),
  };
}

/** Expired entries are swept this often; beyond MAX_KEYS or MAX_CHARS of JSON the oldest are dropped. */
const SWEEP_MS = 60_000;
const MAX_KEYS = 50_000;
/** ≈ 64 MB of JSON text (a national ranking's table is a few hundred KB). */
const MAX_CHARS = 32 * 1024 * 1024;

/** A value as the memory keeps it: its JSON text, and its expiry read from grammY's envelope. */
interface MemoryEntry {
  text: string;
  expires: number | null;
}

/** grammY's memory storage, with its size and oldest key (for the caps). */
class CappedMemoryStorage extends MemorySessionStorage<MemoryEntry> {
  get size(): number {
    return this.storage.size;
  }
  oldest(): string | undefined {
    return this.storage.keys().next().value;
  }
}

/**
 * The default backend: grammY's MemorySessionStorage holding each value as JSON text (so a value
 * that would not survive a database does not survive here either), swept of expired entries and
 * capped by count and size, the oldest dropped first.
 */
export function memoryStateBackend({
  sweepMs = SWEEP_MS,
  maxKeys = MAX_KEYS,
  maxChars = MAX_CHARS,
}: {
  sweepMs?: number;
  maxKeys?: number;
  maxChars?: number;
} = {}): StateBackend & { size(): number } {
  const memory = new CappedMemoryStorage();
  const counters = new Map<string, { hits: number; until: number }>();
  let chars = 0;
  const remove = (key: string) => {
    const held = memory.read(key);
    if (!held) return;
    chars -= held.text.length;
    memory.delete(key);
  };
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, entry] of memory.readAllEntries())
      if (entry.expires !== null && entry.expires < now) remove(key);
    for (const [key, c] of counters) if (c.until <= now) counters.delete(key);
  }, sweepMs);
  sweep.unref();
  const storage: StorageAdapter<unknown> = {
    read: (key) => {
      const held = memory.read(key);
      return held === undefined ? undefined : (JSON.parse(held.text) as unknown);
    },
    write: (key, value) => {
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) return remove(key);
      const e = (value as { e?: unknown } | null)?.e;
      remove(key); // re-inserted last, so the oldest key is the first one
      memory.write(key, { text, expires: typeof e === 'number' ? e : null });
      chars += text.length;
      while (memory.size > 1 && (memory.size > maxKeys || chars > maxChars)) remove(memory.oldest()!);
    },
    delete: remove,
  };
  return {
    storage,
    size: () => memory.size,
    async increment(key, windowMs) {
      const now = Date.now();
      const c = counters.get(key);
      if (!c || c.until <= now) {
        counters.set(key, { hits: 1, until: now + windowMs });
        return 1;
      }
      c.hits++;
      return c.hits;
    },
    async close() {
      clearInterval(sweep);
    },
  };
}

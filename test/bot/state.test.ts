/**
 * The bot's state backends (memory default, PostgreSQL): the same contract for both — JSON
 * values, expiry, atomic counters — and, for PostgreSQL, two instances (two pools) seeing each
 * other's writes. The PostgreSQL half runs on a throwaway server this file starts.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type BotState, createBotState, memoryStateBackend, type StateBackend } from '../../src/bot/state.ts';
import { openPgState, STATE_TABLE, StateStoreError } from '../../src/bot/state-pg.ts';
import { createLogger } from '../../src/logger.ts';
import { type PostgresServer, skipReason, startPostgres } from '../support/postgres.ts';

const logger = createLogger({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const table = {
  title: '行政许可排名',
  columns: ['机关', '数值'],
  rows: [
    ['甲县人民政府', 12],
    ['乙县', null],
  ],
};
const query = {
  intent: 'lookup' as const,
  lang: 'zh' as const,
  agencies: ['甲县人民政府'],
  years: { kind: 'year' as const, year: 2024 },
  metric: 'penalty_total',
  assumptions: [],
};

/** The contract every backend keeps; `second` is another instance on the same shared state. */
function contract(name: string, open: () => Promise<[StateBackend, StateBackend]>) {
  describe(name, () => {
    let a: StateBackend;
    let b: StateBackend;
    let one: BotState;
    let two: BotState;
    afterAll(async () => {
      await one?.close();
      if (b !== a) await two?.close();
    });

    it('keeps JSON values by kind and key; another instance reads and deletes them', async () => {
      [a, b] = await open();
      one = createBotState(a, { followUp: 300, exportTable: 300 });
      two = createBotState(b, { followUp: 300, exportTable: 300 });
      await one.followUps.write('7:7', { query, at: 1 });
      await one.exportTables.write('7:tok', table);
      await one.replaces.write('tok', { fileId: 'f', file: 'a.pdf', admin: 7 });
      expect(await two.followUps.read('7:7')).toEqual({ query, at: 1 });
      expect(await two.exportTables.read('7:tok')).toEqual(table);
      // kinds do not share keys
      expect(await two.exportTables.read('7:7')).toBeUndefined();
      expect(await two.replaces.read('tok')).toEqual({ fileId: 'f', file: 'a.pdf', admin: 7 });
      await two.replaces.delete('tok');
      expect(await one.replaces.read('tok')).toBeUndefined();
      // a value comes back as a copy, never the object written
      const back = await one.exportTables.read('7:tok');
      back!.rows.push(['x', 1]);
      expect((await two.exportTables.read('7:tok'))!.rows).toHaveLength(2);
    });

    it('forgets a value once its time to live has passed', async () => {
      await one.followUps.write('8:8', { query, at: 2 });
      expect(await two.followUps.read('8:8')).toBeDefined();
      await sleep(450);
      expect(await two.followUps.read('8:8')).toBeUndefined();
      expect(await one.followUps.read('8:8')).toBeUndefined();
      // a rewrite starts a new lifetime
      await one.followUps.write('8:8', { query, at: 3 });
      await sleep(150);
      await one.followUps.write('8:8', { query, at: 4 });
      await sleep(200);
      expect(await two.followUps.read('8:8')).toEqual({ query, at: 4 });
    });

    it('counts hits atomically across instances, and restarts the count when the window lapses', async () => {
      const hits = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).increment('user:1', 400)),
      );
      expect([...hits].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await one.increment('user:2', 400)).toBe(1);
      await sleep(500);
      expect(await two.increment('user:1', 400)).toBe(1);
      expect(await one.increment('user:1', 400)).toBe(2);
    });
  });
}

contract('memory state (default)', async () => {
  const m = memoryStateBackend();
  return [m, m];
});

describe('memory state bounds', () => {
  it('sweeps expired entries and keeps at most maxKeys, dropping the oldest', async () => {
    const m = memoryStateBackend({ sweepMs: 50, maxKeys: 3 });
    const s = createBotState(m, { exportTable: 30 });
    for (const k of ['a', 'b', 'c', 'd']) await s.replaces.write(k, { fileId: k, file: k, admin: 1 });
    expect(m.size()).toBe(3);
    expect(await s.replaces.read('a')).toBeUndefined();
    expect((await s.replaces.read('d'))?.fileId).toBe('d');
    await s.exportTables.write('1:t', table);
    expect(m.size()).toBe(3);
    await sleep(150);
    // the table expired and was swept without being read again
    expect(m.size()).toBe(2);
    await s.close();
  });

  it('keeps at most maxChars of JSON, dropping the oldest values first', async () => {
    const m = memoryStateBackend({ maxChars: 500 });
    const s = createBotState(m);
    const big = { title: 'x'.repeat(150), columns: [], rows: [] };
    for (const k of ['a', 'b', 'c']) await s.exportTables.write(`1:${k}`, big);
    expect(m.size()).toBe(2);
    expect(await s.exportTables.read('1:a')).toBeUndefined();
    expect(await s.exportTables.read('1:c')).toEqual(big);
    // rewriting a key replaces its size, it does not add to it
    for (let i = 0; i < 5; i++) await s.exportTables.write('1:c', big);
    expect(await s.exportTables.read('1:b')).toEqual(big);
    await s.close();
  });

  it('refuses a value that is not JSON rather than keep it in memory only', async () => {
    const s = createBotState(memoryStateBackend());
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(s.exportTables.write('1:t', cyclic as never)).rejects.toThrow(/circular/i);
    await s.close();
  });
});

const server = await startPostgres();

describe.skipIf(skipReason(server))('PostgreSQL state', () => {
  const pgServer = server as PostgresServer;
  afterAll(() => pgServer.stop());

  contract('PostgreSQL state (two pools on one database)', async () => {
    const url = await pgServer.createDatabase();
    // two instances starting together: the table is created once, without a race
    const [a, b] = await Promise.all([openPgState(url, { logger }), openPgState(url, { logger })]);
    return [a, b];
  });

  it('stores expiry in its own column, so expired rows can be deleted without reading them', async () => {
    const url = await pgServer.createDatabase();
    const backend = await openPgState(url, { logger });
    const state = createBotState(backend, { exportTable: 60_000 });
    await state.exportTables.write('5:tok', table);
    await state.crawlStops.write('job', true);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ key: string; secs: number }>(
        `SELECT key, extract(epoch FROM expires_at - now())::float8 AS secs FROM ${STATE_TABLE} ORDER BY key`,
      );
      expect(rows.map((r) => r.key)).toEqual(['stop:job', 'x:5:tok']);
      expect(rows[1]!.secs).toBeGreaterThan(50);
      expect(rows[1]!.secs).toBeLessThanOrEqual(60);
    } finally {
      await client.end();
      await state.close();
    }
  });

  it('says which setting to check when the database cannot be reached, without the password', async () => {
    const closed = `postgres://bot:hunter2@127.0.0.1:${pgServer.port + 1}/none`;
    const err = await openPgState(closed, { logger }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateStoreError);
    expect((err as StateStoreError).code).toBe('STATE_DB_UNREACHABLE');
    expect((err as Error).message).toContain('DATABASE_URL');
    expect((err as Error).message).not.toContain('hunter2');
  });
});

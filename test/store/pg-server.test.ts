import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type PostgresServer, skipReason, startPostgres } from '../support/postgres.ts';

const started = await startPostgres();

/** Whether a process with this pid is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(skipReason(started))('test/support/postgres: a throwaway server', () => {
  const server = started as PostgresServer;
  afterAll(() => server.stop());

  it('serves on 127.0.0.1 as superuser postgres, not as root, with fresh databases on demand', async () => {
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/postgres`);
    const a = await server.createDatabase();
    const b = await server.createDatabase();
    expect(a).not.toBe(b);
    const client = new pg.Client({ connectionString: a });
    await client.connect();
    const { rows } = await client.query<{ db: string; user: string; dir: string }>(
      "select current_database() as db, current_user as user, current_setting('unix_socket_directories') as dir",
    );
    await client.end();
    expect(rows[0]!.db).toBe(new URL(a).pathname.slice(1));
    expect(rows[0]!.user).toBe('postgres');
    expect(rows[0]!.dir).toBe(server.dir);
    expect(alive(server.pid)).toBe(true);
  });

  it('stop() ends the server and removes its dir', async () => {
    const other = await startPostgres();
    if ('skipped' in other) throw new Error(other.skipped);
    expect(alive(other.pid)).toBe(true);
    await other.stop();
    expect(alive(other.pid)).toBe(false);
    expect(existsSync(other.dir)).toBe(false);
    await other.stop();
    // the first server is untouched
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await client.end();
  });
});

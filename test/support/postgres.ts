/**
 * A throwaway PostgreSQL server owned by the test (or bench) that starts it.
 *
 *   const pg = await startPostgres();
 *   describe.skipIf(skipReason(pg))('…', () => {
 *     const server = pg as PostgresServer;
 *     afterAll(() => server.stop());
 *     it('…', async () => { const url = await server.createDatabase(); … });
 *   });
 *
 * `startPostgres()` runs Debian's server binaries (PG_BIN if set, else /usr/lib/postgresql/<newest>/bin,
 * else `initdb` and `postgres` on PATH) in a new temp dir: initdb (copied from a cached template after the first
 * run), then `postgres` listening on a free port of 127.0.0.1 with its unix socket in the temp dir.
 * As root (CI, containers) both run as `nobody` (setpriv), since PostgreSQL refuses root.
 * The server is started under a tiny shell watchdog reading its stdin: when this process ends,
 * however it ends, the pipe closes and the watchdog stops the server and removes the temp dir, so
 * no server outlives the test. `stop()` does the same on purpose. It never touches a server it
 * did not start.
 *
 * When no server can be started it resolves `{ skipped: reason }`; `skipReason()` prints that
 * reason (tests are skipped), except when `process.env.CI` is set: then it throws, since CI must
 * run the database tests.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication, superuser `postgres`). */
  url: string;
  port: number;
  /** The temp dir holding the data dir, the unix socket and the log. */
  dir: string;
  /** Server major version, e.g. 15. */
  version: number;
  /** How long start took (initdb or template copy, and start until it accepts connections), ms. */
  startMs: number;
  /** The server's postmaster pid. */
  pid: number;
  /** A fresh, empty database on this server; resolves its URL. */
  createDatabase(name?: string): Promise<string>;
  /** The server log so far. */
  log(): string;
  /** Stops the server (fast shutdown) and removes its temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

export type PostgresStart = PostgresServer | { skipped: string };

export interface StartOptions {
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string | number>;
  /** Give up waiting for the server after this many ms (default 30 s). */
  timeoutMs?: number;
}

/** The directory holding initdb and postgres, or null. */
export function findPostgresBin(): string | null {
  // PG_BIN: a directory of server binaries to use instead
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'postgres')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb'))) return dir;
  }
  return null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The command prefix that drops root (empty when not root), or a reason it cannot. */
function dropRoot(): { prefix: string[]; uid: number; gid: number } | { skipped: string } {
  if (!isRoot()) return { prefix: [], uid: -1, gid: -1 };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
  } catch {
    return { skipped: 'running as root and there is no user "nobody" to run PostgreSQL as' };
  }
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    if (existsSync(join(dir, 'setpriv')))
      return {
        prefix: [join(dir, 'setpriv'), `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups'],
        uid,
        gid,
      };
  }
  return { skipped: 'running as root and setpriv (util-linux) is missing to drop to "nobody"' };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function run(prefix: readonly string[], cmd: string, args: readonly string[]): void {
  const [exe, ...pre] = prefix.length > 0 ? [...prefix, cmd] : [cmd];
  execFileSync(exe!, [...pre, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' });
}

/**
 * A data dir made by initdb once per machine, user and version, copied for each server (a copy
 * takes ~0.1 s, initdb ~2.5 s). Built in a temp dir and renamed into place, so concurrent first
 * runs never see a half-made template.
 */
function templateDir(
  bin: string,
  version: number,
  drop: { prefix: string[]; uid: number; gid: number },
): string {
  const owner = drop.uid >= 0 ? drop.uid : (process.getuid?.() ?? 0);
  const dir = join(tmpdir(), `nianbao-pg-template-${version}-${owner}`);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  const work = mkdtempSync(join(tmpdir(), 'nianbao-pg-initdb-'));
  try {
    if (drop.uid >= 0) chownSync(work, drop.uid, drop.gid);
    const data = join(work, 'data');
    run(drop.prefix, join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    try {
      renameSync(data, dir);
    } catch {
      // another process made it first
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

/** The watchdog: starts postgres, waits for stdin to close (stop() or this process gone), then cleans up. */
const WATCHDOG = `
pg="$1"; dir="$2"; port="$3"; shift 3
"$pg" -D "$dir/data" -k "$dir" -h 127.0.0.1 -p "$port" "$@" >"$dir/log" 2>&1 &
pid=$!
echo "$pid"
cleanup() { kill -INT "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir" 2>/dev/null; exit 0; }
trap cleanup TERM INT HUP
while read -r _; do :; done
cleanup
`;

async function query(url: string, sql: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Waits until the server accepts a query; throws with the log when it exits or times out. */
async function waitReady(
  url: string,
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const { default: pg } = await import('pg');
  const until = performance.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (e) {
      await client.end().catch(() => undefined);
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      if (exited || performance.now() > until)
        throw new Error(`PostgreSQL did not start (${(e as Error).message}): ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

let databases = 0;

/** Starts a throwaway server; `{ skipped }` says why when none can be started here. */
export async function startPostgres(options: StartOptions = {}): Promise<PostgresStart> {
  const t0 = performance.now();
  const bin = findPostgresBin();
  if (!bin)
    return {
      skipped: process.env.PG_BIN
        ? `no PostgreSQL server binaries in PG_BIN=${process.env.PG_BIN}`
        : 'no PostgreSQL server binaries (postgres, initdb) in /usr/lib/postgresql/*/bin or on PATH; install Debian’s postgresql',
    };
  const drop = dropRoot();
  if ('skipped' in drop) return drop;
  let version: number;
  try {
    version = Number(
      /(\d+)/.exec(execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }))?.[1] ?? 0,
    );
  } catch (e) {
    return { skipped: `${join(bin, 'postgres')} --version failed: ${(e as Error).message}` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pg-'));
  let child: ChildProcess | undefined;
  try {
    if (drop.uid >= 0) chownSync(dir, drop.uid, drop.gid);
    const template = templateDir(bin, version, drop);
    cpSync(template, join(dir, 'data'), { recursive: true, preserveTimestamps: true });
    if (drop.uid >= 0) execFileSync('chown', ['-R', `${drop.uid}:${drop.gid}`, join(dir, 'data')]);
    mkdirSync(join(dir, 'data'), { recursive: true, mode: 0o700 });
    const settings: Record<string, string | number> = {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: 60,
      shared_buffers: '32MB',
      ...options.settings,
    };
    const flags = Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
    const port = await freePort();
    const [exe, ...pre] = [...drop.prefix, '/bin/sh'];
    child = spawn(
      exe!,
      [...pre, '-c', WATCHDOG, 'watchdog', join(bin, 'postgres'), dir, String(port), ...flags],
      {
        stdio: ['pipe', 'pipe', 'ignore'],
        cwd: '/',
      },
    );
    const pid = await new Promise<number>((resolve, reject) => {
      child!.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
      child!.once('error', reject);
      child!.once('exit', (code) => reject(new Error(`watchdog exited (${code})`)));
    });
    // the watchdog must not keep this process alive, nor its pipes
    child.unref();
    (child.stdout as unknown as { unref?: () => void }).unref?.();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitReady(url, child, join(dir, 'log'), options.timeoutMs ?? 30_000);
    const startMs = performance.now() - t0;
    const watchdog = child;
    const exited = new Promise<void>((resolve) => {
      if (watchdog.exitCode !== null) resolve();
      else watchdog.once('exit', () => resolve());
    });
    let stopped: Promise<void> | undefined;
    return {
      url,
      port,
      dir,
      version,
      startMs,
      pid,
      async createDatabase(name) {
        const db = name ?? `t${process.pid}_${++databases}`;
        await query(url, `CREATE DATABASE "${db.replace(/"/g, '""')}"`);
        return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(db)}`;
      },
      log: () => (existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : ''),
      stop() {
        stopped ??= (async () => {
          // held until the watchdog has stopped the server and removed the dir
          watchdog.ref();
          watchdog.stdin?.end();
          await exited;
          rmSync(dir, { recursive: true, force: true });
        })();
        return stopped;
      },
    };
  } catch (e) {
    child?.stdin?.end();
    if (child && child.exitCode === null) await new Promise((r) => child!.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `PostgreSQL could not be started: ${(e as Error).message}` };
  }
}

/**
 * For `describe.skipIf(skipReason(pg))`: false when the server runs; otherwise prints why the
 * database tests are skipped and returns that reason — or throws it when `CI` is set.
 */
export function skipReason(pg: PostgresStart): string | false {
  if (!('skipped' in pg)) return false;
  const reason = `PostgreSQL tests skipped: ${pg.skipped}`;
  if (process.env.CI) throw new Error(`${reason} (CI is set: the database tests must run)`);
  process.stderr.write(`${reason}\n`);
  return reason;
}

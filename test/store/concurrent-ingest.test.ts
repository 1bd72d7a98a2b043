/**
 * Two `ingest` processes writing one store at once, and `ingest` killed with SIGKILL: real CLI
 * processes, real files (real seed reports with varied agency names), real lock file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { ROOT } from '../helpers.ts';
import { writeVariants } from './_variants.ts';

const CLI = join(ROOT, 'src', 'cli', 'main.ts');

function ingest(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, INGEST_WORKERS: '1' },
  });
  let stdout = '';
  child.stdout!.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const done = new Promise<{ code: number | null; stdout: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout: stdout + stderr }));
  });
  return { child, done };
}

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

describe('one writer at a time', () => {
  it('two ingest processes of 200 reports each into one store: all 400 are there', async () => {
    const root = tempDir('nianbao-concurrent-');
    const a = join(root, 'a');
    const b = join(root, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeVariants(a, 0, 200);
    writeVariants(b, 200, 200);
    const store = join(root, 'store.json');
    const runs = [ingest([a, '--store', store, '--json']), ingest([b, '--store', store, '--json'])];
    const results = await Promise.all(runs.map((r) => r.done));
    for (const r of results) {
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { results: { outcome: string }[] };
      expect(out.results.filter((x) => x.outcome === 'added')).toHaveLength(200);
    }
    const held = (await openStore(store)).all();
    expect(held).toHaveLength(400);
    expect(new Set(held.map((s) => s.report.id)).size).toBe(400);
    // every writer's temp file is its own and none is left behind
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 150_000);

  it('kill -9 at any point of an ingest leaves a store that opens, holding what was written before', async () => {
    const root = tempDir('nianbao-kill-');
    const first = join(root, 'first');
    const more = join(root, 'more');
    mkdirSync(first);
    mkdirSync(more);
    writeVariants(first, 0, 5);
    writeVariants(more, 5, 40);
    const store = join(root, 'store.json');
    expect((await ingest([first, '--store', store]).done).code).toBe(0);
    for (const delay of [300, 1500, 3000, 4500]) {
      const run = ingest([more, '--store', store]);
      await new Promise((r) => setTimeout(r, delay));
      run.child.kill('SIGKILL');
      await run.done;
      const held = (await openStore(store)).all().map((s) => s.report.id);
      expect(held.length === 5 || held.length === 45).toBe(true);
    }
    // a later ingest takes over the dead writer's stale lock and finishes the job
    const last = await ingest([more, '--store', store]).done;
    expect(last.code, last.stdout).toBe(0);
    expect((await openStore(store)).all()).toHaveLength(45);
    expect(existsSync(`${store}.lock`)).toBe(false);
  }, 150_000);
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureStore } from '../../src/bot/index.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/index.ts';
import { REPORTS_DIR, ROOT } from '../helpers.ts';
import { type PostgresServer, skipReason, startPostgres } from '../support/postgres.ts';

const started = await startPostgres();

/** `npm run cli -- …` as a process (not a TTY: plain progress lines). */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'src', 'cli', 'main.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, STORE_PATH: '', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(skipReason(started))(
  'cli store copy / store stats (a real server, the bundled store)',
  () => {
    const server = started as PostgresServer;
    afterAll(() => server.stop());

    it('copies the bundled store file into PostgreSQL and back, records, warnings and prose intact', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-store-copy-'));
      const file = join(dir, 'store.json');
      // the bundled store, built here (a fresh clone has no data/store.json until npm start)
      const built = await ensureStore(file, REPORTS_DIR, createLogger({ level: 'silent' }));
      await built.close();
      const source = await openStore(file);
      const n = source.catalogue().length;
      expect(n).toBeGreaterThan(50);
      const url = await server.createDatabase();

      const there = await cli(['store', 'copy', '--from', file, '--to', url]);
      expect(there.stderr).toContain(`${file} → ${url} ${n}/${n}`);
      expect(there.stdout).toContain(`added ${n}, updated 0, unchanged 0`);
      expect(there.code).toBe(0);
      // again: every record is already there
      const again = await cli(['store', 'copy', '--from', file, '--to', url]);
      expect(again.stdout).toContain(`added 0, updated 0, unchanged ${n}`);

      const back = join(dir, 'back.json');
      const home = await cli(['store', 'copy', '--from', url, '--to', back]);
      expect(home.stdout).toContain(`added ${n}, updated 0, unchanged 0`);
      const copy = await openStore(back);
      expect(copy.catalogue()).toEqual(source.catalogue());
      const a = await source.list();
      const b = await copy.list();
      for (let i = 0; i < a.length; i++) {
        expect(b[i]!.report).toEqual(a[i]!.report);
        expect(b[i]!.warnings).toEqual(a[i]!.warnings);
        expect((await copy.hydrate(b[i]!)).text?.sections).toEqual(
          (await source.hydrate(a[i]!)).text?.sections,
        );
      }

      // stats agree on both backends, and count what the file holds
      const fromFile = JSON.parse((await cli(['store', 'stats', '--store', file, '--json'])).stdout);
      const fromDb = JSON.parse((await cli(['store', 'stats', '--store', url, '--json'])).stdout);
      expect(fromDb.backend).toBe('postgres');
      expect(fromFile.backend).toBe('file');
      const { store: _a, backend: _b, ...fileCounts } = fromFile;
      const { store: _c, backend: _d, ...dbCounts } = fromDb;
      expect(dbCounts).toEqual(fileCounts);
      expect(fileCounts.reports).toBe(n);
      const years = new Map<number, number>();
      for (const r of source.catalogue()) years.set(r.year, (years.get(r.year) ?? 0) + 1);
      expect(fileCounts.by_year).toEqual(Object.fromEntries([...years].sort((x, y) => x[0] - y[0])));
      expect(Object.values(fileCounts.by_province as Record<string, number>).reduce((s, x) => s + x, 0)).toBe(
        n,
      );
      expect(Object.values(fileCounts.by_level as Record<string, number>).reduce((s, x) => s + x, 0)).toBe(n);
      const text = (await cli(['store', 'stats', '--store', url])).stdout;
      expect(text.split('\n')[0]).toBe(
        `${url} (PostgreSQL): ${n} 份报告 / reports, ${fileCounts.agencies} 个机关 / agencies`,
      );
      rmSync(dir, { recursive: true, force: true });
    }, 180_000);

    it('names an unreachable database without its password, exit 1', async () => {
      const r = await cli(['store', 'stats', '--store', 'postgres://u:hunter2@127.0.0.1:1/x']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('[STORE_UNREACHABLE]');
      expect(r.stderr).toContain('postgres://u@127.0.0.1:1/x');
      expect(r.stderr).not.toContain('hunter2');
    });
  },
);

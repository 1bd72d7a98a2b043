import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, seedDir, seedFiles } from '../helpers.ts';

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, STORE_PATH: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'nianbao-cli-'));

describe('cli parse', () => {
  it('prints { reports, errors } with a coded error per bad file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = cli(['parse', seedFiles()[0]!, join(dir, 'empty.txt'), join(dir, 'missing.pdf'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.reports.map((x: { id: string }) => x.id)).toEqual(['民和回族土族自治县人民政府-2023']);
    expect(out.errors).toEqual([
      { file: 'empty.txt', code: 'EMPTY_FILE', message: expect.stringContaining('empty.txt') },
      { file: 'missing.pdf', code: 'FILE_NOT_FOUND', message: expect.stringContaining('missing.pdf') },
    ]);
  });

  it('exits 2 with usage when no file is named', () => {
    expect(cli(['parse']).code).toBe(2);
  });
});

describe('cli ingest', () => {
  it('adds a directory, then reports it unchanged, and says where the store is', () => {
    const store = join(tmp(), 'store.json');
    const seeds = seedDir();
    const first = cli(['ingest', seeds, '--store', store]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('合计：新增 5，更新 0，未变化 0，失败 0');
    const second = cli(['ingest', seeds, '--store', store, '--json']);
    const out = JSON.parse(second.stdout);
    expect(out.results.map((x: { outcome: string }) => x.outcome)).toEqual(Array(5).fill('unchanged'));
  });

  it('refuses a corrupt store with a clear error and leaves it as it was', () => {
    const store = join(tmp(), 'store.json');
    writeFileSync(store, '{"version":1,"reports":[');
    const r = cli(['ingest', seedDir(), '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('STORE_CORRUPT');
    expect(r.stderr).toContain(store);
    expect(readFileSync(store, 'utf8')).toBe('{"version":1,"reports":[');
  });
});

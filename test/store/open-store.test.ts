import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import { openStore, type StoredReport, StoreError } from '../../src/store/index.ts';
import { parseAllSeeds } from '../helpers.ts';

const seeds: StoredReport[] = parseAllSeeds();

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'nianbao-store-')), 'store.json');
}

function withSha(entry: StoredReport, sha256: string): StoredReport {
  return { ...entry, report: { ...entry.report, source: { ...entry.report.source, sha256 } } };
}

describe('openStore', () => {
  it('treats a missing file as an empty store and creates it on first write', async () => {
    const path = tempPath();
    const store = await openStore(path);
    expect(store.all()).toEqual([]);
    expect(store.newestYear()).toBeNull();
    expect(await store.upsert(seeds[0]!)).toBe('added');
    const data = JSON.parse(readFileSync(path, 'utf8'));
    expect(data.version).toBe(2);
    expect(data.reports).toHaveLength(1);
  });

  it('reports added / unchanged / updated by id and sha256', async () => {
    const store = await openStore(tempPath());
    expect(await store.upsertMany(seeds)).toEqual(['added', 'added', 'added', 'added', 'added']);
    expect(await store.upsert(seeds[2]!)).toBe('unchanged');
    expect(await store.upsert(withSha(seeds[2]!, 'changed'))).toBe('updated');
    expect(store.all()).toHaveLength(5);
    expect(store.get(seeds[2]!.report.id)?.report.source.sha256).toBe('changed');
  });

  it('keeps one record per agency and year even when the title form changes', async () => {
    const store = await openStore(tempPath());
    const hualong = seeds.find((s) => s.report.id === '化隆县人民政府-2024')!;
    await store.upsert(hualong);
    const renamed = {
      ...hualong,
      report: { ...hualong.report, id: '化隆回族自治县人民政府-2024', agency: '化隆回族自治县人民政府' },
    };
    expect(await store.upsert(renamed)).toBe('updated');
    expect(store.all().map((s) => s.report.id)).toEqual(['化隆回族自治县人民政府-2024']);
  });

  it('reloads what it wrote, with indexes by id, agency, year and region', async () => {
    const path = tempPath();
    await (await openStore(path)).upsertMany(seeds);
    const store = await openStore(path);
    expect(store.all().map((s) => s.report.id)).toEqual(seeds.map((s) => s.report.id));
    expect(store.get('湟中区人民政府-2023')?.report.values['active.penalty']).toBe(36084);
    expect(store.byYear(2023).map((s) => s.report.id)).toEqual([
      '民和回族土族自治县人民政府-2023',
      '湟中区人民政府-2023',
      '平罗县人民政府办公室-2023',
    ]);
    expect(store.byRegion('630224').map((s) => s.report.id)).toEqual(['化隆县人民政府-2024']);
    expect(store.agencies().size).toBe(5);
    expect(store.newestYear()).toBe(2024);
  });

  it('writes atomically: no temp file or lock is left and the file is always whole JSON', async () => {
    const path = tempPath();
    const store = await openStore(path);
    await Promise.all(seeds.map((s) => store.upsert(s)));
    expect(JSON.parse(readFileSync(path, 'utf8')).reports).toHaveLength(5);
    expect(readdirSync(dirname(path)).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });

  it('merges what another writer stored meanwhile instead of overwriting it', async () => {
    const path = tempPath();
    const mine = await openStore(path);
    const theirs = await openStore(path);
    await theirs.upsertMany(seeds.slice(0, 2));
    await mine.upsertMany(seeds.slice(2));
    expect((await openStore(path)).all()).toHaveLength(5);
    // the writer that re-read also holds the other's records now
    expect(mine.all()).toHaveLength(5);
  });

  it('waits for another process’s lock, then fails with STORE_LOCKED and changes nothing', async () => {
    const path = tempPath();
    const store = await openStore(path);
    await store.upsert(seeds[0]!);
    const release = await lockfile.lock(path, { realpath: false });
    process.env.STORE_LOCK_WAIT_MS = '600';
    try {
      const started = performance.now();
      const error = await store.upsert(seeds[1]!).catch((e: unknown) => e);
      expect(performance.now() - started).toBeGreaterThanOrEqual(500);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('STORE_LOCKED');
      expect((error as StoreError).message).toMatch(/正被另一个进程写入.*STORE_LOCK_WAIT_MS/);
      expect(store.all()).toHaveLength(1);
    } finally {
      delete process.env.STORE_LOCK_WAIT_MS;
      await release();
    }
    expect(await store.upsert(seeds[1]!)).toBe('added');
  });

  it.each([
    ['not JSON', '{"version":1,"reports":[', /不是有效的 JSON/],
    ['wrong version', '{"version":9,"reports":[]}', /version/],
    ['invalid report', '{"version":1,"reports":[{"report":{"id":""},"warnings":[]}]}', /reports\.0\.report/],
  ])('refuses a corrupt file (%s) with STORE_CORRUPT and never resets it', async (_name, text, message) => {
    const path = tempPath();
    writeFileSync(path, text);
    const error = await openStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('STORE_CORRUPT');
    expect((error as StoreError).path).toBe(path);
    expect((error as StoreError).message).toMatch(message);
    expect((error as StoreError).cause).toBeDefined();
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

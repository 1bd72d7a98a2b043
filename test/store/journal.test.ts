import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type StoreChange, type StoredReport } from '../../src/store/index.ts';
import { parseAllSeeds } from '../helpers.ts';

const seeds: StoredReport[] = parseAllSeeds();

/** The i-th seed under a distinct agency name (a distinct record). */
function variant(i: number): StoredReport {
  const s = seeds[i % seeds.length]!;
  const agency = `${s.report.agency}第${i}分局`;
  const id = `${agency}-${s.report.year}`;
  return {
    report: { ...s.report, id, agency, source: { ...s.report.source, sha256: `v${i}` } },
    warnings: s.warnings.map((w) => ({ ...w, report: id })),
  };
}

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'nianbao-journal-')), 'store.json');
}

// every store file counts as large: writes go to the journal while it is under an eighth of the file
beforeAll(() => {
  process.env.STORE_JOURNAL_MIN_BYTES = '0';
});
afterAll(() => {
  delete process.env.STORE_JOURNAL_MIN_BYTES;
});

describe('the journal of a large store', () => {
  it('takes added and replaced records without rewriting the store file, and reads back in order', async () => {
    const path = tempPath();
    const a = await openStore(path);
    await a.upsertMany(Array.from({ length: 60 }, (_, i) => variant(i)));
    const before = readFileSync(path);
    expect(await a.upsert(variant(60))).toBe('added');
    const replaced = {
      ...variant(3),
      report: { ...variant(3).report, source: { ...variant(3).report.source, sha256: 'r' } },
    };
    expect(await a.upsert(replaced)).toBe('updated');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.log`)).toBe(true);
    const b = await openStore(path);
    expect(b.all().map((e) => e.report.id)).toEqual(a.all().map((e) => e.report.id));
    expect(b.all()).toHaveLength(61);
    expect(b.get(variant(3).report.id)!.report.source.sha256).toBe('r');
    expect(b.get(variant(60).report.id)!.warnings).toEqual(variant(60).warnings);
    expect(b.get(variant(60).report.id)!.report.narrative).toEqual(variant(60).report.narrative);
  });

  it('another handle takes in appended records alone, and its watchers are told', async () => {
    const path = tempPath();
    const a = await openStore(path);
    await a.upsertMany(Array.from({ length: 60 }, (_, i) => variant(i)));
    const b = await openStore(path);
    const seen = new Promise<StoreChange>((resolve) => b.watch(resolve));
    await a.upsert(variant(70));
    const change = await seen;
    expect(change.ids).toEqual([variant(70).report.id]);
    expect(b.get(variant(70).report.id)!.report.values).toEqual(variant(70).report.values);
    expect(b.all()).toHaveLength(61);
    await b.close();
  });

  it('is written into the store file once it outgrows an eighth of it, then deleted', async () => {
    const path = tempPath();
    const a = await openStore(path);
    await a.upsertMany(Array.from({ length: 60 }, (_, i) => variant(i)));
    const size = statSync(path).size;
    await a.upsert(variant(99));
    expect(existsSync(`${path}.log`)).toBe(true);
    let i = 100;
    while (existsSync(`${path}.log`)) {
      await a.upsert(variant(i++));
      expect(i).toBeLessThan(140);
    }
    expect(statSync(path).size).toBeGreaterThan(size);
    const onDisk = JSON.parse(readFileSync(path, 'utf8')) as { reports: unknown[] };
    expect(onDisk.reports).toHaveLength(a.all().length);
    const b = await openStore(path);
    expect(b.all().map((e) => e.report.id)).toEqual(a.all().map((e) => e.report.id));
    for (const e of b.all().slice(-3)) expect(e.warnings).toEqual(a.get(e.report.id)!.warnings);
  });

  it('ignores a line a killed writer left unfinished, and the next write replaces it', async () => {
    const path = tempPath();
    const a = await openStore(path);
    await a.upsertMany(Array.from({ length: 60 }, (_, i) => variant(i)));
    await a.upsert(variant(80));
    const log = readFileSync(`${path}.log`, 'utf8');
    // a second record cut short, as a writer killed mid-append leaves it
    writeFileSync(`${path}.log`, `${log}{"c":123,"report":{"id":"半条`);
    const b = await openStore(path);
    expect(b.all()).toHaveLength(61);
    expect(await b.upsert(variant(81))).toBe('added');
    const c = await openStore(path);
    expect(
      c
        .all()
        .map((e) => e.report.id)
        .slice(-2),
    ).toEqual([variant(80).report.id, variant(81).report.id]);
    expect(readFileSync(`${path}.log`, 'utf8')).not.toContain('半条');
  });

  it('a journal replayed onto a store file that already holds its records gives the same records', async () => {
    const path = tempPath();
    const a = await openStore(path);
    await a.upsertMany(Array.from({ length: 60 }, (_, i) => variant(i)));
    await a.upsert(variant(90));
    const log = readFileSync(`${path}.log`);
    // rewrite the store file (threshold up), then put the old journal back: a rewrite killed before the delete
    process.env.STORE_JOURNAL_MIN_BYTES = String(1 << 30);
    try {
      await a.upsert(variant(91));
    } finally {
      process.env.STORE_JOURNAL_MIN_BYTES = '0';
    }
    expect(existsSync(`${path}.log`)).toBe(false);
    writeFileSync(`${path}.log`, log);
    const b = await openStore(path);
    expect(b.all().map((e) => e.report.id)).toEqual(a.all().map((e) => e.report.id));
  });
});

import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, proseDir, type StoreChange, type StoredReport } from '../../src/store/index.ts';
import { parseAllSeeds } from '../helpers.ts';

const seeds: StoredReport[] = parseAllSeeds();

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'nianbao-lean-')), 'store.json');
}

describe('lean records, prose beside the store', () => {
  it('keeps the prose out of the store file, in one content-addressed file per report', async () => {
    const path = tempPath();
    const store = await openStore(path);
    await store.upsertMany(seeds);
    const text = readFileSync(path, 'utf8');
    const onDisk = JSON.parse(text) as { version: number; reports: StoredReport[] };
    expect(onDisk.version).toBe(2);
    for (const r of onDisk.reports) {
      expect(r.report.text?.sections).toBeUndefined();
      expect(r.prose).toMatch(/^[0-9a-f]{64}$/);
    }
    const files = readdirSync(proseDir(path)).sort();
    expect(files).toEqual(onDisk.reports.map((r) => `${r.prose}.json`).sort());
    // no record line carries its prose
    for (const s of seeds) {
      const line = text.split('\n').find((l) => l.includes(`"id":"${s.report.id}"`))!;
      expect(line).not.toContain(Object.values(s.report.text!.sections!).join('').slice(0, 40));
    }
    const seed = seeds[0]!;
    const held = store.get(seed.report.id)!;
    expect(held.report.text?.sections).toBeUndefined();
    expect((await store.hydrate(held)).text?.sections).toEqual(seed.report.text?.sections);
    expect(held.report.values).toEqual(seed.report.values);
  });

  it('adding one report never rewrites the prose of the others', async () => {
    const path = tempPath();
    const store = await openStore(path);
    await store.upsertMany(seeds.slice(0, 4));
    const dir = proseDir(path);
    const before = new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.upsert(seeds[4]!)).toBe('added');
    const after = readdirSync(dir);
    expect(after).toHaveLength(5);
    for (const [f, mtime] of before) expect(statSync(join(dir, f)).mtimeMs).toBe(mtime);
  });

  it('opens a version-1 file (prose inline), answers from it, and moves the prose out on the next write', async () => {
    const path = tempPath();
    writeFileSync(
      path,
      `{"version":1,"reports":[\n${seeds
        .slice(0, 3)
        .map((s) => JSON.stringify(s))
        .join(',\n')}\n]}\n`,
    );
    const store = await openStore(path);
    expect(store.all()).toHaveLength(3);
    expect(store.all().every((e) => e.report.text?.sections === undefined)).toBe(true);
    const first = store.all()[0]!;
    expect((await store.hydrate(first)).text?.sections).toEqual(seeds[0]!.report.text?.sections);
    await store.upsert(seeds[3]!);
    const onDisk = JSON.parse(readFileSync(path, 'utf8')) as { version: number; reports: StoredReport[] };
    expect(onDisk.version).toBe(2);
    expect(onDisk.reports.every((r) => r.report.text?.sections === undefined)).toBe(true);
    expect(readdirSync(proseDir(path))).toHaveLength(4);
    const reopened = await openStore(path);
    expect((await reopened.hydrate(reopened.get(first.report.id)!)).text?.sections).toEqual(
      seeds[0]!.report.text?.sections,
    );
  });

  it('finds by agency, year, region and level, ranks over a metric, and tells watchers of a change', async () => {
    const store = await openStore(tempPath());
    const changes: StoreChange[] = [];
    const stop = store.watch((c) => changes.push(c));
    await store.upsertMany(seeds);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.ids.sort()).toEqual(seeds.map((s) => s.report.id).sort());
    expect((await store.find({ year: 2023 })).map((e) => e.report.id).sort()).toEqual(
      seeds
        .filter((s) => s.report.year === 2023)
        .map((s) => s.report.id)
        .sort(),
    );
    expect((await store.find({ agency: '化隆县人民政府' })).map((e) => e.report.id)).toEqual([
      '化隆县人民政府-2024',
    ]);
    expect((await store.find({ region: '63' })).every((e) => e.report.region?.code?.startsWith('63'))).toBe(
      true,
    );
    expect((await store.find({ level: 'county', year: 2023 })).length).toBeGreaterThan(0);
    const ranked = await store.rank({ metric: 'active.penalty', year: 2023 });
    const values = ranked.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(ranked[0]!.row.id).toBe('湟中区人民政府-2023');
    expect(ranked[0]!.value).toBe(36084);
    stop();
    await store.upsert({
      ...seeds[0]!,
      report: { ...seeds[0]!.report, source: { ...seeds[0]!.report.source, sha256: 'x' } },
    });
    expect(changes).toHaveLength(1);
  });

  it('keeps the copy fingerprints current as records come and go', async () => {
    const store = await openStore(tempPath());
    await store.upsertMany(seeds);
    const printed = seeds.filter((s) => store.get(s.report.id)?.print).length;
    expect(printed).toBeGreaterThan(0);
    expect((await store.copies()).size).toBe(printed);
  });
});

describe('the version-2 file', () => {
  it('writes compact lines (values by field order) and reads them back exactly', async () => {
    const path = tempPath();
    await (await openStore(path)).upsertMany(seeds);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('{"version":2,"fields":[')).toBe(true);
    const lines = text.split('\n');
    const v1 = seeds.reduce((n, s) => n + Buffer.byteLength(JSON.stringify(s)), 0);
    const v2 = lines.slice(1, -2).reduce((n, l) => n + Buffer.byteLength(l), 0);
    expect(v2).toBeLessThan(v1 * 0.7);
    const reopened = await openStore(path);
    for (const s of seeds) {
      const held = reopened.get(s.report.id)!;
      const { sections: _s, ...text } = s.report.text!;
      expect(held.report).toEqual({ ...s.report, text });
      expect(held.warnings).toEqual(s.warnings);
    }
  });

  it('names the line of a damaged record with STORE_CORRUPT and leaves the file as it was', async () => {
    const path = tempPath();
    await (await openStore(path)).upsertMany(seeds);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('"v":[', '"v":["x",');
    writeFileSync(path, lines.join('\n'));
    const error = (await openStore(path).catch((e: unknown) => e)) as { code: string; message: string };
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toMatch(/第 4 行/);
    writeFileSync(path, lines.slice(0, 3).join('\n'));
    const cut = (await openStore(path).catch((e: unknown) => e)) as { code: string; message: string };
    expect(cut.code).toBe('STORE_CORRUPT');
    expect(cut.message).toMatch(/不完整/);
  });
});

describe('two handles on one file (two processes)', () => {
  it('a report added through one is seen by the other within a second, with its watchers told', async () => {
    const path = tempPath();
    const a = await openStore(path);
    await a.upsertMany(seeds.slice(0, 2));
    const b = await openStore(path);
    const seen = new Promise<StoreChange>((resolve) => b.watch(resolve));
    const started = Date.now();
    await a.upsert(seeds[2]!);
    const change = await seen;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(change.ids).toEqual([seeds[2]!.report.id]);
    expect(b.get(seeds[2]!.report.id)?.report.values).toEqual(seeds[2]!.report.values);
    await a.close();
    await b.close();
  });
});

describe('an emptied store', () => {
  it('writes and reopens a version-2 file with no records', async () => {
    const path = tempPath();
    writeFileSync(path, '{"version":2,"fields":["active.license"],"reports":[\n\n]}\n');
    expect((await openStore(path)).all()).toEqual([]);
  });
});

describe('writes that copy unchanged lines as bytes', () => {
  it('after adds, a replacement in the middle and a reopen, the file reads back as memory holds it', async () => {
    const path = tempPath();
    const a = await openStore(path);
    await a.upsertMany(seeds.slice(0, 3));
    const b = await openStore(path);
    const changed = {
      ...seeds[1]!,
      report: { ...seeds[1]!.report, source: { ...seeds[1]!.report.source, sha256: 'y' } },
    };
    expect(await b.upsert(changed)).toBe('updated');
    expect(await b.upsert(seeds[3]!)).toBe('added');
    expect(await b.upsert(seeds[4]!)).toBe('added');
    const c = await openStore(path);
    expect(c.all().map((e) => e.report.id)).toEqual(b.all().map((e) => e.report.id));
    for (const e of b.all()) {
      expect(c.get(e.report.id)!.report).toEqual(e.report);
      expect(c.get(e.report.id)!.warnings).toEqual(e.warnings);
    }
    expect(c.get(seeds[1]!.report.id)!.report.source.sha256).toBe('y');
    expect(() => JSON.parse(readFileSync(path, 'utf8'))).not.toThrow();
  });
});

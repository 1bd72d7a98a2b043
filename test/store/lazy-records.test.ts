import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NarrativeItemSchema, ReportSchema, WarningSchema } from '../../src/schema/index.ts';
import { REPORT_HEAD_KEYS } from '../../src/store/fast-check.ts';
import { openStore, proseDir, type StoredReport, StoreError } from '../../src/store/index.ts';
import { parseAllSeeds } from '../helpers.ts';

const seeds: StoredReport[] = parseAllSeeds();

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'nianbao-lazy-')), 'store.json');
}

describe('the fast checks follow the schemas', () => {
  it('know every key of the report, narrative item and warning schemas', () => {
    // a key added to a schema must be added to src/store/fast-check.ts (its checks accept only what zod accepts)
    expect([...REPORT_HEAD_KEYS, 'values', 'blanks', 'narrative'].sort()).toEqual(
      Object.keys(ReportSchema.shape).sort(),
    );
    expect(Object.keys(NarrativeItemSchema.shape).sort()).toEqual(
      ['label', 'value', 'unit', 'field', 'text', 'line', 'strength', 'zeroClaim', 'parts'].sort(),
    );
    expect(Object.keys(WarningSchema.shape).sort()).toEqual(
      ['rule', 'severity', 'report', 'fields', 'message', 'readings'].sort(),
    );
  });
});

describe('records read from the file', () => {
  it('give the same narrative and warnings as written, also after the file was replaced by a write', async () => {
    const path = tempPath();
    await (await openStore(path)).upsertMany(seeds.slice(0, 3));
    const a = await openStore(path);
    const b = await openStore(path);
    // b replaces the file twice; a's records still read their narrative from the file a read
    await b.upsert(seeds[3]!);
    await b.upsert({
      ...seeds[0]!,
      report: { ...seeds[0]!.report, source: { ...seeds[0]!.report.source, sha256: 'z' } },
    });
    for (const s of seeds.slice(0, 3)) {
      const held = a.get(s.report.id)!;
      expect(held.report.narrative).toEqual(s.report.narrative);
      expect(held.warnings).toEqual(s.warnings);
      // read once, then the same objects
      expect(held.warnings).toBe(held.warnings);
      expect(JSON.parse(JSON.stringify(held.report)).narrative).toEqual(s.report.narrative);
    }
    // b's own records (copied as bytes through two writes) read theirs from the newest file
    for (const s of seeds.slice(1, 3)) expect(b.get(s.report.id)!.warnings).toEqual(s.warnings);
    expect(b.get(seeds[0]!.report.id)!.report.narrative).toEqual(seeds[0]!.report.narrative);
  });

  it('rank reads one cell of records whose values were never read, the same as their values say', async () => {
    const path = tempPath();
    await (await openStore(path)).upsertMany(seeds);
    const store = await openStore(path);
    const ranked = await store.rank({ metric: 'active.penalty', year: 2023 });
    expect(ranked.map((r) => [r.row.id, r.value])).toEqual(
      seeds
        .filter((s) => s.report.year === 2023 && typeof s.report.values['active.penalty'] === 'number')
        .map((s) => [s.report.id, s.report.values['active.penalty']])
        .sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
    const records = await store.find({ ids: ranked.map((r) => r.row.id) });
    expect(records.map((e) => e.report.values['active.penalty'])).toEqual(ranked.map((r) => r.value));
  });

  it('a damaged narrative is STORE_CORRUPT naming the record when it is read', async () => {
    const path = tempPath();
    await (await openStore(path)).upsertMany(seeds.slice(0, 2));
    const bytes = readFileSync(path);
    // a number where a narrative text should be, padded to the same byte length so the line still frames its parts
    const at = bytes.indexOf('"text":"', bytes.indexOf('"x":')) + 7;
    const close = bytes.indexOf('"', at + 1);
    const broken = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from(`123${' '.repeat(close + 1 - at - 3)}`),
      bytes.subarray(close + 1),
    ]);
    expect(broken.length).toBe(bytes.length);
    writeFileSync(path, broken);
    const store = await openStore(path);
    const read = () => store.all().map((e) => e.report.narrative);
    expect(read).toThrow(StoreError);
    const error = (() => {
      try {
        read();
      } catch (e) {
        return e as StoreError;
      }
    })()!;
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toMatch(/记录 .+-20\d\d 的叙述与警告不符合格式/);
  });
});

describe('prose of replaced reports', () => {
  it('is deleted once no record refers to it, and kept while one does', async () => {
    const path = tempPath();
    const store = await openStore(path);
    await store.upsertMany(seeds.slice(0, 2));
    const oldKey = store.get(seeds[0]!.report.id)!.prose!;
    expect(existsSync(join(proseDir(path), `${oldKey}.json`))).toBe(true);
    const sections = {
      ...seeds[0]!.report.text!.sections!,
      一: `${seeds[0]!.report.text!.sections!.一}另有补充说明一句。`,
    };
    const replaced = {
      ...seeds[0]!,
      report: {
        ...seeds[0]!.report,
        source: { ...seeds[0]!.report.source, sha256: 'new' },
        text: { ...seeds[0]!.report.text!, sections },
      },
    };
    expect(await store.upsert(replaced)).toBe('updated');
    const newKey = store.get(seeds[0]!.report.id)!.prose!;
    expect(newKey).not.toBe(oldKey);
    expect(existsSync(join(proseDir(path), `${oldKey}.json`))).toBe(false);
    expect(readdirSync(proseDir(path)).sort()).toEqual(
      store
        .all()
        .map((e) => `${e.prose}.json`)
        .sort(),
    );
    // the same file again (same prose, new sha256): its prose file stays
    const again = {
      ...replaced,
      report: { ...replaced.report, source: { ...replaced.report.source, sha256: 'again' } },
    };
    expect(await store.upsert(again)).toBe('updated');
    expect(existsSync(join(proseDir(path), `${newKey}.json`))).toBe(true);
  });
});

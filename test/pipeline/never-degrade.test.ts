/**
 * A re-upload never degrades a stored record silently; a failed store write changes nothing.
 * Real seed report, real store file, real worker pool.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addReports, type ReportFile } from '../../src/pipeline/index.ts';
import { openStore, StoreError } from '../../src/store/index.ts';
import { ROOT, seedFiles } from '../helpers.ts';

const HUALONG = seedFiles().find((f) => f.endsWith('003_5d77362307499405.txt'))!;
const fullText = readFileSync(HUALONG, 'utf8');
/** The report cut off inside table 三, after its row (一) 予以公开 — as a broken re-upload would be. */
const cutText = fullText.slice(0, fullText.indexOf('(二) 部分公开'));

const file = (text: string): ReportFile => ({
  file: 'hualong-2024.txt',
  bytes: new TextEncoder().encode(text),
});
const tempStore = () => join(mkdtempSync(join(tmpdir(), 'nianbao-degrade-')), 'store.json');
const ID = '化隆县人民政府-2024';

describe('never degrade a stored record silently', () => {
  it('keeps the complete record against a truncated re-upload and says why; replace: true replaces it', async () => {
    const path = tempStore();
    const store = await openStore(path);
    const [first] = await addReports(store, [file(fullText)]);
    expect(first).toMatchObject({ ok: true, outcome: 'added' });
    const sha = store.get(ID)!.report.source.sha256;

    const [cut] = await addReports(store, [file(cutText)]);
    expect(cut!.ok).toBe(false);
    if (cut!.ok) return;
    expect(cut!.code).toBe('RECORD_KEPT');
    expect(cut!.message).toMatch(/已保留数据库中的原记录 化隆县人民政府-2024/);
    expect(cut!.message).toMatch(/有数值的单元格从 200 个减为 \d+ 个/);
    expect(cut!.message).toMatch(/--replace/);
    const kept = cut!.kept!;
    expect(kept.change.cells[0]).toBe(200);
    expect(kept.change.cells[1]).toBeLessThan(200);
    expect(kept.change.tables[1]).toBeLessThan(kept.change.tables[0]);
    expect(store.get(ID)!.report.source.sha256).toBe(sha);
    expect((await openStore(path)).get(ID)!.report.source.sha256).toBe(sha);

    const [replaced] = await addReports(store, [file(cutText)], { replace: true });
    expect(replaced).toMatchObject({ ok: true, outcome: 'updated' });
    if (!replaced!.ok) return;
    expect(replaced!.change!.cells).toEqual(kept.change.cells);
    expect(replaced!.changeText).toMatch(/^单元格 200→\d+，表格 3→\d，改动数值 \d+ 个$/);
    expect((await openStore(path)).get(ID)!.report.source.sha256).not.toBe(sha);
  }, 60_000);

  it('a corrected figure is an update, and the summary says how many values changed', async () => {
    const store = await openStore(tempStore());
    await addReports(store, [file(fullText)]);
    const [edited] = await addReports(store, [file(fullText.replace('行政处罚\t114', '行政处罚\t115'))]);
    expect(edited).toMatchObject({
      ok: true,
      outcome: 'updated',
      changeText: '单元格 200→200，表格 3→3，改动数值 1 个',
    });
    expect(store.get(ID)!.report.values['active.penalty']).toBe(115);
  }, 60_000);

  it('another agency for the same record is kept apart, not swapped in', async () => {
    const store = await openStore(tempStore());
    await addReports(store, [file(fullText)]);
    // the same body under its full name: same agency key and year, different agency text
    const renamed = fullText.replaceAll('化隆县', '化隆回族自治县');
    const [r] = await addReports(store, [file(renamed)]);
    expect(r).toMatchObject({ ok: false, code: 'RECORD_KEPT' });
    expect(!r!.ok && r!.message).toMatch(/机关名称由“化隆县人民政府”变为“化隆回族自治县人民政府”/);
    expect(store.all().map((s) => s.report.id)).toEqual([ID]);
  }, 60_000);

  it('a store write that fails throws STORE_IO and leaves memory as it was', async () => {
    const path = tempStore();
    const store = await openStore(path);
    await addReports(store, [file(fullText)]);
    const before = store.all();
    const revision = store.revision;
    // the store file turns into a directory: neither re-read nor rename can succeed
    rmSync(path);
    mkdirSync(join(path, 'blocked'), { recursive: true });
    const seed = seedFiles()[0]!;
    const error = await addReports(store, [{ file: 'other.txt', bytes: readFileSync(seed) }]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('STORE_IO');
    expect(store.all()).toBe(before);
    expect(store.revision).toBe(revision);
    expect(store.all().map((s) => s.report.id)).toEqual([ID]);
  }, 60_000);
});

describe('abandoning a batch (shutdown)', () => {
  it('stops the workers at once and writes nothing', async () => {
    const path = tempStore();
    const store = await openStore(path);
    const pdf = readFileSync(join(ROOT, 'test', 'fixtures', 'pdf', 'hongzequ_2024.pdf'));
    const stop = new AbortController();
    setTimeout(() => stop.abort(new Error('shutdown')), 200);
    const started = performance.now();
    const error = await addReports(store, [file(fullText), { file: 'a.pdf', bytes: pdf }], {
      signal: stop.signal,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('shutdown');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(store.all()).toEqual([]);
    expect(existsSync(path)).toBe(false);
  }, 60_000);
});

describe('CLI ingest --replace', () => {
  it('refuses the truncated re-upload with RECORD_KEPT (exit 1), and --replace replaces it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-replace-'));
    const store = join(dir, 'store.json');
    const full = join(dir, 'full', 'hualong.txt');
    const cut = join(dir, 'cut', 'hualong.txt');
    mkdirSync(join(dir, 'full'));
    mkdirSync(join(dir, 'cut'));
    writeFileSync(full, fullText);
    writeFileSync(cut, cutText);
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'ingest', '--store', store, ...args],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
    expect(cli(full).status).toBe(0);
    const refused = cli(cut);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(
      /hualong\.txt: 保留原记录 \[RECORD_KEPT\] 已保留数据库中的原记录 化隆县人民政府-2024/,
    );
    expect(refused.stdout).toMatch(/合计：新增 0，更新 0，未变化 0，失败 0，保留原记录 1/);
    const replaced = cli('--replace', cut);
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(
      /hualong\.txt: 已更新（文件有变化，替换原记录） 化隆县人民政府-2024（警告 \d+ 条，其中错误 \d+ 条；单元格 200→\d+，表格 3→\d/,
    );
  }, 90_000);
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addReports, type ReportFile } from '../../src/pipeline/index.ts';
import { openStore } from '../../src/store/index.ts';
import { ROOT, seedFiles } from '../helpers.ts';

const PDF_DIR = join(ROOT, 'test', 'fixtures', 'pdf');

function fileOf(path: string): ReportFile {
  return { file: basename(path), bytes: new Uint8Array(readFileSync(path)) };
}

function tempStore(): string {
  return join(mkdtempSync(join(tmpdir(), 'nianbao-pipeline-')), 'store.json');
}

describe('addReports', () => {
  it('adds, keeps unchanged files, replaces changed ones, and lists failures with their code', async () => {
    const path = tempStore();
    const store = await openStore(path);
    const seeds = seedFiles().map(fileOf);
    const first = await addReports(store, [...seeds, { file: 'empty.txt', bytes: new Uint8Array() }]);
    expect(first.map((r) => (r.ok ? r.outcome : r.code))).toEqual([
      'added',
      'added',
      'added',
      'added',
      'added',
      'EMPTY_FILE',
    ]);
    const again = await addReports(store, seeds.slice(0, 1));
    expect(again.map((r) => (r.ok ? r.outcome : r.code))).toEqual(['unchanged']);
    const edited = new TextEncoder().encode(
      new TextDecoder().decode(seeds[3]!.bytes).replace('行政处罚\t114', '行政处罚\t115'),
    );
    const changed = await addReports(store, [{ file: seeds[3]!.file, bytes: edited }]);
    expect(changed[0]).toMatchObject({ ok: true, outcome: 'updated' });
    const reopened = await openStore(path);
    expect(reopened.all()).toHaveLength(5);
    expect(reopened.get('化隆县人民政府-2024')?.report.values['active.penalty']).toBe(115);
  });

  it('keeps each report with its warnings, parser and checker alike', async () => {
    const store = await openStore(tempStore());
    const [result] = await addReports(store, [fileOf(seedFiles()[3]!)]);
    expect(result?.ok).toBe(true);
    const rules = store.get('化隆县人民政府-2024')!.warnings.map((w) => w.rule);
    expect(rules).toEqual(expect.arrayContaining(['PW-02', 'PW-03', 'B-03', 'B-04', 'N-01', 'M-03']));
  });

  it('re-checks the next year of the same agency when its previous year arrives', async () => {
    const path = tempStore();
    const store = await openStore(path);
    await addReports(store, [fileOf(join(PDF_DIR, 'hongzequ_2024.pdf'))]);
    const before = store.get('淮安市洪泽区人民政府-2024')!.warnings.map((w) => w.rule);
    expect(before.some((r) => r.startsWith('X-'))).toBe(false);
    const [added] = await addReports(store, [fileOf(join(PDF_DIR, 'hongzequ_2023.pdf'))]);
    expect(added).toMatchObject({ ok: true, outcome: 'added' });
    const after = (await openStore(path)).get('淮安市洪泽区人民政府-2024')!.warnings.map((w) => w.rule);
    expect(after).toContain('X-08');
  });
});

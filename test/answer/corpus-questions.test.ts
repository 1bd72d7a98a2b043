import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import { addReports } from '../../src/pipeline/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { REPORTS_DIR } from '../helpers.ts';
import { TODAY } from './_questions.ts';

/** The bundled 平潭综合实验区 corpus (issue 9): bureaus asked for by their short names. */
const corpus = readdirSync(REPORTS_DIR).filter((f) => /^pt.*\.txt$/.test(f));
let store: Store;

beforeAll(async () => {
  if (corpus.length === 0) return;
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'nianbao-corpus-q-')), 'store.json'));
  await addReports(
    store,
    corpus.map((f) => ({ file: f, bytes: new Uint8Array(readFileSync(join(REPORTS_DIR, f))) })),
  );
}, 60_000);

const BUREAU = '平潭综合实验区交通与建设局';
const recordsOf = async (agency: string) =>
  (await store.list())
    .filter((e) => e.report.agency === agency)
    .sort((a, b) => a.report.year - b.report.year);

describe.skipIf(corpus.length === 0)('平潭 corpus questions', () => {
  it('平潭交通与建设局2024年行政处罚多少: the bureau by its short name', async () => {
    const a = await answerQuestion('平潭交通与建设局2024年行政处罚多少', store, { today: TODAY });
    const record = (await recordsOf(BUREAU)).find((e) => e.report.year === 2024)!;
    expect(a.intent).toBe('lookup');
    expect(a.answers.map((f) => [f.agency, f.year, f.field, f.value])).toEqual([
      [BUREAU, 2024, 'active.penalty', record.report.values['active.penalty']],
    ]);
  });

  it('平潭交建局 (a unique short form of one bureau of the place named) says how it was read', async () => {
    const a = await answerQuestion('平潭交建局2024年行政处罚', store, { today: TODAY });
    expect(a.answers.map((f) => [f.agency, f.year])).toEqual([[BUREAU, 2024]]);
    expect(a.text).toContain(`（按“${BUREAU}”理解“交建局”）`);
  });

  it('平潭交通与建设局历年行政许可: every year held', async () => {
    const a = await answerQuestion('平潭交通与建设局历年行政许可', store, { today: TODAY });
    expect(a.intent).toBe('trend');
    expect(a.answers.map((f) => [f.year, f.value])).toEqual(
      (await recordsOf(BUREAU)).map((e) => [e.report.year, e.report.values['active.license'] ?? null]),
    );
  });

  it('平潭哪个局2023年行政许可最多: the zone’s bureaus of 2023, most first', async () => {
    const a = await answerQuestion('平潭哪个局2023年行政许可最多', store, { today: TODAY });
    expect(a.intent).toBe('rank');
    expect(a.answers.every((f) => f.year === 2023 && f.agency.startsWith('平潭综合实验区'))).toBe(true);
    const values = a.answers.map((f) => f.value as number);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    const best = Math.max(
      ...(await store.list())
        .filter((e) => e.report.year === 2023 && e.report.agency.startsWith('平潭综合实验区'))
        .map((e) => e.report.values['active.license'] ?? -1),
    );
    expect(values[0]).toBe(best);
    expect(a.text).toContain('（按2023年的年报比较）');
  });
});

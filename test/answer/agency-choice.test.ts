import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, INTENTS } from '../../src/answer/index.ts';
import { createNluContext, matchQuestion } from '../../src/nlu/index.ts';
import type { Report } from '../../src/schema/index.ts';
import { openStore, type Store, type StoredReport } from '../../src/store/index.ts';
import { loadTestReports } from './_store.ts';

/**
 * The seeds hold no government beside its own department and no two same-named places, so
 * these cases re-label real seed records: 平罗县人民政府 (beside the seed 平罗县人民政府办公室)
 * and two 朝阳 governments (朝阳区, 北京; 朝阳县, 辽宁).
 */
function relabel(entry: StoredReport, patch: Partial<Report>): StoredReport {
  const report = { ...entry.report, ...patch };
  report.id = `${report.agency}-${report.year}`;
  report.source = { file: `${report.id}.txt`, sha256: report.id };
  return { report, warnings: [] };
}

const base = loadTestReports();
const pingluoDept = base.find((e) => e.report.agency === '平罗县人民政府办公室')!;
const huangzhong = base.find((e) => e.report.agency === '湟中区人民政府')!;
const extra = [
  relabel(pingluoDept, {
    agency: '平罗县人民政府',
    kind: 'gov',
    values: { ...pingluoDept.report.values, 'active.penalty': 321 },
  }),
  relabel(huangzhong, {
    agency: '朝阳区人民政府',
    region: { name: '朝阳区', code: '110105', province: '北京市', city: '北京市' },
  }),
  relabel(huangzhong, {
    agency: '朝阳县人民政府',
    region: { name: '朝阳县', code: '211321', province: '辽宁省', city: '朝阳市' },
  }),
];
const ctx = createNluContext([...base, ...extra].map((e) => e.report));
let store: Store;

beforeAll(async () => {
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'nianbao-choice-')), 'store.json'));
  await store.upsertMany([...base, ...extra]);
});

describe('a name matching a government and its department', () => {
  it('prefers the government and mentions the department', async () => {
    expect(
      matchQuestion('平罗2023年行政处罚', ctx, { rules: INTENTS, today: new Date('2025-03-01T00:00:00Z') }),
    ).toEqual({
      intent: 'lookup',
      lang: 'zh',
      agencies: ['640221|人民政府'],
      years: { kind: 'year', year: 2023 },
      metric: 'active.penalty',
      assumptions: [{ kind: 'preferred', chosen: '640221|人民政府', others: ['640221|人民政府办公室'] }],
    });
    const a = await answerQuestion('平罗2023年行政处罚', store);
    expect(a.answers.map((f) => [f.report, f.value])).toEqual([['平罗县人民政府-2023', 321]]);
    expect(a.text).toContain('（“平罗县人民政府办公室”也相关，这里按平罗县人民政府回答）');
  });

  it('still reaches the department by its own name', async () => {
    const a = await answerQuestion('平罗县政府办公室2023年行政处罚', store);
    expect(a.answers.map((f) => [f.report, f.value])).toEqual([['平罗县人民政府办公室-2023', 0]]);
    expect(a.text).not.toContain('也相关');
  });
});

describe('a name shared by two governments', () => {
  it('asks which one, offering each as a full question', async () => {
    const a = await answerQuestion('朝阳2023年行政处罚多少', store);
    expect(a.intent).toBe('clarify');
    expect(a.answers).toEqual([]);
    expect(a.choices).toEqual([
      { label: '朝阳区人民政府', question: '朝阳区人民政府2023年行政处罚多少' },
      { label: '朝阳县人民政府', question: '朝阳县人民政府2023年行政处罚多少' },
    ]);
  });

  it('answers once the choice is made', async () => {
    const a = await answerQuestion('朝阳县人民政府2023年行政处罚多少', store);
    expect(a.answers.map((f) => [f.report, f.value])).toEqual([['朝阳县人民政府-2023', 36084]]);
  });
});

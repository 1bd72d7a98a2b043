import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChartCaption, formatReportList, formatUpload, formatWarnings } from '../../src/bot/format.ts';
import type { Warning } from '../../src/schema/index.ts';
import type { Store } from '../../src/store/index.ts';
import { openSeedStore } from '../support/test-bot.ts';

let store: Store;
let dir: string;
beforeAll(async () => {
  ({ store, dir } = await openSeedStore());
});
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
});

const warning = (i: number): Warning => ({
  rule: 'A-04',
  severity: 'error',
  report: 'x-2024',
  fields: [],
  message: `勾稽关系不成立 <${i}>`,
});

describe('bot formatting', () => {
  it('lists every report by agency with its years', async () => {
    const text = formatReportList([...(await store.list())], 'zh').value;
    expect(text.split('\n')).toHaveLength(1 + new Set((await store.list()).map((s) => s.report.agency)).size);
    expect(text).toContain('化隆县人民政府：2024');
  });

  it('shows an upload with its key figures and warnings', async () => {
    const stored = (await store.list()).find((s) => s.report.agency === '化隆县人民政府')!;
    const text = formatUpload(stored, 'added', 'zh').value;
    expect(text).toContain('<b>已添加</b>：化隆县人民政府 2024');
    expect(text).toContain('行政处罚：114 件');
  });

  it('caps warnings at 10, escaped, and says how many more', () => {
    const text = formatWarnings(
      Array.from({ length: 13 }, (_, i) => warning(i)),
      'zh',
    ).value;
    expect(text).toContain('发现 13 条警告');
    expect(text).toContain('&lt;9&gt;');
    expect(text).not.toContain('&lt;10&gt;');
    expect(text).toContain('另有 3 条');
  });

  it('puts every chart figure in the caption', () => {
    const caption = formatChartCaption({
      kind: 'bar',
      title: 'T',
      labels: ['甲', '乙'],
      values: [1234, 5],
      unit: '件',
    });
    expect(caption.value).toBe('<b>T</b>\n甲：1,234 件\n乙：5 件');
  });
});

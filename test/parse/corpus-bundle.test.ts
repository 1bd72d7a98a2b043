import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import { ensureStore } from '../../src/bot/index.ts';
import { createLogger } from '../../src/logger.ts';
import { isSideFile } from '../../src/pipeline/index.ts';
import { REPORTS_DIR, ROOT } from '../helpers.ts';

const HUALONG = '003_5d77362307499405.txt';
const MINHE = '000_378100d4189c1d99.txt';
const URL = 'https://www.example.gov.cn/zwgk/ndbg/202501/t20250120_12345.htm';

/** A real seed report saved the way a crawler saves a page: header on top, then the text. */
function crawled(file: string): string {
  const text = readFileSync(join(REPORTS_DIR, file), 'utf8');
  const header = [
    '标题: 化隆县2024年度政府信息公开工作年度报告',
    '发布时间: 2025-01-20 10:05',
    '文号: ',
    '发布机构: 县政府办',
    '栏目: 政府信息公开年报',
    `原文链接: ${URL}`,
    '==================== 正文 ====================',
  ];
  return `${header.join('\n')}\n${text}`;
}

function capture(): { logger: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('side files next to reports', () => {
  it('a README, a manifest or a data table is not a report; report formats are', () => {
    for (const f of [
      'MANIFEST.tsv',
      'README.md',
      'readme.txt',
      'SOURCES.md',
      'links.tsv',
      'gold.json',
      'x.csv',
    ])
      expect(isSideFile(f), f).toBe(true);
    for (const f of [
      'ptzhsyqczj_2021.txt',
      'hongzequ_2023.pdf',
      'report.md',
      'page.html',
      'a.docx',
      'index.html',
    ])
      expect(isSideFile(f), f).toBe(false);
  });
});

describe('a store built from a folder of reports', () => {
  it('skips the manifest and README, keeps the URL, and answers cite it in Chinese and English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bundle-'));
    const reports = join(dir, 'reports');
    mkdirSync(reports);
    copyFileSync(join(ROOT, 'data', 'sources.tsv'), join(reports, 'MANIFEST.tsv'));
    copyFileSync(join(ROOT, 'data', 'README.md'), join(reports, 'README.md'));
    copyFileSync(join(REPORTS_DIR, MINHE), join(reports, MINHE));
    writeFileSync(join(reports, 'hualong_2024.txt'), crawled(HUALONG));
    const { logger, lines } = capture();
    const store = await ensureStore(join(dir, 'store.json'), reports, logger);
    expect((await store.list()).map((e) => e.report.id)).toEqual([
      '民和回族土族自治县人民政府-2023',
      '化隆县人民政府-2024',
    ]);
    expect(lines().filter((l) => l.level === 40)).toEqual([]);
    const hualong = (await store.list())[1]!.report;
    expect(hualong.source).toMatchObject({ file: 'hualong_2024.txt', url: URL });
    expect(hualong.published).toBe('2025-01-20');

    const zh = await answerQuestion('化隆2024年行政处罚多少', store);
    expect(zh.answers.map((a) => [a.value, a.source.url])).toEqual([[114, URL]]);
    expect(zh.text).toContain(`原文：${URL}`);
    const en = await answerQuestion(
      'How many administrative penalty decisions did Hualong make in 2024?',
      store,
    );
    expect(en.lang).toBe('en');
    expect(en.answers.map((a) => a.source.url)).toEqual([URL]);
    expect(en.text).toContain(URL);
    const summary = await answerQuestion('化隆2024年年报', store);
    expect(summary.text).toContain(URL);
    // a report without a URL cites only its title
    const plain = await answerQuestion('民和2023年行政处罚多少', store);
    expect(plain.answers[0]?.source.url).toBeUndefined();
    expect(plain.text).not.toContain('原文：');
  });

  it('builds from every bundled report: each one is stored or its failure logged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bundle-'));
    const { logger, lines } = capture();
    const store = await ensureStore(join(dir, 'store.json'), REPORTS_DIR, logger);
    const failed = lines()
      .filter((l) => l.level === 40)
      .map((l) => l.file as string);
    const stored = (await store.list()).map((e) => e.report.source.file);
    const reports = readdirSync(REPORTS_DIR);
    expect(reports).toHaveLength(83);
    expect([...stored, ...failed].sort()).toEqual(reports.sort());
  }, 120_000);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import { agencyKind, fullAgencyName, readMetadata, splitCrawlerHeader } from '../../src/parse/metadata.ts';
import { findRegion, findZone } from '../../src/parse/region.ts';
import type { Report } from '../../src/schema/index.ts';
import { agencyKey } from '../../src/store/index.ts';
import { FIXTURES_DIR, REPORTS_DIR } from '../helpers.ts';

const bundled = (name: string) => readFileSync(join(REPORTS_DIR, name), 'utf8');
const real = (name: string) => readFileSync(join(FIXTURES_DIR, 'real', name), 'utf8');
/** A real report's text as the ingest step gives it to the parser (markdown and HTML converted). */
async function realText(name: string): Promise<string> {
  const r = await extractText(new Uint8Array(readFileSync(join(FIXTURES_DIR, 'real', name))), name);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value.text;
}

function parse(text: string, file = 'x.txt'): Report {
  const r = parseReport(text, { file, sha256: 'x' });
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.report;
}

/** A crawler header as the bundled 平潭 pages carry it, put on top of a report that has none. */
function withHeader(body: string, fields: { title: string; time: string; url: string; org: string }): string {
  return [
    `标题: ${fields.title}`,
    `发布时间: ${fields.time}`,
    '文号: 化政办〔2025〕17号',
    `发布机构: ${fields.org}`,
    '栏目: 政府信息公开年报',
    `原文链接: ${fields.url}`,
    '本地目录: zwgk/zfxxgk/2025/12345_年报',
    '页面链接与图片详见 links.tsv(同目录)',
    '==================== 正文 ====================',
    body,
  ].join('\n');
}

const HUALONG = '003_5d77362307499405.txt';
const HUANGZHONG = '002_0b45a7d4e00025aa.txt';
const HEADER = {
  title: '化隆县2024年度政府信息公开工作年度报告',
  time: '2025-01-20 10:05',
  url: 'https://www.example.gov.cn/zwgk/ndbg/202501/t20250120_12345.htm',
  org: '县政府办',
};

describe('crawler header', () => {
  it('reads 标题, 发布时间 and 原文链接 of a bundled page and blanks the header lines', () => {
    const raw = bundled('ptzhsyqczj_2025.txt');
    const { header, body } = splitCrawlerHeader(raw);
    expect(header).toEqual({
      title: '平潭综合实验区财政金融局2025年度政府信息公开工作年度报告',
      titleLine: 1,
      published: '2026-01-16',
      url: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqczj/zfxxgknb/202601/t20260116_104656.htm',
    });
    expect(body.split('\n')).toHaveLength(raw.split('\n').length);
    expect(body).not.toMatch(/发布机构|原文链接|本地目录|正文 =/);
    // this page's text does not repeat the title: the agency comes from 标题
    expect(body).not.toContain('年度政府信息公开工作年度报告 根据');
    expect(readMetadata(raw)?.agency).toBe('平潭综合实验区财政金融局');
  });

  it('without a header, a title run into site text (breadcrumbs) still gives the agency alone', () => {
    const raw = bundled('ptzhsyqczj_2021.txt');
    const body = raw.slice(raw.indexOf('\n', raw.indexOf('==== 正文')) + 1);
    const head = readMetadata(`首页 > 政务公开 > 政府信息公开 > 政府信息公开年报 > ${body}`);
    expect(head?.agency).toBe('平潭综合实验区财政金融局');
    expect(head?.title.title).toBe('平潭综合实验区财政金融局2021年度政府信息公开工作年度报告');
    expect([head?.url, head?.published]).toEqual([null, null]);
  });

  it("reads other crawlers' field names and dates, with no 正文 line after the header", () => {
    const text = bundled(HUALONG);
    const saved = `Title: 化隆县2024年度政府信息公开工作年度报告\nURL: ${HEADER.url}\nDate: 2025/1/20\n\n${text}`;
    const { header, body } = splitCrawlerHeader(saved);
    expect(header).toEqual({ title: HEADER.title, titleLine: 1, published: '2025-01-20', url: HEADER.url });
    expect(body).toBe(`\n\n\n\n${text}`);
    const cn = `标题：${HEADER.title}\n来源：化隆县人民政府\n发布日期：2025年01月20日\n${text}`;
    expect(splitCrawlerHeader(cn).header?.published).toBe('2025-01-20');
  });

  it('finds no header in ordinary report files', () => {
    for (const f of ['000_378100d4189c1d99.txt', HUALONG, '004_0fd0d067f85b1ad8.txt']) {
      expect(splitCrawlerHeader(bundled(f)).header).toBeNull();
    }
    for (const f of ['shanghai-kewei-2024.md', 'shuyang-gov-2025.txt', 'shuyang-fgj-2023.html']) {
      expect(splitCrawlerHeader(real(f)).header).toBeNull();
    }
  });

  it('keeps the URL and publish date in the record; ordinary files have them null', () => {
    const plain = parse(bundled(HUALONG), HUALONG);
    expect(plain.published).toBeNull();
    expect(plain.source.url).toBeNull();
    const saved = parse(withHeader(bundled(HUALONG), HEADER), HUALONG);
    expect(saved.published).toBe('2025-01-20');
    expect(saved.source.url).toBe(HEADER.url);
  });

  it('is never read as report prose: figures, sections and tables are those of the report alone', () => {
    const plain = parse(bundled(HUALONG), HUALONG);
    const saved = parse(withHeader(bundled(HUALONG), HEADER), HUALONG);
    expect(saved.values).toEqual(plain.values);
    expect(saved.blanks).toEqual(plain.blanks);
    expect(saved.text?.sections).toEqual(plain.text?.sections);
    // the header adds 9 lines above the text: the same figures, 9 lines down, none from the header
    expect(saved.narrative).toEqual(plain.narrative.map((n) => ({ ...n, line: n.line + 9 })));
    expect(saved.agency).toBe(plain.agency);
    expect(saved.region).toEqual(plain.region);
  });
});

describe('who wrote it', () => {
  it('takes the full name from the title, never 发布机构 (a short form or the parent government)', () => {
    // 发布机构: 区财政金融局; 平潭综合实验区人民政府; 福建学生资助; 桌面; 行政科
    for (const [file, agency] of [
      ['ptzhsyqczj_2025.txt', '平潭综合实验区财政金融局'],
      ['ptzhsyqczj_2021.txt', '平潭综合实验区财政金融局'],
      ['ptzhsyqshs_2024.txt', '平潭综合实验区社会事业局'],
      ['ptzhsyqspp_2024.txt', '平潭综合实验区苏平片区管理局'],
      ['ptzhsyqzhz_2025.txt', '平潭综合实验区综合执法与应急管理局'],
      ['ptzhsyqhzs_2024.txt', '平潭综合实验区行政审批局'],
    ]) {
      expect(readMetadata(bundled(file!))?.agency, file).toBe(agency);
    }
  });

  it('a signature typo (财政全融局) does not change the agency', () => {
    const raw = bundled('ptzhsyqczj_2021.txt');
    expect(raw).toContain('平潭综合实验区财政全融局 2022年1月13日');
    const head = readMetadata(raw);
    expect(head?.agency).toBe('平潭综合实验区财政金融局');
    expect(head?.sigAgency).toBe('平潭综合实验区财政全融局');
    expect(head?.notes).toEqual([]);
  });

  it('reads the signature run into the last line of a flattened page, past the page furniture', () => {
    const cases: [string, string | null, string | null][] = [
      // …开展。 平潭综合实验区财政全融局 2022年1月13日
      ['ptzhsyqczj_2021.txt', '2022-01-13', '平潭综合实验区财政全融局'],
      // … 2022年1月13 日 平潭综合实验区经济发展局办公室 2022年1月13日印发 附件下载
      ['ptzhsyqjjf_2021.txt', '2022-01-13', '平潭综合实验区经济发展局'],
      // … 2022年1月7日抄送：驻区…纪检监察组。…办公室 2022年1月7日印发 附件下载
      ['ptzhsyqscj_2021.txt', '2022-01-07', '平潭综合实验区市场监督管理局'],
      // … 2025年1月26日（此件主动公开）
      ['ptzhsyqlyy_2024.txt', '2025-01-26', '平潭综合实验区旅游与文化体育局'],
      // no signature: the text ends with 六、… 附件下载
      ['ptzhsyqgwh_2021.txt', null, null],
      ['ptzhsyqhzs_2023.txt', null, null],
    ];
    for (const [file, signed, sig] of cases) {
      const head = readMetadata(bundled(file));
      expect([head?.signed, head?.sigAgency], file).toEqual([signed, sig]);
    }
  });

  it('spells out a title that drops its place (区财政金融局) from the body', () => {
    const raw = bundled('ptzhsyqczj_2025.txt').replace(
      '标题: 平潭综合实验区财政金融局',
      '标题: 区财政金融局',
    );
    const head = readMetadata(raw);
    expect(head?.title.title).toBe('区财政金融局2025年度政府信息公开工作年度报告');
    expect(head?.agency).toBe('平潭综合实验区财政金融局');
    expect(head?.region?.code).toBe('350128');
    expect(head?.notes.map((n) => [n.rule, n.severity])).toEqual([['PW-11', 'info']]);
  });

  it('a short name (上海市科委) becomes the full name the signature gives, and stays when none is given', () => {
    const text = real('shanghai-kewei-2024.md');
    expect(readMetadata(text)?.agency).toBe('上海市科委');
    const signed = `${text}\n\n上海市科学技术委员会\n2025年1月20日\n`;
    const head = readMetadata(signed);
    expect(head?.agency).toBe('上海市科学技术委员会');
    expect(head?.title.title).toBe('2024年上海市科委政府信息公开工作年度报告');
    expect(head?.region?.code).toBe('310000');
    expect(head?.notes[0]?.message).toContain('上海市科委');
  });

  it('expands only true short forms: written-out names and longer bodies are not expansions', () => {
    const cases: [string, string, string][] = [
      ['福州市发改委', '福州市发展和改革委员会印发', '福州市发展和改革委员会'],
      ['福州市人社局', '联系福州市人力资源和社会保障局办公室', '福州市人力资源和社会保障局'],
      // 财政局 is a full name; 财政预算管理局 is another body
      ['福州市财政局', '福州市财政预算管理局', '福州市财政局'],
      // a government is not its 办公厅
      ['福州市人民政府', '福州市人民政府办公厅', '福州市人民政府'],
      // 福州市市场监督管理局 names no place for 市场监督管理局 (the 市 is part of the name)
      ['市场监督管理局', '福州市市场监督管理局', '市场监督管理局'],
    ];
    for (const [short, text, full] of cases) expect(fullAgencyName(short, text, null), short).toBe(full);
  });

  it('the other real reports keep their agency', async () => {
    const cases: [string, string][] = [
      ['shanghai-office-2025.md', '上海市人民政府办公厅'],
      ['shanghai-office-2019.html', '上海市人民政府办公厅'],
      ['shuyang-fgj-2023.html', '沭阳县发展和改革局'],
      ['shuyang-gov-2025.txt', '沐阳县人民政府'],
    ];
    for (const [file, agency] of cases) expect(readMetadata(await realText(file))?.agency, file).toBe(agency);
    const seeds: [string, string][] = [
      ['000_378100d4189c1d99.txt', '民和回族土族自治县人民政府'],
      ['001_b544fc85b347642f.txt', '互助土族自治县人民政府'],
      [HUANGZHONG, '湟中区人民政府'],
      [HUALONG, '化隆县人民政府'],
      ['004_0fd0d067f85b1ad8.txt', '平罗县人民政府办公室'],
    ];
    for (const [file, agency] of seeds) expect(readMetadata(bundled(file))?.agency, file).toBe(agency);
  });
});

describe('zones and new areas', () => {
  it('平潭综合实验区 bureaus and 片区管理局 are departments in 福建省福州市平潭县 (350128)', () => {
    for (const file of ['ptzhsyqjjp_2023.txt', 'ptzhsyqjtj_2024.txt', 'ptzhsyqgwh_2022.txt']) {
      const head = readMetadata(bundled(file));
      expect(head?.kind, file).toBe('dept');
      expect(head?.region, file).toEqual({
        name: '平潭县',
        code: '350128',
        province: '福建省',
        city: '福州市',
      });
    }
  });

  it('a zone administration itself is the zone government; other zones map to their host division', () => {
    expect(agencyKind('平潭综合实验区管理委员会')).toBe('gov');
    expect(agencyKind('平潭综合实验区管委会办公室')).toBe('dept');
    expect(agencyKind('平潭综合实验区金井片区管理局')).toBe('dept');
    expect(findZone('河北雄安新区管理委员会')?.region).toEqual({
      name: '保定市',
      code: '130600',
      province: '河北省',
      city: '保定市',
    });
    // 江北新区 is Nanjing's, not a 江北区 of Chongqing or Ningbo
    expect(findRegion('南京江北新区管理委员会', '')?.code).toBe('320100');
    expect(findRegion('重庆两江新区管理委员会', '')?.code).toBe('500000');
    // a real division named 新区 needs no table
    expect(findRegion('天津市滨海新区人民政府', '')?.code).toBe('120116');
  });

  it("a zone's own report is its administration's, however the title names it", () => {
    const raw = bundled('ptzhsyqgwh_2024.txt');
    for (const titled of ['平潭综合实验区', '平潭综合实验区管委会', '平潭综合实验区管理委员会']) {
      const head = readMetadata(raw.replace('标题: 平潭综合实验区管委会办公室', `标题: ${titled}`));
      expect([head?.agency, head?.kind, head?.region?.code], titled).toEqual([
        '平潭综合实验区管理委员会',
        'gov',
        '350128',
      ]);
    }
    expect(readMetadata(raw)?.agency).toBe('平潭综合实验区管委会办公室');
  });

  it('the four 片区管理局 of one zone are four bodies in the store', () => {
    const keys = [
      'ptzhsyqhtp_2024.txt',
      'ptzhsyqjjp_2024.txt',
      'ptzhsyqjsp_2024.txt',
      'ptzhsyqspp_2024.txt',
    ].map((f) => {
      const h = readMetadata(bundled(f))!;
      return agencyKey({ agency: h.agency, kind: h.kind, region: h.region });
    });
    expect(new Set(keys).size).toBe(4);
  });
});

describe('a misspelt place name', () => {
  const text = bundled(HUANGZHONG);

  it('is corrected when one division is one character away and the report names its city', () => {
    // 湟仲区 is not a division; 湟中区 (青海省西宁市) is the only one a character away, and the text names 西宁市
    const misspelt = text.replace('湟中区 2023 年度', '湟仲区 2023 年度');
    const r = parseReport(misspelt, { file: HUANGZHONG, sha256: 'x' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.report.title).toBe('湟仲区2023年度政府信息公开工作年度报告');
    expect(r.report.agency).toBe('湟中区人民政府');
    expect(r.report.region).toEqual({ name: '湟中区', code: '630106', province: '青海省', city: '西宁市' });
    const note = r.warnings.find((w) => w.rule === 'PW-11');
    expect(note?.severity).toBe('warning');
    expect(note?.message).toContain('“湟仲区”');
    expect(note?.message).toContain('按“湟中区”');
    expect(note?.message).toContain('西宁');
  });

  it('is corrected by the signature when it spells the division', () => {
    const misspelt = text
      .replaceAll('湟中', '湟仲')
      .replaceAll(/青海|西宁/g, '')
      .concat('\n\n湟中区人民政府\n2024年1月20日\n');
    const head = readMetadata(misspelt);
    expect(head?.agency).toBe('湟中区人民政府');
    expect(head?.region?.code).toBe('630106');
    expect(head?.notes[0]?.message).toContain('落款');
  });

  it('a zone misspelt in the title is corrected by the signature', () => {
    const raw = bundled('ptzhsyqczj_2025.txt');
    const misspelt = raw.replace('标题: 平潭综合实验区财政金融局', '标题: 平谭综合实验区财政金融局');
    const head = readMetadata(misspelt);
    expect(head?.title.title).toBe('平谭综合实验区财政金融局2025年度政府信息公开工作年度报告');
    expect(head?.agency).toBe('平潭综合实验区财政金融局');
    expect(head?.region?.code).toBe('350128');
    expect(head?.notes.map((n) => [n.rule, n.severity])).toEqual([['PW-11', 'warning']]);
    expect(head?.notes[0]?.message).toContain('落款“平潭综合实验区财政金融局”');
  });

  it('is kept as printed when nothing else in the report agrees', () => {
    const misspelt = text.replaceAll('湟中', '湟仲').replaceAll(/青海|西宁/g, '');
    const head = readMetadata(misspelt);
    expect(head?.agency).toBe('湟仲区人民政府');
    expect(head?.region).toBeNull();
    expect(head?.notes).toEqual([]);
  });

  it('is kept as printed when several divisions are one character away (沐阳县: 沭阳县, 泌阳县, 汝阳县 …)', async () => {
    const head = readMetadata(await realText('shuyang-gov-2025.txt'));
    expect(head?.agency).toBe('沐阳县人民政府');
    expect(head?.region).toBeNull();
    expect(head?.notes).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../src/parse/narrative.ts';
import { FIXTURES_DIR, REPORTS_DIR } from '../helpers.ts';

const SEEDS = REPORTS_DIR;
const GOLD = join(FIXTURES_DIR, 'gold');

/** Prose lines of a seed: the lines without tab-separated cells. */
function readProse(base: string): { text: string; line: number }[] {
  return readFileSync(`${SEEDS}/${base}.txt`, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter((l) => !l.text.includes('\t'));
}

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

describe('extractNarrative on the seed reports', () => {
  it.each([
    ['002_0b45a7d4e00025aa', 'apply.new_received.total', 12, 'weak', 21],
    ['003_5d77362307499405', 'apply.new_received.total', 13, 'weak', 21],
    ['004_0fd0d067f85b1ad8', 'apply.new_received.total', 18, 'weak', 118],
    ['004_0fd0d067f85b1ad8', 'legal.suit.total', 1, 'strong', 13],
  ])('%s states %s = %i (%s) on line %i', (base, field, value, strength, line) => {
    const items = extractNarrative(readProse(base)).filter((i) => i.field === field && !i.zeroClaim);
    expect(items.map((i) => [i.value, i.strength, i.line])).toContainEqual([value, strength, line]);
  });

  it.each([
    '000_378100d4189c1d99',
    '001_b544fc85b347642f',
    '002_0b45a7d4e00025aa',
    '003_5d77362307499405',
    '004_0fd0d067f85b1ad8',
  ])('%s: every gold narrative figure is extracted with its unit', (base) => {
    const gold = JSON.parse(readFileSync(`${GOLD}/${base}.json`, 'utf8')) as {
      narrative: Record<string, { value: number; unit: string }>;
    };
    const got = extractNarrative(readProse(base)).map((i) => `${i.value}${i.unit}`);
    for (const g of Object.values(gold.narrative)) expect(got).toContain(`${g.value}${g.unit}`);
  });

  it('互助 2022: 没有…行政复议和行政诉讼 is a zero claim for both', () => {
    const zero = extractNarrative(readProse('001_b544fc85b347642f')).filter((i) => i.zeroClaim);
    expect(zero.map((i) => i.field).sort()).toEqual(['legal.review.total', 'legal.suit.total']);
  });

  it.each([
    ['002_0b45a7d4e00025aa', 556, 556],
    ['003_5d77362307499405', 17, 17],
    ['001_b544fc85b347642f', 3927, 3927],
    ['000_378100d4189c1d99', 5588, 5588],
  ])('%s: breakdown of %i sums to %i', (base, total, sum) => {
    const item = extractNarrative(readProse(base)).find((i) => i.value === total && i.parts);
    expect(item?.parts?.reduce((s, p) => s + p.value, 0)).toBe(sum);
  });
});

describe('extractNarrative rules (docs/narrative.md)', () => {
  it.each([
    ['本年度新收政府信息公开申请25件。', 'apply.new_received.total', 25, 'strong'],
    ['共收到政府信息公开申请5件，其中自然人申请3件。', 'apply.new_received.natural', 3, 'strong'],
    ['上年结转3件。', 'apply.carried_in.total', 3, 'strong'],
    ['予以公开十二件，部分公开两件。', 'apply.partial.total', 2, 'strong'],
    ['予以公开十二件，部分公开两件。', 'apply.granted.total', 12, 'strong'],
    ['发生政府信息公开行政复议 2 件。', 'legal.review.total', 2, 'strong'],
    ['结转至2025年办理2件。', 'apply.carried_out.total', 2, 'strong'],
    ['全年制发行政规范性文件6件。', 'active.normative_doc.issued', 6, 'strong'],
    ['制定规章2件。', 'active.regulation.issued', 2, 'strong'],
    ['共受理政府信息公开申请 1,234 件，已全部办结。', 'apply.new_received.total', 1234, 'weak'],
    // phrasings of the real reports in test/fixtures/real
    [
      '市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件）。',
      'apply.new_received.total',
      1295,
      'weak',
    ],
    ['共受理政府信息公开申请25件（含上年结转3件），均已办结。', 'apply.workload.total', 25, 'weak'],
    ['所有办结的申请中同意公开答复 9 件，部分公开答复 0 件。', 'apply.granted.total', 9, 'strong'],
    ['所有办结的申请中同意公开答复 9 件，不予公开答复 2 件。', 'apply.denied_sum.total', 2, 'strong'],
    // recall on the real reports: clauses the extractor used to miss
    ['不予处理 0 件，其他处理 14 件，转下一年度办理答复的有 1 件。', 'apply.carried_out.total', 1, 'strong'],
    ['其中，予以公开及部分公开 208 件（17.46%），不予公开 20 件。', 'apply.disclosed.total', 208, 'strong'],
    [
      '答复 3050件（含上年度结转申请 34件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。',
      'apply.carried_out.total',
      103,
      'strong',
    ],
    [
      '答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复）。',
      'apply.carried_out.total',
      72,
      'strong',
    ],
    ['全年共受理政府信息公开申请一万二千件。', 'apply.new_received.total', 12000, 'weak'],
    ['本年度新收政府信息公开申请一万零五件。', 'apply.new_received.total', 10005, 'strong'],
  ])('%s → %s = %i', (text, field, value, strength) => {
    const items = extractNarrative(lines(text)).filter((i) => i.field === field);
    expect(items.map((i) => [i.value, i.strength])).toEqual([[value, strength]]);
  });

  it.each([
    ['收到政府信息公开申请约20件。'],
    ['收到政府信息公开申请20余件。'],
    ['收到政府信息公开申请同比增加5件。'],
    ['历年累计收到政府信息公开申请300件。'],
    ['行政复议案件，其中2件已办结。'],
    ['另有约5件顺延到下年度答复。'],
    ['将3项重点任务转下一年度继续推进。'],
  ])('discards %s', (text) => {
    const items = extractNarrative(lines(text)).filter((i) => i.field !== null);
    expect(items).toEqual([]);
  });

  // hotlines, mailboxes, 政务服务 and 行政许可 applications are not disclosure applications
  it.each([
    ['办理政务公开专栏信息发布120条。'],
    ['共受理行政许可申请2300件，办结2290件。'],
    ['全年县长信箱来信173件，办结169件，办结率98%。'],
    ['本年度新收行政复议申请2件。'],
    ['共受理12345政务服务热线各类事项10932件，均在规定时限内完成办理答复。'],
  ])('no table 三 figure in %s', (text) => {
    const items = extractNarrative(lines(text)).filter((i) => i.field?.startsWith('apply.'));
    expect(items).toEqual([]);
  });

  it('予以公开及部分公开 is one figure for both rows, not 予以公开 or 部分公开', () => {
    const items = extractNarrative(lines('予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%。'));
    expect(items.filter((i) => i.field).map((i) => [i.field, i.value])).toEqual([
      ['apply.disclosed.total', 258],
      ['apply.denied_sum.total', 35],
    ]);
  });

  // N-13 lists: the real clauses, and where a list stops
  it.each([
    [
      '全年共审核发布各类公开政府信息249条，其中：发布行政公文和政策解读信息9条；机构设置和人事任免信息7条；重点工作39条；财政预决算信息6条；信息公开年度报告1条；政府信息公开指南1条；政府网站信息185条；政府信息公开制度1条。全年受理网络问政182件。',
      249,
      [9, 7, 39, 6, 1, 1, 185, 1],
    ],
    [
      '各类群众诉求 3927 件，其中咨询类 161 件、求助类 2836 件、建议类 21 件、投诉举报 909 件；及时回应群众关切，全年县长信箱来信 173 件，办结 169 件，办结率 98%；依申请公开信息数量 9 件。',
      3927,
      [161, 2836, 21, 909],
    ],
    [
      '市科委通过部门网站当年发布政府信息 393 件，其中包括：行政规范性文件 13 件；规划计划文件 2 件；2024 年度部门预算、2023 年度部门决算以及 2023 年上海市科技计划资金资金分配结果信息；主合办政协提案 85 件的办理复文。',
      393,
      null,
    ],
  ])('breakdown of %#: total %i, parts %j', (text, total, parts) => {
    const item = extractNarrative(lines(text)).find((i) => i.value === total);
    expect(item?.parts?.map((p) => p.value) ?? null).toEqual(parts);
  });

  it('joins hard-wrapped lines and keeps the line where the match starts', () => {
    const items = extractNarrative(lines('一、总体情况', '全年共受理政府信息公', '开申请 7 件。'));
    expect(items).toMatchObject([{ field: 'apply.new_received.total', value: 7, line: 2 }]);
  });

  it.each([
    ['本年度未收到政府信息公开申请。', ['apply.new_received.total']],
    ['未发生因政府信息公开引起的行政复议、行政诉讼案件。', ['legal.review.total', 'legal.suit.total']],
    ['行政复议结果纠正0件，无行政诉讼败诉。', []],
    ['全年信息发布无差错，行政复议案件2件。', []],
    ['无论是行政复议还是行政诉讼，均依法应诉。', []],
    ['全年没有因政府信息公开产生的行政复议和行政诉讼', ['legal.review.total', 'legal.suit.total']],
  ])('zero claims in %s', (text, fields) => {
    const zero = extractNarrative(lines(text)).filter((i) => i.zeroClaim);
    expect(zero.map((i) => i.field)).toEqual(fields);
  });

  it('records 信息处理费 in 元 and rates in %', () => {
    const items = extractNarrative(lines('全年收取信息处理费3940元。依申请公开按时答复率100%。'));
    expect(items.map((i) => [i.label, i.value, i.unit])).toEqual([
      ['信息处理费', 3940, '元'],
      ['按时答复率', 100, '%'],
    ]);
  });
});

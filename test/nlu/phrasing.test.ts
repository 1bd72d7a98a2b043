import { describe, expect, it } from 'vitest';
import { romaniseAgency } from '../../src/answer/_romanise.ts';
import { INTENTS } from '../../src/answer/index.ts';
import { createNluContext, matchQuestion } from '../../src/nlu/index.ts';
import { APPLY_COLS, type Report } from '../../src/schema/index.ts';
import { TODAY } from '../answer/_questions.ts';
import { loadTestReports } from '../answer/_store.ts';

const stored = loadTestReports().map((e) => e.report);
const CHAOYANG: Report['region'] = { name: '朝阳区', code: '110105', province: '北京市', city: null };

/** A department of a district, on the figures of a held report (only names matter here). */
function department(agency: string): Report {
  const base = stored[0]!;
  return { ...base, id: `${agency}-2024`, agency, kind: 'dept', region: CHAOYANG, year: 2024 };
}

const reports = [
  ...stored,
  department('朝阳区市场监督管理局'),
  department('朝阳区自然资源与生态环境局'),
  department('朝阳区交通与建设局'),
];
const ctx = createNluContext(reports);
const OPTS = { rules: INTENTS, today: TODAY };
const keyOf = (agency: string) => [...ctx.agencies.values()].find((a) => a.name === agency)!.key;

describe('everyday phrasing around a known figure', () => {
  it.each([
    ['化隆县2024年收到的申请有多少来自自然人', 'apply.new_received.natural'],
    ['民和县2023年依申请公开答复不予公开的有多少', 'apply.denied_sum.total'],
    ['淮安2024年律师事务所申请多少', 'apply.new_received.org_legal_service'],
    ['淮安2024年法人或其他组织申请了多少', 'apply.new_received.org_sum'],
    ['化隆2024年行政事业性收费金额', 'active.admin_fee'],
    ['How much did Hualong collect in administrative fees in 2024?', 'active.admin_fee'],
    ["How much fee revenue did Huai'an collect in 2024?", 'active.admin_fee'],
    ["How many requests came from companies in Huai'an in 2024?", 'apply.new_received.org_commercial'],
    // 主动公开 is table 二's own name: the figure is the 规章 asked for
    ['淮安2024年主动公开了多少规章', 'active.regulation.issued'],
    ['化隆县2024年有多少件申请是转下年度办理的', 'apply.carried_out.total'],
    ['化隆县2024年转入下一年度的申请', 'apply.carried_out.total'],
    ['淮安2024年因为第三方权益不予公开的有几件', 'apply.denied_third_party.total'],
    ['淮安2024年信息不存在的有几件', 'apply.unable_not_held.total'],
    // a rate's words are read before the figures they contain (信息公开申请 + 的办结率)
    ['淮安2024年政府信息公开申请的办结率', 'rate.concluded'],
    ['淮安2024年申请的答复率', 'rate.concluded'],
    ["How many requests were granted in full in Huai'an in 2024?", 'apply.granted.total'],
    ["How many lawsuits did Huai'an lose in 2024?", 'legal.suit.corrected'],
  ])('%s → %s', (question, metric) => {
    const q = matchQuestion(question, ctx, OPTS);
    expect(q.intent).toBe('lookup');
    expect(q.metric).toBe(metric);
    expect(q.unheld).toBeUndefined();
  });

  it.each([
    ['化隆县2024年复议和诉讼一共多少', 'legal.all.total'],
    ['淮安2024年予以公开和部分公开一共多少', 'apply.disclosed.total'],
    ['化隆县2024年政府信息公开申请的公开率', 'rate.disclosure'],
    ['化隆县2024年申请公开的办理结果', 'apply.results_total.total'],
    ['化隆县2024年不予公开的理由有哪些', 'apply.denied_sum.total'],
    ['淮安2024年依申请公开办结率', 'rate.concluded'],
    ["Huai'an 2024 completion rate of requests", 'rate.concluded'],
    ['化隆县2024年年报的摘要', null],
  ])('%s → one figure, %s', (question, metric) => {
    const q = matchQuestion(question, ctx, OPTS);
    expect(q.intent).toBe('lookup');
    expect(q.metrics ?? [q.metric]).toEqual([metric]);
  });

  it('keeps two figures that no known sum adds up, and a count asked beside a rate', () => {
    expect(matchQuestion('化隆县2024年行政处罚和行政许可一共多少', ctx, OPTS).metrics).toEqual([
      'active.penalty',
      'active.license',
    ]);
    expect(matchQuestion('化隆县2024年收到的申请和公开率', ctx, OPTS).metrics).toEqual([
      'apply.new_received.total',
      'rate.disclosure',
    ]);
  });

  it('compares the places listed with 三地', () => {
    const q = matchQuestion('湟中、化隆、民和三地行政处罚对比', ctx, OPTS);
    expect(q.intent).toBe('compare');
    expect(q.agencies).toHaveLength(3);
  });

  it('a filler word never eats an unknown figure it begins (答复率, 办结率 alone)', () => {
    expect(matchQuestion('淮安2024年答复率', ctx, OPTS).unheld).toEqual(['答复率']);
    expect(matchQuestion('淮安2024年办结率', ctx, OPTS).intent).toBe('unheld');
  });

  it('still says a penalty amount is not held (金额 fits fees only)', () => {
    const q = matchQuestion('化隆县2024年行政处罚金额', ctx, OPTS);
    expect(q.intent).toBe('unheld');
    expect(q.unheld).toEqual(['金额']);
  });
});

describe('a department by its short or English name', () => {
  it.each([
    ['朝阳区市场监管局2024年行政处罚多少', '朝阳区市场监督管理局'],
    ['朝阳区交建局2024年行政处罚多少', '朝阳区交通与建设局'],
    ['How many penalties did the Chaoyang market regulation bureau decide in 2024?', '朝阳区市场监督管理局'],
    ['Chaoyang bureau of natural resources penalties 2024', '朝阳区自然资源与生态环境局'],
    ['Chaoyang transport bureau penalties 2024', '朝阳区交通与建设局'],
  ])('%s → %s', (question, agency) => {
    const q = matchQuestion(question, ctx, OPTS);
    expect(q.agencies).toEqual([keyOf(agency)]);
    expect(q.metric).toBe('active.penalty');
  });
});

describe('English names of bodies in replies', () => {
  it.each([
    ['朝阳区市场监督管理局', 'Chaoyang District, Market Regulation Bureau'],
    ['朝阳区自然资源与生态环境局', 'Chaoyang District, Natural Resources and Ecology and Environment Bureau'],
    ['淮安市洪泽区人民政府', "Hongze District, Huai'an City"],
    ['平罗县人民政府办公室', 'Pingluo County, General Office'],
    ['朝阳区财政金融局', 'Chaoyang District, Finance and Financial Affairs Bureau'],
    ['平潭综合实验区金井片区管理局', 'Jinjing Area, Pingtan Comprehensive Pilot Zone, Administration Bureau'],
    ['某某县人民武装部', 'Moumou County, Renminwuzhuangbu'],
  ])('%s → %s', (agency, english) => {
    expect(romaniseAgency(agency)).toBe(english);
  });
});

describe('a question that is only an intent word continues the previous one', () => {
  const previous = matchQuestion('湟中区2023年行政处罚多少', ctx, OPTS);

  it.each([
    ['排第几', 'rank'],
    ['靠谱吗', 'check'],
    ['历年趋势', 'trend'],
    ['where does it rank?', 'rank'],
  ])('%s → %s of the same body and figure', (question, intent) => {
    const q = matchQuestion(question, ctx, { ...OPTS, previous });
    expect(q.intent).toBe(intent);
    expect(q.agencies).toEqual(previous.agencies);
    if (intent !== 'check') expect(q.metric).toBe('active.penalty');
  });

  it('not a question that stands alone', () => {
    expect(matchQuestion('有哪些年报', ctx, { ...OPTS, previous }).agencies).toEqual([]);
    expect(matchQuestion('排第几', ctx, OPTS).agencies).toEqual([]);
  });
});

describe('a city government named beside a lower level compared stands for its place', () => {
  it.each(['淮安市各区县依申请公开对比', '淮安市哪个区行政处罚最多'])(
    '%s → the counties inside 淮安市',
    (question) => {
      const q = matchQuestion(question, ctx, OPTS);
      expect(q.intent).toBe('rank');
      expect(q.agencies).toEqual([]);
      expect(q.region).toEqual({ name: '淮安市', code: '3208' });
      expect(q.level).toBe('county');
    },
  );

  it('not when the city government itself is asked about', () => {
    const q = matchQuestion('淮安市2024年行政处罚', ctx, OPTS);
    expect(q.intent).toBe('lookup');
    expect(q.agencies).toEqual([keyOf('淮安市人民政府')]);
  });
});

describe('近N年 of one body counts back from its own newest report', () => {
  it('a body whose newest report is older than the store’s', () => {
    const newest = Math.max(...reports.map((r) => r.year));
    const q = matchQuestion('民和县近两年行政处罚变化', ctx, OPTS);
    const own = Math.max(
      ...reports.filter((r) => r.agency === '民和回族土族自治县人民政府').map((r) => r.year),
    );
    expect(own).toBeLessThan(newest);
    expect(q.years).toEqual({ kind: 'range', from: own - 1, to: own });
  });

  it('no body named: the store’s newest', () => {
    const newest = Math.max(...reports.map((r) => r.year));
    expect(matchQuestion('近两年哪里行政处罚最多', ctx, OPTS).years).toEqual({
      kind: 'range',
      from: newest - 1,
      to: newest,
    });
  });
});

describe('more everyday forms', () => {
  it('哪一年最多: every year of the body, to compare', () => {
    const q = matchQuestion('洪泽区哪一年的行政处罚最多', ctx, OPTS);
    expect(q.years).toEqual({ kind: 'all' });
    expect(q.intent).toBe('trend');
  });

  it('其中 asks for the part and the whole', () => {
    const q = matchQuestion('化隆县2024年收到几件申请，其中自然人几件', ctx, OPTS);
    expect(q.metrics).toEqual(['apply.new_received.total', 'apply.new_received.natural']);
  });

  it('详细情况 is filler', () => {
    const q = matchQuestion('互助县2022年依申请公开的详细情况', ctx, OPTS);
    expect(q.intent).toBe('lookup');
    expect(q.unheld).toBeUndefined();
  });
});

describe('a zone named alone stands for the bodies inside it', () => {
  const HOST: Report['region'] = { name: '平潭县', code: '350128', province: '福建省', city: '福州市' };
  const zoneBody = (agency: string): Report => ({ ...department(agency), region: HOST });
  const zoneCtx = createNluContext([
    ...reports,
    zoneBody('平潭综合实验区市场监督管理局'),
    zoneBody('平潭综合实验区农业农村局'),
    zoneBody('平潭综合实验区管委会办公室'),
    zoneBody('平潭综合实验区海坛片区管理局'),
  ]);

  it.each(['平潭综合实验区2024年行政处罚', '平潭综合实验区管委会2024年行政处罚'])(
    '%s → its bodies, under its name',
    (question) => {
      const q = matchQuestion(question, zoneCtx, OPTS);
      expect(q.agencies).toEqual([]);
      expect(q.region).toEqual({ name: '平潭综合实验区', code: '350128' });
      expect(q.intent).toBe('region');
      expect(q.unheld).toBeUndefined();
    },
  );

  it.each(['海坛片区2024年行政处罚', '平潭海坛片区2024年行政处罚'])(
    '%s: an area by its name is the body that runs it',
    (question) => {
      const q = matchQuestion(question, zoneCtx, OPTS);
      expect(q.agencies.map((k) => zoneCtx.agencies.get(k)?.name)).toEqual(['平潭综合实验区海坛片区管理局']);
    },
  );

  it('typed in pinyin, it is named as its bodies’ names begin', () => {
    const q = matchQuestion('Pingtan 2024 penalties', zoneCtx, OPTS);
    expect(q.region).toEqual({ name: '平潭综合实验区', code: '350128' });
  });

  it('its office by its whole name is that body', () => {
    const q = matchQuestion('平潭综合实验区管委会办公室2024年行政处罚', zoneCtx, OPTS);
    expect(q.agencies.map((k) => zoneCtx.agencies.get(k)?.name)).toEqual(['平潭综合实验区管委会办公室']);
  });
});

describe('a carry-over into a named year, and other table words', () => {
  it.each([
    ['淮安2024年结转到2025年的申请', 2024],
    ['淮安结转到2025年的申请有多少', 2024],
    ["How many requests did Huai'an carry over to 2025?", 2024],
  ])('%s → the carry-over of the year before', (question, year) => {
    const q = matchQuestion(question, ctx, OPTS);
    expect(q.metric).toBe('apply.carried_out.total');
    expect(q.years).toEqual({ kind: 'year', year });
  });

  it('行政复议结果为其他: table 四’s 其他结果, not table 三’s 其他 row', () => {
    const q = matchQuestion('化隆县2024年行政复议结果为其他的有几件', ctx, OPTS);
    expect(q.metrics ?? [q.metric]).toEqual(['legal.review.other']);
  });

  it('an English summary is the key figures', () => {
    const q = matchQuestion("Show me Hualong's 2024 report summary", ctx, OPTS);
    expect(q.intent).toBe('lookup');
    expect(q.metric).toBeNull();
    expect(q.unheld).toBeUndefined();
  });
});

describe('levels, places and checks in other words', () => {
  it.each([
    ['2024年行政处罚最多的县', 'county'],
    ['2023年依申请公开最少的部门', 'dept'],
  ])('%s → the %s level', (question, level) => {
    const q = matchQuestion(question, ctx, OPTS);
    expect(q.intent).toBe('rank');
    expect(q.level).toBe(level);
  });

  it('哪个地方 is where, not a figure', () => {
    const q = matchQuestion('哪个地方收费最多', ctx, OPTS);
    expect(q.intent).toBe('rank');
    expect(q.unheld).toBeUndefined();
  });

  it('警告 asks for the check', () => {
    expect(matchQuestion('民和县2023年的年报有几条警告', ctx, OPTS).intent).toBe('check');
  });

  it('“compared with” another year is the years compared', () => {
    const q = matchQuestion("What's Hongze's 2024 lawsuit count compared with 2023?", ctx, OPTS);
    expect(q.unheld).toBeUndefined();
    expect(q.years).toEqual({ kind: 'range', from: 2023, to: 2024 });
  });
});

describe('申请人类型: every applicant column and the total', () => {
  const all = (row: string) => APPLY_COLS.map((c) => `apply.${row}.${c.id}`);
  it.each([
    ['化隆县2024年申请人类型', all('new_received')],
    ['淮安2024年予以公开的申请人构成', all('granted')],
  ])('%s', (question, metrics) => {
    const q = matchQuestion(question, ctx, OPTS);
    expect(q.intent).toBe('lookup');
    expect(q.metrics).toEqual(metrics);
  });
});

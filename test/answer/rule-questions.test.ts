import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import type { Store } from '../../src/store/index.ts';
import { TODAY } from './_questions.ts';
import { openTestStore } from './_store.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});

describe('a rule asked about by its id', () => {
  it('shows what the rule checks and only its warnings of the report named', async () => {
    const a = await answerQuestion('化隆县2024年的N-01是什么意思', store, { today: TODAY });
    expect(a.intent).toBe('check');
    const lines = a.text.split('\n');
    expect(lines[0]).toBe('N-01 检查正文写的数字与表格是否一致。');
    expect(lines[1]).toBe('化隆县人民政府2024年年报的N-01提示：');
    expect(lines.slice(2).every((l) => l.startsWith('· [') && l.includes(' N-01 '))).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('says so when the report has no warning of that rule', async () => {
    const a = await answerQuestion('化隆县2024年年报的X-10', store, { today: TODAY });
    expect(a.text.split('\n')).toEqual([
      'X-10 检查与其他年份、其他单位年报的比对。',
      '化隆县人民政府2024年年报没有X-10提示。',
    ]);
  });

  it('explains a rule without a report, in English with its wording, and says when no rule has the id', async () => {
    expect((await answerQuestion('N-01是什么意思', store, { today: TODAY })).text).toBe(
      'N-01 检查正文写的数字与表格是否一致。',
    );
    expect((await answerQuestion('what does PW-02 mean', store, { today: TODAY })).text).toBe(
      'PW-02 checks how a table was read (missing, extra or shifted numbers): A table 3 row had more numbers than columns.',
    );
    expect((await answerQuestion('X-99是什么意思', store, { today: TODAY })).text).toBe(
      '没有编号为X-99的检查规则。',
    );
  });
});

describe('a trend says how much the figure changed', () => {
  it('from the first to the last year held, in count and per cent', async () => {
    const a = await answerQuestion('洪泽区行政处罚历年趋势', store, { today: TODAY });
    expect(a.intent).toBe('trend');
    const years = a.answers.map((x) => [x.year, x.value]);
    expect(years).toEqual([
      [2023, 4119],
      [2024, 2776],
    ]);
    expect(a.text.split('\n')).toContain('（2023年→2024年：减少 1343 件，下降 32.6%）');
    const en = await answerQuestion('Hongze penalties over the years', store, { today: TODAY });
    expect(en.text.split('\n')).toContain('(2023→2024: down 1343 (件), −32.6%)');
    // English lines take an English colon
    expect(en.text.split('\n')).toContain('· 2023: 4119 (件)');
  });

  it('says nothing of a change with one year held', async () => {
    const a = await answerQuestion('化隆历年行政处罚', store, { today: TODAY });
    expect(a.text).not.toMatch(/→/);
  });
});

describe('办结率', () => {
  it('is the requests concluded over the new and carried-in ones, with its inputs', async () => {
    const a = await answerQuestion('淮安2024年依申请公开答复率', store, { today: TODAY });
    expect(a.answers[0]?.value).toBe(96.73);
    expect(a.derived?.inputs.map((i) => [i.field, i.value])).toEqual([
      ['apply.results_total.total', 3050],
      ['apply.new_received.total', 3119],
      ['apply.carried_in.total', 34],
    ]);
    // a derived figure has a formula for its row and no column: its source line ends there
    expect(a.text).toMatch(/表三 收到和处理政府信息公开申请情况，办理结果总计 ÷（本年新收 \+ 上年结转）$/m);
  });
});

describe('where an asked body ranks', () => {
  it('with no year named and no report of the year most bodies report: its newest report, placed', async () => {
    const a = await answerQuestion('化隆县行政处罚排第几', store, { today: TODAY });
    expect(a.intent).toBe('rank');
    expect(a.text).toMatch(/^行政处罚最多的单位：\n化隆县人民政府排第\d+（共\d+家）/);
    expect(a.text).toContain('（按2024年的年报比较）');
  });

  it('全省 / 全市: among the bodies of its province or city', async () => {
    const a = await answerQuestion('洪泽区行政许可全市排第几', store, { today: TODAY });
    expect(a.query?.region).toEqual({ name: '淮安市', code: '3208' });
    expect(a.text.split('\n').slice(0, 3)).toEqual([
      '行政许可最多的单位：',
      '淮安市洪泽区人民政府排第2（共2家）',
      '（范围：淮安市）',
    ]);
  });
});

describe('shares and rates named by their table', () => {
  it('an applicant column is a share of its own row (新收申请中自然人占比), not of the requests concluded', async () => {
    const a = await answerQuestion('淮安市2024年依申请公开中自然人占比', store, { today: TODAY });
    expect(a.answers.map((x) => [x.field, x.value])).toEqual([
      ['apply.new_received.natural', 3001],
      ['apply.new_received.total', 3119],
    ]);
    expect(a.derived?.value).toBe(96.22);
  });

  it.each([
    ['淮安2024年行政处罚占行政许可的比例', ['active.penalty', 'active.license'], 891.21],
    ['淮安2024年办理结果中予以公开的比例', ['apply.granted.total', 'apply.results_total.total'], 44.66],
  ])('%s: the share of one named figure in another, the part first', async (question, fields, value) => {
    const a = await answerQuestion(question, store, { today: TODAY });
    expect(a.answers.map((x) => x.field)).toEqual(fields);
    expect(a.derived?.value).toBe(value);
  });

  it('a row total is still a share of the requests concluded', async () => {
    const a = await answerQuestion('淮安2024年予以公开占比', store, { today: TODAY });
    expect(a.answers.map((x) => x.field)).toEqual(['apply.granted.total', 'apply.results_total.total']);
  });

  it.each([
    ['淮安2024年不予公开率', 'rate.denied', 5.84],
    ['淮安2024年不予处理比例', 'rate.not_processed', 2.89],
    ["Huai'an 2024 denial rate", 'rate.denied', 5.84],
  ])('%s: a rate over a group of rows (%s) sums the rows', async (question, rate, value) => {
    const a = await answerQuestion(question, store, { today: TODAY });
    expect(a.query?.metric).toBe(rate);
    expect(a.answers[0]?.value).toBe(value);
    expect(a.derived?.inputs[0]?.value).toBe(rate === 'rate.denied' ? 178 : 88);
  });

  it('a ranking of a rate says highest and lowest, not most and fewest', async () => {
    const a = await answerQuestion('2024年不予公开率最高的单位', store, { today: TODAY });
    expect(a.text.split('\n')[0]).toBe('不予公开比例最高的单位：');
    const en = await answerQuestion('Which body had the lowest disclosure rate in 2024?', store, {
      today: TODAY,
    });
    expect(en.text.split('\n')[0]).toBe('disclosure rate, lowest first:');
  });

  it.each([
    ['淮安2024年行政诉讼的纠错率', 'rate.suit_corrected', 10.87],
    ['淮安2024年行政诉讼的维持率', 'rate.suit_upheld', 54.35],
    ['淮安2024年行政复议的维持率', 'rate.review_upheld', 20.51],
    ['淮安2024年纠错率', 'rate.review_corrected', 18.23],
  ])('%s → %s alone (the table word says whose rate)', async (question, rate, value) => {
    const a = await answerQuestion(question, store, { today: TODAY });
    expect(a.query?.metrics ?? [a.query?.metric]).toEqual([rate]);
    expect(a.derived?.value).toBe(value);
  });
});

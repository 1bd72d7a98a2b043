import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import type { Store } from '../../src/store/index.ts';
import { QUESTIONS, TODAY } from './_questions.ts';
import { openTestStore } from './_store.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});

describe('answerQuestion: figures for every question', () => {
  it.each(QUESTIONS)('%s', async (question, query, figures) => {
    const answer = await answerQuestion(question, store, { today: TODAY });
    expect(answer.intent).toBe(query.intent);
    expect(answer.lang).toBe(query.lang);
    expect(answer.answers.map((a) => [a.report, a.field, a.value])).toEqual(figures);
    expect(answer.text.length).toBeGreaterThan(0);
    if (['compare', 'rank', 'trend'].includes(query.intent) && figures.length > 0) {
      // With several metrics the chart shows the first one.
      const first = figures.filter((f) => f[1] === figures[0]![1]);
      expect(answer.chart?.values).toEqual(first.map((f) => f[2]).filter((v) => v !== null));
    }
  });
});

describe('answerQuestion: replies', () => {
  it('gives the value with unit and its source from the catalogue', async () => {
    const a = await answerQuestion('化隆2024年行政处罚多少', store, { today: TODAY });
    expect(a.answers[0]).toEqual({
      report: '化隆县人民政府-2024',
      agency: '化隆县人民政府',
      year: 2024,
      field: 'active.penalty',
      value: 114,
      unit: '件',
      source: {
        title: '化隆县2024年度政府信息公开工作年度报告',
        table: '表二 主动公开政府信息情况',
        row: '行政处罚',
        col: '本年处理决定数量',
      },
    });
    expect(a.text).toContain('114 件');
  });

  it('formats fees in 万元', async () => {
    expect((await answerQuestion('互助 2022 收费', store, { today: TODAY })).text).toContain('202 万元');
  });

  it('attaches the warning that the prose contradicts the figure (湟中 2023 applications)', async () => {
    const a = await answerQuestion('湟中2023年依申请公开申请', store, { today: TODAY });
    expect(a.answers[0]?.value).toBe(22);
    const n01 = a.warnings.find((w) => w.rule === 'N-01');
    expect(n01?.message).toContain('12');
    expect(a.text).toContain('N-01');
  });

  it('says a missing cell is missing, never 0', async () => {
    const a = await answerQuestion('洪泽2023年逾期不补正', store, { today: TODAY });
    expect(a.answers[0]?.value).toBeNull();
    expect(a.text).toContain('报告中没有这一项');
    expect(a.text).not.toMatch(/：0 件/);
  });

  it.each([
    ['北京2023年行政处罚多少', /^没有北京的年报；现有：民和回族土族自治县人民政府、/],
    ['化隆2023年行政处罚', /^化隆县人民政府只有2024年的年报\n最近的年份：2024年$/],
    ['洪泽2022年行政处罚', /^淮安市洪泽区人民政府只有2023、2024年的年报\n最近的年份：2023年$/],
    ['互助历年行政许可', /互助土族自治县人民政府只有2022年的年报/],
  ])('says what exists when there is no data: %s', async (question, text) => {
    expect((await answerQuestion(question, store, { today: TODAY })).text).toMatch(text);
  });

  it('says what it assumed for a typo', async () => {
    expect((await answerQuestion('互组2022年收费多少', store, { today: TODAY })).text).toContain(
      '（按“互助”理解“互组”）',
    );
    expect((await answerQuestion('化隆2024年行政许克多少', store, { today: TODAY })).text).toContain(
      '（按“行政许可”理解“行政许克”）',
    );
  });

  it('says which years a ranking used', async () => {
    const a = await answerQuestion('哪里行政许可最少', store, { today: TODAY });
    expect(a.text).toContain(
      '（按2023年的年报比较）\n（没有2023年年报：互助土族自治县人民政府、化隆县人民政府、淮安市人民政府）',
    );
    expect(a.chart?.kind).toBe('bar');
  });

  it('draws a line chart for a trend', async () => {
    const a = await answerQuestion('洪泽历年行政处罚', store, { today: TODAY });
    expect(a.chart).toEqual({
      kind: 'line',
      title: '行政处罚',
      labels: ['2023年', '2024年'],
      values: [4119, 2776],
      unit: '件',
    });
  });

  it('lists a report’s warnings by severity for check', async () => {
    const a = await answerQuestion('湟中区2023年的报告靠谱吗', store, { today: TODAY });
    const order = a.warnings.map((w) => ['error', 'warning', 'info'].indexOf(w.severity));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(a.warnings.some((w) => w.rule === 'M-01')).toBe(true);
    expect(a.text).toMatch(/^湟中区人民政府2023年年报发现\d+个问题：/);
  });

  it('answers English questions in English', async () => {
    const a = await answerQuestion("What was Minhe's fee income in 2023?", store, { today: TODAY });
    expect(a.lang).toBe('en');
    expect(a.text).toContain('administrative fees collected: 379 × 10k yuan (万元)');
  });

  it.each([
    [
      'How many penalties in Beijing in 2023?',
      /^No report from Beijing \(北京市\); held: 民和回族土族自治县人民政府 \(Minhe Autonomous County\), /,
    ],
    ['Shanghai Pudong fee income 2024', /^No report from Shanghai Pudong \(浦东新区\); held: /],
    ['北京朝阳区2023年行政处罚', /^没有北京朝阳区的年报；现有：民和回族土族自治县人民政府、/],
    [
      'How many administrative penalties did 化隆县人民政府 issue in 2024?',
      /^化隆县人民政府 \(Hualong County\), 2024, administrative penalty decisions: 114 \(件\)\n/,
    ],
    ['Compare Hualong and Beijing penalties', /\n\(no report from Beijing \(北京市\) is held\)$/],
    ['化隆和北京比一比行政处罚', /^行政处罚对比：\n· 化隆县人民政府（2024年）：114 件\n（没有北京的年报）$/],
    [
      '青海哪个县行政许可最多',
      /^行政许可最多的单位：\n（范围：青海省）\n1\. 湟中区人民政府（2023年）：8771 件\n/,
    ],
    [
      '江苏的年报有吗',
      /^现有2个单位的年报：\n（范围：江苏省）\n· 淮安市洪泽区人民政府：2023、2024年\n· 淮安市人民政府：2024年$/,
    ],
    ['淮安市2024年行政处罚排第几', /^行政处罚最多的单位：\n淮安市人民政府排第1（共3家）\n/],
    [
      'Where does Hongze rank in penalties?',
      /\n淮安市洪泽区人民政府 \(Hongze District, Huai'an City\) ranks 2 of 4\n/,
    ],
    ['洪泽两年比一比', /^淮安市洪泽区人民政府行政许可历年情况：\n· 2023年：550 件\n· 2024年：9487 件\n/],
  ])('replies to unseen phrasings: %s', async (question, text) => {
    expect((await answerQuestion(question, store, { today: TODAY })).text).toMatch(text);
  });

  it('offers choices when no agency is named', async () => {
    const a = await answerQuestion('行政处罚多少', store, { today: TODAY });
    expect(a.choices?.[0]).toEqual({
      label: '民和回族土族自治县人民政府',
      question: '民和回族土族自治县人民政府行政处罚多少',
    });
  });
});

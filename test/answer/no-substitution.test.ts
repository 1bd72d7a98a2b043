import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import type { Store } from '../../src/store/index.ts';
import { TODAY } from './_questions.ts';
import { openTestStore } from './_store.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});

/** Figures no report holds: several share a character with a real metric word (收入/收费, 落款/罚款). */
const UNHELD_ZH = [
  'GDP',
  '人口',
  '财政收入',
  '税收',
  '降雨量',
  '学校数量',
  '医院床位',
  '招商引资',
  '固定资产投资',
  '空气质量',
  '就业人数',
  '耕地面积',
  '旅游人次',
  '粮食产量',
  '公务员人数',
  '平均工资',
  '房价',
  '政府债务',
  '一般公共预算',
  '居民收入',
];
const UNHELD_EN = [
  'GDP',
  'population',
  'tax revenue',
  'rainfall',
  'hospitals',
  'schools',
  'unemployment',
  'tourism',
  'budget',
  'salaries',
];
const AGENCIES_ZH = ['化隆', '民和县', '湟中区', '互助', '平罗'];
const AGENCIES_EN = ['Hualong', 'Minhe', 'Huangzhong', 'Huzhu', 'Pingluo'];
const FRAMES_ZH = [
  (a: string, m: string) => `${a}2023年${m}多少`,
  (a: string, m: string) => `${a}的${m}`,
  (a: string, m: string) => `${a}${m}是多少`,
  (a: string, m: string) => `${a}去年的${m}有多少`,
  (a: string, m: string) => `请问${a}${m}怎么样`,
  (a: string, m: string) => `${m}${a}排第几`,
];
const FRAMES_EN = [
  (a: string, m: string) => `What was ${a}'s ${m} in 2023?`,
  (a: string, m: string) => `${a} ${m}`,
  (a: string, m: string) => `How much ${m} did ${a} have?`,
  (a: string, m: string) => `${m} of ${a} last year`,
];

/** 200 questions naming a figure the reports do not hold (or none at all). */
function generate(): string[] {
  const out: string[] = [];
  for (const m of UNHELD_ZH)
    for (const [i, f] of FRAMES_ZH.entries()) out.push(f(AGENCIES_ZH[(i + out.length) % 5]!, m));
  for (const m of UNHELD_EN)
    for (const [i, f] of FRAMES_EN.entries()) out.push(f(AGENCIES_EN[(i + out.length) % 5]!, m));
  const none = [
    '化隆怎么样',
    '民和',
    'Minhe',
    '湟中区的情况',
    '你好',
    '谢谢',
    'hello',
    '今天天气怎么样',
    '随便说点什么',
    'what can you tell me',
    '互助2022年',
    'Huzhu 2022',
    '平罗县',
    '化隆县人民政府',
    '民和的年报',
    'tell me about Hualong',
    '化隆2024年的',
    '湟中区2023',
    'Pingluo 2023',
    '123',
    '？？？',
    '...',
    '化隆化隆',
    '最多',
    '多少',
    '2024年',
    '哪个最多',
    'the most',
    'compare',
    '对比一下',
    '排名',
    '趋势',
    '历年',
    'how many',
    '为什么',
    'why',
    'ok',
    '嗯',
    '好的',
    '再见',
  ];
  for (const q of none) if (out.length < 200) out.push(q);
  return out.slice(0, 200);
}

describe('no wrong substitution', () => {
  const questions = generate();
  it('generates 200 distinct questions', () => {
    expect(new Set(questions).size).toBe(200);
  });

  it.each(questions.filter((q) => q.length > 0))(
    '%s: no reply carries a single figure in place of the one asked',
    async (q) => {
      const a = await answerQuestion(q, store, { today: TODAY });
      if (a.intent === 'lookup' && a.query?.metric === null) {
        // Naming only a body answers with its key figures, titled as such — never one metric passed off as asked.
        expect(a.text).toMatch(/主要数据：|key figures:/);
        expect(a.answers.length).toBeGreaterThan(1);
        return;
      }
      expect(a.answers).toEqual([]);
    },
  );
});

/** /check through the real bot, store, parser and checker: replies asserted exactly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { privateText, user } from '../support/updates.ts';

let t: TestBot;
let nextUser = 7000;

beforeAll(async () => {
  t = await createTestBot();
});
afterAll(() => t.dispose());

/** The replies (text, parse mode) to one message from a fresh user. */
async function replies(text: string, languageCode = 'zh-hans'): Promise<[string, unknown][]> {
  await t.send(privateText(user(nextUser++, languageCode), text));
  return t.take('sendMessage').map((c) => [String(c.payload.text), c.payload.parse_mode]);
}

describe('/check', () => {
  it('lists every warning of one report, errors first, with rule ids', async () => {
    expect(await replies('/check 民和 2023')).toEqual([
      [
        [
          '民和回族土族自治县人民政府2023年年报发现6个问题：',
          '· [错误] A-02 表三“（六）其他处理 3.其他”行合计不符：自然人0 + 法人或其他组织0 = 0，总计栏为1',
          '· [错误] A-03 办理结果总计不符（自然人）：各办理结果之和为2，（七）总计为1',
          '· [错误] A-03 办理结果总计不符（总计）：各办理结果之和为3，（七）总计为1',
          '· [错误] M-04 报告缺少第六部分“其他需要报告的事项”',
          '· [警告] M-05 政府年度报告未说明工作考核、社会评议和责任追究结果情况（缺“考核、评议、责任追究”）',
          '· [提示] M-07 第五部分未说明上年度问题的整改情况',
        ].join('\n'),
        'HTML',
      ],
    ]);
  });

  it('passes the parser warnings on with the checker’s', async () => {
    const [[text]] = (await replies('/check 化隆 2024')) as [[string, unknown]];
    expect(text.split('\n')[0]).toBe('化隆县人民政府2024年年报发现10个问题：');
    expect(text).toContain(
      '· [警告] PW-03 表四识别到16个数值（应为15个），已按各组合计关系取舍：删去第6个数0，采用5 0 0 1 6 0 0 0 0 0 0 0 0 1 1',
    );
    expect(text).toContain('· [错误] M-03 落款日期2024-01-25不合理：应在2025年内且不晚于发布日期');
  });

  it('answers in English for an English request, with the same warnings', async () => {
    const [[text]] = (await replies('/check Minhe 2023', 'en')) as [[string, unknown]];
    const lines = text.split('\n');
    expect(lines[0]).toBe('民和回族土族自治县人民政府 (Minhe Autonomous County), 2023: 6 problem(s) found:');
    expect(lines.slice(1).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      '· [error] A-02',
      '· [error] A-03',
      '· [error] A-03',
      '· [error] M-04',
      '· [warning] M-05',
      '· [note] M-07',
    ]);
  });

  it('says which years are held when the year is not', async () => {
    expect(await replies('/check 化隆 2019')).toEqual([['化隆县人民政府只有2024年的年报', 'HTML']]);
  });

  it.each([
    ['zh-hans', '用法：/check 机关 年份，例如 /check 某县 2024'],
    ['en', 'Usage: /check agency year, e.g. /check Xian 2024'],
  ])('without arguments explains its usage (%s)', async (lang, usage) => {
    expect(await replies('/check', lang)).toEqual([[usage, 'HTML']]);
  });
});

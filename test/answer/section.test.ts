import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import type { Store } from '../../src/store/index.ts';
import { TODAY } from './_questions.ts';
import { openTestStore } from './_store.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});

describe('a prose part of a report, by its number or its heading', () => {
  it.each([
    ['化隆2024年年报第六部分', '化隆县人民政府2024年年报第六部分（其他需要报告的事项）：'],
    [
      '湟中区2023年存在的主要问题及改进情况',
      '湟中区人民政府2023年年报第五部分（存在的主要问题及改进情况）：',
    ],
    ['湟中2023年的改进措施', '湟中区人民政府2023年年报第五部分（存在的主要问题及改进情况）：'],
  ])('%s → the part, quoted from the report', async (question, heading) => {
    const a = await answerQuestion(question, store, { today: TODAY });
    expect(a.intent).toBe('section');
    expect(a.text.split('\n')[0]).toBe(heading);
  });

  it('quotes the part as printed, its page wraps undone', async () => {
    const a = await answerQuestion('化隆2024年年报第六部分', store, { today: TODAY });
    expect(a.text.split('\n').slice(1)).toEqual([
      '无其他需要报告的事项。',
      '化隆县人民政府办公室2024年1月25日',
      '来源：《化隆县2024年度政府信息公开工作年度报告》',
    ]);
    // printed over wrapped lines (社会主义 | 思想): one line here, up to where a sentence ends
    const wrapped = await answerQuestion('民和2023年报告第一部分', store, { today: TODAY });
    expect(wrapped.text.split('\n')[1]).toMatch(
      /^2023 年,民和县坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻/,
    );
  });

  it('a part the report lacks is said to be missing', async () => {
    const a = await answerQuestion('民和2023年第六部分', store, { today: TODAY });
    expect(a.text.split('\n')[0]).toBe(
      '民和回族土族自治县人民政府2023年年报里没有找到第六部分（其他需要报告的事项）',
    );
  });

  it('in English', async () => {
    const a = await answerQuestion(
      'What did Huangzhong say about problems and improvements in 2023?',
      store,
      {
        today: TODAY,
      },
    );
    expect(a.text.split('\n')[0]).toBe(
      '湟中区人民政府 (Huangzhong District), 2023 report, part 5 (problems and improvements):',
    );
  });

  it('a question about the report’s problems is still a check', async () => {
    const a = await answerQuestion('化隆县2024年的报告有什么问题', store, { today: TODAY });
    expect(a.intent).toBe('check');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import type { Store } from '../../src/store/index.ts';
import { TODAY } from './_questions.ts';
import { openTestStore } from './_store.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});

const ask = (q: string) => answerQuestion(q, store, { today: TODAY });

describe('count intent: how many reports are held', () => {
  it.each(['一共有多少份年报', '数据库里有几份报告', 'How many reports do you have?'])(
    '%s counts every report',
    async (q) => {
      const a = await ask(q);
      expect(a.intent).toBe('count');
      expect(a.answers).toEqual([]);
      const total = (await store.list()).length;
      expect(a.text.split('\n')[0]).toMatch(new RegExp(`(共有 ${total} 份年报|^${total} reports held)`));
      // one line per year held, adding up to the total
      const perYear = [...a.text.matchAll(/(?:年：|: )(\d+)(?: 份)?$/gm)].map((m) => Number(m[1]));
      expect(perYear.reduce((s, n) => s + n, 0)).toBe(total);
    },
  );

  it('counts only the agency named', async () => {
    const a = await ask('民和有几份年报');
    expect(a.intent).toBe('count');
    expect(a.text).toBe('共有 1 份年报，来自 1 个单位。\n· 2023年：1 份');
  });

  it('leaves a figure question to the lookup', async () => {
    expect((await ask('民和2023年行政处罚多少')).intent).toBe('lookup');
  });
});

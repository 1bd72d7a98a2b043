import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, FollowUpMemory } from '../../src/answer/index.ts';
import type { Store } from '../../src/store/index.ts';
import { TODAY } from './_questions.ts';
import { openTestStore } from './_store.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});

/** Asks a chain of questions in one chat, each reusing the previous question's query. */
async function chain(questions: string[]) {
  let previous = undefined as Awaited<ReturnType<typeof answerQuestion>>['query'];
  const answers = [];
  for (const q of questions) {
    const a = await answerQuestion(q, store, { today: TODAY, previous });
    previous = a.query;
    answers.push(a);
  }
  return answers;
}

describe('follow-up questions', () => {
  it('那民和呢 reuses the metric and year', async () => {
    const [, a] = await chain(['湟中2023年行政处罚多少', '那民和呢']);
    expect(a!.answers.map((f) => [f.report, f.field, f.value])).toEqual([
      ['民和回族土族自治县人民政府-2023', 'active.penalty', 984],
    ]);
    expect(a!.text).toContain('（接着上一个问题）');
  });

  it('那民和呢 when 民和 has no report of the carried year: its nearest report, said so', async () => {
    const [, a] = await chain(['化隆2024年行政许可多少', '那民和呢']);
    expect(a!.answers.map((f) => [f.report, f.field, f.value])).toEqual([
      ['民和回族土族自治县人民政府-2023', 'active.license', 3972],
    ]);
    expect(a!.text).toContain('（民和回族土族自治县人民政府没有2024年的年报，这里是2023年的）');
  });

  it('民和2024年呢: a year said again is the question’s own, not replaced', async () => {
    const [, a] = await chain(['化隆2024年行政许可多少', '民和2024年呢']);
    expect(a!.answers).toEqual([]);
    expect(a!.text).toMatch(/^民和回族土族自治县人民政府只有2023年的年报/);
  });

  it('2023年呢 reuses the agency and metric', async () => {
    const [, a] = await chain(['洪泽2024年行政许可', '2023年呢']);
    expect(a!.answers.map((f) => [f.report, f.value])).toEqual([['洪泽区人民政府-2023', 550]]);
  });

  it('和去年比呢 compares with the year before', async () => {
    const [, a] = await chain(['洪泽2024年行政处罚', '和去年比呢']);
    expect(a!.intent).toBe('derived');
    expect(a!.derived?.value).toBe(-1343);
  });

  it('what about Minhe (English)', async () => {
    const [, a] = await chain(['Huangzhong penalties 2023', 'what about Minhe?']);
    expect(a!.answers.map((f) => f.value)).toEqual([984]);
  });

  it('为什么 says the report gives figures, not reasons', async () => {
    const [, a] = await chain(['化隆2024年行政处罚', '为什么']);
    expect(a!.answers.map((f) => f.value)).toEqual([114]);
    expect(a!.text).toContain('年报只给出数字，不说明原因');
  });

  it('forgets after 30 minutes, per chat and user', async () => {
    const memory = new FollowUpMemory();
    const q = (await answerQuestion('化隆2024年行政处罚', store, { today: TODAY })).query;
    const t0 = new Date('2025-03-01T10:00:00Z');
    memory.remember('chat1:user1', q, t0);
    expect(memory.recall('chat1:user1', new Date('2025-03-01T10:29:00Z'))).toEqual(q);
    expect(memory.recall('chat1:user2', new Date('2025-03-01T10:01:00Z'))).toBeUndefined();
    expect(memory.recall('chat1:user1', new Date('2025-03-01T10:31:00Z'))).toBeUndefined();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import type { Store } from '../../src/store/index.ts';
import { QUESTIONS, TODAY } from './_questions.ts';
import { QUESTIONS_11 } from './_questions-11.ts';
import { openTestStore } from './_store.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});

describe('questions as people ask them (issue 11)', () => {
  it('the two tables hold at least 400 distinct questions', () => {
    const all = new Set([...QUESTIONS.map((r) => r[0]), ...QUESTIONS_11.map((r) => r[0])]);
    expect(all.size).toBeGreaterThanOrEqual(400);
  });

  it.each(QUESTIONS_11)('%s', async (question, intent, figures, text) => {
    const a = await answerQuestion(question, store, { today: TODAY });
    expect(a.intent).toBe(intent);
    expect(a.answers.map((f) => [f.report, f.field, f.value])).toEqual(figures);
    if (text) expect(a.text).toMatch(text);
  });
});

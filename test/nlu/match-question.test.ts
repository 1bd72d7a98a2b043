import { describe, expect, it } from 'vitest';
import { createNluContext, matchQuestion } from '../../src/nlu/index.ts';
import { QUESTIONS } from '../answer/_questions.ts';
import { loadTestReports } from '../answer/_store.ts';

const ctx = createNluContext(loadTestReports().map((e) => e.report));

describe('matchQuestion', () => {
  it('covers at least 150 questions and every intent', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(150);
    const intents = new Set(QUESTIONS.map(([, query]) => query.intent));
    expect([...intents].sort()).toEqual(
      ['check', 'clarify', 'compare', 'help', 'list', 'lookup', 'rank', 'trend', 'unknown'].sort(),
    );
  });

  it.each(QUESTIONS)('%s', (question, expected) => {
    const { choices, ...query } = matchQuestion(question, ctx);
    expect(query).toEqual(expected);
    if (expected.intent === 'clarify') expect(choices?.length).toBeGreaterThan(0);
    else expect(choices).toBeUndefined();
  });

  it('counts 今年/去年/前年 from the newest report held', () => {
    expect(ctx.newestYear).toBe(2024);
    expect(matchQuestion('洪泽前年行政处罚', ctx).years).toEqual({ kind: 'year', year: 2022 });
  });
});

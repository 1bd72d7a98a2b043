import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../src/answer/index.ts';
import { createNluContext, matchQuestion } from '../../src/nlu/index.ts';
import { QUESTIONS, TODAY } from '../answer/_questions.ts';
import { QUESTIONS_11 } from '../answer/_questions-11.ts';
import { loadTestReports } from '../answer/_store.ts';

const ctx = createNluContext(loadTestReports().map((e) => e.report));
const OPTS = { rules: INTENTS, today: TODAY };

describe('matchQuestion', () => {
  it('the question tables cover at least 400 questions and every intent', () => {
    expect(QUESTIONS.length + QUESTIONS_11.length).toBeGreaterThanOrEqual(400);
    const intents = new Set([
      ...QUESTIONS.map(([, query]) => query.intent),
      ...QUESTIONS_11.map(([, intent]) => intent),
    ]);
    expect([...intents].sort()).toEqual(
      [
        'check',
        'check_rank',
        'clarify',
        'compare',
        'derived',
        'help',
        'count',
        'list',
        'lookup',
        'meta',
        'prose',
        'rank',
        'region',
        'trend',
        'unheld',
        'unknown',
      ].sort(),
    );
  });

  it.each(QUESTIONS)('%s', (question, expected) => {
    const { choices, ...query } = matchQuestion(question, ctx, OPTS);
    // The year notes (今年 → 2025) and office notes (平罗 → its 办公室) are asserted in their own tests below.
    const noted = query.assumptions.filter((a) => a.kind !== 'relative_year' && a.kind !== 'office');
    expect({ ...query, assumptions: noted }).toEqual(expected);
    if (expected.intent === 'clarify') expect(choices?.length).toBeGreaterThan(0);
    else expect(choices).toBeUndefined();
  });

  it('counts 今年/去年/前年 from today (injected), and says so', () => {
    const q = matchQuestion('洪泽前年行政处罚', ctx, OPTS);
    expect(q.years).toEqual({ kind: 'year', year: 2023 });
    expect(q.assumptions).toEqual([{ kind: 'relative_year', word: '前年', year: 2023 }]);
    const later = matchQuestion('洪泽前年行政处罚', ctx, {
      ...OPTS,
      today: new Date('2027-01-05T00:00:00Z'),
    });
    expect(later.years).toEqual({ kind: 'year', year: 2025 });
  });

  it('says when a place name answers for its government office only', () => {
    const q = matchQuestion('平罗县2023年行政处罚', ctx, OPTS);
    expect(q.agencies).toEqual(['640221|人民政府办公室']);
    expect(q.assumptions).toEqual([{ kind: 'office', typed: '平罗县', chosen: '640221|人民政府办公室' }]);
  });

  it('does not mutate its input or depend on call order (pure)', () => {
    const previous = matchQuestion('化隆2024年行政处罚', ctx, OPTS);
    const frozen = JSON.stringify(previous);
    const a = matchQuestion('那民和呢', ctx, { ...OPTS, previous });
    const b = matchQuestion('那民和呢', ctx, { ...OPTS, previous });
    expect(a).toEqual(b);
    expect(JSON.stringify(previous)).toBe(frozen);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src/bot/message-limits.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { inlineQuery, privateText, user } from '../support/updates.ts';

let t: TestBot;
let nextUser = 700;

beforeAll(async () => {
  t = await createTestBot();
});
afterAll(() => t.dispose());

/** Deterministic random CJK text of `n` characters. */
function noise(n: number, seed = 5): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCodePoint(0x4e00 + (x % 0x5000));
  }
  return out;
}

const textOf = (call: { payload: Record<string, unknown> } | undefined) => String(call?.payload.text ?? '');

describe('messages too long to be a question', () => {
  it('a 4,096-character message gets one short reply naming its length and the limit', async () => {
    await t.send(privateText(user(nextUser++), noise(4096)));
    const calls = t.take('sendMessage');
    expect(calls).toHaveLength(1);
    expect(textOf(calls[0])).toContain('4096 个字');
    expect(textOf(calls[0])).toContain(`${MAX_QUESTION_CHARS} 字以内`);
    expect(textOf(calls[0]).length).toBeLessThan(120);
  });

  it('a question padded past the limit is not answered from its figures', async () => {
    await t.send(privateText(user(nextUser++, 'en'), `Hualong penalties 2024 ${'please '.repeat(60)}`));
    const [call] = t.take('sendMessage');
    expect(textOf(call)).toMatch(/^That message has \d+ characters/);
  });

  it('a question at the limit is still answered', async () => {
    const question = '化隆2024年行政处罚多少';
    await t.send(privateText(user(nextUser++), question + ' '.repeat(MAX_QUESTION_CHARS - question.length)));
    expect(textOf(t.take('sendMessage')[0])).toContain('114');
  });

  it('a 256-character inline query of noise is answered without error', async () => {
    await t.send(inlineQuery(user(nextUser++), noise(256, 9)));
    const calls = t.take();
    expect(calls.map((c) => c.method)).toEqual(['answerInlineQuery']);
  });
});

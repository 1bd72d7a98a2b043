import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { inlineQuery, privateText, user } from '../support/updates.ts';

let t: TestBot;
beforeAll(async () => {
  t = await createTestBot();
});
afterAll(() => t.dispose());

const texts = (calls: { payload: Record<string, unknown> }[]) =>
  calls.map((c) => String(c.payload.text ?? c.payload.caption ?? ''));

describe('questions in Telegram', () => {
  it('inline: a place without a report of its own is never titled with another body’s figure', async () => {
    await t.send(inlineQuery(user(9101, 'zh-hans'), '西宁 行政处罚'));
    const [call] = t.take('answerInlineQuery');
    const [article] = call!.payload.results as { title: string }[];
    expect(article!.title).toBe('没有西宁市本身的年报。');
  });

  it('/check of a place says it has no report of its own, then checks what is inside it', async () => {
    await t.send(privateText(user(9102, 'zh-hans'), '/check 西宁'));
    const [reply] = texts(t.take('sendMessage'));
    expect(reply).toMatch(
      /^没有西宁市本身的年报；以下是其辖区内的年报：\n湟中区人民政府2023年年报发现\d+个问题：/,
    );
  });

  it('a follow-up in the same chat reuses the previous question; another user starts afresh', async () => {
    const u = user(9103, 'zh-hans');
    await t.send(privateText(u, '湟中2023年行政处罚多少'));
    t.take();
    await t.send(privateText(u, '那民和呢'));
    const [reply] = texts(t.take('sendMessage'));
    expect(reply).toMatch(/^民和回族土族自治县人民政府2023年行政处罚：984 件/);
    await t.send(privateText(user(9104, 'zh-hans'), '那民和呢'));
    const [other] = texts(t.take('sendMessage'));
    expect(other).toMatch(/^民和回族土族自治县人民政府2023年主要数据：/);
  });
});
